// ui: the codebook: its codes with their colours and hit counts, and the whole codebook as
// editable JSON. Every edit is parsed at once; a valid codebook re-matches the corpus live, an
// invalid one shows the error (field, line, column) and the matrix keeps the last valid one.
#include <cstdio>

#include "io/codebook_io.hpp"
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
            Code& code = s.codebook.codes[c];
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
                code.colour = hex;
                s.codebook_text = CodebookToJson(s.codebook);
                editing = s.codebook_text;
                ++s.codebook_generation;
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
    if (ImGui::Button("Reset to default")) {
        SetCodebookText(s, std::string(DefaultCodebookJson()));
        editing = s.codebook_text;
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
