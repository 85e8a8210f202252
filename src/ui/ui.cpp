// ui: layout of the main window, fonts, theme and the state hook (see ui.hpp).
#include "ui/ui.hpp"

#include <imgui.h>

#include <nlohmann/json.hpp>

#include "core/embedded.hpp"

namespace presslens::ui {

void LoadFonts(float scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // Latin-1, Latin Extended-A/B, Cyrillic, general punctuation (– — ‘ ’ “ ” • …), euro, U+FFFD
    static const ImWchar kRanges[] = {0x0020, 0x024F, 0x0400, 0x04FF, 0x2000, 0x206F,
                                      0x20AC, 0x20AC, 0xFFFD, 0xFFFD, 0};
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // static embedded bytes
    cfg.PixelSnapH = true;
    auto files = UiFontFiles();
    if (files.empty()) {
        io.Fonts->AddFontDefault();
        io.FontGlobalScale = 1.0f;
        return;
    }
    const auto& font = files.front().bytes;
    io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(font.data()), static_cast<int>(font.size()),
                                   16.0f * scale, &cfg, kRanges);
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

void DrawFrame(AppState& state) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 8));
    ImGui::Begin("Presslens", nullptr, flags);
    ImGui::PopStyleVar();

    ImGui::TextUnformatted("Presslens");
    ImGui::SameLine();
    ImGui::TextDisabled("%zu articles", state.corpus.articles.size());

    float status_h = ImGui::GetFrameHeightWithSpacing();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float list_w = avail.x * 0.42f;
    if (list_w < 320.0f) list_w = avail.x < 640.0f ? avail.x * 0.5f : 320.0f;

    ImGui::BeginChild("articles", ImVec2(list_w, avail.y - status_h), ImGuiChildFlags_Border);
    DrawArticlesPanel(state);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("reader", ImVec2(0, avail.y - status_h), ImGuiChildFlags_Border);
    DrawReaderPanel(state);
    ImGui::EndChild();

    if (!state.error.empty()) {
        ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "%s", state.error.c_str());
    } else {
        ImGui::TextDisabled("%zu articles \xE2\x80\x94 click one to read it", state.corpus.articles.size());
    }
    ImGui::End();
}

std::string StateJson(const AppState& state, long frame) {
    nlohmann::json articles = nlohmann::json::array();
    for (size_t i = 0; i < state.corpus.articles.size(); ++i) {
        const Article& a = state.corpus.articles[i];
        nlohmann::json row = {{"source", a.source},
                              {"outlet", DisplayOutlet(a)},
                              {"title", DisplayTitle(a)},
                              {"language", a.meta.language.value_or("unknown")}};
        if (i < state.article_rows.size()) {
            const Rect& r = state.article_rows[i];
            row["rect"] = {{"x", r.x}, {"y", r.y}, {"w", r.w}, {"h", r.h}};
        }
        articles.push_back(std::move(row));
    }
    nlohmann::json j = {{"frame", frame},
                        {"articles", std::move(articles)},
                        {"selected", state.selected_article},
                        {"error", state.error}};
    if (state.selected_article >= 0 && state.selected_article < static_cast<int>(state.corpus.articles.size())) {
        const Article& a = state.corpus.articles[static_cast<size_t>(state.selected_article)];
        j["reader"] = {{"source", a.source}, {"title", DisplayTitle(a)}, {"bytes", a.text.size()}};
    }
    return j.dump();
}

}  // namespace presslens::ui
