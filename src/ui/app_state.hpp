// ui: the viewer's state, shared by the panels. Plain data plus the derived analysis; no SDL, GL
// or emscripten here. Panels change the view through the small functions at the bottom, which
// keep the derived parts (analysis, matches, matrix, frequencies) in step.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "core/analysis.hpp"
#include "core/codebook.hpp"
#include "core/corpus.hpp"

namespace presslens::ui {

// A rectangle in window coordinates (CSS pixels on the web), recorded while drawing so the
// state hook can say where things are.
struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
};

enum class Panel { Matrix, Articles, Words, Codebook };
const char* PanelName(Panel p);  // "matrix", "articles", "words", "codebook"

struct AppState {
    // data
    Corpus corpus;
    AnalyzedCorpus analysis;         // of corpus
    Codebook codebook;
    std::unique_ptr<CompiledCodebook> compiled;
    MatchResult match;
    Matrix matrix;
    double analysis_ms = 0, match_ms = 0;
    std::string error;               // last load error, shown in the status bar

    // view
    Panel panel = Panel::Matrix;
    bool panel_requested = false;    // switch tabs to `panel` on the next frame
    int selected_article = -1;       // index into corpus.articles, -1 = none
    Span focus{};                    // a sentence to show highlighted in the reader
    int focus_code = -1;             // the code whose evidence `focus` is, -1 = none
    bool scroll_to_focus = false;
    int reader_scroll_to_top = 0;    // set when the reader's article changes
    bool show_boilerplate = true;    // greyed when shown, folded to a marker when not
    int cell_row = -1, cell_col = -1;  // the matrix cell last opened
    bool sort_by_coverage = false;
    std::string filter;              // the article list's filter
    bool focus_filter = false;       // Ctrl/Cmd+F: put the keyboard in the filter box

    // word frequencies
    int freq_outlet = -1, freq_article = -1;  // scope: -1/-1 = whole corpus
    int top_n = 30;
    bool keep_stopwords = false, stem = false, keyness = false;
    int min_length = 1;
    std::vector<TermCount> freq;
    std::vector<KeynessRow> key_rows;
    bool freq_dirty = true;
    std::string word;                // the word whose concordance is shown
    std::vector<KwicLine> kwic;

    // codebook editing
    std::string codebook_text;       // the JSON being edited
    std::string codebook_error;      // why the text is not (yet) a valid codebook
    std::string codebook_editing;    // the editor's text (may be invalid while typing)
    bool dark_theme = true;

    // Filled while drawing (one frame behind the hook): where things are on screen.
    std::vector<Rect> article_rows;
    std::vector<Rect> matrix_cells;  // row-major, rows x codes
    std::vector<Rect> bars;
    std::vector<Rect> kwic_rows;
    Rect reader_focus;
};

// (Re)analyses the corpus and re-matches; keeps the view where it still makes sense.
void SetCorpus(AppState& s, Corpus corpus);
// Parses text as a codebook; on success re-matches, on failure keeps the current codebook and
// sets codebook_error. Returns success.
bool SetCodebookText(AppState& s, const std::string& text);
void Rematch(AppState& s);
void RefreshFrequencies(AppState& s);
// Opens an article in the reader, optionally focused on a span (sentence) of evidence.
void OpenArticle(AppState& s, int article, Span focus = {}, int code = -1);
void ShowConcordance(AppState& s, const std::string& word);

}  // namespace presslens::ui
