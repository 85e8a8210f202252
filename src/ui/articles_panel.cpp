// ui: the article list panel (outlet, title, language, date, words, boilerplate lines) with a
// filter box. A click opens the article in the reader; Ctrl/Cmd- and Shift-clicks select several;
// Delete deletes the selection (undoable); a double click on the outlet, title, language or date
// edits it in place; the context menu also edits every field. With no articles the panel says how
// to add them.
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

// The cell being edited in place: article, column (0 outlet, 1 title, 2 language, 3 date), text.
struct InPlaceEdit {
    int article = -1, column = -1;
    std::string text;
    bool focus = false;
};
InPlaceEdit g_edit;

// The "Edit details" form's article and fields.
struct DetailsForm {
    int article = -1;
    std::string outlet, title, author, date, language, url;
    bool open = false;
};
DetailsForm g_details;

std::optional<std::string>* MetaField(ArticleMeta& m, int column) {
    switch (column) {
        case 0: return &m.outlet;
        case 1: return &m.title;
        case 2: return &m.language;
        case 3: return &m.date;
    }
    return nullptr;
}

void CommitInPlace(AppState& s) {
    if (g_edit.article < 0 || g_edit.article >= static_cast<int>(s.data.corpus.articles.size())) return;
    ArticleMeta m = s.data.corpus.articles[static_cast<size_t>(g_edit.article)].meta;
    *MetaField(m, g_edit.column) = g_edit.text;
    EditArticle(s, g_edit.article, m);
    g_edit = {};
}

bool IsSelected(const AppState& s, int i) { return std::find(s.view.list_selection.begin(), s.view.list_selection.end(), i) != s.view.list_selection.end(); }

// Click, Ctrl/Cmd-click (toggle) and Shift-click (range, in the shown order).
void Select(AppState& s, const std::vector<int>& shown, int row_in_shown) {
    const int i = shown[static_cast<size_t>(row_in_shown)];
    const ImGuiIO& io = ImGui::GetIO();
    if (io.KeyShift && s.view.selected_article >= 0) {
        auto anchor = std::find(shown.begin(), shown.end(), s.view.selected_article);
        if (anchor != shown.end()) {
            int a = static_cast<int>(anchor - shown.begin()), b = row_in_shown;
            if (a > b) std::swap(a, b);
            s.view.list_selection.assign(shown.begin() + a, shown.begin() + b + 1);
            return;  // the reader keeps the anchor
        }
    }
    if (io.KeyCtrl || io.KeySuper) {
        auto it = std::find(s.view.list_selection.begin(), s.view.list_selection.end(), i);
        if (it != s.view.list_selection.end()) s.view.list_selection.erase(it);
        else s.view.list_selection.push_back(i);
        return;
    }
    s.view.list_selection = {i};
    OpenArticle(s, i);
}

std::vector<int> Targets(const AppState& s, int row) {
    return IsSelected(s, row) ? s.view.list_selection : std::vector<int>{row};
}

void DrawDetailsForm(AppState& s) {
    if (g_details.open) {
        g_details.open = false;
        ImGui::OpenPopup("Article details");
    }
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal("Article details", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    if (g_details.article < 0 || g_details.article >= static_cast<int>(s.data.corpus.articles.size())) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    ImGui::TextDisabled("%s", s.data.corpus.articles[static_cast<size_t>(g_details.article)].source.c_str());
    const float w = ImGui::GetFontSize() * 24.0f;
    auto field = [&](const char* label, std::string& v, const char* hint) {
        ImGui::SetNextItemWidth(w);
        InputString(label, v, 0, hint);
        s.layout.menu_items.push_back({std::string("Article details/") + label, ItemRect()});
    };
    field("Outlet", g_details.outlet, "the publication");
    field("Title", g_details.title, "");
    field("Author", g_details.author, "");
    field("Date", g_details.date, "2026-11-29");
    field("Language", g_details.language, "two letters: en, nl, de...");
    field("URL", g_details.url, "https://");
    ImGui::TextDisabled("An empty field is unknown. Ctrl+Z in the article list undoes the change.");
    bool ok = ImGui::Button("Save");
    s.layout.menu_items.push_back({"Article details/Save", ItemRect()});
    ImGui::SameLine();
    bool cancel = ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape);
    if (ok) {
        ArticleMeta m;
        m.outlet = g_details.outlet;
        m.title = g_details.title;
        m.author = g_details.author;
        m.date = g_details.date;
        m.language = g_details.language;
        m.url = g_details.url;
        EditArticle(s, g_details.article, m);
    }
    if (ok || cancel) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void OpenDetails(const AppState& s, int i) {
    const ArticleMeta& m = s.data.corpus.articles[static_cast<size_t>(i)].meta;
    g_details.article = i;
    g_details.outlet = m.outlet.value_or("");
    g_details.title = m.title.value_or("");
    g_details.author = m.author.value_or("");
    g_details.date = m.date.value_or("");
    g_details.language = m.language.value_or("");
    g_details.url = m.url.value_or("");
    g_details.open = true;
}

// No articles yet: how to add them.
void DrawEmptyList(AppState& s) {
    ImGui::Spacing();
    ImGui::TextUnformatted("No articles in this project yet.");
    ImGui::Spacing();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("Add the articles about your story from every outlet, in any language:");
    ImGui::BulletText("paste an article's text (Ctrl+V, or Cmd+V) and fill in its outlet and date;");
    ImGui::BulletText("drop .txt files or saved web pages (.html) on the window%s;",
                      s.host.has_picker ? ", or pick them with File > Open files" : "");
    ImGui::BulletText("open a .presslens project a colleague sent you.");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    if (ImGui::Button("Paste an article")) BeginPaste(s, ImGui::GetClipboardText() ? ImGui::GetClipboardText() : "");
    s.layout.menu_items.push_back({"Articles/Paste an article", ItemRect()});
    if (s.host.has_picker) {
        ImGui::SameLine();
        if (ImGui::Button("Open files\xE2\x80\xA6")) s.host.open_picker = true;
    }
    ImGui::SameLine();
    if (ImGui::Button("Open the example project")) ShowExampleProject(s);
    s.layout.menu_items.push_back({"Articles/Open the example project", ItemRect()});
}

}  // namespace

void DrawArticlesPanel(AppState& state) {
    auto& articles = state.data.corpus.articles;
    state.layout.article_rows.assign(articles.size(), Rect{});
    DrawDetailsForm(state);
    if (articles.empty()) {
        DrawEmptyList(state);
        return;
    }
    char buf[256];
    std::snprintf(buf, sizeof buf, "%s", state.view.filter.c_str());
    if (state.view.focus_filter) {
        // activate the box directly (a focus request travels through keyboard navigation, which a
        // held Ctrl key from the shortcut can cancel)
        ImGui::ActivateItemByID(ImGui::GetID("##filter"));
        state.view.focus_filter = false;
        state.host.redraw = 3;
    }
    const bool several = state.view.list_selection.size() > 1;
    ImGui::SetNextItemWidth(several ? -ImGui::GetFontSize() * 9.0f : -FLT_MIN);
    if (ImGui::InputTextWithHint("##filter", "Filter by outlet, title or file (Ctrl+F)", buf, sizeof buf)) state.view.filter = buf;
    if (several) {
        ImGui::SameLine();
        std::string label = "Delete " + std::to_string(state.view.list_selection.size());
        if (ImGui::Button(label.c_str())) DeleteArticles(state, state.view.list_selection);
        state.layout.menu_items.push_back({"Articles/Delete selected", ItemRect()});
    }
    std::vector<int> shown;
    std::string needle = Lower(state.view.filter);
    for (size_t i = 0; i < articles.size(); ++i) {
        const Article& a = articles[i];
        if (needle.empty() || Lower(DisplayOutlet(a) + " " + DisplayTitle(a, 400) + " " + a.source).find(needle) != std::string::npos)
            shown.push_back(static_cast<int>(i));
    }
    // Delete (or Backspace on a Mac keyboard) deletes the selection, when no text field has the keys
    const ImGuiIO& io = ImGui::GetIO();
    if (!io.WantTextInput && g_edit.article < 0 && ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) &&
        (ImGui::IsKeyPressed(ImGuiKey_Delete, false) || (io.KeySuper && ImGui::IsKeyPressed(ImGuiKey_Backspace, false)))) {
        if (!state.view.list_selection.empty()) DeleteArticles(state, state.view.list_selection);
        else if (state.view.selected_article >= 0) DeleteArticles(state, {state.view.selected_article});
        return;  // the rows changed
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

    int delete_row = -1, details_row = -1;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(shown.size()));
    while (clipper.Step()) {
        for (int si = clipper.DisplayStart; si < clipper.DisplayEnd; ++si) {
            const int i = shown[static_cast<size_t>(si)];
            const Article& a = articles[static_cast<size_t>(i)];
            const int duplicate = i < static_cast<int>(state.project.duplicate_of.size())
                                      ? state.project.duplicate_of[static_cast<size_t>(i)]
                                      : -1;
            ImGui::TableNextRow();
            // The row is as tall as its wrapped title; the selectable spans all of it.
            std::string title = VisualText(DisplayTitle(a));  // (right to left: in visual order)
            if (duplicate >= 0) title = "[duplicate] " + title;
            ImGui::TableSetColumnIndex(1);
            float row_h = ImGui::CalcTextSize(title.c_str(), nullptr, false, ImGui::GetContentRegionAvail().x).y;
            ImGui::TableSetColumnIndex(0);
            ImGui::PushID(i);
            std::string outlet = VisualText(DisplayOutlet(a));
            bool selected = state.view.selected_article == i || IsSelected(state, i);
            bool known_outlet = a.meta.outlet.has_value() || selected;  // grey unknowns, but not on the highlight
            if (g_edit.article == i && g_edit.column == 0) outlet.clear();  // the field is drawn over it
            if (!known_outlet) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            if (ImGui::Selectable(outlet.c_str(), selected,
                                  ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap |
                                      ImGuiSelectableFlags_AllowDoubleClick | kSelectOnArrows,
                                  ImVec2(0.0f, row_h))) {
                Select(state, shown, si);
                if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
                    // edit the cell under the mouse in place
                    int column = ImGui::TableGetHoveredColumn();
                    if (column >= 0 && column <= 3) {
                        ArticleMeta m = a.meta;
                        g_edit = {i, column, MetaField(m, column)->value_or(""), true};
                        if (column == 2 && g_edit.text.empty())
                            g_edit.text = state.data.analysis.articles[static_cast<size_t>(i)].effective_language;
                    }
                }
            }
            if (!known_outlet) ImGui::PopStyleColor();
            ImVec2 mn = ImGui::GetItemRectMin(), mx = ImGui::GetItemRectMax();
            state.layout.article_rows[static_cast<size_t>(i)] = {mn.x, mn.y, mx.x - mn.x, mx.y - mn.y};
            if (ImGui::IsItemHovered() && g_edit.article < 0) {
                if (duplicate >= 0)
                    WrappedTooltip("The same text as article " + std::to_string(duplicate + 1) + " (" +
                                   DisplayOutlet(articles[static_cast<size_t>(duplicate)]) + ", " +
                                   articles[static_cast<size_t>(duplicate)].source +
                                   "): counted twice. Delete one of them (Delete key).");
                else if (!a.meta.outlet)
                    WrappedTooltip("Outlet unknown: shown by the title. Double-click to write it.");
            }
            if (ImGui::BeginPopupContextItem("row")) {
                if (!IsSelected(state, i) && state.view.selected_article != i) Select(state, shown, si);
                const std::vector<int> targets = Targets(state, i);
                if (ImGui::MenuItem("Open")) OpenArticle(state, i);
                if (ImGui::MenuItem("Edit details\xE2\x80\xA6")) details_row = i;
                std::string del = targets.size() == 1 ? "Delete" : "Delete " + std::to_string(targets.size()) + " articles";
                if (ImGui::MenuItem(del.c_str(), "Del")) delete_row = i;
                ImGui::EndPopup();
            }
            auto draw_cell = [&](int column, const std::string& text, bool known) {
                if (g_edit.article == i && g_edit.column == column) {
                    ImGui::SetNextItemWidth(-FLT_MIN);
                    if (g_edit.focus) {
                        ImGui::SetKeyboardFocusHere();
                        g_edit.focus = false;
                        state.host.redraw = 2;
                    }
                    bool enter = InputString("##edit", g_edit.text, ImGuiInputTextFlags_EnterReturnsTrue |
                                                                        ImGuiInputTextFlags_AutoSelectAll);
                    state.layout.menu_items.push_back({"Articles/edit", ItemRect()});
                    if (ImGui::IsKeyPressed(ImGuiKey_Escape)) g_edit = {};
                    else if (enter || ImGui::IsItemDeactivatedAfterEdit()) CommitInPlace(state);
                    else if (ImGui::IsItemDeactivated()) g_edit = {};
                    return;
                }
                if (!known) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
                if (column == 1) ImGui::TextWrapped("%s", text.c_str());
                else ImGui::TextUnformatted(text.c_str());
                if (!known) ImGui::PopStyleColor();
            };
            if (g_edit.article == i && g_edit.column == 0) {
                ImGui::SameLine(0.0f, 0.0f);
                ImGui::SetCursorPosX(ImGui::GetCursorPosX() - ImGui::GetItemRectSize().x);
                draw_cell(0, "", true);
            }
            ImGui::TableSetColumnIndex(1);
            draw_cell(1, title, a.meta.title.has_value() || selected);
            const AnalyzedArticle& aa = state.data.analysis.articles[static_cast<size_t>(i)];
            ImGui::TableSetColumnIndex(2);
            draw_cell(2, aa.effective_language, true);
            ImGui::TableSetColumnIndex(3);
            draw_cell(3, a.meta.date.value_or(""), true);
            ImGui::TableSetColumnIndex(4);
            ImGui::Text("%zu", aa.words);
            ImGui::TableSetColumnIndex(5);
            ImGui::Text("%zu", aa.boilerplate_lines);
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
    // after the table: these change the rows it was drawing
    if (details_row >= 0) OpenDetails(state, details_row);
    if (delete_row >= 0) DeleteArticles(state, Targets(state, delete_row));
}

}  // namespace presslens::ui
