// ui: keeping the derived state (analysis, matches, matrix, frequencies) in step with the data
// and the view (see app_state.hpp).
#include <chrono>

#include "io/codebook_io.hpp"
#include "ui/app_state.hpp"

namespace presslens::ui {

namespace {
double MsSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}
}  // namespace

const char* PanelName(Panel p) {
    switch (p) {
        case Panel::Matrix: return "matrix";
        case Panel::Articles: return "articles";
        case Panel::Words: return "words";
        case Panel::Codebook: return "codebook";
    }
    return "matrix";
}

void SetCorpus(AppState& s, Corpus corpus) {
    auto t0 = std::chrono::steady_clock::now();
    s.corpus = std::move(corpus);
    s.analysis = AnalyzeCorpus(s.corpus);
    s.analysis_ms = MsSince(t0);
    if (s.selected_article >= static_cast<int>(s.corpus.articles.size())) s.selected_article = -1;
    if (s.freq_article >= static_cast<int>(s.corpus.articles.size())) s.freq_article = -1;
    if (s.freq_outlet >= static_cast<int>(s.analysis.outlets.size())) s.freq_outlet = -1;
    s.focus = {};
    s.focus_code = -1;
    s.freq_dirty = true;
    Rematch(s);
    if (!s.word.empty()) ShowConcordance(s, s.word);
}

void Rematch(AppState& s) {
    auto t0 = std::chrono::steady_clock::now();
    s.compiled = std::make_unique<CompiledCodebook>(s.codebook);
    s.match = MatchCorpus(s.analysis, *s.compiled);
    s.matrix = BuildMatrix(s.analysis, s.codebook, s.match);
    s.match_ms = MsSince(t0);
    if (s.cell_row >= static_cast<int>(s.matrix.rows) || s.cell_col >= static_cast<int>(s.matrix.cols))
        s.cell_row = s.cell_col = -1;
}

bool SetCodebookText(AppState& s, const std::string& text) {
    Codebook cb;
    LoadError err;
    if (!ParseCodebookJson(text, "codebook", cb, err)) {
        s.codebook_error = err.ToString();
        return false;
    }
    s.codebook = std::move(cb);
    s.codebook_text = text;
    s.codebook_error.clear();
    Rematch(s);
    return true;
}

void RefreshFrequencies(AppState& s) {
    TermOptions opt;
    opt.remove_stopwords = !s.keep_stopwords;
    opt.stem = s.stem;
    opt.min_length = static_cast<size_t>(s.min_length);
    if (s.keyness && s.freq_outlet >= 0) {
        s.key_rows = Keyness(s.analysis, s.freq_outlet, opt, static_cast<size_t>(s.top_n));
        s.freq.clear();
        for (const KeynessRow& r : s.key_rows) s.freq.push_back({r.term, r.target});
    } else {
        Scope scope;
        scope.outlet = s.freq_outlet;
        scope.article = s.freq_article;
        s.freq = CountTerms(s.analysis, scope, opt, static_cast<size_t>(s.top_n));
        s.key_rows.clear();
    }
    s.freq_dirty = false;
}

void OpenArticle(AppState& s, int article, Span focus, int code) {
    if (article < 0 || article >= static_cast<int>(s.corpus.articles.size())) return;
    if (s.selected_article != article) s.reader_scroll_to_top = 1;
    s.selected_article = article;
    s.focus = focus;
    s.focus_code = code;
    s.scroll_to_focus = focus.end > focus.begin;
}

void ShowConcordance(AppState& s, const std::string& word) {
    s.word = word;
    Scope scope;
    scope.outlet = s.freq_outlet;
    scope.article = s.freq_article;
    s.kwic = Concordance(s.analysis, word, scope, 50, s.stem);
}

}  // namespace presslens::ui
