// main: SDL2 window + OpenGL (desktop GL 3 natively, WebGL2/GLES 3.0 on the web) and the frame
// loop, one file for both targets. Host differences live behind src/platform/platform.hpp.
#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl2.h>

#include <string>

#include "io/codebook_io.hpp"
#include "io/corpus_io.hpp"
#include "platform/platform.hpp"
#include "ui/ui.hpp"

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
static const char* kGlslVersion = "#version 300 es";  // WebGL2
#else
#include <SDL_opengl.h>
static const char* kGlslVersion = "#version 130";
#endif

namespace presslens {
// The embedded default codebook into the state (a broken one is a build defect, reported).
bool SetCodebookTextOrReport(ui::AppState& s, LoadError& err) {
    if (ui::SetCodebookText(s, std::string(DefaultCodebookJson()))) return true;
    err = {"embedded codebook", s.codebook_error};
    return false;
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
        if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_CLOSE &&
            e.window.windowID == SDL_GetWindowID(app.window))
            quit = true;
    }
    return any;
}

bool Frame(void* user) {
    App& app = *static_cast<App*>(user);
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
    if (app.frames_to_draw <= 0) {
        presslens::platform::IdleUntilInput();
        return true;
    }

    // A new device pixel ratio (first frame, or the window moved to another screen): rebuild the
    // font atlas at that scale so glyphs map 1:1 to physical pixels.
    float scale = FramebufferScale(app.window);
    if (scale != app.font_scale) {
        presslens::ui::LoadFonts(scale);
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
        app.font_scale = scale;
    }

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
    presslens::ui::DrawFrame(app.state);
    ImGui::Render();
    int w = 0, h = 0;
    SDL_GL_GetDrawableSize(app.window, &w, &h);
    glViewport(0, 0, w, h);
    ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    SDL_GL_SwapWindow(app.window);
    --app.frames_to_draw;
    ++app.frames_drawn;
    std::string now = presslens::ui::ViewLink(app.state);
    if (now != app.last_link) {
        presslens::platform::WriteViewLink(now);
        app.last_link = now;
    }

    std::string state = presslens::ui::StateJson(app.state, app.frames_drawn);
    if (state != app.last_state) {
        presslens::platform::PublishState(state);
        app.last_state = std::move(state);
    }
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

    // 1. Data: the embedded default codebook and corpus, analysed and matched.
    presslens::LoadError err;
    if (!presslens::SetCodebookTextOrReport(app.state, err)) app.state.error = err.ToString();
    presslens::Corpus corpus;
    if (!presslens::LoadDefaultCorpus(corpus, err)) app.state.error = err.ToString();
    presslens::ui::SetCorpus(app.state, std::move(corpus));

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
    presslens::ui::ApplyTheme(app.state.dark_theme);
    ImGui_ImplSDL2_InitForOpenGL(app.window, app.gl);
    ImGui_ImplOpenGL3_Init(kGlslVersion);

    // 4. Loop until the window closes (the browser never returns from here).
    presslens::platform::RunMainLoop(Frame, &app);

    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    SDL_GL_DeleteContext(app.gl);
    SDL_DestroyWindow(app.window);
    SDL_Quit();
    return 0;
}
