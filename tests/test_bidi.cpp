// tests: visual order and Arabic joining for ImGui's left-to-right text path (core/bidi). Edge cases first.
#include <doctest/doctest.h>

#include "core/bidi.hpp"

using namespace presslens;

namespace {
// Code points: of a literal (U"..."), and of a UTF-8 string.
std::vector<uint32_t> U32(std::u32string_view s) { return std::vector<uint32_t>(s.begin(), s.end()); }
std::vector<uint32_t> U32(const std::string& s) {
    std::vector<uint32_t> out;
    for (size_t i = 0; i < s.size();) {
        const unsigned char b = static_cast<unsigned char>(s[i]);
        int len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        char32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
        for (int k = 1; k < len; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out.push_back(c);
        i += static_cast<size_t>(len);
    }
    return out;
}
}  // namespace

TEST_CASE("bidi: empty, left-to-right and invalid text are left alone") {
    CHECK(VisualLine("") == "");
    CHECK(VisualLine("   ") == "   ");
    CHECK(VisualLine("Amazon (CNET) 2024") == "Amazon (CNET) 2024");
    CHECK(VisualLine("Ελληνικά 中文 हिन्दी") == "Ελληνικά 中文 हिन्दी");
    CHECK(VisualLine("bad \xC3 byte") == "bad \xC3 byte");  // no right-to-left letter: unchanged bytes
    CHECK_FALSE(HasRightToLeft(""));
    CHECK_FALSE(HasRightToLeft("Ελληνικά 中文 ไทย"));
    CHECK(HasRightToLeft("abc שלום"));
    CHECK(HasRightToLeft("خبر"));
    CHECK(HasRightToLeft("\xEF\xBB\xB7"));  // U+FEF7, a lam-alef presentation form
}

TEST_CASE("bidi: Hebrew reads right to left, digits and Latin stay left to right") {
    CHECK(VisualLine("שלום") == "םולש");
    CHECK(VisualLine("שנת 2024 טובה") == "הבוט 2024 תנש");
    CHECK(VisualLine("אבג CNET דה") == "הד CNET גבא");
    CHECK(VisualLine("נ 50%") == "50% נ");                // % belongs to its number (W5)
    CHECK(VisualLine("(שלום)") == "(םולש)");              // brackets mirrored (L4)
    CHECK(VisualLine("שלום  ") == "  םולש");             // trailing spaces at the paragraph's end: its left (L1)
    CHECK(VisualLine("\xD7\xA9\xC3") == "\xEF\xBF\xBD\xD7\xA9");  // invalid byte: U+FFFD, reordered too
}

TEST_CASE("bidi: a left-to-right line keeps its order and reverses only its Hebrew run") {
    CHECK(VisualLine("CNET: שלום עולם") == "CNET: םלוע םולש");
    CHECK(VisualLine("Haaretz שלום 3 x") == "Haaretz 3 םולש x");  // the number after Hebrew joins its run
}

TEST_CASE("bidi: Arabic letters take their joined forms") {
    // beh beh beh: initial, medial, final
    CHECK(ShapeArabic(U32(U"\u0628\u0628\u0628")) == U32(U"\uFE91\uFE92\uFE90"));
    // alone: isolated; alef joins only on its right, so the beh after it starts again
    CHECK(ShapeArabic(U32(U"\u0628")) == U32(U"\uFE8F"));
    CHECK(ShapeArabic(U32(U"\u0628\u0627\u0628")) == U32(U"\uFE91\uFE8E\uFE8F"));
    // a mark between two letters does not break the join (transparent)
    CHECK(ShapeArabic(U32(U"\u0628\u064E\u0628")) == U32(U"\uFE91\u064E\uFE90"));
    // ZWNJ does
    CHECK(ShapeArabic(U32(U"\u0628\u200C\u0628")) == U32(U"\uFE8F\u200C\uFE8F"));
    // lam + alef is one ligature: isolated, or final after a joining letter
    CHECK(ShapeArabic(U32(U"\u0644\u0627")) == U32(U"\uFEFB"));
    CHECK(ShapeArabic(U32(U"\u0633\u0644\u0627\u0645")) == U32(U"\uFEB3\uFEFC\uFEE1"));  // سلام
    // Persian yeh (forms in U+FBxx) and alef maksura, whose initial form is in another block
    CHECK(ShapeArabic(U32(U"\u06CC\u06CC")) == U32(U"\uFBFE\uFBFD"));
    CHECK(ShapeArabic(U32(U"\u0628\u0649")) == U32(U"\uFE91\uFEF0"));
    // non-Arabic text untouched
    CHECK(ShapeArabic(U32(U"abc \u05E9")) == U32(U"abc \u05E9"));
    CHECK(ShapeArabic(U32(U"")) == U32(U""));
}

TEST_CASE("bidi: Arabic lines are joined and then reversed, numbers kept") {
    CHECK(U32(VisualLine("سلام")) == U32(U"\uFEE1\uFEFC\uFEB3"));
    // an Arabic number (European digits after an Arabic letter, W2) stays left to right
    CHECK(U32(VisualLine("عام 2024")) == U32(U"2024 \uFEE1\uFE8E\uFECB"));
    CHECK(U32(VisualLine("عام ٢٠٢٤")) == U32(U"\u0662\u0660\u0662\u0664 \uFEE1\uFE8E\uFECB"));
    // a mark is drawn after (over) its letter once the run is reversed (L3)
    CHECK(U32(VisualLine("بَب")) == U32(U"\uFE90\uFE91\u064E"));
    // Latin inside Arabic keeps its order; the paragraph is right to left
    CHECK(U32(VisualLine("خبر CNET اليوم")) == U32(U"\uFEE1\uFEEE\uFEF4\uFEDF\uFE8D CNET \uFEAE\uFE92\uFEA7"));
}
