// platform: Dear ImGui's draw data drawn with OpenGL 3 / WebGL2 (see render_gl.hpp for why this is
// ours). State is set, never read back: nothing else draws into this context.
#include "platform/render_gl.hpp"

#include <imgui.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#define GL_GLEXT_PROTOTYPES
#include <GL/gl.h>
#include <GL/glext.h>
#endif

namespace presslens::render {
namespace {

struct Renderer {
    GLuint program = 0, vertex_shader = 0, fragment_shader = 0;
    GLint projection = -1, texture = -1;
    GLuint vao = 0, vbo = 0, ibo = 0;
    GLuint font_texture = 0;
    bool base_vertex = false;  // glDrawElementsBaseVertex (desktop GL 3.2+; not in WebGL2)
};
Renderer g;

enum : GLuint { kPosition = 0, kUv = 1, kColour = 2 };

bool Compile(GLuint shader, const char* const* parts, int n, char* error, int error_size) {
    glShaderSource(shader, n, parts, nullptr);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) glGetShaderInfoLog(shader, error_size, nullptr, error);
    return ok != 0;
}

}  // namespace

bool Init(const char* glsl_version, char* error, int error_size) {
    if (error_size > 0) error[0] = '\0';
    // the shaders: position through an orthographic projection, colour times the atlas's texel
    static const char* kVertex =
        "uniform mat4 projection;\n"
        "in vec2 position;\n"
        "in vec2 uv;\n"
        "in vec4 colour;\n"
        "out vec2 frag_uv;\n"
        "out vec4 frag_colour;\n"
        "void main() {\n"
        "    frag_uv = uv;\n"
        "    frag_colour = colour;\n"
        "    gl_Position = projection * vec4(position, 0.0, 1.0);\n"
        "}\n";
    static const char* kFragment =
        "uniform sampler2D atlas;\n"
        "in vec2 frag_uv;\n"
        "in vec4 frag_colour;\n"
        "out vec4 out_colour;\n"
        "void main() { out_colour = frag_colour * texture(atlas, frag_uv); }\n";
    const bool es = std::strstr(glsl_version, " es") != nullptr;
    const char* vertex[] = {glsl_version, "\n", kVertex};
    const char* fragment[] = {glsl_version, es ? "\nprecision mediump float;\n" : "\n", kFragment};
    g.vertex_shader = glCreateShader(GL_VERTEX_SHADER);
    g.fragment_shader = glCreateShader(GL_FRAGMENT_SHADER);
    if (!Compile(g.vertex_shader, vertex, 3, error, error_size) ||
        !Compile(g.fragment_shader, fragment, 3, error, error_size))
        return false;
    g.program = glCreateProgram();
    glAttachShader(g.program, g.vertex_shader);
    glAttachShader(g.program, g.fragment_shader);
    glBindAttribLocation(g.program, kPosition, "position");
    glBindAttribLocation(g.program, kUv, "uv");
    glBindAttribLocation(g.program, kColour, "colour");
    glLinkProgram(g.program);
    GLint ok = 0;
    glGetProgramiv(g.program, GL_LINK_STATUS, &ok);
    if (!ok) {
        glGetProgramInfoLog(g.program, error_size, nullptr, error);
        return false;
    }
    g.projection = glGetUniformLocation(g.program, "projection");
    g.texture = glGetUniformLocation(g.program, "atlas");

    // one vertex array for the life of the context: the attributes' layout never changes
    glGenVertexArrays(1, &g.vao);
    glGenBuffers(1, &g.vbo);
    glGenBuffers(1, &g.ibo);
    glBindVertexArray(g.vao);
    glBindBuffer(GL_ARRAY_BUFFER, g.vbo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g.ibo);
    glEnableVertexAttribArray(kPosition);
    glEnableVertexAttribArray(kUv);
    glEnableVertexAttribArray(kColour);
    const GLsizei stride = sizeof(ImDrawVert);
    glVertexAttribPointer(kPosition, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(kUv, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(kColour, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
    glBindVertexArray(0);

#ifndef __EMSCRIPTEN__
    GLint major = 0, minor = 0;  // (once, at start-up)
    glGetIntegerv(GL_MAJOR_VERSION, &major);
    glGetIntegerv(GL_MINOR_VERSION, &minor);
    g.base_vertex = major > 3 || (major == 3 && minor >= 2);
#endif
    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "presslens_render_gl";
    // with a base vertex, a window's draw list may pass 65,536 vertices with 16-bit indices
    if (g.base_vertex) io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    return true;
}

void Shutdown() {
    if (g.font_texture) glDeleteTextures(1, &g.font_texture);
    glDeleteBuffers(1, &g.vbo);
    glDeleteBuffers(1, &g.ibo);
    glDeleteVertexArrays(1, &g.vao);
    glDeleteProgram(g.program);
    glDeleteShader(g.vertex_shader);
    glDeleteShader(g.fragment_shader);
    g = Renderer{};
    ImGui::GetIO().Fonts->SetTexID(0);
}

void UploadFontAtlas() {
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    if (g.font_texture) glDeleteTextures(1, &g.font_texture);
    glGenTextures(1, &g.font_texture);
    glBindTexture(GL_TEXTURE_2D, g.font_texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(g.font_texture)));
}

void Draw(const ImDrawData* data) {
    const ImVec2 scale = data->FramebufferScale;
    const int fb_width = static_cast<int>(data->DisplaySize.x * scale.x);
    const int fb_height = static_cast<int>(data->DisplaySize.y * scale.y);
    if (fb_width <= 0 || fb_height <= 0 || data->CmdListsCount == 0) return;

    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    glViewport(0, 0, fb_width, fb_height);
    // ImGui's coordinates (top left = DisplayPos, y down) to clip space
    const float l = data->DisplayPos.x, r = data->DisplayPos.x + data->DisplaySize.x;
    const float t = data->DisplayPos.y, b = data->DisplayPos.y + data->DisplaySize.y;
    const float projection[16] = {
        2.0f / (r - l),    0.0f,              0.0f,  0.0f,  //
        0.0f,              2.0f / (t - b),    0.0f,  0.0f,  //
        0.0f,              0.0f,              -1.0f, 0.0f,  //
        (r + l) / (l - r), (t + b) / (b - t), 0.0f,  1.0f,
    };
    glUseProgram(g.program);
    glUniform1i(g.texture, 0);
    glUniformMatrix4fv(g.projection, 1, GL_FALSE, projection);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(g.vao);
    GLuint bound = 0;

    const ImVec2 origin = data->DisplayPos;
    for (int n = 0; n < data->CmdListsCount; ++n) {
        const ImDrawList* list = data->CmdLists[n];
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->VtxBuffer.Size) * sizeof(ImDrawVert),
                     list->VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->IdxBuffer.Size) * sizeof(ImDrawIdx),
                     list->IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {  // (the interface adds none; honoured for completeness)
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
                continue;
            }
            // the clip rectangle in framebuffer pixels, y up
            const float x0 = (cmd.ClipRect.x - origin.x) * scale.x, y0 = (cmd.ClipRect.y - origin.y) * scale.y;
            const float x1 = (cmd.ClipRect.z - origin.x) * scale.x, y1 = (cmd.ClipRect.w - origin.y) * scale.y;
            if (x1 <= x0 || y1 <= y0) continue;
            glScissor(static_cast<GLint>(x0), static_cast<GLint>(static_cast<float>(fb_height) - y1),
                      static_cast<GLsizei>(x1 - x0), static_cast<GLsizei>(y1 - y0));
            const GLuint tex = static_cast<GLuint>(reinterpret_cast<intptr_t>(cmd.GetTexID()));
            if (tex != bound) {
                glBindTexture(GL_TEXTURE_2D, tex);
                bound = tex;
            }
            const GLenum type = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
            void* first = reinterpret_cast<void*>(static_cast<intptr_t>(cmd.IdxOffset * sizeof(ImDrawIdx)));
#ifndef __EMSCRIPTEN__
            if (g.base_vertex) {
                glDrawElementsBaseVertex(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), type, first,
                                         static_cast<GLint>(cmd.VtxOffset));
                continue;
            }
#endif
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), type, first);
        }
    }
    glBindVertexArray(0);
    glDisable(GL_SCISSOR_TEST);
}

}  // namespace presslens::render
