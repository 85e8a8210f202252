// ui: the menu bar (open files, the default corpus, exports, theme) and what the exports hold.
// Files themselves are the host's business: the ui only queues requests (model.hpp, HostRequests).
#include <algorithm>
#include <imgui.h>

#include "io/reports.hpp"
#include "io/table.hpp"
#include "ui/ui.hpp"
#include "ui/widgets.hpp"

namespace presslens::ui {

namespace {

std::string FileSafe(std::string v) {
    for (char& c : v)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
            c = '-';
    return v.substr(0, 40);
}

}  // namespace

std::string WordsScopeName(const AppState& s) {
    if (s.words.article >= 0 && s.words.article < static_cast<int>(s.data.corpus.articles.size()))
        return "article-" + std::to_string(s.words.article);
    if (s.words.outlet >= 0 && s.words.outlet < static_cast<int>(s.data.analysis.outlets.size())) {
        std::string n = "outlet-" + FileSafe(s.data.analysis.outlets[static_cast<size_t>(s.words.outlet)]);
        if (s.words.compare_outlet >= 0 && s.words.compare_outlet < static_cast<int>(s.data.analysis.outlets.size()))
            n += "-vs-" + FileSafe(s.data.analysis.outlets[static_cast<size_t>(s.words.compare_outlet)]);
        return n;
    }
    return "corpus";
}

Export MakeExport(const AppState& s, ExportKind kind) {
    switch (kind) {
        case ExportKind::MatrixCsv:
            return {"presslens-matrix.csv", "text/csv",
                    RenderTable(MatrixTable(s.data.analysis, s.data.codebook, s.data.matrix, false, true), TableFormat::Csv)};
        case ExportKind::MatrixJson:
            return {"presslens-matrix.json", "application/json",
                    RenderTable(MatrixTable(s.data.analysis, s.data.codebook, s.data.matrix, false), TableFormat::Json)};
        case ExportKind::EvidenceCsv:
            return {"presslens-evidence.csv", "text/csv",
                    RenderTable(EvidenceTable(s.data.analysis, s.data.codebook, s.data.match, s.data.matrix,
                                                             s.review.review.empty() ? nullptr : &s.review.review,
                                                             &s.review.units),
                                                 TableFormat::Csv)};
        case ExportKind::WordsCsv: {
            Table t;
            if (!s.words.compare.empty())
                t = CompareTable(s.words.compare, s.data.analysis.outlets[static_cast<size_t>(s.words.outlet)],
                                 s.data.analysis.outlets[static_cast<size_t>(s.words.compare_outlet)]);
            else if (!s.words.keyness_rows.empty()) t = KeynessTable(s.words.keyness_rows);
            else t = FreqTable(s.words.counts);
            return {"presslens-words-" + WordsScopeName(s) + ".csv", "text/csv", RenderTable(t, TableFormat::Csv)};
        }
        case ExportKind::Codebook:
            return {"presslens-codebook.json", "application/json", s.data.codebook_text};
    }
    return {};
}

// File > Limits: the largest file and article the viewer takes. Kept with the settings.
void DrawLimitsDialog(AppState& s) {
    if (s.view.show_limits) {
        s.view.show_limits = false;
        s.view.edit_file_mb = static_cast<int>(s.load.limits.max_file_bytes >> 20);
        s.view.edit_article_mb = static_cast<int>(s.load.limits.max_article_bytes >> 20);
        ImGui::OpenPopup("Limits");
    }
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal("Limits", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    auto tracked = [&](const char* name) { s.layout.menu_items.push_back({std::string("Limits/") + name, ItemRect()}); };
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
    ImGui::TextUnformatted("Bigger inputs are refused with a message, and whatever is loaded stays.");
    ImGui::PopTextWrapPos();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
    ImGui::InputInt("Largest file (MiB)", &s.view.edit_file_mb);
    tracked("Largest file");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
    ImGui::InputInt("Largest article (MiB)", &s.view.edit_article_mb);
    tracked("Largest article");
    s.view.edit_file_mb = std::clamp(s.view.edit_file_mb, 1, 2047);
    s.view.edit_article_mb = std::clamp(s.view.edit_article_mb, 1, 2047);
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
    ImGui::TextDisabled("An article is analysed in one go, so a very long one holds up the window until it is done.");
    ImGui::PopTextWrapPos();
    bool ok = ImGui::Button("OK");
    tracked("OK");
    ImGui::SameLine();
    if (ImGui::Button("Defaults")) {
        s.view.edit_file_mb = static_cast<int>(kViewerLimits.max_file_bytes >> 20);
        s.view.edit_article_mb = static_cast<int>(kViewerLimits.max_article_bytes >> 20);
    }
    ImGui::SameLine();
    bool cancel = ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape);
    if (ok) SetLimits(s, s.view.edit_file_mb, s.view.edit_article_mb);
    if (ok || cancel) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void DrawMenuBar(AppState& s) {
    s.layout.menu_items.clear();
    if (!ImGui::BeginMenuBar()) return;
    // where each menu and item is, for the state hook ("Export/Matrix as CSV")
    std::string menu;
    // tracked without a trailing "…" ("File/Project name")
    auto track = [&](const char* label) {
        std::string name = label;
        if (name.size() > 3 && name.compare(name.size() - 3, 3, "\xE2\x80\xA6") == 0) name.resize(name.size() - 3);
        s.layout.menu_items.push_back({menu.empty() ? name : menu + "/" + name, ItemRect()});
    };
    auto begin = [&](const char* label) {
        bool open = ImGui::BeginMenu(label);
        track(label);
        if (open) menu = label;
        return open;
    };
    auto end = [&]() {
        menu.clear();
        ImGui::EndMenu();
    };
    if (begin("File")) {
        auto item = [&](const char* label, const char* shortcut = nullptr, bool enabled = true) {
            bool go = ImGui::MenuItem(label, shortcut, false, enabled);
            track(label);
            return go;
        };
        if (item("New project", nullptr, !s.load.job)) NewProject(s);
        if (item("Open the example project", nullptr, !s.data.corpus_is_default && !s.load.job)) ShowExampleProject(s);
        if (item("Open files\xE2\x80\xA6", nullptr, s.host.has_picker)) s.host.open_picker = true;
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            WrappedTooltip(s.host.has_picker
                               ? "A .presslens project opens in place of this one; .txt articles, saved web pages "
                                 "(.html) and .json corpora are added to it; a .json codebook replaces the codebook."
                               : "Drop a .presslens project, .txt articles, saved web pages (.html), a .json corpus or "
                                 "a .json codebook on the window, or name them on the command line: presslens FILE...");
        if (ImGui::BeginMenu("Recent projects", !s.project.recent.empty() && !s.load.job)) {
            for (const RecentProject& r : s.project.recent) {
                std::string label = r.name + "  (" + std::to_string(r.articles) + (r.articles == 1 ? " article)" : " articles)");
                bool go = ImGui::MenuItem(label.c_str());
                s.layout.menu_items.push_back({"File/Recent/" + r.name, ItemRect()});
                if (go) OpenRecentProject(s, r.key);
            }
            ImGui::EndMenu();
        }
        track("Recent projects");
        if (item("Save project", nullptr, !s.load.job)) s.host.save_project = true;
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            WrappedTooltip("One .presslens file with the articles as received, their details, the codebook and this "
                           "view: a colleague who opens it sees the same matrix.");
        if (item("Project name\xE2\x80\xA6")) s.view.rename_project = true;
        ImGui::Separator();
        if (item("Paste article\xE2\x80\xA6", "Ctrl+V", !s.load.job))
            BeginPaste(s, ImGui::GetClipboardText() ? ImGui::GetClipboardText() : "");
        ImGui::Separator();
        if (item("Default codebook", nullptr, !IsDefaultCodebook(s))) ChooseDefaultCodebook(s);
        if (item("Limits\xE2\x80\xA6")) s.view.show_limits = true;
        end();
    }
    if (begin("Edit")) {
        bool undo = ImGui::MenuItem("Undo article change", "Ctrl+Z", false, !s.project.undo.empty() && !s.load.job);
        track("Undo article change");
        if (undo) UndoArticles(s);
        bool redo = ImGui::MenuItem("Redo article change", "Ctrl+Shift+Z", false, !s.project.redo.empty() && !s.load.job);
        track("Redo article change");
        if (redo) RedoArticles(s);
        std::vector<int> targets = s.view.list_selection;
        if (targets.empty() && s.view.selected_article >= 0) targets = {s.view.selected_article};
        std::string del = targets.size() > 1 ? "Delete " + std::to_string(targets.size()) + " articles" : "Delete article";
        bool go = ImGui::MenuItem(del.c_str(), "Del", false, !targets.empty() && !s.load.job);
        track("Delete article");
        if (go) DeleteArticles(s, targets);
        end();
    }
    if (begin("Export")) {
        auto item = [&](const char* label, ExportKind k) {
            bool go = ImGui::MenuItem(label);
            track(label);
            if (go) s.host.exports.push_back(MakeExport(s, k));
        };
        item("Matrix as CSV", ExportKind::MatrixCsv);
        item("Matrix as JSON", ExportKind::MatrixJson);
        item("Evidence as CSV (one row per quote)", ExportKind::EvidenceCsv);
        item("Word list as CSV", ExportKind::WordsCsv);
        for (bool svg : {false, true}) {
            const char* label = svg ? "Chart as SVG (vector)" : "Chart as PNG";
            bool go = ImGui::MenuItem(label, nullptr, false, s.view.panel == Panel::Words && !s.words.counts.empty());
            track(label);
            if (go) s.host.exports.push_back(ChartExport(s, svg));
            if (s.view.panel != Panel::Words && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
                WrappedTooltip("Open the Words panel to export its chart: every bar, on white, whatever is on screen.");
        }
        item("Codebook as JSON", ExportKind::Codebook);
        end();
    }
    if (begin("View")) {
        // the host applies (and keeps) the theme before the next frame
        if (ImGui::MenuItem("Dark theme", nullptr, s.view.dark_theme)) s.view.dark_theme = true;
        track("Dark theme");
        if (ImGui::MenuItem("Light theme", nullptr, !s.view.dark_theme)) s.view.dark_theme = false;
        track("Light theme");
        end();
    }
    // the story, on the first screen; a click renames it
    const std::string title = ProjectTitle(s) + (s.data.corpus_is_default ? "  (example project)" : "");
    const float w = ImGui::CalcTextSize(title.c_str()).x + ImGui::GetStyle().ItemSpacing.x * 2.0f;
    if (ImGui::GetContentRegionAvail().x > w) {
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - w);
        if (ImGui::Selectable(title.c_str(), false, 0, ImVec2(ImGui::CalcTextSize(title.c_str()).x, 0)))
            s.view.rename_project = true;
        s.layout.menu_items.push_back({"Project title", ItemRect()});
        if (ImGui::IsItemHovered()) WrappedTooltip("The story this project compares. Click to rename it.");
    }
    ImGui::EndMenuBar();
    DrawLimitsDialog(s);
}

}  // namespace presslens::ui
