// ui: layout of the main window, fonts and theme (see ui.hpp); the state hook is state_json.cpp.
#include "ui/ui.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <algorithm>
#include <cstdlib>
#include <set>

#include "core/embedded.hpp"
#include "ui/panel_fonts.hpp"
#include "ui/widgets.hpp"

namespace presslens::ui {

void LoadFonts(float scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // Latin-1, Latin Extended-A/B, Cyrillic, general punctuation (– — ‘ ’ “ ” • …), euro, U+FFFD:
    // set in cmake/deps.cmake, which also cuts the web build's font down to these
    static const ImWchar kRanges[] = {PRESSLENS_FONT_RANGES, 0};
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // static embedded bytes
    cfg.PixelSnapH = true;
    cfg.OversampleH = 1;  // glyphs snap to whole pixels, so horizontal oversampling (2) only doubled
                          // the atlas's rasterising time at start-up
    auto files = UiFontFiles();
    if (files.empty()) {
        io.Fonts->AddFontDefault();
        io.FontGlobalScale = 1.0f;
        return;
    }
    const auto& font = files.front().bytes;
    io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(font.data()), static_cast<int>(font.size()),
                                   16.0f * scale, &cfg, kRanges);
    // the Noto fonts of the scripts the corpus brought, for just the characters it uses
    MergePanelFonts(std::string_view(font.data(), font.size()), 16.0f * scale);
    io.FontGlobalScale = 1.0f / scale;
}

void ApplyTheme(bool dark) {
    if (dark) {
        ImGui::StyleColorsDark();
    } else {
        ImGui::StyleColorsLight();
    }
    ImGuiStyle& s = ImGui::GetStyle();
    s.WindowRounding = 0.0f;
    s.FrameRounding = 3.0f;
    s.CellPadding = ImVec2(6, 4);
}

ImU32 CodeColour(const Code& code, float alpha) {
    unsigned r = 150, g = 150, b = 150;
    if (code.colour.size() == 7 && code.colour[0] == '#') {
        unsigned v = static_cast<unsigned>(std::strtoul(code.colour.c_str() + 1, nullptr, 16));
        r = (v >> 16) & 0xFF;
        g = (v >> 8) & 0xFF;
        b = v & 0xFF;
    }
    return IM_COL32(r, g, b, static_cast<int>(alpha * 255.0f));
}

Rect ItemRect() {
    ImVec2 mn = ImGui::GetItemRectMin(), mx = ImGui::GetItemRectMax();
    return {mn.x, mn.y, mx.x - mn.x, mx.y - mn.y};
}

namespace {
int ResizeString(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* str = static_cast<std::string*>(data->UserData);
        str->resize(static_cast<size_t>(data->BufTextLen));
        data->Buf = str->data();
    }
    return 0;
}
}  // namespace

bool InputString(const char* label, std::string& text, ImGuiInputTextFlags flags, const char* hint) {
    flags |= ImGuiInputTextFlags_CallbackResize;
    if (hint && *hint) return ImGui::InputTextWithHint(label, hint, text.data(), text.capacity() + 1, flags, ResizeString, &text);
    return ImGui::InputText(label, text.data(), text.capacity() + 1, flags, ResizeString, &text);
}

bool InputStringMultiline(const char* label, std::string& text, const ImVec2& size, ImGuiInputTextFlags flags) {
    flags |= ImGuiInputTextFlags_CallbackResize;
    return ImGui::InputTextMultiline(label, text.data(), text.capacity() + 1, size, flags, ResizeString, &text);
}

namespace {
// The tooltip drawn last and in which frame: the state hook reports it, so a browser test can
// read what a hover says.
std::string g_tooltip;
int g_tooltip_frame = -10;
}  // namespace

std::string LastTooltip() { return ImGui::GetFrameCount() - g_tooltip_frame <= 1 ? g_tooltip : std::string(); }

void WrappedTooltip(const std::string& text) {
    g_tooltip = text;
    g_tooltip_frame = ImGui::GetFrameCount();
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

namespace {

void DrawStatusBar(AppState& state) {
    if (state.load.job) {
        std::string what;
        float f = LoadProgress(state, what);
        if (ImGui::SmallButton("Cancel")) {
            CancelLoad(state);
            return;
        }
        ImGui::SameLine();
        ImGui::ProgressBar(f, ImVec2(ImGui::GetFontSize() * 12.0f, 0.0f));
        ImGui::SameLine();
        ImGui::Text("Loading: %s", what.c_str());
        return;
    }
    if (!state.load.error.empty()) {
        if (ImGui::SmallButton("x")) state.load.error.clear();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Dismiss");
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "%s", state.load.error.c_str());
        if (ImGui::IsItemHovered()) WrappedTooltip(state.load.error);
        return;
    }
    if (!state.load.notice.empty()) {
        ImGui::TextUnformatted(state.load.notice.c_str());
        ImGui::SameLine();
        ImGui::TextDisabled("\xC2\xB7");
        ImGui::SameLine();
    }
    if (!state.load.warnings.empty()) {
        // e.g. invalid UTF-8 kept as is, an unknown language: loaded, but worth knowing
        std::string label = state.load.warnings.size() == 1 ? "1 warning" : std::to_string(state.load.warnings.size()) + " warnings";
        if (ImGui::SmallButton("x##warnings")) state.load.warnings.clear();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Dismiss");
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.95f, 0.75f, 0.3f, 1.0f), "%s: %s", label.c_str(),
                           state.load.warnings.empty() ? "" : state.load.warnings[0].c_str());
        if (ImGui::IsItemHovered() && !state.load.warnings.empty()) {
            std::string all;
            for (const std::string& w : state.load.warnings) all += (all.empty() ? "" : "\n") + w;
            WrappedTooltip(all);
        }
        return;
    }
    std::set<std::string> langs;
    for (const AnalyzedArticle& a : state.data.analysis.articles) langs.insert(a.effective_language);
    std::string list;
    for (const std::string& l : langs) list += (list.empty() ? "" : " ") + l;
    const size_t na = state.data.corpus.articles.size(), no = state.data.analysis.outlets.size(), nc = state.data.codebook.codes.size();
    ImGui::TextDisabled("%zu %s \xC2\xB7 %zu %s \xC2\xB7 languages: %s \xC2\xB7 analysis %.0f ms \xC2\xB7 "
                        "matching %.1f ms \xC2\xB7 %zu %s",
                        na, na == 1 ? "article" : "articles", no, no == 1 ? "outlet" : "outlets", list.c_str(),
                        state.data.analysis_ms, state.data.match_ms, nc, nc == 1 ? "code" : "codes");
}

}  // namespace

void DrawFrame(AppState& state) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_MenuBar |
                             ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 8));
    ImGui::Begin("Presslens", nullptr, flags);
    ImGui::PopStyleVar();
    DrawMenuBar(state);
    DrawProjectBanner(state);

    const ImGuiIO& io = ImGui::GetIO();
    if ((io.KeyCtrl || io.KeySuper) && ImGui::IsKeyPressed(ImGuiKey_F, false)) {
        state.view.panel = Panel::Articles;
        state.view.panel_requested = true;
        state.view.focus_filter = true;
        state.host.redraw = 4;  // switch tabs, then focus the filter (ImGui applies focus a frame later)
    }
    float status_h = ImGui::GetFrameHeightWithSpacing();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float left_w = avail.x * 0.55f;
    if (avail.x < 1100.0f) left_w = avail.x * 0.52f;

    // NavFlattened: Tab walks through the panels' controls as one sequence (docs/accessibility.md)
    ImGui::BeginChild("left", ImVec2(left_w, avail.y - status_h), ImGuiChildFlags_None, ImGuiWindowFlags_NavFlattened);
    if (ImGui::BeginTabBar("panels")) {
        struct Tab { Panel p; const char* label; void (*draw)(AppState&); };
        static const Tab kTabs[] = {{Panel::Matrix, "Matrix", DrawMatrixPanel},
                                    {Panel::Articles, "Articles", DrawArticlesPanel},
                                    {Panel::Words, "Words", DrawWordsPanel},
                                    {Panel::Codebook, "Codebook", DrawCodebookPanel},
                                    {Panel::Review, "Review", DrawReviewPanel}};
        for (const Tab& t : kTabs) {
            ImGuiTabItemFlags tf = (state.view.panel_requested && state.view.panel == t.p) ? ImGuiTabItemFlags_SetSelected : 0;
            if (ImGui::BeginTabItem(t.label, nullptr, tf)) {
                if (!state.view.panel_requested) state.view.panel = t.p;
                t.draw(state);
                ImGui::EndTabItem();
            }
        }
        state.view.panel_requested = false;
        ImGui::EndTabBar();
    }
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("reader", ImVec2(0, avail.y - status_h), ImGuiChildFlags_Border, ImGuiWindowFlags_NavFlattened);
    DrawReaderPanel(state);
    ImGui::EndChild();
    DrawStatusBar(state);
    DrawProjectDialogs(state);
    DrawCoderDialog(state);
    ImGui::End();
}

}  // namespace presslens::ui
