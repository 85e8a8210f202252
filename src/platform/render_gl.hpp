// platform: draws Dear ImGui's draw data with OpenGL 3 (desktop) / WebGL2 (the page), for both
// targets. Needs a current GL context; no SDL, no UI code.
// Why not ImGui's own imgui_impl_opengl3: it saves and restores every GL state it touches on each
// frame (some twenty glGet* queries), as it must inside someone else's engine. In a browser most of
// these queries are round trips to the GPU process that wait for it to finish the work queued before
// (the previous frame, on a software canvas): measured at 1.7 ms a frame on average and up to 5 ms
// in one query (docs/benchmarks.md, "Typing in the codebook"). We own the whole context, so this
// renderer sets its state each frame and never reads GL state back.
#pragma once

struct ImDrawData;

namespace presslens::render {

// Compiles the shaders and makes the buffers. `glsl_version` is the shaders' first line ("#version
// 130" natively, "#version 300 es" for WebGL2). False if a shader failed to compile or link; the
// GL log is then in `error` (at most 1,023 bytes).
bool Init(const char* glsl_version, char* error, int error_size);
void Shutdown();

// Uploads ImGui's font atlas (built from io.Fonts) as a texture, replacing the one made before:
// called once before the first frame and after each rebuild of the atlas.
void UploadFontAtlas();

// Draws one frame's draw data into the current framebuffer (its size from the draw data). Leaves
// the scissor test off, so the next frame's glClear covers the whole framebuffer.
void Draw(const ImDrawData* data);

}  // namespace presslens::render
