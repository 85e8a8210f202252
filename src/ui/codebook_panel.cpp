// ui: the codebook: its codes with their colours and hit counts, and the whole codebook as
// editable JSON. Every edit is parsed at once; a valid codebook re-matches the corpus live, an
// invalid one shows the error (field, line, column) and the matrix keeps the last valid one.
#include <algorithm>
#include <cstdio>

#include "ui/ui.hpp"
#include "ui/widgets.hpp"

namespace presslens::ui {

namespace {

// Lets InputTextMultiline edit a std::string of any length.
int ResizeCallback(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* str = static_cast<std::string*>(data->UserData);
        str->resize(static_cast<size_t>(data->BufTextLen));
        data->Buf = str->data();
    }
    return 0;
}

// Terms that carry the codebook into the corpus's languages its rules do not cover: each with
// where it came from, how often the corpus holds it and an example (hover); one click adds the
// checked ones, a rule per language.
void DrawSuggestions(AppState& s) {
    RefreshSuggestions(s);
    s.accept_suggestions = Rect{};
    if (s.suggestions.empty()) return;
    std::vector<std::string> langs;
    for (const Suggestion& x : s.suggestions)
        if (std::find(langs.begin(), langs.end(), x.language) == langs.end()) langs.push_back(x.language);
    std::string list;
    for (const std::string& l : langs) list += (list.empty() ? "" : ", ") + LanguageName(l);
    const std::string header = "Carry into " + list + " (" + std::to_string(s.suggestions.size()) + " suggestions)###suggestions";
    if (!ImGui::CollapsingHeader(header.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) return;
    size_t checked = 0;
    for (const Suggestion& x : s.suggestions) checked += x.accepted;
    ImGui::BeginDisabled(checked == 0);
    if (ImGui::Button(("Add the " + std::to_string(checked) + " checked").c_str())) {
        s.accept_suggestions = ItemRect();
        AcceptSuggestions(s);
        ImGui::EndDisabled();
        return;
    }
    s.accept_suggestions = ItemRect();
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::SmallButton("Check all"))
        for (Suggestion& x : s.suggestions) x.accepted = true;
    ImGui::SameLine();
    if (ImGui::SmallButton("Check none"))
        for (Suggestion& x : s.suggestions) x.accepted = false;
    ImGui::SameLine();
    ImGui::TextDisabled("(?)");
    if (ImGui::IsItemHovered())
        WrappedTooltip("For each rule, and each language of the loaded articles that none of its code's rules is written "
                       "for: words of those articles that carry its terms. 'same word': names and numbers as written; "
                       "'cognate': a word spelt alike (transparency ~ transparencia); 'vocabulary': a shared stance list "
                       "such as @demand. Dictionary translations are offered by the command line "
                       "(presslens-cli codebook suggest) for now. Adding them writes a rule per language after the rule "
                       "it carries, which you can edit like any other.");
    const float height = std::min(ImGui::GetTextLineHeightWithSpacing() * (static_cast<float>(s.suggestions.size()) + 1.5f),
                                  ImGui::GetTextLineHeightWithSpacing() * 9.0f);
    if (ImGui::BeginTable("suggestions", 6, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit,
                          ImVec2(0, height))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("");
        ImGui::TableSetupColumn("Code");
        ImGui::TableSetupColumn("Lang");
        ImGui::TableSetupColumn("Term -> suggestion", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("From");
        ImGui::TableSetupColumn("Articles");
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(s.suggestions.size()));
        while (clipper.Step())
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                Suggestion& x = s.suggestions[static_cast<size_t>(i)];
                ImGui::TableNextRow();
                ImGui::PushID(i);
                ImGui::TableSetColumnIndex(0);
                ImGui::Checkbox("##take", &x.accepted);
                ImGui::TableSetColumnIndex(1);
                ImGui::TextUnformatted(x.actor >= 0 ? s.codebook.actors[static_cast<size_t>(x.actor)].id.c_str() : s.codebook.codes[x.code].id.c_str());
                ImGui::TableSetColumnIndex(2);
                ImGui::TextUnformatted(x.language.c_str());
                ImGui::TableSetColumnIndex(3);
                ImGui::Text("%s -> %s", x.term.c_str(), x.suggestion.c_str());
                if (ImGui::IsItemHovered() && x.example_article >= 0)
                    WrappedTooltip("\xE2\x80\x9C" +
                                   s.corpus.articles[static_cast<size_t>(x.example_article)].text.substr(x.example.begin, x.example.size()) +
                                   "\xE2\x80\x9D\n\n" + s.corpus.articles[static_cast<size_t>(x.example_article)].source);
                ImGui::TableSetColumnIndex(4);
                ImGui::TextDisabled("%s", x.source.c_str());
                ImGui::TableSetColumnIndex(5);
                if (x.source == "vocabulary") ImGui::TextDisabled("\xE2\x80\x94");
                else ImGui::Text("%u", x.articles);
                ImGui::PopID();
            }
        ImGui::EndTable();
    }
}

}  // namespace

void DrawCodebookPanel(AppState& s) {
    std::string& editing = s.codebook_editing;
    // follow the applied codebook (reset, colour edits) unless the user is typing or mid-error
    if (s.codebook_error.empty() && editing != s.codebook_text && !ImGui::IsAnyItemActive()) editing = s.codebook_text;
    ImGui::TextDisabled("%s", s.codebook.name.empty() ? "Codebook" : s.codebook.name.c_str());
    // codes: colour, id, label, how many outlets report it
    if (ImGui::BeginTable("codes", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("Code", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("Label", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("Outlets", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableHeadersRow();
        for (size_t c = 0; c < s.codebook.codes.size(); ++c) {
            const Code& code = s.codebook.codes[c];
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::PushID(static_cast<int>(c));
            ImU32 col = CodeColour(code);
            float rgb[3] = {static_cast<float>(col & 0xFF) / 255.0f, static_cast<float>((col >> 8) & 0xFF) / 255.0f,
                            static_cast<float>((col >> 16) & 0xFF) / 255.0f};
            if (ImGui::ColorEdit3("##colour", rgb, ImGuiColorEditFlags_NoInputs | ImGuiColorEditFlags_NoLabel)) {
                char hex[8];
                std::snprintf(hex, sizeof hex, "#%02x%02x%02x", static_cast<int>(rgb[0] * 255.0f + 0.5f),
                              static_cast<int>(rgb[1] * 255.0f + 0.5f), static_cast<int>(rgb[2] * 255.0f + 0.5f));
                SetCodeColour(s, c, hex);
            }
            ImGui::PopID();
            ImGui::TableSetColumnIndex(1);
            ImGui::TextUnformatted(code.id.c_str());
            ImGui::TableSetColumnIndex(2);
            ImGui::TextUnformatted(code.label.c_str());
            if (ImGui::IsItemHovered() && !code.description.empty()) WrappedTooltip(code.description);
            ImGui::TableSetColumnIndex(3);
            if (c < s.matrix.col_outlets.size()) {
                ImGui::Text("%u/%u", s.matrix.col_outlets[c], s.matrix.col_covered[c]);
                if (ImGui::IsItemHovered()) WrappedTooltip(ColumnTotal(s.matrix, c));
            }
        }
        ImGui::EndTable();
    }
    DrawSuggestions(s);
    if (ImGui::Button("Reset to default")) {
        ResetToDefaultCodebook(s);
    }
    ImGui::SameLine();
    if (ImGui::Button("Copy JSON")) ImGui::SetClipboardText(s.codebook_text.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("re-matched in %.1f ms", s.match_ms);
    if (!s.codebook_error.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "Not applied: %s", s.codebook_error.c_str());
        ImGui::PopTextWrapPos();
    } else {
        ImGui::TextDisabled("Edit the rules below (docs/formats.md); the matrix follows every valid edit.");
    }
    if (s.codebook.language_proposed) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("Rules without \"lang\" are read as %s (%s), proposed from their terms; write \"lang\" at "
                            "the top of the codebook to choose, or \"*\" on a rule meant for every language.",
                            LanguageName(s.codebook.language).c_str(), s.codebook.language.c_str());
        ImGui::PopTextWrapPos();
    }
    if (ImGui::InputTextMultiline("##json", editing.data(), editing.capacity() + 1, ImVec2(-FLT_MIN, -FLT_MIN),
                                  ImGuiInputTextFlags_CallbackResize | ImGuiInputTextFlags_AllowTabInput,
                                  ResizeCallback, &editing)) {
        SetCodebookText(s, editing);
    }
}

}  // namespace presslens::ui
