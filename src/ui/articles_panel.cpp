// ui: the article list panel (outlet, title, language); a click selects the article.
#include <imgui.h>

#include "ui/ui.hpp"

namespace presslens::ui {

void DrawArticlesPanel(AppState& state) {
    auto& articles = state.corpus.articles;
    state.article_rows.assign(articles.size(), Rect{});
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                            ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("article_list", 3, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Outlet", ImGuiTableColumnFlags_WidthStretch, 0.9f);
    ImGui::TableSetupColumn("Title", ImGuiTableColumnFlags_WidthStretch, 2.2f);
    ImGui::TableSetupColumn("Lang", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(articles.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
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
                                  ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap,
                                  ImVec2(0.0f, row_h))) {
                if (state.selected_article != i) state.reader_scroll_to_top = 1;
                state.selected_article = i;
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
            ImGui::TableSetColumnIndex(2);
            ImGui::TextUnformatted(a.meta.language.value_or("?").c_str());
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

}  // namespace presslens::ui
