// platform: the seam between the viewer and its host (desktop or browser). One header; one
// native implementation (src/platform/platform_native.cpp) and one web implementation
// (wasm/platform_web.cpp), chosen in CMake by file name, never by #ifdefs in the UI.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/suggest.hpp"
#include "io/inputs.hpp"

namespace presslens::platform {

// Parses host-specific command-line options (native: --frames N, --state-out PATH, --view LINK).
// Returns false and prints usage on a bad option.
bool ParseArgs(int argc, char** argv);

// Runs frame() until it returns false (native) or forever (web, where the browser drives it).
// frame() returns true while the app wants to keep running.
void RunMainLoop(bool (*frame)(void*), void* user);

// Nothing to draw: wait for input without using the CPU. Native: block on the next SDL event.
// Web: pause the browser's animation-frame loop; the page wakes it on input (presslens_wake).
void IdleUntilInput();

// How many frames the host asked for before exiting (native --frames N); 0 = no limit.
long FrameLimit();

// Publishes the app's state JSON: on the web as window.presslens.state (for scripts and tests), on the
// desktop into the --state-out file when one was given.
void PublishState(const std::string& json);
// Whether anyone reads the published state (tests: native --state-out, web
// window.presslens.wantState). The first frame is always published: it is the ready signal.
bool StateWanted();
// Every drawn frame: its number, whether a load runs, whether a codebook edit is being parsed or
// matched, and whether input is queued that the interface has not taken yet (web:
// window.presslens.frame, .loading, .matching and .inputWaiting, cheap enough for a benchmark to
// watch without the full state), and where its time went (web: appended to window.presslens.parts
// when a benchmark set it to an array).
void FrameDrawn(long frame, bool loading, bool matching, bool input_waiting, const double* parts, int n_parts);

// The view link: on the web the URL's hash (without '#'), so a copied link reopens the view and
// back/forward move between views; natively the --view argument. Writing pushes a history entry.
std::string ReadViewLink();
void WriteViewLink(const std::string& link);

// ---- the user's files -----------------------------------------------------------------------

// Paths named on the command line (native); none on the web.
const std::vector<std::string>& StartupPaths();

// A batch of files the user dropped on the window/page or picked, read into memory; false when
// none is waiting. Files that could not be read are named, with why, in `errors`.
// The viewer's limits (File > Limits), for reading dropped files: a file over the limit is
// refused before it is read (the browser page checks its size first).
void SetLimits(const Limits& limits);
bool TakeDroppedFiles(std::vector<InputFile>& files, std::vector<std::string>& errors);
// Native: main.cpp forwards SDL_DROPFILE / SDL_DROPCOMPLETE here. Web: unused (the page reads
// dropped files itself).
void OnDropFile(const char* path);
void OnDropComplete();

// The browser's file picker (a dialog the desktop build does not have).
bool HasFilePicker();
void OpenFilePicker();

// Saves an export: a download in the browser, a file in the export folder on the desktop
// (--export-dir, else ~/Downloads when it exists, else the working folder). Returns a message
// for the status bar; `ok` says whether it worked.
std::string SaveExport(const std::string& name, const std::string& mime, const std::string& bytes, bool& ok);

// The user's data kept between sessions, by key ("codebook", "corpus", "settings"): IndexedDB in
// the browser, files in $XDG_CONFIG_HOME/presslens (~/.config/presslens) on the desktop.
// Load gives "" when nothing is stored. Store with empty bytes removes the key; the bytes may
// come in pieces, stored one after another (never joined in the app's memory).
std::string LoadStored(const std::string& key);
bool Store(const std::string& key, const std::vector<std::string_view>& pieces, std::string& error);
inline bool Store(const std::string& key, const std::string& bytes, std::string& error) {
    return Store(key, std::vector<std::string_view>{bytes}, error);
}
// Hands a kept item (a recent project) to the app as if the user had dropped a file of that name:
// it arrives through TakeDroppedFiles (in the browser a frame or two later, storage being
// asynchronously read). One no longer kept arrives as an error naming it.
void OpenStored(const std::string& key, const std::string& name);
// A store that failed after the fact (the browser's storage is asynchronous); "" when none.
std::string TakeStoreError();

// The system clipboard for Dear ImGui's copy and paste. Native: SDL's (already wired by the
// backend; nothing to do). Web: navigator.clipboard for copy, the page's paste event for paste.
void InstallClipboard();
// After a paste the page saw: true once, with the HTML it carried ("" when none). Natively false.
bool TakePastedHtml(std::string& html);

// Shows an unrecoverable start-up error to the user (stderr, and the page's message box).
void ReportFatal(const std::string& message);

// ---- the page's mirror of the canvas (web: shell/page.js; native: nothing) --------------------
// The reader's laid-out lines and the accessible tables, as JSON (ui::ReaderLayoutJson,
// ui::MirrorJson); sent only when they changed.
void PublishReaderLayout(const std::string& json);
void PublishMirror(const std::string& json);
// Where the reader's text is this frame (its visible area and the content's top-left at scroll
// 0, CSS pixels) and its scroll; cheap, sent when it changed.
void PublishReaderView(int article, float clip_x, float clip_y, float clip_w, float clip_h, float left, float top,
                       float scroll, float height);
// The keyboard focus (ImGui's navigation): the window and item rectangle, and whether the focus
// rectangle is drawn (the page shows it to tests; screen readers follow the DOM mirror).
void PublishFocus(const std::string& window, float x, float y, float w, float h, bool shown);
// A selection the user made in the page's text layer: bytes [begin, end) of `article`'s text;
// false when none is waiting.
bool TakeReaderSelection(int& article, uint32_t& begin, uint32_t& end);
// A font file for the panels (ui/panel_fonts.hpp), by name ("noto-arabic"): asked for once, it
// arrives later (web: fetched from fonts/<name>.woff and unpacked from WOFF by the page; desktop:
// <name>.ttf read from the set-up cache, or $PRESSLENS_FONT_DIR). Take gives true once, with the
// bytes, or with empty bytes and `error` saying why it could not be had.
void RequestFontFile(const std::string& name);
bool TakeFontFile(const std::string& name, std::string& bytes, std::string& error);
// The page's language module (web: CLD2, fetched after the first frame by shell/languages.js;
// docs/languages.md). True once: when it arrived, with the language data the app keeps (the
// layout of presslens-languages.bin without CLD2's tables, which stay in the module: hand it to
// LoadLanguageData), or when it could not be had, with empty data and `error` saying why.
// Natively always false: CLD2 is linked in.
bool TakeLanguageData(std::string& data, std::string& error);
// Dictionary translations for the codebook suggestions (ui/model.hpp, DictionaryLookup), made off
// the main thread. Web: the suggestion worker (shell/suggest.js, wasm/suggest_worker.cpp), fetched
// the first time, with the dictionary table of each of `languages` (dict-en-<lang>.tsv.gz beside
// the page). Native: a thread, with the tables in the "dictionaries" folder beside the program.
// SendDictionaryCorpus hands over the model's corpus for the worker a piece at a time
// (WriteDictionaryCorpus; a first piece drops an unfinished corpus); the worker reads it once the
// last piece came and keeps it. Request hands over a lookup (the codebook as written) for the given
// generations, after its corpus; a worker that holds another corpus answers it with an error (the
// model drops it as stale). Take gives true once per answer: its suggestions and the tables that
// could not be had (`failures`), or `error` when the worker itself could not answer.
void SendDictionaryCorpus(const std::string& piece, long generation, bool first, bool last);
void RequestDictionarySuggestions(const std::string& codebook, const std::vector<std::string>& languages,
                                  long corpus_generation, long codebook_generation);
bool TakeDictionarySuggestions(std::vector<Suggestion>& found, std::vector<std::string>& failures, long& corpus_generation,
                               long& codebook_generation, std::string& error);
// The page's text layer scrolled by itself (find-in-page found a line out of view); false if not.
bool TakeReaderScroll(float& y);

}  // namespace presslens::platform
