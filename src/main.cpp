// main: SDL2 window + OpenGL (desktop GL 3 natively, WebGL2/GLES 3.0 on the web) and the frame
// loop, one file for both targets. Host differences live behind src/platform/platform.hpp.
#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl2.h>
#include <imgui_internal.h>  // GImGui->InputEventsQueue: input ImGui has not consumed yet

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "io/corpus_io.hpp"
#include "io/files.hpp"
#include "io/inputs.hpp"
#include "io/project.hpp"
#include "io/review_io.hpp"
#include "platform/platform.hpp"
#include "platform/render_gl.hpp"
#include "ui/panel_fonts.hpp"
#include "ui/ui.hpp"

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
static const char* kGlslVersion = "#version 300 es";  // WebGL2
#else
#include <SDL_opengl.h>
static const char* kGlslVersion = "#version 130";
#endif

namespace presslens {
// The kept project facts (a "name=..." line).
// The review kept with the open project (its decisions and other coders), applied to what is
// open; a damaged one is said and left unused (the stored copy stays until the next decision).
void RestoreReview(ui::AppState& s) {
    const std::string kept = platform::LoadStored("review");
    if (kept.empty()) return;
    Review review;
    LoadError err;
    if (!ParseReviewJson(kept, "the saved review", review, err)) {
        s.load.error = err.ToString() + "; the review was not restored";
        return;
    }
    s.review.review = std::move(review);
    ui::ReviewChanged(s);
}

std::string ProjectNameFromStore(const std::string& kept) {
    return kept.rfind("name=", 0) == 0 ? kept.substr(5, kept.find('\n') - 5) : std::string();
}

// The recent projects' list as kept ("key<TAB>articles<TAB>name" lines) and back.
std::vector<ui::RecentProject> ParseRecent(const std::string& kept) {
    std::vector<ui::RecentProject> out;
    size_t pos = 0;
    while (pos < kept.size()) {
        size_t nl = kept.find('\n', pos);
        std::string line = kept.substr(pos, (nl == std::string::npos ? kept.size() : nl) - pos);
        pos = nl == std::string::npos ? kept.size() : nl + 1;
        size_t t1 = line.find('\t'), t2 = t1 == std::string::npos ? t1 : line.find('\t', t1 + 1);
        if (t2 == std::string::npos || line.compare(0, 7, "recent-") != 0) continue;
        out.push_back({line.substr(0, t1), line.substr(t2 + 1), std::strtoul(line.c_str() + t1 + 1, nullptr, 10)});
    }
    return out;
}

std::string RecentText(const std::vector<ui::RecentProject>& list) {
    std::string out;
    for (const ui::RecentProject& r : list) {
        std::string name = r.name;
        for (char& c : name)
            if (c == '\n' || c == '\r' || c == '\t') c = ' ';
        out += r.key + "\t" + std::to_string(r.articles) + "\t" + name + "\n";
    }
    return out;
}

// Keeps the project the model set aside (s.project.stash) as the newest recent project: at most
// five, one per name.
void KeepRecentProject(ui::AppState& s) {
    auto& recent = s.project.recent;
    std::string error;
    long next = 1;
    for (const ui::RecentProject& r : recent) next = std::max(next, std::strtol(r.key.c_str() + 7, nullptr, 10) + 1);
    ui::RecentProject entry{"recent-" + std::to_string(next), s.project.stash_name, s.project.stash_articles};
    if (!platform::Store(entry.key, s.project.stash, error)) {
        s.load.error = "Could not keep \"" + entry.name + "\" among the recent projects: " + error;
    } else {
        std::vector<ui::RecentProject> kept{entry};
        for (const ui::RecentProject& r : recent) {
            if (r.name != entry.name && kept.size() < 5) kept.push_back(r);
            else platform::Store(r.key, std::string(), error);  // replaced or too old: removed
        }
        recent = std::move(kept);
        platform::Store("recent", RecentText(recent), error);
    }
    s.project.stash.clear();
    s.project.stash.shrink_to_fit();
}

// Start-up data: the saved codebook and settings, then the corpus from the command line (native),
// else the saved corpus, else the embedded default. Loads run to completion before the first frame.
void LoadStartupData(ui::AppState& s) {
    ui::ApplySettings(s, platform::LoadStored("settings"));
    s.project.recent = ParseRecent(platform::LoadStored("recent"));
    platform::SetLimits(s.load.limits);
    std::string saved_cb = platform::LoadStored("codebook");
    if (!saved_cb.empty() && !ui::SetCodebookText(s, saved_cb)) {
        // keep the user's text in the editor with its error; match with the default meanwhile
        std::string why = s.editor.error;
        ui::ResetToDefaultCodebook(s);
        s.editor.text = saved_cb;
        s.editor.error = why;
        s.load.error = "The saved codebook has a problem, so the default is in use; your text is in the Codebook panel: " + why;
    }
    s.data.saved_codebook_generation = s.data.codebook_generation;  // what is stored is what we have

    if (!ui::ShowDefaultCorpus(s)) ui::SetCorpus(s, Corpus{});  // (s.load.error says why)
    s.data.corpus_is_default = true;
    s.data.saved_corpus_generation = s.data.corpus_generation;

    const auto& paths = platform::StartupPaths();
    if (!paths.empty()) {
        std::vector<InputFile> files;
        std::vector<std::string> problems;
        for (const std::string& p : paths) {
            std::string e;
            if (!CollectInputs(p, files, e, s.load.limits)) problems.push_back(e);
        }
        ui::SetCorpus(s, Corpus{});  // the named files are the corpus, not additions to the default
        ui::StartLoad(s, std::move(files), std::move(problems));
        while (ui::StepLoad(s, 1e9)) {
        }
        if (s.data.corpus.articles.empty()) {  // nothing loaded: say why over the default corpus
            std::string why = s.load.error;
            ui::ShowDefaultCorpus(s);
            s.data.corpus_is_default = true;
            s.data.saved_corpus_generation = s.data.corpus_generation;  // a failed load must not wipe what is kept
            s.load.error = why;
        }
        return;
    }
    s.project.name = ProjectNameFromStore(platform::LoadStored("project"));
    RestoreReview(s);
    std::string saved = platform::LoadStored("corpus");
    if (saved.empty()) return;
    Corpus restored;
    LoadError err;
    // kept as a project file (its articles; the codebook is kept on its own), or by an earlier
    // version as a saved corpus
    bool ok = false;
    if (LooksLikeProject(saved)) {
        Project kept;
        std::vector<std::string> warnings;
        ok = ParseProject(saved, "the saved project", kept, warnings, err);
        restored = std::move(kept.corpus);
    } else {
        ok = ParseSavedCorpus(saved, "the saved corpus", restored, err);
    }
    if (!ok) {
        s.load.error = err.ToString() + "; showing the example project";
        return;
    }
    if (restored.articles.empty()) {  // a project with no articles yet, not the example
        ui::SetCorpus(s, Corpus{});
        s.data.corpus_is_default = false;
        s.data.saved_corpus_generation = s.data.corpus_generation;
        return;
    }
    ui::StartRestore(s, std::move(restored));
    while (ui::StepLoad(s, 1e9)) {
    }
}

// Keeps what the user changed for the next session; a failure is said, never silent.
void PersistChanges(ui::AppState& s) {
    std::string error;
    if (s.review.generation != s.review.saved_generation) {
        if (!platform::Store("review", s.review.review.empty() ? std::string() : ReviewJson(s.review.review), error))
            s.load.error = "Could not keep the review for next time: " + error;
        s.review.saved_generation = s.review.generation;
    }
    if (!s.project.stash.empty()) KeepRecentProject(s);
    if (s.data.codebook_generation != s.data.saved_codebook_generation) {
        if (!platform::Store("codebook", ui::IsDefaultCodebook(s) ? std::string() : s.data.codebook_text, error))
            s.load.error = "Could not keep the codebook for next time: " + error;
        s.data.saved_codebook_generation = s.data.codebook_generation;
    }
    if (s.project.generation != s.project.saved_generation) {
        std::string name = s.project.name;
        for (char& c : name)
            if (c == '\n' || c == '\r') c = ' ';
        if (!platform::Store("project", name.empty() ? std::string() : "name=" + name + "\n", error))
            s.load.error = "Could not keep the project's name for next time: " + error;
        s.project.saved_generation = s.project.generation;
    }
    if (!s.load.job && s.data.corpus_generation != s.data.saved_corpus_generation) {
        // the example project: nothing; else the articles as a project file, which keeps a saved
        // page's HTML and map (the corpus is lent to it for the write, not copied)
        bool stored = true;
        if (s.data.corpus_is_default) {
            stored = platform::Store("corpus", std::string(), error);
        } else {
            Project p;
            p.corpus = std::move(s.data.corpus);
            stored = platform::Store("corpus", ProjectPieces(p).pieces, error);
            s.data.corpus = std::move(p.corpus);
            s.data.analysis.corpus = &s.data.corpus;
        }
        if (!stored) s.load.error = "Could not keep the corpus for next time: " + error;
        s.data.saved_corpus_generation = s.data.corpus_generation;
    }
    std::string later = platform::TakeStoreError();
    if (!later.empty()) s.load.error = "Could not keep your changes for next time: " + later;
}

}  // namespace presslens

namespace {

struct App {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    presslens::ui::AppState state;
    float font_scale = 0.0f;   // framebuffer scale the font atlas was built for
    int frames_to_draw = 3;    // draw a few frames after any input, then idle
    long frames_drawn = 0;
    std::string last_state;
    std::string last_link;     // the view link last read or written
    bool link_read = false;
    bool dark_theme = true;    // the theme last applied
    std::string settings;      // the settings last stored (theme, limits)
    // what the page mirrors (see MirrorToPage): the keys of what it last received
    uint64_t layout_key = 0, mirror_key = 0, articles_key = 0;
    std::string view_sent, focus_sent;
    // the panels' fonts for scripts DejaVu lacks (see UpdatePanelFonts)
    std::string panel_key;              // what the panels draw, in short: when it changes, look again
    std::vector<uint32_t> panel_chars;  // the characters they draw that DejaVu lacks
    presslens::ui::PanelCharsCache panel_chars_corpus;  // ...of them, the corpus's titles and outlets
    // where the frame's time went (ms), for the typing benchmark: before the codebook's slice,
    // the slice, fonts and dictionaries, the interface's drawing, GL, after (state, mirror, saving)
    double parts[6] = {};
};

float FramebufferScale(SDL_Window* w) {
    int ww = 0, wh = 0, dw = 0, dh = 0;
    SDL_GetWindowSize(w, &ww, &wh);
    SDL_GL_GetDrawableSize(w, &dw, &dh);
    return ww > 0 ? static_cast<float>(dw) / static_cast<float>(ww) : 1.0f;
}

bool PumpEvents(App& app, bool& quit) {
    bool any = false;
    SDL_Event e;
    while (SDL_PollEvent(&e)) {
        any = true;
        ImGui_ImplSDL2_ProcessEvent(&e);
        if (e.type == SDL_QUIT) quit = true;
        if (e.type == SDL_DROPFILE && e.drop.file) {
            presslens::platform::OnDropFile(e.drop.file);
            SDL_free(e.drop.file);
        }
        if (e.type == SDL_DROPCOMPLETE) presslens::platform::OnDropComplete();
        if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_CLOSE &&
            e.window.windowID == SDL_GetWindowID(app.window))
            quit = true;
    }
    return any;
}

// What the interface asked of the host this frame: exports, the file picker.
void HandleRequests(App& app) {
    if (!app.state.project.open_recent.empty()) {
        auto& s = app.state;
        std::string key = std::move(s.project.open_recent);
        s.project.open_recent.clear();
        std::string name = key;
        for (const presslens::ui::RecentProject& r : s.project.recent)
            if (r.key == key) name = r.name;
        presslens::platform::OpenStored(key, name + ".presslens");  // arrives as a dropped file
    }
    if (app.state.host.save_project) {
        app.state.host.save_project = false;
        auto& s = app.state;
        s.host.exports.push_back({presslens::ui::ProjectFileName(s), "application/octet-stream",
                             presslens::ui::ProjectFileBytes(s, presslens::ui::ViewLink(s))});
    }
    for (const presslens::ui::Export& e : app.state.host.exports) {
        bool ok = false;
        std::string msg = presslens::platform::SaveExport(e.name, e.mime, e.bytes, ok);
        (ok ? app.state.load.notice : app.state.load.error) = msg;
        app.frames_to_draw = std::max(app.frames_to_draw, 2);
    }
    app.state.host.exports.clear();
    if (app.state.host.open_picker) {
        app.state.host.open_picker = false;
        presslens::platform::OpenFilePicker();
    }
}

// [SECTION] The page's mirror of the canvas (web; a no-op natively): the reader's lines for the
// text layer, the matrix and article list as accessible tables, the reader's place and scroll,
// the keyboard focus. Each is sent only when it changed (docs/accessibility.md).
void TakeFromPage(App& app) {
    auto& s = app.state;
    int article = -1;
    uint32_t begin = 0, end = 0;
    if (presslens::platform::TakeReaderSelection(article, begin, end) && article == s.view.selected_article &&
        article >= 0 && static_cast<size_t>(article) < s.data.corpus.articles.size()) {
        const size_t size = s.data.corpus.articles[static_cast<size_t>(article)].text.size();
        end = std::min<uint32_t>(end, static_cast<uint32_t>(size));
        s.reader.selection = {std::min(begin, end), end};
        app.frames_to_draw = std::max(app.frames_to_draw, 2);
    }
    if (float y = 0; presslens::platform::TakeReaderScroll(y)) {
        s.reader.scroll_set = std::max(0.0f, y);
        app.frames_to_draw = std::max(app.frames_to_draw, 3);
    }
}

void MirrorToPage(App& app) {
    const auto& s = app.state;
    if (uint64_t k = presslens::ui::ReaderLayoutKey(s); k != app.layout_key) {
        presslens::platform::PublishReaderLayout(presslens::ui::ReaderLayoutJson(s));
        app.layout_key = k;
    }
    const presslens::ui::ReaderView& v = s.layout.reader_view;
    // a menu, popup or dialog may lie over the reader: the page's text would cover it, so the
    // layer is put away meanwhile (an empty clip)
    const bool covered = GImGui->OpenPopupStack.Size > 0;
    const float clip_w = covered ? 0.0f : v.clip.w;
    char view[160];
    std::snprintf(view, sizeof view, "%d %.1f %.1f %.1f %.1f %.1f %.1f %.1f %.1f", v.article, v.clip.x, v.clip.y,
                  clip_w, v.clip.h, v.left, v.top, v.scroll, v.height);
    if (view != app.view_sent) {
        presslens::platform::PublishReaderView(v.article, v.clip.x, v.clip.y, clip_w, v.clip.h, v.left, v.top,
                                               v.scroll, v.height);
        app.view_sent = view;
    }
    const uint64_t matrix_key = presslens::ui::MirrorKey(s), articles_key = presslens::ui::ArticlesMirrorKey(s);
    if (matrix_key != app.mirror_key || articles_key != app.articles_key) {
        presslens::platform::PublishMirror(presslens::ui::MirrorJson(s, articles_key != app.articles_key));
        app.mirror_key = matrix_key;
        app.articles_key = articles_key;
    }
    const ImGuiContext& g = *GImGui;
    if (g.NavWindow) {
        const ImRect r = ImGui::WindowRectRelToAbs(g.NavWindow, g.NavWindow->NavRectRel[0]);
        const bool shown = !g.NavDisableHighlight && g.NavId != 0;
        std::string focus = std::string(g.NavWindow->Name) + " " + std::to_string(g.NavId) + (shown ? " shown" : "");
        if (focus != app.focus_sent) {
            presslens::platform::PublishFocus(g.NavWindow->Name, r.Min.x, r.Min.y, r.GetWidth(),
                                              r.GetHeight(), shown);
            app.focus_sent = std::move(focus);
        }
    }
}

// [SECTION] The panels' fonts for scripts DejaVu lacks: when the corpus's titles, outlets, word
// lists or codebook first hold a script, its Noto font is asked for (once) and merged into the
// atlas with just the characters used; the atlas is built again when new ones appear
// (ui/panel_fonts.hpp, docs/accessibility.md).
void UpdatePanelFonts(App& app) {
    auto& s = app.state;
    auto& f = s.fonts;
    // Natively the reader is ImGui's too, so the open article's characters count; the page draws
    // lines of such scripts as its own text (docs/accessibility.md).
#ifdef __EMSCRIPTEN__
    constexpr bool kReaderText = false;
#else
    constexpr bool kReaderText = true;
    s.view.reader_paints_page_lines = true;  // (no page: see ViewState)
#endif
    bool rebuild = false;
    std::string key = std::to_string(s.data.corpus_generation) + "/" + std::to_string(s.data.codebook_generation) + "/" +
                      std::to_string(s.words.counts.size()) + "/" + std::to_string(s.words.keyness_rows.size()) + "/" +
                      std::to_string(s.words.compare.size()) + "/" + s.words.word + "/" +
                      std::to_string(s.words.kwic.size()) + "/" + std::to_string(s.data.suggestions.size()) + "/" +
                      (s.words.counts.empty() ? "" : s.words.counts.front().term) + "/" +
                      std::to_string(kReaderText ? s.view.selected_article : -1) + "/" +
                      (s.view.panel == presslens::ui::Panel::Codebook ? "codebook" : "");
    if (key != app.panel_key && !s.load.job) {
        app.panel_key = std::move(key);
        std::vector<uint32_t> chars = presslens::ui::PanelChars(s, kReaderText, app.panel_chars_corpus);
        if (chars != app.panel_chars) {
            app.panel_chars = std::move(chars);
            f.chars = static_cast<int>(app.panel_chars.size());
            for (const std::string& name : presslens::ui::PanelFontsNeeded(app.panel_chars)) {
                if (std::find(f.requested.begin(), f.requested.end(), name) != f.requested.end()) continue;
                f.requested.push_back(name);
                presslens::platform::RequestFontFile(name);
            }
            rebuild = true;  // (also when no new font is needed: the loaded ones have new characters)
        }
    }
    for (const std::string& name : f.requested) {
        std::string bytes, error;
        if (!presslens::platform::TakeFontFile(name, bytes, error)) continue;
        app.frames_to_draw = std::max(app.frames_to_draw, 2);
        if (!error.empty() || bytes.empty()) {
            f.failed.push_back(name);
            const char* script = name.c_str();
            for (const auto& info : presslens::ui::PanelFontList())
                if (name == info.name) script = info.script;
            const std::string said = std::string(script) + " characters show as boxes: the font " + name +
                                     " did not load (" + (error.empty() ? "empty file" : error) + ")";
            s.load.notice = s.load.notice.empty() ? said : s.load.notice + "; " + said;
        } else {
            presslens::ui::SetPanelFontFile(name, std::move(bytes));
            f.loaded.push_back(name);
            rebuild = true;
        }
    }
    if (rebuild) {
        presslens::ui::SetPanelFontChars(app.panel_chars);
        app.font_scale = 0.0f;  // the atlas is built again before the next frame
        app.frames_to_draw = std::max(app.frames_to_draw, 2);
    }
}

// [SECTION] The page's languages: CLD2 arrives after the first frame (web only; docs/languages.md);
// the corpus is then analysed again with it.
void UpdateLanguages(App& app) {
    std::string data, error;
    if (!presslens::platform::TakeLanguageData(data, error)) return;
    presslens::ui::LanguagesArrived(app.state, data, error);
    app.frames_to_draw = std::max(app.frames_to_draw, 3);
}

double ClockMs() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// [SECTION] Dictionary translations for the suggestions, made off the main thread (web: the
// suggestion worker; native: a thread): asked for once the Codebook panel showed the suggestions
// (model.hpp, DictionaryLookup), merged when they come; a stale answer is dropped by the model.
// The worker keeps the corpus: it is handed over once per corpus generation, in pieces within a
// few ms of each frame (5,000 articles are 20 MB: written at once they made a 190 ms frame), and
// each lookup then hands over only the codebook.
void UpdateDictionaries(App& app) {
    std::string codebook;
    std::vector<std::string> languages;
    auto& s = app.state;
    if (presslens::ui::StartDictionaryLookup(s, codebook, languages)) {
        presslens::platform::RequestDictionarySuggestions(codebook, languages, s.data.corpus_generation,
                                                          s.data.codebook_generation);
        app.frames_to_draw = std::max(app.frames_to_draw, 2);  // "looking up dictionaries…"
    }
    // a piece, then another only if it will likely end within the budget (pieces take alike)
    constexpr double kBudgetMs = 4.0;
    constexpr size_t kPieceBytes = 256 << 10;
    const double t0 = ClockMs();
    double last_ms = 0;
    for (presslens::ui::DictionaryCorpusPiece piece; ClockMs() - t0 + last_ms <= kBudgetMs;) {
        const double step0 = ClockMs();
        if (!presslens::ui::WriteDictionaryCorpus(s, kPieceBytes, piece)) break;
        presslens::platform::SendDictionaryCorpus(piece.bytes, piece.generation, piece.first, piece.last);
        app.frames_to_draw = std::max(app.frames_to_draw, 1);  // the rest, then the lookup, next frame
        last_ms = ClockMs() - step0;
    }
    std::vector<presslens::Suggestion> found;
    std::vector<std::string> failures;
    std::string error;
    long corpus_generation = 0, codebook_generation = 0;
    while (presslens::platform::TakeDictionarySuggestions(found, failures, corpus_generation, codebook_generation, error)) {
        presslens::ui::DictionarySuggestionsArrived(s, corpus_generation, codebook_generation, std::move(found), failures, error);
        found.clear();
        failures.clear();
        error.clear();
        app.frames_to_draw = std::max(app.frames_to_draw, 3);
    }
}

bool Frame(void* user) {
    App& app = *static_cast<App*>(user);
    double mark = ClockMs();
    auto part = [&](int i) {
        const double t = ClockMs();
        app.parts[i] = t - mark;
        mark = t;
    };
    bool quit = false;
    if (PumpEvents(app, quit)) app.frames_to_draw = 3;  // ImGui settles hover/click in 2-3 frames
    if (quit) return false;
    // The view link changed outside the app (start-up, back/forward, an edited URL): follow it.
    std::string link = presslens::platform::ReadViewLink();
    if (!app.link_read || link != app.last_link) {
        if (!link.empty() || app.link_read) presslens::ui::ApplyViewLink(app.state, link);
        app.last_link = link;
        app.link_read = true;
        app.frames_to_draw = 3;
    }
    // HTML a paste carried (a copied web page): the paste form reads it as a saved page.
    if (std::string html; presslens::platform::TakePastedHtml(html)) app.state.paste.clipboard_html = std::move(html);
    // Files dropped or picked: load them a slice per frame, drawing progress meanwhile.
    std::vector<presslens::InputFile> files;
    std::vector<std::string> read_errors;
    if (presslens::platform::TakeDroppedFiles(files, read_errors)) {
        presslens::ui::StartLoad(app.state, std::move(files), std::move(read_errors));
        app.frames_to_draw = 3;
    }
    UpdateLanguages(app);  // (before the step: a small corpus is analysed again in this frame)
    if (app.state.load.job) {
        presslens::ui::StepLoad(app.state, 25.0);
        app.frames_to_draw = std::max(app.frames_to_draw, 3);
    }
    part(0);
    // A codebook edit re-matches a slice per frame, so typing never waits for matching.
    if (presslens::ui::CodebookWorkPending(app.state)) {
        presslens::ui::StepCodebookWork(app.state, presslens::ui::CodebookSliceBudget(app.state));
        app.frames_to_draw = std::max(app.frames_to_draw, 2);
    }
    part(1);
    // A selection or a scroll in the page's text layer; the panels' font for new characters.
    TakeFromPage(app);
    UpdatePanelFonts(app);
    UpdateDictionaries(app);
    // ImGui hands queued input to the interface a little per frame (a key down and its up in
    // separate frames): fast typing must be drained before idling, or characters wait.
    if (GImGui && GImGui->InputEventsQueue.Size > 0) app.frames_to_draw = std::max(app.frames_to_draw, 1);
    if (app.frames_to_draw <= 0) {
        presslens::platform::IdleUntilInput();
        return true;
    }
    if (app.state.view.dark_theme != app.dark_theme) {
        presslens::ui::ApplyTheme(app.state.view.dark_theme);
        app.dark_theme = app.state.view.dark_theme;
    }
    if (std::string settings = presslens::ui::SettingsText(app.state); settings != app.settings) {
        app.settings = settings;
        presslens::platform::SetLimits(app.state.load.limits);
        std::string err;
        presslens::platform::Store("settings", settings, err);
    }

    // A new device pixel ratio (first frame, or the window moved to another screen): rebuild the
    // font atlas at that scale so glyphs map 1:1 to physical pixels.
    float scale = FramebufferScale(app.window);
    if (scale != app.font_scale) {
        presslens::ui::LoadFonts(scale);
        presslens::render::UploadFontAtlas();
        app.font_scale = scale;
        auto& f = app.state.fonts;  // what the state hook reports of the atlas just built
        f.builds++;
        f.missing_glyphs = presslens::ui::CountMissingGlyphs(app.panel_chars);
        f.atlas_glyphs = presslens::ui::AtlasGlyphs();
        f.atlas_width = ImGui::GetIO().Fonts->TexWidth;
        f.atlas_height = ImGui::GetIO().Fonts->TexHeight;
    }

    part(2);
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
    presslens::ui::DrawFrame(app.state);
    ImGui::Render();
    part(3);
    int w = 0, h = 0;
    SDL_GL_GetDrawableSize(app.window, &w, &h);
    glViewport(0, 0, w, h);
    ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    presslens::render::Draw(ImGui::GetDrawData());
    SDL_GL_SwapWindow(app.window);
    part(4);
    --app.frames_to_draw;
    ++app.frames_drawn;
    std::string now = presslens::ui::ViewLink(app.state);
    if (now != app.last_link) {
        presslens::platform::WriteViewLink(now);
        app.last_link = now;
    }

    HandleRequests(app);
    MirrorToPage(app);
    app.frames_to_draw = std::max(app.frames_to_draw, app.state.host.redraw);
    app.state.host.redraw = 0;
    presslens::PersistChanges(app.state);
    if (presslens::platform::StateWanted()) {
        std::string state = presslens::ui::StateJson(app.state, app.frames_drawn);
        if (state != app.last_state) {
            presslens::platform::PublishState(state);
            app.last_state = std::move(state);
        }
    }
    part(5);
    // after the state, so that a page told of the first frame (the ready signal) finds it
    presslens::platform::FrameDrawn(app.frames_drawn, app.state.load.job != nullptr,
                                    app.state.editor.rematch != nullptr || app.state.editor.typed,
                                    GImGui->InputEventsQueue.Size > 0, app.parts, 6);
    long limit = presslens::platform::FrameLimit();
    if (limit > 0) {
        app.frames_to_draw = 1;  // a frame-limited run draws continuously
        if (app.frames_drawn >= limit) return false;
    }
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    if (!presslens::platform::ParseArgs(argc, argv)) return 2;
    static App app;  // static: outlives main() under the browser's main loop

    // 1. Data: the embedded default codebook, then what the user keeps or named (LoadStartupData).
    if (!presslens::ui::ResetToDefaultCodebook(app.state))  // a build defect, said in the status bar
        app.state.load.error = presslens::LoadError{"embedded codebook", app.state.editor.error}.ToString();
    presslens::LoadStartupData(app.state);
    app.settings = presslens::ui::SettingsText(app.state);
    app.state.host.has_picker = presslens::platform::HasFilePicker();
    app.dark_theme = app.state.view.dark_theme;

    // 2. Window and GL context.
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        presslens::platform::ReportFatal(std::string("SDL_Init failed: ") + SDL_GetError());
        return 1;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
#ifdef __EMSCRIPTEN__
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
#else
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
#endif
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_SetHint(SDL_HINT_IME_SHOW_UI, "1");
    app.window = SDL_CreateWindow("Presslens", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280, 800,
                                  SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!app.window) {
        presslens::platform::ReportFatal(std::string("could not open a window: ") + SDL_GetError());
        return 1;
    }
    app.gl = SDL_GL_CreateContext(app.window);
    if (!app.gl) {
        presslens::platform::ReportFatal(std::string("could not create an OpenGL 3 / WebGL2 context: ") +
                                         SDL_GetError());
        return 1;
    }
    SDL_GL_MakeCurrent(app.window, app.gl);
    SDL_GL_SetSwapInterval(1);

    // 3. Dear ImGui.
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // layout is code, not a stray imgui.ini
    // Tab and arrows move between items, Enter activates, Esc closes popups and menus
    ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    presslens::ui::ApplyTheme(app.state.view.dark_theme);
    ImGui_ImplSDL2_InitForOpenGL(app.window, app.gl);
    if (char error[1024]; !presslens::render::Init(kGlslVersion, error, sizeof error)) {
        presslens::platform::ReportFatal(std::string("could not compile the interface's shaders: ") + error);
        return 1;
    }
    presslens::platform::InstallClipboard();

    // 4. Loop until the window closes (the browser never returns from here).
    presslens::platform::RunMainLoop(Frame, &app);

    presslens::render::Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    SDL_GL_DeleteContext(app.gl);
    SDL_DestroyWindow(app.window);
    SDL_Quit();
    return 0;
}
