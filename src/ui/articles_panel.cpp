// ui: the article list panel (outlet, title, language, date, words, boilerplate lines) with a
// filter box; a click opens the article in the reader.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "ui/ui.hpp"
#include "ui/widgets.hpp"

namespace presslens::ui {

namespace {
std::string Lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}
}  // namespace

void DrawArticlesPanel(AppState& state) {
    auto& articles = state.corpus.articles;
    state.article_rows.assign(articles.size(), Rect{});
    char buf[256];
    std::snprintf(buf, sizeof buf, "%s", state.filter.c_str());
    if (state.focus_filter) {
        // activate the box directly (a focus request travels through keyboard navigation, which a
        // held Ctrl key from the shortcut can cancel)
        ImGui::ActivateItemByID(ImGui::GetID("##filter"));
        state.focus_filter = false;
        state.redraw = 3;
    }
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::InputTextWithHint("##filter", "Filter by outlet, title or file (Ctrl+F)", buf, sizeof buf)) state.filter = buf;
    std::vector<int> shown;
    std::string needle = Lower(state.filter);
    for (size_t i = 0; i < articles.size(); ++i) {
        const Article& a = articles[i];
        if (needle.empty() || Lower(DisplayOutlet(a) + " " + DisplayTitle(a, 400) + " " + a.source).find(needle) != std::string::npos)
            shown.push_back(static_cast<int>(i));
    }
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                            ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("article_list", 6, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Outlet", ImGuiTableColumnFlags_WidthStretch, 0.9f);
    ImGui::TableSetupColumn("Title", ImGuiTableColumnFlags_WidthStretch, 2.2f);
    ImGui::TableSetupColumn("Lang", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("Words", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("Boiler", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(shown.size()));
    while (clipper.Step()) {
        for (int si = clipper.DisplayStart; si < clipper.DisplayEnd; ++si) {
            const int i = shown[static_cast<size_t>(si)];
            const Article& a = articles[static_cast<size_t>(i)];
            ImGui::TableNextRow();
            // The row is as tall as its wrapped title; the selectable spans all of it.
            std::string title = DisplayTitle(a);
            ImGui::TableSetColumnIndex(1);
            float row_h = ImGui::CalcTextSize(title.c_str(), nullptr, false, ImGui::GetContentRegionAvail().x).y;
            ImGui::TableSetColumnIndex(0);
            ImGui::PushID(i);
            std::string outlet = DisplayOutlet(a);
            bool selected = state.selected_article == i;
            bool known_outlet = a.meta.outlet.has_value() || selected;  // grey unknowns, but not on the highlight
            if (!known_outlet) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            if (ImGui::Selectable(outlet.c_str(), selected,
                                  ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap | kSelectOnArrows,
                                  ImVec2(0.0f, row_h))) {
                OpenArticle(state, i);
            }
            if (!known_outlet) ImGui::PopStyleColor();
            ImVec2 mn = ImGui::GetItemRectMin(), mx = ImGui::GetItemRectMax();
            state.article_rows[static_cast<size_t>(i)] = {mn.x, mn.y, mx.x - mn.x, mx.y - mn.y};
            if (!a.meta.outlet && ImGui::IsItemHovered()) ImGui::SetTooltip("Outlet unknown: shown by file name");
            ImGui::TableSetColumnIndex(1);
            bool known_title = a.meta.title.has_value() || selected;
            if (!known_title) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            ImGui::TextWrapped("%s", title.c_str());
            if (!known_title) ImGui::PopStyleColor();
            const AnalyzedArticle& aa = state.analysis.articles[static_cast<size_t>(i)];
            ImGui::TableSetColumnIndex(2);
            ImGui::TextUnformatted(aa.effective_language.c_str());
            ImGui::TableSetColumnIndex(3);
            ImGui::TextUnformatted(a.meta.date.value_or("").c_str());
            ImGui::TableSetColumnIndex(4);
            ImGui::Text("%zu", aa.words);
            ImGui::TableSetColumnIndex(5);
            ImGui::Text("%zu", aa.boilerplate_lines);
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

}  // namespace presslens::ui
