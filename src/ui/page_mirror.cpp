// ui: what the web page mirrors of the canvas as real DOM (docs/accessibility.md): the reader's
// laid-out lines (the text layer) and the matrix and article list as accessible tables. Plain
// JSON written by hand (no JSON library here: this file is built without exceptions).
#include <cstdio>

#include "ui/ui.hpp"
#include "ui/widgets.hpp"

namespace presslens::ui {

namespace {

void Quote(std::string& out, std::string_view v) {
    out += '"';
    for (char ch : v) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += ch;
        } else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out += ch;
        }
    }
    out += '"';
}

void Num(std::string& out, double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string_view t = buf;  // "12.50" -> "12.5", "12.00" -> "12"
    while (t.back() == '0') t.remove_suffix(1);
    if (t.back() == '.') t.remove_suffix(1);
    out += t;
}

void Key(std::string& out, const char* k) {
    out += '"';
    out += k;
    out += "\":";
}

uint64_t Mix(uint64_t h, uint64_t v) { return (h ^ v) * 1099511628211ULL; }
uint64_t MixF(uint64_t h, float f) { return Mix(h, static_cast<uint64_t>(static_cast<int64_t>(f * 64.0f))); }

}  // namespace

uint64_t ReaderLayoutKey(const AppState& s) {
    uint64_t h = 1469598103934665603ULL;
    const ReaderView& v = s.layout.reader_view;
    h = Mix(h, static_cast<uint64_t>(v.article + 1));
    h = MixF(MixF(MixF(h, v.width), v.line_h), v.font_size);
    h = Mix(Mix(h, v.text_colour), v.grey_colour);
    h = Mix(Mix(Mix(h, s.layout.reader_lines.size()), s.reader.focus.begin), s.reader.focus.end);
    for (const ReaderLine& l : s.layout.reader_lines) {
        h = Mix(Mix(h, l.bytes.begin), l.bytes.end);
        h = MixF(MixF(MixF(h, l.x), l.y), l.w);
        h = Mix(h, (l.page ? 1u : 0u) | (l.grey ? 2u : 0u));
        for (const ReaderMark& m : l.marks) h = Mix(Mix(Mix(Mix(h, m.span.begin), m.span.end), m.colour), m.kind);
    }
    return h;
}

std::string ReaderLayoutJson(const AppState& s) {
    const ReaderView& v = s.layout.reader_view;
    std::string out = "{";
    Key(out, "article");
    out += std::to_string(v.article);
    if (v.article < 0 || v.article >= static_cast<int>(s.data.corpus.articles.size())) return out + "}";
    const std::string& text = s.data.corpus.articles[static_cast<size_t>(v.article)].text;
    out += ',';
    Key(out, "source");
    Quote(out, s.data.corpus.articles[static_cast<size_t>(v.article)].source);
    out += ',';
    // the article's language, for the page's lang attribute (a screen reader's voice, translation)
    Key(out, "lang");
    const size_t ai = static_cast<size_t>(v.article);
    Quote(out, ai < s.data.analysis.articles.size() ? s.data.analysis.articles[ai].effective_language : std::string());
    out += ',';
    Key(out, "font_size");
    Num(out, v.font_size);
    out += ',';
    Key(out, "line_h");
    Num(out, v.line_h);
    out += ',';
    Key(out, "width");
    Num(out, v.width);
    out += ',';
    Key(out, "colour");
    out += std::to_string(v.text_colour);
    out += ',';
    Key(out, "grey");
    out += std::to_string(v.grey_colour);
    out += ',';
    Key(out, "focus");  // the focused evidence sentence's bytes ([0, 0]: none)
    out += '[' + std::to_string(s.reader.focus.begin) + ',' + std::to_string(s.reader.focus.end) + "],";
    // a line: [begin, end, x, y, w, flags (1 page, 2 grey), text, marks [[begin, end, colour, kind]]]
    Key(out, "lines");
    out += '[';
    bool first = true;
    for (const ReaderLine& l : s.layout.reader_lines) {
        if (l.bytes.end > text.size() || l.bytes.begin > l.bytes.end) continue;
        if (!first) out += ',';
        first = false;
        out += '[' + std::to_string(l.bytes.begin) + ',' + std::to_string(l.bytes.end) + ',';
        Num(out, l.x);
        out += ',';
        Num(out, l.y);
        out += ',';
        Num(out, l.w);
        out += ',' + std::to_string((l.page ? 1 : 0) | (l.grey ? 2 : 0)) + ',';
        Quote(out, std::string_view(text).substr(l.bytes.begin, l.bytes.size()));
        out += ",[";
        for (size_t k = 0; k < l.marks.size(); ++k) {
            const ReaderMark& m = l.marks[k];
            if (k) out += ',';
            out += '[' + std::to_string(m.span.begin) + ',' + std::to_string(m.span.end) + ',' +
                   std::to_string(m.colour) + ',' + std::to_string(m.kind) + ']';
        }
        out += "]]";
    }
    return out + "]}";
}

uint64_t MirrorKey(const AppState& s) {
    uint64_t h = 1469598103934665603ULL;
    h = Mix(Mix(h, static_cast<uint64_t>(s.data.corpus_generation)), static_cast<uint64_t>(s.data.codebook_generation));
    h = Mix(Mix(Mix(h, s.data.matrix.rows), s.data.matrix.cols), s.data.match.hits.size());
    for (const MatrixCell& c : s.data.matrix.cells) h = Mix(Mix(h, c.hits), static_cast<uint64_t>(c.best + 1));
    return h;
}

// the article list: the first rows (a corpus of 200,000 articles is not mirrored whole)
constexpr size_t kMirroredArticles = 2000;

uint64_t ArticlesMirrorKey(const AppState& s) {
    uint64_t h = Mix(1469598103934665603ULL, static_cast<uint64_t>(s.data.corpus_generation));
    h = Mix(Mix(h, static_cast<uint64_t>(s.view.selected_article + 1)), s.data.corpus.articles.size());
    // the languages change when the page's identifier arrives and the corpus is analysed again
    for (size_t i = 0; i < s.data.analysis.articles.size() && i < kMirroredArticles; ++i)
        for (char c : s.data.analysis.articles[i].effective_language) h = Mix(h, static_cast<unsigned char>(c));
    return h;
}

std::string MirrorJson(const AppState& s, bool articles) {
    std::string out = "{";
    // the matrix: outlets (rows) by claims (columns), each cell's state and why
    Key(out, "claims");
    out += '[';
    for (size_t c = 0; c < s.data.codebook.codes.size(); ++c) {
        if (c) out += ',';
        out += '[';
        Quote(out, s.data.codebook.codes[c].id);
        out += ',';
        Quote(out, s.data.codebook.codes[c].label);
        out += ']';
    }
    out += "],";
    Key(out, "outlets");
    out += '[';
    for (size_t r = 0; r < s.data.matrix.rows && r < s.data.analysis.outlets.size(); ++r) {
        if (r) out += ',';
        Quote(out, s.data.analysis.outlets[r]);
    }
    out += "],";
    // a cell: [state (0 not reported, 1 reported, 2 not covered), hits, the explanation]
    Key(out, "cells");
    out += '[';
    const bool shaped = s.data.matrix.cols == s.data.codebook.codes.size() && s.data.matrix.rows <= s.data.analysis.outlets.size();
    // each outlet's languages found once, not once per cell (5,000 articles, 100 outlets)
    const std::vector<std::vector<std::string>> outlet_languages = OutletLanguages(s.data.analysis);
    for (size_t r = 0; shaped && r < s.data.matrix.rows; ++r) {
        if (r) out += ',';
        out += '[';
        for (size_t c = 0; c < s.data.matrix.cols; ++c) {
            const MatrixCell& mc = s.data.matrix.at(r, c);
            if (c) out += ',';
            out += '[' + std::to_string(mc.present() ? 1 : mc.not_covered() ? 2 : 0) + ',' + std::to_string(mc.hits) + ',';
            std::string why = CellExplanation(s, r, c, r < outlet_languages.size() ? &outlet_languages[r] : nullptr);
            const std::string click[] = {"\nClick to open it in the reader.", "\n\nClick to open the closest one."};
            for (const std::string& k : click)
                if (why.size() > k.size() && why.compare(why.size() - k.size(), k.size(), k) == 0) why.resize(why.size() - k.size());
            Quote(out, why);
            out += ']';
        }
        out += ']';
    }
    if (!articles) return out + "]}";  // the page keeps the article list it has
    out += "],";
    Key(out, "articles");
    out += '[';
    for (size_t i = 0; i < s.data.corpus.articles.size() && i < kMirroredArticles; ++i) {
        const Article& a = s.data.corpus.articles[i];
        if (i) out += ',';
        out += '[';
        Quote(out, DisplayOutlet(a));
        out += ',';
        Quote(out, DisplayTitle(a));
        out += ',';
        Quote(out, i < s.data.analysis.articles.size() ? s.data.analysis.articles[i].effective_language : std::string("unknown"));
        out += ',';
        Quote(out, a.meta.date.value_or(""));
        out += ',' + std::to_string(i < s.data.analysis.articles.size() ? s.data.analysis.articles[i].words : 0) + ']';
    }
    out += "],";
    Key(out, "article_count");
    out += std::to_string(s.data.corpus.articles.size()) + ',';
    Key(out, "selected");
    out += std::to_string(s.view.selected_article);
    return out + "}";
}

}  // namespace presslens::ui
