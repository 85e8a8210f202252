// ui: the view as a short link ("panel=matrix&cell=3,0&article=3&focus=631-754&code=D1"), kept in
// the page's URL hash so a copied link reopens the view and back/forward work. Values that do not
// fit the current corpus are ignored, never trusted.
#include <cstdio>
#include <cstdlib>

#include "ui/ui.hpp"

namespace presslens::ui {

namespace {

std::string Escape(const std::string& v) {
    std::string out;
    for (unsigned char c : v) {
        if (c == '&' || c == '=' || c == '%' || c == '#' || c < 0x20) {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

std::string Unescape(std::string_view v) {
    std::string out;
    for (size_t i = 0; i < v.size(); ++i) {
        if (v[i] == '%' && i + 2 < v.size()) {
            char hex[3] = {v[i + 1], v[i + 2], 0};
            char* end = nullptr;
            long c = std::strtol(hex, &end, 16);
            if (end == hex + 2) {
                out += static_cast<char>(c);
                i += 2;
                continue;
            }
        }
        out += v[i];
    }
    return out;
}

bool ParseInt(const std::string& s, long& out) {
    if (s.empty() || s.size() > 12) return false;
    char* end = nullptr;
    out = std::strtol(s.c_str(), &end, 10);
    return *end == 0;
}

}  // namespace

std::string ViewLink(const AppState& s) {
    // the project it is a view of: its fingerprint and name (ApplyViewLink checks them)
    std::string link = "project=" + s.project.fingerprint + "&story=" + Escape(ProjectTitle(s));
    link += std::string("&panel=") + PanelName(s.view.panel);
    if (s.view.selected_article >= 0) link += "&article=" + std::to_string(s.view.selected_article);
    if (s.reader.focus.end > s.reader.focus.begin) link += "&focus=" + std::to_string(s.reader.focus.begin) + "-" + std::to_string(s.reader.focus.end);
    if (s.reader.focus_code >= 0 && s.reader.focus_code < static_cast<int>(s.data.codebook.codes.size()))
        link += "&code=" + Escape(s.data.codebook.codes[static_cast<size_t>(s.reader.focus_code)].id);
    if (s.view.cell_row >= 0) link += "&cell=" + std::to_string(s.view.cell_row) + "," + std::to_string(s.view.cell_col);
    if (s.words.article >= 0) link += "&scope=article:" + std::to_string(s.words.article);
    else if (s.words.outlet >= 0) link += "&scope=outlet:" + std::to_string(s.words.outlet);
    if (s.words.keyness) link += "&keyness=1";
    if (s.words.compare_outlet >= 0) link += "&compare=" + std::to_string(s.words.compare_outlet);
    if (!s.words.word.empty()) link += "&word=" + Escape(s.words.word);
    return link;
}

// The value of `key` in a link, unescaped ("" when absent).
std::string LinkValue(const std::string& link, std::string_view key) {
    size_t i = 0;
    while (i <= link.size()) {
        size_t amp = link.find('&', i);
        if (amp == std::string::npos) amp = link.size();
        std::string_view part(link.data() + i, amp - i);
        if (part.size() > key.size() && part.substr(0, key.size()) == key && part[key.size()] == '=')
            return Unescape(part.substr(key.size() + 1));
        i = amp + 1;
    }
    return {};
}

void ApplyViewLink(AppState& s, const std::string& link) {
    // A view of another project: its indices mean nothing here. Say so; keep this view.
    const std::string project = LinkValue(link, "project");
    if (!project.empty() && project != s.project.fingerprint) {
        s.project.missing_link = link;
        s.project.missing_fingerprint = project;
        s.project.missing_name = LinkValue(link, "story");
        return;
    }
    s.project.missing_link.clear();
    long n = 0;
    int article = -1, cell_row = -1, cell_col = -1, code = -1, outlet_scope = -1, article_scope = -1, compare = -1;
    Span focus{};
    Panel panel = Panel::Matrix;
    std::string word;
    bool keyness = false;
    size_t i = 0;
    while (i <= link.size()) {
        size_t amp = link.find('&', i);
        if (amp == std::string::npos) amp = link.size();
        std::string_view part(link.data() + i, amp - i);
        size_t eq = part.find('=');
        std::string key(part.substr(0, eq));
        std::string value = eq == std::string_view::npos ? std::string() : Unescape(part.substr(eq + 1));
        const long articles = static_cast<long>(s.data.corpus.articles.size());
        if (key == "panel") {
            for (Panel p : {Panel::Matrix, Panel::Articles, Panel::Words, Panel::Codebook, Panel::Review})
                if (value == PanelName(p)) panel = p;
        } else if (key == "article" && ParseInt(value, n) && n >= 0 && n < articles) {
            article = static_cast<int>(n);
        } else if (key == "focus") {
            size_t dash = value.find('-');
            long b = 0, e = 0;
            if (dash != std::string::npos && ParseInt(value.substr(0, dash), b) && ParseInt(value.substr(dash + 1), e) &&
                b >= 0 && e > b)
                focus = {static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
        } else if (key == "code") {
            for (size_t c = 0; c < s.data.codebook.codes.size(); ++c)
                if (s.data.codebook.codes[c].id == value) code = static_cast<int>(c);
        } else if (key == "cell") {
            size_t comma = value.find(',');
            long r = 0, c = 0;
            if (comma != std::string::npos && ParseInt(value.substr(0, comma), r) && ParseInt(value.substr(comma + 1), c) &&
                r >= 0 && c >= 0 && static_cast<size_t>(r) < s.data.matrix.rows && static_cast<size_t>(c) < s.data.matrix.cols) {
                cell_row = static_cast<int>(r);
                cell_col = static_cast<int>(c);
            }
        } else if (key == "scope") {
            if (value.rfind("outlet:", 0) == 0 && ParseInt(value.substr(7), n) && n >= 0 &&
                n < static_cast<long>(s.data.analysis.outlets.size()))
                outlet_scope = static_cast<int>(n);
            else if (value.rfind("article:", 0) == 0 && ParseInt(value.substr(8), n) && n >= 0 && n < articles)
                article_scope = static_cast<int>(n);
        } else if (key == "compare" && ParseInt(value, n) && n >= 0 && n < static_cast<long>(s.data.analysis.outlets.size())) {
            compare = static_cast<int>(n);
        } else if (key == "keyness") {
            keyness = value == "1";
        } else if (key == "word") {
            word = value;
        }
        i = amp + 1;
    }
    s.view.panel = panel;
    s.view.panel_requested = true;
    s.view.cell_row = cell_row;
    s.view.cell_col = cell_col;
    if (compare == outlet_scope || outlet_scope < 0) compare = -1;
    if (s.words.outlet != outlet_scope || s.words.article != article_scope || s.words.keyness != keyness ||
        s.words.compare_outlet != compare)
        s.words.dirty = true;
    s.words.compare_outlet = compare;
    s.words.outlet = outlet_scope;
    s.words.article = article_scope;
    s.words.keyness = keyness && outlet_scope >= 0 && compare < 0;
    if (article >= 0) {
        const size_t size = s.data.corpus.articles[static_cast<size_t>(article)].text.size();
        if (focus.end > size) focus = {};
        OpenArticle(s, article, focus, code);
    } else {
        s.view.selected_article = -1;
        s.reader.focus = {};
        s.reader.focus_code = -1;
    }
    if (word != s.words.word) {
        if (word.empty()) {
            s.words.word.clear();
            s.words.kwic.clear();
        } else {
            if (s.words.dirty) RefreshFrequencies(s);
            ShowConcordance(s, word);
        }
    }
}

}  // namespace presslens::ui
