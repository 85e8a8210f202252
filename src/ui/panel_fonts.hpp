// ui: fonts merged into ImGui's atlas for the scripts the UI font (DejaVu Sans: Latin, Cyrillic,
// punctuation) lacks, loaded when a script first appears (docs/accessibility.md, "Scripts in the
// app's panels"). Needs only ImGui and the core; the host (main.cpp) fetches the files through
// platform::RequestFontFile and rebuilds the atlas texture.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "ui/model.hpp"

namespace presslens::ui {

// One Noto font cut by scripts/setup.sh (section 5b): its file's name (fonts/<name>.woff in the
// page, <name>.ttf on the desktop) and the script it draws, for messages ("Arabic").
struct PanelFontInfo {
    const char* name;
    const char* script;
    uint16_t ranges[5][2];  // its blocks, first and last (unused: 0, 0)
};
std::span<const PanelFontInfo> PanelFontList();
// The index in PanelFontList of the font that draws `c`, or -1 when the UI font draws it or no
// font of the list does.
int PanelFontFor(uint32_t c);

// The code points the panels draw, as written and as drawn (right-to-left text in visual order with Arabic's
// joined forms, core/bidi.hpp), that the UI font lacks, sorted and unique: the articles' titles and
// outlets, the word lists and the concordance, the codebook (its JSON as written, so its labels and
// terms) and its suggestions; with `reader_text`, also the open article's text (the desktop's
// reader; the page draws such lines as its own text). The titles' and outlets' part is kept in
// `corpus_cache` for the corpus generation it was read for (a codebook edit does not read 5,000
// titles again).
struct PanelCharsCache {
    long corpus_generation = -1;
    std::vector<uint32_t> chars;
};
std::vector<uint32_t> PanelChars(const AppState& state, bool reader_text, PanelCharsCache& corpus_cache);
// The names of the fonts `chars` need, in PanelFontList's order.
std::vector<std::string> PanelFontsNeeded(const std::vector<uint32_t>& chars);

// A font's file arrived (kept here; stb_truetype reads it in place), and the characters wanted
// from the fonts. Both take effect at the next LoadFonts.
void SetPanelFontFile(const std::string& name, std::string bytes);
void SetPanelFontChars(const std::vector<uint32_t>& chars);
// Called by LoadFonts after the UI font: merges each arrived font with its wanted characters at the
// size that gives its em the UI font's (`ui_font` is that font's file, `pixel_size` ImGui's size).
void MergePanelFonts(const std::string_view ui_font, float pixel_size);
// After the atlas is built: how many of `chars` have no glyph in it (each would be drawn as
// ImGui's fallback box), and how many glyphs the atlas holds.
int CountMissingGlyphs(const std::vector<uint32_t>& chars);
int AtlasGlyphs();

}  // namespace presslens::ui
