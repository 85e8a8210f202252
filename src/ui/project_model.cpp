// ui: projects (new, example, save), and the article list's undoable changes (delete, edit,
// add from a paste). Model only: no ImGui (model.hpp).
#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "io/codebook_io.hpp"
#include "io/html.hpp"
#include "io/project.hpp"
#include "io/review_io.hpp"
#include "ui/model.hpp"
#include "ui/ui.hpp"

namespace presslens::ui {

namespace {

// After articles changed in place (removed, inserted, edited): outlets, matches and the view.
void ArticlesChanged(AppState& s) {
    s.data.analysis.corpus = &s.data.corpus;
    RegroupOutlets(s.data.analysis);
    Rematch(s);
    if (s.view.selected_article >= static_cast<int>(s.data.corpus.articles.size())) s.view.selected_article = -1;
    if (s.words.article >= static_cast<int>(s.data.corpus.articles.size())) s.words.article = -1;
    if (s.words.outlet >= static_cast<int>(s.data.analysis.outlets.size())) s.words.outlet = -1;
    if (s.words.compare_outlet >= static_cast<int>(s.data.analysis.outlets.size())) s.words.compare_outlet = -1;
    s.view.list_selection.erase(std::remove_if(s.view.list_selection.begin(), s.view.list_selection.end(),
                                     [&](int i) { return i >= static_cast<int>(s.data.corpus.articles.size()); }),
                      s.view.list_selection.end());
    s.reader.focus = {};
    s.reader.focus_code = -1;
    s.words.dirty = true;
    s.data.corpus_is_default = false;
    ++s.data.corpus_generation;
    RefreshProjectFacts(s);
    if (!s.words.word.empty()) ShowConcordance(s, s.words.word);
}

// Applies a change; returns its inverse.
ArticleChange Apply(AppState& s, ArticleChange c) {
    ArticleChange inverse;
    if (c.kind == ArticleChange::Kind::Review) {  // the review as it was; the articles are untouched
        inverse.kind = ArticleChange::Kind::Review;
        inverse.review = std::move(s.review.review);
        s.review.review = std::move(c.review);
        ++s.review.generation;
        ReviewChanged(s);
        return inverse;
    }
    inverse.positions = c.positions;
    auto& articles = s.data.corpus.articles;
    auto& analysed = s.data.analysis.articles;
    switch (c.kind) {
        case ArticleChange::Kind::Remove: {
            inverse.kind = ArticleChange::Kind::Insert;
            for (size_t k = c.positions.size(); k-- > 0;) {
                size_t i = c.positions[k];
                inverse.articles.push_back(std::move(articles[i]));
                inverse.analysed.push_back(std::move(analysed[i]));
                articles.erase(articles.begin() + static_cast<long>(i));
                analysed.erase(analysed.begin() + static_cast<long>(i));
            }
            std::reverse(inverse.articles.begin(), inverse.articles.end());
            std::reverse(inverse.analysed.begin(), inverse.analysed.end());
            break;
        }
        case ArticleChange::Kind::Insert: {
            inverse.kind = ArticleChange::Kind::Remove;
            for (size_t k = 0; k < c.positions.size(); ++k) {
                size_t i = std::min(c.positions[k], articles.size());
                articles.insert(articles.begin() + static_cast<long>(i), std::move(c.articles[k]));
                AnalyzedArticle aa = k < c.analysed.size() ? std::move(c.analysed[k])
                                                           : AnalyzeArticle(articles[i], s.data.analysis.terms);
                analysed.insert(analysed.begin() + static_cast<long>(i), std::move(aa));
            }
            break;
        }
        case ArticleChange::Kind::Review: break;  // (above)
        case ArticleChange::Kind::Edit: {
            inverse.kind = ArticleChange::Kind::Edit;
            size_t i = c.positions[0];
            Article& a = articles[i];
            Article before;
            before.meta = a.meta;
            inverse.articles.push_back(std::move(before));
            const bool language_changed = a.meta.language != c.articles[0].meta.language;
            a.meta = std::move(c.articles[0].meta);
            // the language decides stopwords, stems and which rules apply: analyse again
            if (language_changed) analysed[i] = AnalyzeArticle(a, s.data.analysis.terms);
            break;
        }
    }
    ArticlesChanged(s);
    return inverse;
}

void Do(AppState& s, ArticleChange c) {
    s.project.undo.push_back(Apply(s, std::move(c)));
    s.project.redo.clear();
    constexpr size_t kMaxUndo = 100;
    if (s.project.undo.size() > kMaxUndo) s.project.undo.erase(s.project.undo.begin());
}

std::optional<std::string> NonEmpty(const std::string& v) {
    size_t b = v.find_first_not_of(" \t\r\n"), e = v.find_last_not_of(" \t\r\n");
    if (b == std::string::npos) return std::nullopt;
    return v.substr(b, e - b + 1);
}

// The first "http(s)://..." in the text, up to white space.
std::string FirstUrl(const std::string& text) {
    size_t p = text.find("http");
    while (p != std::string::npos) {
        if (text.compare(p, 7, "http://") == 0 || text.compare(p, 8, "https://") == 0) {
            size_t e = p;
            while (e < text.size() && !std::isspace(static_cast<unsigned char>(text[e])) && text[e] != '"' &&
                   text[e] != '<' && text[e] != '>')
                ++e;
            while (e > p && (text[e - 1] == '.' || text[e - 1] == ',' || text[e - 1] == ')')) --e;
            return text.substr(p, e - p);
        }
        p = text.find("http", p + 4);
    }
    return {};
}

// A date written as 2026-11-02 in the first 2,000 bytes of the text, else "".
std::string FirstIsoDate(const std::string& text) {
    const size_t n = std::min<size_t>(text.size(), 2000);
    auto digit = [&](size_t i) { return i < n && std::isdigit(static_cast<unsigned char>(text[i])); };
    for (size_t i = 0; i + 10 <= n; ++i) {
        if ((i == 0 || !digit(i - 1)) && digit(i) && digit(i + 1) && digit(i + 2) && digit(i + 3) && text[i + 4] == '-' &&
            digit(i + 5) && digit(i + 6) && text[i + 7] == '-' && digit(i + 8) && digit(i + 9) && !digit(i + 10)) {
            int month = (text[i + 5] - '0') * 10 + (text[i + 6] - '0');
            int day = (text[i + 8] - '0') * 10 + (text[i + 9] - '0');
            int year = std::stoi(text.substr(i, 4));
            if (year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31) return text.substr(i, 10);
        }
    }
    return {};
}

}  // namespace

const std::string& StarterCodebookJson() {
    // One claim without rules (a codebook needs a claim; a rule needs a term, which the user
    // types under "add terms in a language"): no example text to find and delete.
    static const std::string kStarter = R"({
  "presslens_codebook": 1,
  "name": "Untitled project",
  "codes": [
    {"id": "C1", "label": "New claim", "colour": "#4e79a7"}
  ]
}
)";
    return kStarter;
}

void RefreshProjectFacts(AppState& s) {
    const auto& articles = s.data.corpus.articles;
    s.project.fingerprint = CorpusFingerprint(s.data.corpus);
    s.project.duplicate_of.assign(articles.size(), -1);
    std::unordered_map<std::string_view, int> first;
    first.reserve(articles.size());
    for (size_t i = 0; i < articles.size(); ++i) {
        auto [it, inserted] = first.emplace(articles[i].text, static_cast<int>(i));
        if (!inserted) s.project.duplicate_of[i] = it->second;
    }
}

void StashProject(AppState& s) {
    if (s.data.corpus_is_default || s.load.job) return;
    if (s.data.corpus.articles.empty() && s.data.codebook_text == StarterCodebookJson()) return;  // nothing of the user's
    size_t bytes = s.data.codebook_text.size();
    for (const Article& a : s.data.corpus.articles) bytes += a.text.size() + a.received.size();
    constexpr size_t kMaxStash = 64u << 20;
    if (bytes > kMaxStash) {
        s.load.warnings.push_back("\"" + ProjectTitle(s) + "\" is too big to keep among the recent projects (" +
                             MebibytesText(bytes) + "): save it with File > Save project first");
        return;
    }
    s.project.stash = ProjectFileBytes(s, "");
    s.project.stash_name = ProjectTitle(s);
    s.project.stash_articles = s.data.corpus.articles.size();
}

const std::string& ExampleFingerprint() {
    static const std::string kFingerprint = [] {
        Corpus c;
        LoadError err;
        return LoadDefaultCorpus(c, err) ? CorpusFingerprint(c) : std::string();
    }();
    return kFingerprint;
}

void OpenRecentProject(AppState& s, const std::string& key) {
    if (s.load.job) return;
    s.project.open_recent = key;
}

namespace {
// What belonged to the project that was open: its name, undo steps, selection, a waiting link.
void ForgetProject(AppState& s) {
    s.project.name.clear();
    s.project.codebook_name = "codebook.json";
    s.project.undo.clear();
    s.project.redo.clear();
    if (!s.review.review.empty()) ++s.review.generation;
    s.review.review = {};
    s.review.pending.clear();
    s.review.other = 0;
    s.project.missing_link.clear();
    ++s.project.generation;
    s.view.list_selection.clear();
}
}  // namespace

void NewProject(AppState& s) {
    CancelLoad(s);
    StashProject(s);
    SetCorpus(s, Corpus{});
    s.data.corpus_is_default = false;
    SetCodebookText(s, StarterCodebookJson());
    s.editor.text = s.data.codebook_text;
    ForgetProject(s);
    s.view.selected_article = -1;
    s.view.cell_row = s.view.cell_col = -1;
    s.words.word.clear();
    s.words.kwic.clear();
    s.view.panel = Panel::Articles;
    s.view.panel_requested = true;
    s.load.notice = "New project: add articles (drop or pick files, or paste with Ctrl+V), then write your claims in the Codebook panel";
    s.load.error.clear();
}

bool ShowExampleProject(AppState& s) {
    CancelLoad(s);
    StashProject(s);
    if (!ShowDefaultCorpus(s)) return false;
    ResetToDefaultCodebook(s);
    // a link that waited for the example shows its view now
    if (!s.project.missing_link.empty() && s.project.missing_fingerprint == s.project.fingerprint) {
        std::string link = std::move(s.project.missing_link);
        s.project.missing_link.clear();
        ApplyViewLink(s, link);
    }
    ForgetProject(s);
    s.load.notice = "The example project: five articles on the Amazon employees' letter of June 2018";
    return true;
}

std::string ProjectTitle(const AppState& s) {
    if (!s.project.name.empty()) return s.project.name;
    if (!s.data.codebook.name.empty()) return s.data.codebook.name;
    return "Untitled project";
}

void RenameProject(AppState& s, const std::string& name) {
    std::optional<std::string> n = NonEmpty(name);
    std::string v = n.value_or("");
    if (v == s.project.name) return;
    s.project.name = v;
    ++s.project.generation;
}

std::string ProjectFileBytes(AppState& s, const std::string& view) {
    Project p;
    p.name = ProjectTitle(s);
    p.codebook_name = s.project.codebook_name;
    p.codebook_text = s.data.codebook_text;
    if (!s.review.review.empty()) p.review_text = ReviewJson(s.review.review);
    p.view = view;
    // lend the corpus to the project for the write, without copying it
    p.corpus = std::move(s.data.corpus);
    std::string bytes = ProjectBytes(p);
    s.data.corpus = std::move(p.corpus);
    s.data.analysis.corpus = &s.data.corpus;
    return bytes;
}

std::string ProjectFileName(const AppState& s) {
    std::string out;
    for (unsigned char c : ProjectTitle(s)) {
        if (c < 0x20 || c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' || c == '>' ||
            c == '|')
            out += '-';
        else
            out += static_cast<char>(c);
        if (out.size() >= 80 && (c & 0xC0) != 0x80) break;
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == '.')) out.pop_back();
    if (out.empty()) out = "project";
    return out + std::string(kProjectExtension);
}

void DeleteArticles(AppState& s, std::vector<int> indices) {
    std::sort(indices.begin(), indices.end());
    indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
    ArticleChange c;
    c.kind = ArticleChange::Kind::Remove;
    for (int i : indices)
        if (i >= 0 && i < static_cast<int>(s.data.corpus.articles.size())) c.positions.push_back(static_cast<size_t>(i));
    if (c.positions.empty() || s.load.job) return;
    const size_t n = c.positions.size();
    Do(s, std::move(c));
    s.view.list_selection.clear();
    s.load.notice = "Deleted " + std::to_string(n) + (n == 1 ? " article" : " articles") + " (Ctrl+Z to undo)";
}

void EditArticle(AppState& s, int index, const ArticleMeta& meta) {
    if (index < 0 || index >= static_cast<int>(s.data.corpus.articles.size()) || s.load.job) return;
    ArticleMeta clean;
    auto set = [](std::optional<std::string>& to, const std::optional<std::string>& from) {
        to = from ? NonEmpty(*from) : std::nullopt;
    };
    set(clean.outlet, meta.outlet);
    set(clean.title, meta.title);
    set(clean.author, meta.author);
    set(clean.date, meta.date);
    set(clean.url, meta.url);
    set(clean.language, meta.language);
    if (clean.language) {
        std::string l = *clean.language;
        std::transform(l.begin(), l.end(), l.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        clean.language = l;
    }
    const ArticleMeta& old = s.data.corpus.articles[static_cast<size_t>(index)].meta;
    if (old.outlet == clean.outlet && old.title == clean.title && old.author == clean.author && old.date == clean.date &&
        old.url == clean.url && old.language == clean.language)
        return;
    ArticleChange c;
    c.kind = ArticleChange::Kind::Edit;
    c.positions = {static_cast<size_t>(index)};
    Article a;
    a.meta = std::move(clean);
    c.articles.push_back(std::move(a));
    Do(s, std::move(c));
}

void AddArticles(AppState& s, std::vector<Article> articles) {
    if (articles.empty() || s.load.job) return;
    ArticleChange c;
    c.kind = ArticleChange::Kind::Insert;
    for (size_t k = 0; k < articles.size(); ++k) c.positions.push_back(s.data.corpus.articles.size() + k);
    c.articles = std::move(articles);
    Do(s, std::move(c));
}

bool UndoArticles(AppState& s) {
    if (s.project.undo.empty() || s.load.job) return false;
    ArticleChange c = std::move(s.project.undo.back());
    s.project.undo.pop_back();
    s.project.redo.push_back(Apply(s, std::move(c)));
    s.load.notice = "Undone";
    return true;
}

bool RedoArticles(AppState& s) {
    if (s.project.redo.empty() || s.load.job) return false;
    ArticleChange c = std::move(s.project.redo.back());
    s.project.redo.pop_back();
    s.project.undo.push_back(Apply(s, std::move(c)));
    s.load.notice = "Redone";
    return true;
}

void BeginPaste(AppState& s, const std::string& text) {
    PasteForm& f = s.paste;
    std::string html = std::move(f.clipboard_html);
    f = PasteForm{};
    if (!html.empty()) {
        // HTML from a browser's copy: the same reader as a saved page
        Article a;
        std::vector<std::string> warnings;
        LoadError err;
        if (ParseHtmlArticle(html, "pasted HTML", a, warnings, err)) {
            f.from_html = true;
            f.text = a.text;
            f.outlet = a.meta.outlet.value_or("");
            f.title = a.meta.title.value_or("");
            f.author = a.meta.author.value_or("");
            f.date = a.meta.date.value_or("");
            f.url = a.meta.url.value_or("");
            f.language = a.meta.language.value_or("");
            f.html_article = std::move(a);
            f.request_open = true;
            return;
        }
    }
    f.text = text;
    Article probe;
    probe.text = text;
    probe.source = "pasted text";
    std::string title = DisplayTitle(probe, 200);
    f.title = title == probe.source ? std::string() : title;
    f.date = FirstIsoDate(text);
    f.url = FirstUrl(text);
    f.request_open = true;
}

bool CommitPaste(AppState& s) {
    PasteForm& f = s.paste;
    if (!NonEmpty(f.text)) {
        f.error = "The text is empty: paste the article's text into the box";
        return false;
    }
    if (s.load.limits.max_article_bytes && f.text.size() > s.load.limits.max_article_bytes) {
        f.error = ArticleTooBigMessage("the pasted text", f.text.size(), s.load.limits);
        return false;
    }
    if (s.load.job) {
        f.error = "A load is in progress: add the article when it has finished";
        return false;
    }
    Article a;
    // the HTML reader's article while its text is as extracted; edited text is plain text
    const bool html = f.from_html && f.text == f.html_article.text;
    if (html) a = std::move(f.html_article);
    a.text = f.text;
    // a name no other article has: "pasted-N.txt"
    for (size_t n = s.data.corpus.articles.size() + 1;; ++n) {
        std::string name = "pasted-" + std::to_string(n) + (html ? ".html" : ".txt");
        if (std::none_of(s.data.corpus.articles.begin(), s.data.corpus.articles.end(),
                         [&](const Article& x) { return x.source == name; })) {
            a.source = name;
            break;
        }
    }
    a.meta.outlet = NonEmpty(f.outlet);
    a.meta.title = NonEmpty(f.title);
    a.meta.author = NonEmpty(f.author);
    a.meta.date = NonEmpty(f.date);
    a.meta.url = NonEmpty(f.url);
    if (auto l = NonEmpty(f.language)) a.meta.language = SupportedLanguage(*l).empty() ? *l : SupportedLanguage(*l);
    const std::string shown = a.meta.title ? *a.meta.title : a.source;
    AddArticles(s, {std::move(a)});
    const int added = static_cast<int>(s.data.corpus.articles.size()) - 1;
    if (added >= 0 && s.project.duplicate_of[static_cast<size_t>(added)] >= 0)
        s.load.notice = "Added \"" + shown + "\": the same text as article " +
                   std::to_string(s.project.duplicate_of[static_cast<size_t>(added)] + 1) + " (Ctrl+Z to undo)";
    else
        s.load.notice = "Added \"" + shown + "\" (Ctrl+Z to undo)";
    OpenArticle(s, added);
    f = PasteForm{};
    return true;
}

}  // namespace presslens::ui
