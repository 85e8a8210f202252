// platform (native desktop): SDL2 event waiting, --frames / --state-out options, stderr.
// The web twin is wasm/platform_web.cpp.
#include <SDL.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>

#include "platform/platform.hpp"

namespace presslens::platform {
namespace {
long g_frame_limit = 0;
std::string g_state_out;
std::string g_view;
}  // namespace

bool ParseArgs(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--frames") && i + 1 < argc) {
            g_frame_limit = std::strtol(argv[++i], nullptr, 10);
        } else if (!std::strcmp(argv[i], "--state-out") && i + 1 < argc) {
            g_state_out = argv[++i];
        } else if (!std::strcmp(argv[i], "--view") && i + 1 < argc) {
            g_view = argv[++i];
        } else {
            std::fprintf(stderr,
                         "presslens: unknown option '%s'\n"
                         "usage: presslens [--frames N] [--state-out FILE] [--view LINK]\n"
                         "  --frames N        quit after drawing N frames\n"
                         "  --state-out FILE  write the viewer's state (JSON) to FILE after each frame\n"
                         "  --view LINK       open a view, as in the web page's URL hash (panel=words&word=ice)\n",
                         argv[i]);
            return false;
        }
    }
    return true;
}

void RunMainLoop(bool (*frame)(void*), void* user) {
    while (frame(user)) {
    }
}

void IdleUntilInput() {
    // Blocks without spinning; the timeout only bounds how stale a missed wake-up can get.
    SDL_WaitEventTimeout(nullptr, 1000);
}

long FrameLimit() { return g_frame_limit; }

void PublishState(const std::string& json) {
    if (g_state_out.empty()) return;
    // Write then rename, so a reader never sees half a file.
    std::string tmp = g_state_out + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << json << '\n';
    }
    std::rename(tmp.c_str(), g_state_out.c_str());
}

std::string ReadViewLink() { return g_view; }
void WriteViewLink(const std::string& link) { g_view = link; }

void ReportFatal(const std::string& message) { std::fprintf(stderr, "presslens: %s\n", message.c_str()); }

}  // namespace presslens::platform
