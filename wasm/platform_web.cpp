// platform (web): the browser drives the loop with requestAnimationFrame; idle pauses it and
// the page's input listeners resume it (shell/page.js calls _presslens_wake). State goes to
// window.presslens. The native twin is src/platform/platform_native.cpp.
#include <emscripten.h>
#include <imgui.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "platform/platform.hpp"

namespace {
bool (*g_frame)(void*) = nullptr;
void* g_user = nullptr;
bool g_paused = false;

void Tick(void*) {
    if (!g_frame(g_user)) emscripten_cancel_main_loop();
}
}  // namespace

EM_JS(void, presslens_js_publish, (const char* json), { window.presslens.state = JSON.parse(UTF8ToString(json)); });

EM_JS(bool, presslens_js_state_wanted, (), { return !!window.presslens.wantState; });
EM_JS(void, presslens_js_frame_drawn, (double frame, bool loading, bool matching, bool waiting, const double* parts, int n), {
    if (window.presslens.parts) window.presslens.parts.push([performance.now()].concat(Array.from(HEAPF64.subarray(parts >> 3, (parts >> 3) + n))));
    window.presslens.frame = frame;
    window.presslens.loading = loading;
    window.presslens.matching = matching;
    window.presslens.inputWaiting = waiting;
    if (!window.presslens.ready) {  // the first frame is on screen: the ready signal
        window.presslens.ready = true;
        window.presslens.firstFrameMs = performance.now();
        if (window.presslens.onReady) window.presslens.onReady();
    }
});

EM_JS(void, presslens_js_fatal, (const char* msg), {
    var m = UTF8ToString(msg);
    console.error('presslens: ' + m);
    if (window.presslens.showError) window.presslens.showError(m);
});

EM_JS(void, presslens_js_write_hash, (const char* link), {
    var l = UTF8ToString(link);
    var cur = "";
    try { cur = decodeURIComponent((window.location.hash || "").replace(/^#/, "")); } catch (e) {}
    if (cur !== l) history.pushState(null, "", '#' + encodeURI(l).replace(/#/g, '%23'));
});

// ---- files the page read (shell/page.js queues them in window.presslens.batches) -------------
EM_JS(int, presslens_js_batch_size, (), {
    var b = window.presslens.batches;
    return b && b.length ? b[0].length : -1;
});
EM_JS(int, presslens_js_file_name, (int i, char* dst, int cap), {
    var bytes = new TextEncoder().encode(window.presslens.batches[0][i].name);
    if (bytes.length <= cap) HEAPU8.set(bytes, dst);
    return bytes.length;
});
EM_JS(int, presslens_js_file_size, (int i), {
    var f = window.presslens.batches[0][i];
    return f.tooBig ? -2 : f.error ? -1 : f.bytes.length;
});
EM_JS(double, presslens_js_file_declared_size, (int i), { return window.presslens.batches[0][i].size || 0; });
EM_JS(void, presslens_js_set_max_file_bytes, (double n), { window.presslens.maxFileBytes = n; });
EM_JS(int, presslens_js_file_error, (int i, char* dst, int cap), {
    var bytes = new TextEncoder().encode(window.presslens.batches[0][i].error || "");
    if (bytes.length <= cap) HEAPU8.set(bytes, dst);
    return bytes.length;
});
EM_JS(void, presslens_js_file_copy, (int i, char* dst), {
    HEAPU8.set(window.presslens.batches[0][i].bytes, dst);
    window.presslens.batches[0][i].bytes = null;  // the wasm copy is the one kept
});
EM_JS(void, presslens_js_batch_done, (), { window.presslens.batches.shift(); });
EM_JS(void, presslens_js_open_picker, (), { if (window.presslens.openPicker) window.presslens.openPicker(); });

// ---- downloads and storage ------------------------------------------------------------------
EM_JS(void, presslens_js_download, (const char* name, const char* mime, const char* data, int len), {
    var blob = new Blob([HEAPU8.slice(data, data + len)], {type: UTF8ToString(mime)});
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = UTF8ToString(name);
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 60000);
});
EM_JS(int, presslens_js_stored_size, (const char* key), {
    var v = (window.presslens.stored || {})[UTF8ToString(key)];
    return v ? v.length : -1;
});
EM_JS(void, presslens_js_stored_copy, (const char* key, char* dst), {
    HEAPU8.set(window.presslens.stored[UTF8ToString(key)], dst);
});
// A store arrives in pieces (begin, part..., end), gathered outside the wasm heap: a big corpus
// is never one string in the app's memory.
EM_JS(int, presslens_js_store_begin, (int total), {
    if (!window.presslens.store) return 0;
    window.presslens.storing = { bytes: total ? new Uint8Array(total) : null, at: 0 };
    return 1;
});
EM_JS(void, presslens_js_store_part, (const char* data, int len), {
    var s = window.presslens.storing;
    s.bytes.set(HEAPU8.subarray(data, data + len), s.at);
    s.at += len;
});
EM_JS(void, presslens_js_store_end, (const char* key), {
    var s = window.presslens.storing;
    window.presslens.storing = null;
    window.presslens.store(UTF8ToString(key), s.bytes);
});
EM_JS(int, presslens_js_store_error, (char* dst, int cap), {
    var e = window.presslens.storeError || "";
    var bytes = new TextEncoder().encode(e);
    if (bytes.length <= cap) { HEAPU8.set(bytes, dst); window.presslens.storeError = ""; }
    return bytes.length;
});

// The URL hash without '#', decoded; a malformed %-escape reads as the raw hash rather than
// throwing. (An EM_JS function, not emscripten_run_script: the page's CSP forbids eval.)
EM_JS(int, presslens_js_read_hash, (char* dst, int cap), {
    var h = (window.location.hash || "").replace(/^#/, "");
    try { h = decodeURIComponent(h); } catch (e) {}
    var bytes = new TextEncoder().encode(h);
    if (bytes.length <= cap) HEAPU8.set(bytes, dst);
    return bytes.length;
});

// ---- clipboard: copy writes the system clipboard (falling back to execCommand where the async
// API is refused); paste reads what the page's last paste event carried (Ctrl/Cmd+V fires it).
EM_JS(void, presslens_js_copy, (const char* text), {
    var t = UTF8ToString(text);
    window.presslens.copied = t;
    function fallback() {
        var ta = document.createElement("textarea");
        ta.value = t;
        ta.style.position = "fixed";
        ta.style.opacity = "0";
        document.body.appendChild(ta);
        ta.select();
        try { document.execCommand("copy"); } catch (e) {}
        ta.remove();
        var c = document.getElementById("canvas");
        if (c) c.focus();
    }
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(t).catch(fallback);
    else fallback();
});
EM_JS(int, presslens_js_pasted, (char* dst, int cap), {
    var bytes = new TextEncoder().encode(window.presslens.pasted || "");
    if (bytes.length <= cap) HEAPU8.set(bytes, dst);
    return bytes.length;
});

namespace {
// Reads a JS string through a (size, copy) pair of calls.
template <typename F>
std::string JsString(F get) {
    std::string out(256, '\0');
    int n = get(out.data(), static_cast<int>(out.size()));
    if (n > static_cast<int>(out.size())) {
        out.resize(static_cast<size_t>(n));
        n = get(out.data(), n);
    }
    out.resize(static_cast<size_t>(n < 0 ? 0 : n));
    return out;
}
}  // namespace

// The page saw a paste (Ctrl/Cmd+V lets the browser fire it; see shell/page.js): hand ImGui
// the shortcut so the focused field pastes what the event carried (GetClipboardTextFn below).
extern "C" EMSCRIPTEN_KEEPALIVE void presslens_paste() {
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, true);
    io.AddKeyEvent(ImGuiKey_V, true);
    io.AddKeyEvent(ImGuiKey_V, false);
    io.AddKeyEvent(ImGuiMod_Ctrl, false);
}

extern "C" EMSCRIPTEN_KEEPALIVE void presslens_wake() {
    if (g_paused) {
        g_paused = false;
        emscripten_resume_main_loop();
    }
}

namespace presslens::platform {

bool ParseArgs(int, char**) { return true; }

void RunMainLoop(bool (*frame)(void*), void* user) {
    g_frame = frame;
    g_user = user;
    // fps 0 = requestAnimationFrame; simulate_infinite_loop: main() does not return normally,
    // so the app's state on main's stack stays valid.
    emscripten_set_main_loop_arg(Tick, nullptr, 0, true);
}

void IdleUntilInput() {
    if (!g_paused) {
        g_paused = true;
        emscripten_pause_main_loop();
    }
}

long FrameLimit() { return 0; }

void PublishState(const std::string& json) { presslens_js_publish(json.c_str()); }
bool StateWanted() { return presslens_js_state_wanted(); }
void FrameDrawn(long frame, bool loading, bool matching, bool input_waiting, const double* parts, int n_parts) {
    presslens_js_frame_drawn(static_cast<double>(frame), loading, matching, input_waiting, parts, n_parts);
}

std::string ReadViewLink() {
    return JsString([](char* d, int c) { return presslens_js_read_hash(d, c); });
}

void WriteViewLink(const std::string& link) { presslens_js_write_hash(link.c_str()); }

void ReportFatal(const std::string& message) { presslens_js_fatal(message.c_str()); }

const std::vector<std::string>& StartupPaths() {
    static const std::vector<std::string> none;
    return none;
}

namespace {
Limits g_limits;
}

void SetLimits(const Limits& limits) {
    g_limits = limits;
    presslens_js_set_max_file_bytes(static_cast<double>(limits.max_file_bytes));
}

bool TakeDroppedFiles(std::vector<InputFile>& files, std::vector<std::string>& errors) {
    int n = presslens_js_batch_size();
    if (n < 0) return false;
    for (int i = 0; i < n; ++i) {
        InputFile f;
        f.name = JsString([i](char* d, int c) { return presslens_js_file_name(i, d, c); });
        int size = presslens_js_file_size(i);
        if (size == -2) {  // the page did not read it: over the limit
            errors.push_back(FileTooBigMessage(f.name, static_cast<uint64_t>(presslens_js_file_declared_size(i)), g_limits));
            continue;
        }
        if (size < 0) {
            errors.push_back(f.name + ": " + JsString([i](char* d, int c) { return presslens_js_file_error(i, d, c); }));
            continue;
        }
        f.bytes.resize(static_cast<size_t>(size));
        if (size > 0) presslens_js_file_copy(i, f.bytes.data());
        files.push_back(std::move(f));
    }
    presslens_js_batch_done();
    return true;
}

void OnDropFile(const char*) {}
void OnDropComplete() {}

bool HasFilePicker() { return true; }
void OpenFilePicker() { presslens_js_open_picker(); }

std::string SaveExport(const std::string& name, const std::string& mime, const std::string& bytes, bool& ok) {
    presslens_js_download(name.c_str(), mime.c_str(), bytes.data(), static_cast<int>(bytes.size()));
    ok = true;
    return "downloaded " + name;
}

EM_JS(int, presslens_js_pasted_html, (char* dst, int cap), {
    if (!window.presslens.pasteNew) return -1;
    var bytes = new TextEncoder().encode(window.presslens.pastedHtml || "");
    if (bytes.length <= cap) { HEAPU8.set(bytes, dst); window.presslens.pasteNew = false; }
    return bytes.length;
});

bool TakePastedHtml(std::string& html) {
    if (presslens_js_pasted_html(nullptr, 0) < 0) return false;
    html = JsString([](char* d, int c) { return presslens_js_pasted_html(d, c); });
    return true;
}

EM_JS(void, presslens_js_open_kept, (const char* key, const char* name), {
    window.presslens.openKept(UTF8ToString(key), UTF8ToString(name));
});

void OpenStored(const std::string& key, const std::string& name) { presslens_js_open_kept(key.c_str(), name.c_str()); }

std::string LoadStored(const std::string& key) {
    int n = presslens_js_stored_size(key.c_str());
    if (n <= 0) return {};
    std::string out(static_cast<size_t>(n), '\0');
    presslens_js_stored_copy(key.c_str(), out.data());
    return out;
}

bool Store(const std::string& key, const std::vector<std::string_view>& pieces, std::string& error) {
    size_t total = 0;
    for (std::string_view p : pieces) total += p.size();
    if (total > static_cast<size_t>(INT32_MAX)) {
        error = "too big for the browser's storage (" + std::to_string(total >> 20) + " MB)";
        return false;
    }
    if (!presslens_js_store_begin(static_cast<int>(total))) {
        error = "this browser offers no storage (IndexedDB) to this page; your changes last until it is closed";
        return false;
    }
    for (std::string_view p : pieces)
        if (!p.empty()) presslens_js_store_part(p.data(), static_cast<int>(p.size()));
    presslens_js_store_end(key.c_str());
    return true;
}

void InstallClipboard() {
    static std::string pasted;
    ImGuiIO& io = ImGui::GetIO();
    io.SetClipboardTextFn = [](void*, const char* text) { presslens_js_copy(text); };
    io.GetClipboardTextFn = [](void*) -> const char* {
        pasted = JsString([](char* d, int c) { return presslens_js_pasted(d, c); });
        return pasted.c_str();
    };
}

std::string TakeStoreError() {
    return JsString([](char* d, int c) { return presslens_js_store_error(d, c); });
}

// ---- the page's mirror of the canvas: the reader's text layer, the accessible tables, the focus
// (shell/page.js draws them; docs/accessibility.md)
EM_JS(void, presslens_js_reader_layout, (const char* json), {
    if (window.presslens.textLayer) window.presslens.textLayer.layout(JSON.parse(UTF8ToString(json)));
});
EM_JS(void, presslens_js_mirror, (const char* json), {
    if (window.presslens.mirror) window.presslens.mirror(JSON.parse(UTF8ToString(json)));
});
EM_JS(void, presslens_js_reader_view, (int article, float cx, float cy, float cw, float ch, float left, float top,
                                       float scroll, float height), {
    if (window.presslens.textLayer)
        window.presslens.textLayer.view({article: article, clip: {x: cx, y: cy, w: cw, h: ch}, left: left, top: top,
                                        scroll: scroll, height: height});
});
EM_JS(void, presslens_js_focus, (const char* window_name, float x, float y, float w, float h, bool shown), {
    window.presslens.focus = {window: UTF8ToString(window_name), rect: {x: x, y: y, w: w, h: h}, shown: shown};
});

void PublishReaderLayout(const std::string& json) { presslens_js_reader_layout(json.c_str()); }
void PublishMirror(const std::string& json) { presslens_js_mirror(json.c_str()); }
void PublishReaderView(int article, float clip_x, float clip_y, float clip_w, float clip_h, float left, float top,
                       float scroll, float height) {
    presslens_js_reader_view(article, clip_x, clip_y, clip_w, clip_h, left, top, scroll, height);
}
void PublishFocus(const std::string& window, float x, float y, float w, float h, bool shown) {
    presslens_js_focus(window.c_str(), x, y, w, h, shown);
}

EM_JS(void, presslens_js_request_font, (const char* name), {
    if (window.presslens.loadFont) window.presslens.loadFont(UTF8ToString(name));
});
// -1: not arrived yet; -2: failed (its message by presslens_js_font_error); else its size
EM_JS(int, presslens_js_font_size, (const char* name), {
    var f = (window.presslens.fontFiles || {})[UTF8ToString(name)];
    return f === undefined ? -1 : f.error ? -2 : f.bytes.length;
});
EM_JS(void, presslens_js_font_copy, (const char* name, char* dst), {
    var k = UTF8ToString(name), f = window.presslens.fontFiles[k];
    if (f.bytes && dst) HEAPU8.set(f.bytes, dst);
    window.presslens.fontFiles[k] = {bytes: new Uint8Array(0), taken: true};
});
EM_JS(int, presslens_js_font_error, (const char* name, char* dst, int cap), {
    var f = window.presslens.fontFiles[UTF8ToString(name)];
    var bytes = new TextEncoder().encode(f.error || "");
    if (bytes.length <= cap) HEAPU8.set(bytes, dst);
    return bytes.length;
});

// ---- the language module (shell/languages.js: window.presslens.languages) --------------------
// -1: nothing to take (not there yet, or taken); -2: it failed; else the data's size.
EM_JS(int, presslens_js_languages_size, (), {
    var L = window.presslens.languages;
    if (!L || L.taken || L.state === "loading") return -1;
    return L.state === "ready" ? L.data.length : -2;
});
EM_JS(void, presslens_js_languages_copy, (char* dst), {
    var L = window.presslens.languages;
    if (dst && L.data) HEAPU8.set(L.data, dst);
    L.data = null;  // the app's copy is the one kept
    L.taken = true;
});
EM_JS(int, presslens_js_languages_error, (char* dst, int cap), {
    var bytes = new TextEncoder().encode(window.presslens.languages.error || "unknown error");
    if (bytes.length <= cap) HEAPU8.set(bytes, dst);
    return bytes.length;
});

bool TakeLanguageData(std::string& data, std::string& error) {
    const int n = presslens_js_languages_size();
    if (n == -1) return false;
    if (n == -2) {
        error = JsString([](char* d, int c) { return presslens_js_languages_error(d, c); });
        presslens_js_languages_copy(nullptr);
        return true;
    }
    data.resize(static_cast<size_t>(n));
    presslens_js_languages_copy(data.data());
    return true;
}

void RequestFontFile(const std::string& name) { presslens_js_request_font(name.c_str()); }
bool TakeFontFile(const std::string& name, std::string& bytes, std::string& error) {
    int n = presslens_js_font_size(name.c_str());
    if (n == -1) return false;
    if (n == -2) {
        error = JsString([&name](char* d, int c) { return presslens_js_font_error(name.c_str(), d, c); });
        presslens_js_font_copy(name.c_str(), nullptr);
        return true;
    }
    if (n == 0) return false;  // taken before
    bytes.resize(static_cast<size_t>(n));
    presslens_js_font_copy(name.c_str(), bytes.data());
    return true;
}

namespace {
struct PageSelection {
    bool waiting = false;
    int article = -1;
    uint32_t begin = 0, end = 0;
};
PageSelection g_selection;
bool g_scroll_waiting = false;
float g_scroll = 0;
}  // namespace

bool TakeReaderSelection(int& article, uint32_t& begin, uint32_t& end) {
    if (!g_selection.waiting) return false;
    g_selection.waiting = false;
    article = g_selection.article;
    begin = g_selection.begin;
    end = g_selection.end;
    return true;
}

bool TakeReaderScroll(float& y) {
    if (!g_scroll_waiting) return false;
    g_scroll_waiting = false;
    y = g_scroll;
    return true;
}

}  // namespace presslens::platform

// The page's text layer: the user selected bytes [begin, end) of the article (shell/page.js, on
// selectionchange), or the layer scrolled by itself. Taken by main.cpp on the next frame.
extern "C" EMSCRIPTEN_KEEPALIVE void presslens_reader_selection(int article, double begin, double end) {
    presslens::platform::g_selection = {true, article, static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
    presslens_wake();
}
extern "C" EMSCRIPTEN_KEEPALIVE void presslens_reader_scrolled(double y) {
    presslens::platform::g_scroll = static_cast<float>(y);
    presslens::platform::g_scroll_waiting = true;
    presslens_wake();
}
