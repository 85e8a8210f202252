// platform (web): the browser drives the loop with requestAnimationFrame; idle pauses it and
// the page's input listeners resume it (shell/index.html calls _presslens_wake). State goes to
// window.presslens. The native twin is src/platform/platform_native.cpp.
#include <emscripten.h>

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

void ReportFatal(const std::string& message) { presslens_js_fatal(message.c_str()); }

}  // namespace presslens::platform
