// platform (web): the browser drives the loop with requestAnimationFrame; idle pauses it and
// the page's input listeners resume it (shell/index.html calls _presslens_wake). State goes to
// window.presslens. The native twin is src/platform/platform_native.cpp.
#include <emscripten.h>

#include <cstdlib>

#include "platform/platform.hpp"

namespace {
bool (*g_frame)(void*) = nullptr;
void* g_user = nullptr;
bool g_paused = false;

void Tick(void*) {
    if (!g_frame(g_user)) emscripten_cancel_main_loop();
}
}  // namespace

EM_JS(void, presslens_js_publish, (const char* json), {
    var s = JSON.parse(UTF8ToString(json));
    if (!window.presslensReady) {
        window.presslensReady = true;
        window.presslensFirstFrameMs = performance.now();
        if (window.presslensOnReady) window.presslensOnReady();
    }
    window.presslens = s;
});

EM_JS(void, presslens_js_fatal, (const char* msg), {
    var m = UTF8ToString(msg);
    console.error('presslens: ' + m);
    if (window.presslensShowError) window.presslensShowError(m);
});

EM_JS(void, presslens_js_write_hash, (const char* link), {
    var l = UTF8ToString(link);
    var cur = '';
    try { cur = decodeURIComponent((window.location.hash || '').replace(/^#/, '')); } catch (e) {}
    if (cur !== l) history.pushState(null, '', '#' + encodeURI(l).replace(/#/g, '%23'));
});

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

std::string ReadViewLink() {
    // a malformed %-escape reads as the raw hash rather than throwing
    const char* p = emscripten_run_script_string(
        "(function(){var h=(window.location.hash||'').replace(/^#/,'');"
        "try{return decodeURIComponent(h);}catch(e){return h;}})()");
    return p ? std::string(p) : std::string();
}

void WriteViewLink(const std::string& link) { presslens_js_write_hash(link.c_str()); }

void ReportFatal(const std::string& message) { presslens_js_fatal(message.c_str()); }

}  // namespace presslens::platform
