// ui: the viewer's model: its state (AppState), grouped by concern, and the verbs that change it.
// No ImGui, SDL, GL or emscripten here. The data and what is derived from it change only through
// the verbs at the bottom, which keep the derived parts (analysis, matches, matrix, review,
// frequencies) in step; panels read the state and write the view's groups.
//
// [SECTION] Small types the groups share
// [SECTION] The data and what is derived from it      (DataState, s.data)
// [SECTION] Loading                                   (LoadJob, LoadState, s.load)
// [SECTION] The project                               (ProjectState, PasteForm, s.project, s.paste)
// [SECTION] The review                                (ReviewState, s.review)
// [SECTION] The view: panels, the reader, the word frequencies (s.view, s.reader, s.words)
// [SECTION] Requests to the host                      (HostRequests, s.host)
// [SECTION] Where things were drawn                   (ScreenLayout, s.layout)
// [SECTION] The app state                             (AppState; the codebook editor is codebook_edit.hpp's)
// [SECTION] Verbs: the review                         (review_model.cpp)
// [SECTION] Verbs: projects and the article list      (project_model.cpp)
// [SECTION] Verbs: the data, loading, settings        (model.cpp)
// [SECTION] Verbs: the codebook                       (model.cpp; edits being matched: codebook_edit.hpp)
// [SECTION] Verbs: the view                           (model.cpp)
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis.hpp"
#include "core/codebook.hpp"
#include "core/corpus.hpp"
#include "core/review.hpp"
#include "core/suggest.hpp"
#include "io/inputs.hpp"
#include "ui/codebook_edit.hpp"

namespace presslens::ui {

// [SECTION] Small types the groups share ---------------------------------------------------------

// A rectangle in window coordinates (CSS pixels on the web), recorded while drawing so the
// state hook can say where things are.
struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
};

enum class Panel { Matrix, Articles, Words, Codebook, Review };

// Something for the host to save as a file (a download in the browser).
struct Export {
    std::string name, mime, bytes;
};
const char* PanelName(Panel p);  // "matrix", "articles", "words", "codebook"

// The viewer's default limits: io's kMaxFileBytes (256 MiB) per file, 32 MiB per article
// (File > Limits changes them).
inline const Limits kViewerLimits{kMaxFileBytes, 32u << 20, "File \xE2\x80\xBA Limits"};

// [SECTION] The data and what is derived from it -------------------------------------------------

// Dictionary translations for the suggestions. The page's main module has no dictionaries: its
// suggestion worker (wasm/suggest_worker.cpp, shell/suggest.js) runs the full engine with the
// tables of the corpus's languages, off the main thread, and its answer is merged here
// (docs/architecture.md). Asked for when the suggestions are on screen; an answer for another
// corpus or codebook than the current one is stale and dropped. The worker keeps the corpus: it is
// sent once per corpus generation, a slice per frame (WriteDictionaryCorpus), and a lookup then
// sends only the codebook.
struct DictionaryLookup {
    bool on_screen = false;                    // the Codebook panel shows the suggestions (this frame)
    bool running = false;                      // a lookup is under way, unanswered
    bool asked = false;                        // ...and its request was handed over (else its corpus is being written)
    long for_corpus = -1, for_codebook = -1;   // the generations of the last lookup
    std::vector<std::string> languages;        // the tables it asked for ("de", "es")
    std::string status;                        // "looking up dictionaries…", what came, or what failed
    bool failed = false;                       // `status` names a failure
    size_t added = 0;                          // suggestions the answer added
    long corpus_sent = -1;                     // the corpus generation the worker was sent whole
    long corpus_writing = -1;                  // the one being written (-1: none)
    size_t corpus_next = 0;                    // ...its next article
    uint64_t corpus_bytes = 0;                 // ...bytes written of it so far
};

// The articles and the codebook, and the results derived from them (analysis, matches, matrix,
// suggestions). Only the model's verbs (declared below) write here; panels read it.
struct DataState {
    Corpus corpus;
    AnalyzedCorpus analysis;         // of corpus
    Codebook codebook;
    std::string codebook_text;       // the codebook's JSON as written (the editor's once it parsed)
    std::unique_ptr<CompiledCodebook> compiled;
    long compiled_generation = -1;   // the codebook_generation `compiled` was built from
    MatchResult match;
    Matrix matrix;
    double analysis_ms = 0, match_ms = 0;
    bool corpus_is_default = true;   // the embedded corpus: the example project (nothing to save)
    long corpus_generation = 0;      // bumped whenever the corpus changes (the host saves it)
    long codebook_generation = 0;    // bumped whenever the codebook changes
    long saved_corpus_generation = 0, saved_codebook_generation = 0;  // the host's: what it stored
    // codebook suggestions: terms that carry the codebook into the corpus's other languages
    std::vector<Suggestion> suggestions;
    long suggestions_for_corpus = -1, suggestions_for_codebook = -1;  // the generations they were made for
    std::unique_ptr<SuggestIndex> suggest_index;  // the corpus's words for them (of `analysis`), or null
    long suggest_index_for = -1;                  // ...read for this corpus generation
    bool suggest_index_read = false;              // ...whole
    DictionaryLookup dictionaries;   // the dictionary translations merged into `suggestions`
};

// [SECTION] Loading ------------------------------------------------------------------------------

// A load in progress (files dropped, picked, named on the command line, or the saved corpus):
// parsed, analysed and matched a slice per frame so the interface keeps responding; the current
// corpus stays on screen until the new one is complete. Fields are the model's (model.cpp).
struct LoadJob {
    enum class Stage { Parse, Analyze, Match };
    Stage stage = Stage::Parse;
    bool restore = false;                // the saved corpus at start-up: not saved again
    bool relanguage = false;             // the corpus analysed again as it is (new languages arrived)
    std::vector<InputFile> files;
    size_t next_file = 0;
    std::vector<Article> articles;       // parsed so far
    std::vector<MetadataEntry> metadata;
    bool replace = false;                // a .json corpus replaces; .txt articles are added
    std::string codebook_name, codebook_text;  // a codebook in the batch, as read
    bool project = false;                // the batch holds a project file: it replaces everything
    std::string project_name, project_view, project_review;
    std::unique_ptr<Codebook> codebook;        // ...and parsed (null: none, or it was broken)
    std::vector<std::string> problems;   // files not loaded, with why
    std::vector<std::string> warnings;
    size_t replaced = 0, added = 0;
    std::unique_ptr<Corpus> corpus;      // the corpus being built (stable address for `analysis`)
    AnalyzedCorpus analysis;
    std::unique_ptr<CompiledCodebook> compiled;
    long codebook_generation = 0;        // the codebook `compiled` was built from
    MatchResult match;
    MatchMemo match_memo;                // what matching learnt of the new corpus's words
    size_t next_match = 0;
    double started_ms = 0;               // steady-clock ms
    double compute_ms = 0;               // time spent in StepLoad (without drawing frames)
    double slice_end_ms = -1;            // when the last slice ended (steady-clock ms), -1: none yet
};

// Loads in progress and queued, what the last one said, and the size limits they apply.
struct LoadState {
    std::unique_ptr<LoadJob> job;    // a load in progress, or null
    std::vector<std::unique_ptr<LoadJob>> queued;  // loads waiting for the current one
    long finished = 0;               // loads completed or cancelled (the state hook's "loads")
    double compute_ms = 0;           // the last load's own work: parse + analyse + match, no frames
    std::string error;               // the last load's error (or a failed save), shown in the status bar
    std::string notice;              // the last load's outcome, shown in the status bar
    std::vector<std::string> warnings;  // the last load's warnings (invalid UTF-8, unknown language, ...)
    // One file, and one article (analysed in a single step, so a huge one would freeze the
    // frame): File > Limits changes them; they are kept with the settings.
    Limits limits = kViewerLimits;
};

// [SECTION] The project --------------------------------------------------------------------------

// One undoable change to the articles. Undoing applies its inverse, which becomes the redo step.
struct ArticleChange {
    enum class Kind { Remove, Insert, Edit, Review };  // Review: the human review as it was (`review`)
    Kind kind = Kind::Remove;
    std::vector<size_t> positions;          // ascending, in the corpus after an Insert / before a Remove
    std::vector<Article> articles;          // Insert: the articles; Edit: one, holding the metadata to set
    std::vector<AnalyzedArticle> analysed;  // Insert: their analyses when known (else analysed again)
    Review review;                          // Review: the decisions and imported coders to restore
};

// A project kept in browser storage (or the config folder) to be reopened: File > Recent projects.
struct RecentProject {
    std::string key;       // its storage key ("recent-7")
    std::string name;
    size_t articles = 0;
};

// The project: the story being compared (docs/formats.md, "Project file").
struct ProjectState {
    std::string name;                 // the story's name, on the first screen ("" = untitled)
    std::string codebook_name = "codebook.json";
    std::string fingerprint;          // of the corpus (io/project.hpp): view links carry it
    std::vector<int> duplicate_of;    // per article: the first article with the same text, else -1
    std::vector<ArticleChange> undo, redo;
    // A view link for a project that is not open here: not applied; the viewer says so.
    std::string missing_link, missing_name, missing_fingerprint;
    long generation = 0;              // bumped when the name changes (the host keeps it)
    long saved_generation = 0;
    // Recent projects: the host keeps the list and the files; the model hands it the project being
    // replaced (`stash`, a project file) and asks for one to reopen (`open_recent`, a key).
    std::vector<RecentProject> recent;
    std::string stash, stash_name;
    size_t stash_articles = 0;
    std::string open_recent;
};

// The form that turns pasted text (or HTML) into an article.
struct PasteForm {
    bool open = false;
    bool request_open = false;        // open the popup on the next frame
    std::string text;                 // the article's text as pasted (never altered)
    std::string outlet, title, author, date, url, language;
    std::string error;                // why the last "Add" was refused
    // HTML on the clipboard (the host sets `clipboard_html` when the page saw a paste that carried
    // it): read as a saved page, the form's text is the extracted article and the article keeps the
    // HTML as received.
    std::string clipboard_html;
    bool from_html = false;
    Article html_article;
};

// [SECTION] The review ---------------------------------------------------------------------------

// The human review (issue 16): decisions confirming, rejecting or adding codings, other coders'
// codings imported, and what they make of the matrix (ui/review_model.cpp).
struct ReviewState {
    Review review;                    // kept with the project (its file's review record, browser storage)
    ReviewedUnits units;              // derived: the review applied to the current match
    std::string coder;                // the coder's name, asked once, kept with the settings
    bool ask_coder = false;           // open the "Your name" dialog on the next frame
    std::string coder_editing;
    std::vector<Decision> pending;    // decisions waiting for the coder's name
    bool unreviewed_only = false;     // the matrix shows automatic cells only
    int other = 0;                    // the imported coder the agreement table compares with
    std::string error, notice;        // the last import's or decision's outcome
    int their_article = -1;           // a disagreement opened: the other coder's evidence there
    Span their_focus{};
    long generation = 0, saved_generation = 0;  // bumped on every change (the host keeps it)
};

// [SECTION] The view: panels, the reader, the word frequencies -----------------------------------

// Which panel is shown, the article open, the matrix cell opened, the article list's filter and
// selection, the theme, and the dialogs to open. Panels write these directly; the view link
// (view_link.cpp) carries most of them.
struct ViewState {
    Panel panel = Panel::Matrix;
    bool panel_requested = false;    // switch tabs to `panel` on the next frame
    int selected_article = -1;       // the article open in the reader: index into corpus.articles, -1 = none
    std::vector<int> list_selection; // articles selected in the list (several with Ctrl/Shift)
    int cell_row = -1, cell_col = -1;  // the matrix cell last opened
    bool sort_by_coverage = false;
    std::string filter;              // the article list's filter
    bool focus_filter = false;       // Ctrl/Cmd+F: put the keyboard in the filter box
    bool dark_theme = true;
    bool rename_project = false;     // open the "Project name" dialog on the next frame
    bool show_limits = false;        // open the File > Limits dialog on the next frame
    int edit_file_mb = 0, edit_article_mb = 0;  // the dialog's fields
    // The reader's lines that need shaping or right-to-left order, or a glyph the atlas lacks, are
    // the web page's text (its text layer); without a page (the desktop) the reader paints them
    // itself, each visual line whole in visual order (core/bidi), unshaped. Set by the host.
    bool reader_paints_page_lines = false;
};

// The open article's reading state: the sentence in focus, the scroll, the text selection, the
// sentence menu, what the reader shows in place of the article.
struct ReaderState {
    Span focus{};                    // a sentence to show highlighted in the reader
    int focus_code = -1;             // the code whose evidence `focus` is, -1 = none
    bool scroll_to_focus = false;
    int scroll_to_top = 0;           // set when the reader's article changes
    float scroll = 0;                // the text's scroll position (drawn last frame), for the state hook
    float scroll_set = -1;           // the page's text layer was scrolled (find-in-page): the reader follows
    // The text selection: bytes [begin, end) of the open article's text, empty when begin == end.
    // Set by a mouse drag in the reader, or in the browser by the page's text layer drawn over
    // it; "Code the selection" assigns it to a claim by hand (issue 16).
    Span selection{};
    int select_anchor = -1;          // where a selection drag began (byte), -1 none
    int menu_code = -1;              // the right-clicked sentence's code and span (its review menu)
    Span menu_sentence{};
    std::string copied;              // "Copied the sentence (...)": feedback, until another article opens
    bool explain_cell = false;       // show why the opened cell (view.cell_row, cell_col) is empty
    bool show_boilerplate = true;    // greyed when shown, folded to a marker when not
};

// The Words panel: its scope and options, and the counts, keyness rows, comparison and
// concordance computed for them (RefreshFrequencies, ShowConcordance).
struct WordsState {
    int outlet = -1, article = -1;   // scope: -1/-1 = whole corpus
    int compare_outlet = -1;         // with `outlet`: two outlets side by side
    int top_n = 30;
    bool keep_stopwords = false, stem = false, keyness = false;
    int min_length = 1;
    bool dirty = true;               // the options or the corpus changed: count again
    std::vector<TermCount> counts;
    std::vector<KeynessRow> keyness_rows;
    std::vector<CompareRow> compare;
    std::string word;                // the word whose concordance is shown
    std::vector<KwicLine> kwic;
};

// [SECTION] Requests to the host -----------------------------------------------------------------

// What the model and the panels ask of the host (main.cpp), which owns files, downloads and the
// GL framebuffer; the host clears each request once done.
struct HostRequests {
    std::vector<Export> exports;     // files to save (downloads in the browser)
    bool open_picker = false;        // show the browser's file picker
    bool has_picker = false;         // set by the host: it has a file picker to show
    bool save_project = false;       // export the project file (the host adds the view link)
    int redraw = 0;                  // frames the interface needs drawn without new input
};

// [SECTION] Where things were drawn (the state hook, the page's text layer) ----------------------

// One drawn visual line of the open article: its bytes [begin, end) in the article's text and
// where it sits, in content coordinates (x from the text's left edge, y from its top at scroll 0,
// CSS pixels). A `page` line holds characters the canvas cannot draw or shape (Arabic, Hebrew,
// Devanagari, CJK, ...): the canvas leaves it blank and the page draws it as visible text, with
// its marks (a code's shading, the concordance word, the focused sentence).
struct ReaderMark {
    Span span;
    uint32_t colour = 0;  // ImU32 (RGBA, R in the low byte)
    uint8_t kind = 0;     // 0 a code's words (filled), 1 the concordance word (outlined), 2 the focused sentence
};
struct ReaderLine {
    Span bytes;
    float x = 0, y = 0, w = 0;
    bool page = false;
    bool grey = false;    // boilerplate
    std::vector<ReaderMark> marks;  // page lines only
};
struct ReaderView {
    int article = -1;     // the article laid out, -1 = none
    Rect clip;            // the text's visible area on screen
    float left = 0, top = 0;  // the content's top-left on screen at scroll 0
    float width = 0, line_h = 0, font_size = 0, scroll = 0, height = 0;
    uint32_t text_colour = 0, grey_colour = 0;
};

// Filled while drawing (one frame behind the state hook, state_json.cpp, and the web page's text
// layer and mirrors): where things are on screen. Nothing reads them to decide anything.
struct ScreenLayout {
    std::vector<Rect> article_rows;
    std::vector<Rect> matrix_cells;  // row-major, rows x codes
    std::vector<Rect> bars;
    std::vector<Rect> kwic_rows;
    Rect chart_rect;                 // the Words panel's window
    Rect reader_focus;
    std::vector<ReaderLine> reader_lines;  // the open article's visual lines (reader_panel.cpp)
    ReaderView reader_view;
    std::vector<std::pair<std::string, Rect>> menu_items;  // "Export", "Export/Matrix as CSV", ...
    Rect accept_suggestions;         // the Codebook panel's "Add all" button
    std::vector<std::pair<std::string, Rect>> editor_rects;  // the codebook workbench's controls ("add_claim", ...)
};

// The fonts merged into the atlas for scripts the UI font lacks (panel_fonts.hpp), as the host
// (main.cpp) last built it; for the state hook and its tests.
struct PanelFontState {
    std::vector<std::string> requested, loaded, failed;  // font names ("noto-arabic")
    int chars = 0;           // characters the panels draw that the UI font lacks
    int missing_glyphs = 0;  // of those, without a glyph in the atlas: drawn as ImGui's box
    int atlas_glyphs = 0, atlas_width = 0, atlas_height = 0;
    int builds = 0;          // atlas builds since start
};

// [SECTION] The app state ------------------------------------------------------------------------

// Everything the viewer holds, by concern. The data and the load change only through the verbs
// below (and those of review_model.cpp, project_model.cpp and codebook_edit.hpp), which keep the
// derived results in step; panels write the view's groups (view, reader, words' options, the
// dialogs' fields) and the layout they draw.
struct AppState {
    DataState data;                  // the articles, the codebook and what is derived from them
    LoadState load;                  // loads in progress, their outcome, the limits
    ProjectState project;            // the story: name, undo/redo of the articles, recent projects
    ReviewState review;              // the human review of the matches
    CodebookEditor editor;           // the codebook being edited: its text and error, the workbench
    PasteForm paste;                 // the form that turns pasted text into an article
    ViewState view;                  // the panel, the article open, the list, the matrix cell
    ReaderState reader;              // the open article's focus, scroll and selection
    WordsState words;                // the Words panel's scope, options and results
    HostRequests host;               // what the host (main.cpp) is asked to do
    ScreenLayout layout;             // where things were drawn (for the state hook and the page)
    PanelFontState fonts;            // the fonts merged for other scripts (the host's)
};

// [SECTION] Verbs: the review (review_model.cpp) ---------------------------------------------------

// Applies the review to the current match: the units and the matrix's override (on the rules'
// matrix, built again unless `matrix_fresh` says it was just built). Call after the matrix is
// built and after every change of the decisions.
void ReviewChanged(AppState& s, bool matrix_fresh = false);
// Records decisions (undoable; the coder and the time are filled in). Without a coder's name the
// name is asked for first and the decisions wait.
void Decide(AppState& s, std::vector<Decision> decisions);
void SetCoder(AppState& s, const std::string& name);
// The coder's name was not given: the decisions that waited for it are dropped.
void DropPendingDecisions(AppState& s);
// A disagreement with another coder opened: the article at `mine` (the coder's evidence of code
// `code`), else at `theirs`, with the other coder's evidence `theirs` outlined.
void OpenDisagreement(AppState& s, int article, int code, Span mine, Span theirs);
// A matrix cell: confirm what it says (a reported cell: its best sentence; an empty one: every
// article of the outlet does not report the claim), reject a reported cell (every article of the
// outlet, as not reporting it), or return it to the rules (its decisions removed, undoably).
void ConfirmCell(AppState& s, size_t row, size_t col);
void RejectCell(AppState& s, size_t row, size_t col);
void ClearCell(AppState& s, size_t row, size_t col);
// One sentence of an article as evidence of a code.
void ConfirmSentence(AppState& s, size_t article, size_t code, Span sentence);
void RejectSentence(AppState& s, size_t article, size_t code, Span sentence);
// The reader's selection coded to a claim by hand; false (s.review.error) without a selection.
bool CodeSelection(AppState& s, size_t code);
// Another coder's codings CSV: checked whole against the project (unknown articles or claims,
// another project's articles: the rows are named and nothing is applied), then kept (undoably).
bool ImportCodings(AppState& s, const InputFile& file);
// The coder's codings as CSV (article,code,value,coder,evidence), for the host to save.
void ExportCodings(AppState& s);
// Is this file a codings CSV (a .csv with article, code and value columns)?
bool IsCodingsFile(const InputFile& f);
std::string ReviewSettingsLine(const AppState& s);  // "coder=Name\n" or ""

// [SECTION] Verbs: projects and the article list (project_model.cpp) --------------------------------

// A new, empty project: no articles, a codebook with one example claim to replace, no undo.
void NewProject(AppState& s);
// The embedded example project (the Amazon letter of 2018): its corpus and codebook.
bool ShowExampleProject(AppState& s);
// The story's name to show: the project's, else the codebook's, else "Untitled project".
std::string ProjectTitle(const AppState& s);
void RenameProject(AppState& s, const std::string& name);
// The current project as a project file (io/project.hpp) with the view link `view`.
std::string ProjectFileBytes(AppState& s, const std::string& view);
// A file name for it: the title with characters unsafe in file names replaced, + ".presslens".
std::string ProjectFileName(const AppState& s);
// The starter codebook of a new project (one example claim).
const std::string& StarterCodebookJson();
// Deletes articles (indices into the corpus; out of range ones are ignored), undoably.
void DeleteArticles(AppState& s, std::vector<int> indices);
// Sets an article's metadata (empty fields become unknown), undoably.
void EditArticle(AppState& s, int index, const ArticleMeta& meta);
// Adds articles at the end, undoably (pasted text, a form).
void AddArticles(AppState& s, std::vector<Article> articles);
bool UndoArticles(AppState& s);  // false when there is nothing to undo
bool RedoArticles(AppState& s);
// Fills the paste form from pasted text: the title from the first line, a date and a URL when
// the text gives them; opens it.
void BeginPaste(AppState& s, const std::string& text);
// Adds the paste form's article; false (with s.paste.error) when it cannot (no text, too big).
bool CommitPaste(AppState& s);
// After any change of the corpus: the fingerprint and the duplicates.
void RefreshProjectFacts(AppState& s);
// Before the project is replaced (new, example, another opened): the user's own project, if it has
// anything, goes to s.project.stash for the host to keep among the recent projects. The example
// project and an untouched new one are not kept. Projects over 64 MiB are not kept (said).
void StashProject(AppState& s);
// The example project's corpus fingerprint (computed once).
const std::string& ExampleFingerprint();
// Asks the host to reopen a recent project (it loads it as a project file).
void OpenRecentProject(AppState& s, const std::string& key);

// [SECTION] Verbs: the data, loading, settings (model.cpp) ---------------------------------------

// (Re)analyses the corpus and re-matches at once; keeps the view where it still makes sense.
void SetCorpus(AppState& s, Corpus corpus);
// Replaces the corpus with the embedded default one (s.data.corpus_is_default). If that cannot be read
// (a build defect), sets s.load.error, changes nothing else and returns false.
bool ShowDefaultCorpus(AppState& s);
// Starts loading a batch of files (queued behind a load in progress): .txt articles are added
// (one with the same file name replaces its namesake), a .json corpus replaces the corpus, a
// metadata.json applies to the batch, a .json codebook replaces the codebook. Files that fail are
// named in s.load.error with why; the rest still load; if nothing loads, nothing changes.
// `problems` are files the host could not read (reported with the load's own).
void StartLoad(AppState& s, std::vector<InputFile> files, std::vector<std::string> problems = {});
// Starts replacing the corpus with already parsed articles (the saved corpus at start-up).
void StartRestore(AppState& s, Corpus corpus);
// The page's language module arrived (`data`: its language data for LoadLanguageData) or did not
// (`error`, then `data` is unused): says so in the status bar and, when it came, analyses the
// corpus again a slice per frame (a load job, queued behind one in progress) with its languages,
// keeping the view, the edits and the languages set in metadata.
void LanguagesArrived(AppState& s, const std::string& data, const std::string& error);
// Advances the load for about budget_ms (at least one step), or for three times what the host
// took since the last slice (drawing a frame) when that is longer, up to 100 ms: on a slow
// (software-rendered) canvas the load then gets about three quarters of the time, and the
// progress bar and Cancel stay live. Returns true while a load remains.
bool StepLoad(AppState& s, double budget_ms);
void CancelLoad(AppState& s);
// Progress of the load in [0, 1] and what it is doing ("analysing 120 of 5,000 articles").
float LoadProgress(const AppState& s, std::string& what);
// The settings kept between sessions ("theme=light", "max_file_mb=N", "max_article_mb=N", one
// per line), and reading them back (unknown or malformed lines are ignored).
std::string SettingsText(const AppState& s);
void ApplySettings(AppState& s, const std::string& text);
// File > Limits: `file_mb` MiB per file, `article_mb` MiB per article (kept with the settings), said
// in the status bar.
void SetLimits(AppState& s, int file_mb, int article_mb);

// [SECTION] Verbs: the codebook (model.cpp) -----------------------------------------------------

// Parses text as a codebook; on success re-matches, on failure keeps the current codebook and
// sets s.editor.error. Returns success.
bool SetCodebookText(AppState& s, const std::string& text);
// The embedded default codebook as the current one, its JSON in the editor. Returns false (with
// s.editor.error set) only if it does not parse: a build defect.
bool ResetToDefaultCodebook(AppState& s);
bool IsDefaultCodebook(const AppState& s);  // the codebook's text is the embedded default's
// The user's choice of the default codebook (File > Default codebook): as ResetToDefaultCodebook,
// said in the status bar.
void ChooseDefaultCodebook(AppState& s);
// Gives code `code` the colour "#rrggbb" and rewrites the codebook's JSON (and the editor's);
// no re-match, since colours do not change what matches. An index out of range does nothing.
void SetCodeColour(AppState& s, size_t code, const std::string& colour);
// Takes a parsed codebook as the current one (no re-match, and the editor's text is left to the
// caller).
void AdoptCodebook(AppState& s, Codebook cb, const std::string& text);
void Rematch(AppState& s);
// Recomputes the codebook suggestions when the corpus or the codebook changed since they were
// made, at once (tests; a dictionary answer that needs them).
void RefreshSuggestions(AppState& s);
// The same, a slice at a time (the Codebook panel: StepCodebookWork makes them): starts making
// them when they are not the current corpus's and codebook's and none are being made for those.
void AskSuggestions(AppState& s);
// One step of that: a few articles read, or a rule's suggestions; false when there is nothing to do.
bool StepSuggestOnce(AppState& s);
// Whether the suggestions are those of the current corpus and codebook (else they are the last
// ones made, while new ones are being made).
bool SuggestionsCurrent(const AppState& s);
// Adds the accepted suggestions to the codebook (a rule per language after the rule each carries)
// and re-matches; the editor's JSON is rewritten from the new codebook.
void AcceptSuggestions(AppState& s);
// Checks or unchecks suggestion `i` (out of range: nothing), or all of them, for AcceptSuggestions.
void CheckSuggestion(AppState& s, size_t i, bool checked);
void CheckAllSuggestions(AppState& s, bool checked);
// The corpus's languages (as analysed) that some claim with English rules has no rule for, and
// that the build makes a dictionary table (English <-> language) for (PRESSLENS_DICTIONARY_LANGS in
// CMakeLists.txt: FreeDict's 16): the tables a lookup would use.
std::vector<std::string> DictionaryLanguages(const AppState& s);
// The suggestions are on screen this frame (the Codebook panel): a lookup may start.
void ShowingSuggestions(AppState& s);
// When the suggestions were on screen and no lookup was asked for this corpus and codebook yet
// (and none is needed: no load running, the corpus's suggestions made), decides a lookup for the
// current generations: `DictionaryLanguages` (none: the lookup counts as done) and the status
// "Looking up dictionaries…". Its request goes out once the worker has this corpus (else its
// writing begins, WriteDictionaryCorpus): then fills `codebook` (the codebook as written) and
// `languages` and returns true. False while there is nothing to hand over.
bool StartDictionaryLookup(AppState& s, std::string& codebook, std::vector<std::string>& languages);
// A piece of the corpus for the suggestion worker: the saved corpus (io/inputs.hpp) of the current
// corpus, each article with its language as analysed (the worker has no CLD2), written a few
// articles at a time.
struct DictionaryCorpusPiece {
    std::string bytes;      // the head first, then whole articles' records
    long generation = -1;   // the corpus generation it is of
    bool first = false, last = false;
};
// When a lookup waits for its corpus: writes the next piece into `out` (whole articles, about
// `max_bytes` or one article) and returns true; after the last, the worker counts as having this
// corpus generation, and lookups for it send only the codebook. False when there is nothing to
// write; a corpus that changed meanwhile is given up (the lookup for the new one writes it anew).
bool WriteDictionaryCorpus(AppState& s, size_t max_bytes, DictionaryCorpusPiece& out);
// The suggestion worker's answer for the generations it was asked for: its suggestions and the
// tables it could not have (`failures`), or `error` when the worker itself failed. An answer for
// other generations is dropped. One whose claim, rule or actor index, or example, is not in the
// current codebook and corpus is refused whole, with the reason. The suggestions not listed yet
// are added after those of the same term; a table it could not load, or a worker that failed,
// leaves the corpus's suggestions as they are and is named in the lookup's status and the status
// bar.
void DictionarySuggestionsArrived(AppState& s, long corpus_generation, long codebook_generation,
                                  std::vector<Suggestion> found, const std::vector<std::string>& failures,
                                  const std::string& error);

// [SECTION] Verbs: the view (model.cpp) ---------------------------------------------------------

// Counts the words of the Words panel's scope with its options (and its concordance follows).
void RefreshFrequencies(AppState& s);
// The Words panel's scope: the whole corpus (-1, -1), one outlet (o, -1) or one article (-1, a).
// Keyness needs an outlet, so it is turned off otherwise; the counts are made again.
void SetWordsScope(AppState& s, int outlet, int article);
// Closes the concordance (no word chosen).
void CloseConcordance(AppState& s);
// Opens an article in the reader, optionally focused on a span (sentence) of evidence.
void OpenArticle(AppState& s, int article, Span focus = {}, int code = -1);
void ShowConcordance(AppState& s, const std::string& word);

}  // namespace presslens::ui
