// ui (internal): small ImGui helpers shared by the panels.
#pragma once
#include <imgui.h>
#include <imgui_internal.h>  // ImGuiSelectableFlags_SelectOnNav

#include <string>

#include "core/codebook.hpp"
#include "ui/model.hpp"

namespace presslens::ui {

// Rows that follow the keyboard: an arrow key that moves onto the row selects it (as a click).
inline constexpr ImGuiSelectableFlags kSelectOnArrows = static_cast<ImGuiSelectableFlags>(ImGuiSelectableFlags_SelectOnNav);

// A code's colour ("#rrggbb"; grey when unset) with the given alpha.
ImU32 CodeColour(const Code& code, float alpha = 1.0f);
// The last item's rectangle.
Rect ItemRect();
// A text field editing a std::string of any length (optionally with a hint when empty).
bool InputString(const char* label, std::string& text, ImGuiInputTextFlags flags = 0, const char* hint = nullptr);
bool InputStringMultiline(const char* label, std::string& text, const ImVec2& size, ImGuiInputTextFlags flags = 0);
// What a matrix cell holds, in words: its best evidence, or why it is empty (its closest
// sentences and what they lack), or why it is not covered (matrix_panel.cpp).
std::string CellExplanation(const AppState& s, size_t row, size_t col, const std::vector<std::string>* outlet_languages = nullptr);
// Text wrapped at the tooltip's width.
void WrappedTooltip(const std::string& text);
// `text` as ImGui must draw it (one glyph per code point, left to right): right-to-left runs in
// visual order, Arabic letters joined (core/bidi.hpp, VisualLine); `text` itself when it holds no
// right-to-left letter. Cached (panel_fonts.cpp): the reference is good until the next call.
const std::string& VisualText(const std::string& text);
// The text of the tooltip drawn in the last frame, else empty (the state hook reports it).
std::string LastTooltip();

}  // namespace presslens::ui
