// core: one line of text in the order it is seen, for a renderer that draws code points left to right
// (Dear ImGui's text path; docs/languages.md, "Right to left"). std + utf8proc only; no ImGui.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace presslens {

// True when `utf8` holds a right-to-left letter (Hebrew, Arabic, Syriac, Thaana, N'Ko and their
// presentation forms: bidi class R or AL). Only such text is changed by VisualLine. Cheap: a scan
// of the bytes, decoding only the lead bytes of those blocks.
bool HasRightToLeft(std::string_view utf8);

// Arabic letters replaced by their contextual presentation forms (U+FB50-FDFF, U+FE70-FEFF), chosen
// by joining type (Unicode's ArabicShaping.txt): isolated, final, initial or medial as the letter
// joins the letters beside it, marks (type T) skipped; lam + alef becomes the lam-alef ligature. A
// letter without the form it needs keeps its nominal code point. Logical order in, logical order out.
std::vector<uint32_t> ShapeArabic(const std::vector<uint32_t>& logical);  // code points

// One line in visual order, left to right, for drawing one glyph per code point: Arabic shaped
// (ShapeArabic), then the Unicode Bidirectional Algorithm (UAX #9) for a line without explicit
// embeddings or isolates: the paragraph direction from its first strong letter (P2-P3; left to right
// when it has none), weak types W1-W7, neutrals N1-N2, levels I1-I2, trailing whitespace L1,
// reversal L2, marks after their base L3, mirrored brackets L4. So right-to-left runs read reversed
// while digits and Latin words inside them stay left to right. Text without a right-to-left letter
// is returned unchanged; invalid UTF-8 bytes become U+FFFD.
std::string VisualLine(std::string_view utf8);

}  // namespace presslens
