// ui: the project's dialogs and notices: the paste form, the project name, the banner for a view
// link whose project is not open, and the shortcuts that work anywhere outside a text field
// (paste an article, undo and redo article changes).
#include <imgui.h>

#include "ui/ui.hpp"
#include "ui/widgets.hpp"

namespace presslens::ui {

namespace {

std::string g_rename;  // the name dialog's field

void DrawPasteForm(AppState& s) {
    PasteForm& f = s.paste;
    if (f.request_open) {
        f.request_open = false;
        f.open = true;
        ImGui::OpenPopup("Paste an article");
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(vp->WorkSize.x * 0.9f, ImGui::GetFontSize() * 44.0f),
                                    std::min(vp->WorkSize.y * 0.9f, ImGui::GetFontSize() * 34.0f)),
                             ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal("Paste an article", &f.open)) return;
    auto tracked = [&](const char* name) { s.layout.menu_items.push_back({std::string("Paste/") + name, ItemRect()}); };
    const float label_w = ImGui::GetFontSize() * 5.0f;
    auto field = [&](const char* label, std::string& v, const char* hint) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(label);
        ImGui::SameLine(label_w);
        ImGui::SetNextItemWidth(-FLT_MIN);
        InputString((std::string("##") + label).c_str(), v, 0, hint);
        tracked(label);
    };
    field("Outlet", f.outlet, "the publication, e.g. The Guardian");
    field("Title", f.title, "the headline (first line of the text when empty)");
    field("Date", f.date, "2026-11-29");
    field("URL", f.url, "https://");
    field("Language", f.language, "identified from the text when empty (en, nl, de...)");
    ImGui::TextDisabled("The text, as it will be kept (paste or type here):");
    const float buttons_h = ImGui::GetFrameHeightWithSpacing() * (f.error.empty() ? 1.3f : 2.3f);
    InputStringMultiline("##text", f.text, ImVec2(-FLT_MIN, -buttons_h));
    tracked("Text");
    if (!f.error.empty()) ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "%s", f.error.c_str());
    bool add = ImGui::Button("Add article");
    tracked("Add article");
    ImGui::SameLine();
    bool cancel = ImGui::Button("Cancel");
    tracked("Cancel");
    ImGui::SameLine();
    ImGui::TextDisabled("%zu bytes", f.text.size());
    if (add && CommitPaste(s)) ImGui::CloseCurrentPopup();
    if (cancel || (ImGui::IsKeyPressed(ImGuiKey_Escape) && !ImGui::IsAnyItemActive())) {
        f = PasteForm{};
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void DrawRenameDialog(AppState& s) {
    if (s.view.rename_project) {
        s.view.rename_project = false;
        g_rename = ProjectTitle(s);
        ImGui::OpenPopup("Project name");
    }
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal("Project name", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextUnformatted("The story this project compares the coverage of:");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 26.0f);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    bool enter = InputString("##name", g_rename, ImGuiInputTextFlags_EnterReturnsTrue);
    s.layout.menu_items.push_back({"Project name/Name", ItemRect()});
    bool ok = ImGui::Button("OK") || enter;
    ImGui::SameLine();
    bool cancel = ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape);
    if (ok) RenameProject(s, g_rename);
    if (ok || cancel) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace

void DrawProjectBanner(AppState& s) {
    if (s.project.missing_link.empty()) return;
    const std::string name = s.project.missing_name.empty() ? "another project" : "\"" + s.project.missing_name + "\"";
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.55f, 0.38f, 0.05f, 0.35f));
    ImGui::BeginChild("missing_project", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 2.0f + ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().WindowPadding.y * 2.0f), ImGuiChildFlags_Border);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::Text("This link shows a view of the project %s, which is not open here (this is \"%s\"). Open its "
                ".presslens file to see that view; the person who sent the link can save it with File > Save project.",
                name.c_str(), ProjectTitle(s).c_str());
    ImGui::PopTextWrapPos();
    if (s.project.missing_fingerprint == ExampleFingerprint()) {
        // a view of the example project: one click, no file needed
        if (ImGui::SmallButton("Open the example project")) ShowExampleProject(s);
        s.layout.menu_items.push_back({"Banner/Open the example project", ItemRect()});
        ImGui::SameLine();
    } else if (s.host.has_picker) {
        if (ImGui::SmallButton("Open the project file\xE2\x80\xA6")) s.host.open_picker = true;
        s.layout.menu_items.push_back({"Banner/Open the project file", ItemRect()});
        ImGui::SameLine();
    } else {
        ImGui::TextDisabled("Drop the .presslens file on the window.");
        ImGui::SameLine();
    }
    if (ImGui::SmallButton("Dismiss")) s.project.missing_link.clear();
    s.layout.menu_items.push_back({"Banner/Dismiss", ItemRect()});
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

void DrawProjectDialogs(AppState& s) {
    // Shortcuts outside text fields: paste an article; undo / redo article changes (the codebook
    // editor has its own undo while it has the keys).
    const ImGuiIO& io = ImGui::GetIO();
    const bool command = io.KeyCtrl || io.KeySuper;
    if (!io.WantTextInput && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId) && command && !s.load.job) {
        if (ImGui::IsKeyPressed(ImGuiKey_V, false)) BeginPaste(s, ImGui::GetClipboardText() ? ImGui::GetClipboardText() : "");
        const bool articles_undo = s.view.panel != Panel::Codebook;  // the Codebook panel undoes codebook edits
        if (articles_undo && ImGui::IsKeyPressed(ImGuiKey_Z, false)) {
            if (io.KeyShift) RedoArticles(s);
            else UndoArticles(s);
        }
        if (articles_undo && ImGui::IsKeyPressed(ImGuiKey_Y, false)) RedoArticles(s);
    }
    DrawPasteForm(s);
    DrawRenameDialog(s);
}

}  // namespace presslens::ui
