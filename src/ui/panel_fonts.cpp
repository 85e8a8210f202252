// ui: the fonts merged into the atlas for scripts the UI font lacks (see panel_fonts.hpp).
// ImGui and the core only; no SDL, GL or emscripten calls.
#include "ui/panel_fonts.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <algorithm>

#include "core/bidi.hpp"
#include "ui/widgets.hpp"

namespace presslens::ui {

// [SECTION] The fonts and their scripts -----------------------------------------------------------
namespace {
// Keep in step with scripts/setup.sh (5b), which cuts each file to these blocks (and ASCII).
constexpr PanelFontInfo kFonts[] = {
    {"noto-greek", "Greek", {{0x0370, 0x03FF}, {0x1F00, 0x1FFF}}},
    // (Cyrillic left the embedded UI font for the first load's budget: 256 glyphs of DejaVu)
    {"noto-cyrillic", "Cyrillic", {{0x0400, 0x052F}}},
    {"noto-armenian", "Armenian", {{0x0530, 0x058F}, {0xFB13, 0xFB17}}},
    {"noto-georgian", "Georgian", {{0x10A0, 0x10FF}, {0x1C90, 0x1CBF}, {0x2D00, 0x2D2F}}},
    {"noto-hebrew", "Hebrew", {{0x0590, 0x05FF}, {0xFB1D, 0xFB4F}}},
    {"noto-arabic", "Arabic", {{0x0600, 0x06FF}, {0x0750, 0x077F}, {0x08A0, 0x08FF}, {0xFB50, 0xFDFF}, {0xFE70, 0xFEFF}}},
    {"noto-syriac", "Syriac", {{0x0700, 0x074F}}},
    {"noto-thaana", "Thaana", {{0x0780, 0x07BF}}},
    {"noto-devanagari", "Devanagari", {{0x0900, 0x097F}, {0xA8E0, 0xA8FF}, {0x1CD0, 0x1CFF}}},
    {"noto-bengali", "Bengali", {{0x0980, 0x09FF}}},
    {"noto-gurmukhi", "Gurmukhi", {{0x0A00, 0x0A7F}}},
    {"noto-gujarati", "Gujarati", {{0x0A80, 0x0AFF}}},
    {"noto-oriya", "Oriya", {{0x0B00, 0x0B7F}}},
    {"noto-tamil", "Tamil", {{0x0B80, 0x0BFF}}},
    {"noto-telugu", "Telugu", {{0x0C00, 0x0C7F}}},
    {"noto-kannada", "Kannada", {{0x0C80, 0x0CFF}}},
    {"noto-malayalam", "Malayalam", {{0x0D00, 0x0D7F}}},
    {"noto-sinhala", "Sinhala", {{0x0D80, 0x0DFF}}},
    {"noto-thai", "Thai", {{0x0E00, 0x0E7F}}},
    {"noto-lao", "Lao", {{0x0E80, 0x0EFF}}},
    {"noto-tibetan", "Tibetan", {{0x0F00, 0x0FFF}}},
    {"noto-myanmar", "Myanmar", {{0x1000, 0x109F}, {0xAA60, 0xAA7F}}},
    {"noto-ethiopic", "Ethiopic", {{0x1200, 0x139F}, {0x2D80, 0x2DDF}}},
    {"noto-cherokee", "Cherokee", {{0x13A0, 0x13FF}, {0xAB70, 0xABBF}}},
    {"noto-canadian", "Canadian Aboriginal syllabics", {{0x1400, 0x167F}}},
    {"noto-khmer", "Khmer", {{0x1780, 0x17FF}, {0x19E0, 0x19FF}}},
    {"noto-hangul", "Korean", {{0x3131, 0x318E}, {0xAC00, 0xD7A3}}},
    // GB 2312's ideographs, kana, CJK punctuation and full-width forms (the cut's own choice)
    {"noto-cjk-sc", "Chinese and Japanese", {{0x3000, 0x30FF}, {0x4E00, 0x9FFF}, {0xFF00, 0xFFEF}}},
};
constexpr int kFontCount = static_cast<int>(sizeof(kFonts) / sizeof(kFonts[0]));

bool InUiFont(uint32_t c) {
    static const ImWchar kRanges[] = {PRESSLENS_FONT_RANGES, 0};
    for (const ImWchar* r = kRanges; r[0]; r += 2) {
        if (c >= r[0] && c <= r[1]) return true;
    }
    return false;
}

// The files that arrived and the ranges wanted from each, by font (ImGui keeps pointers to the
// ranges until the atlas is built, so they live here).
struct Loaded {
    std::string bytes;
    ImVector<ImWchar> ranges;
};
Loaded g_loaded[kFontCount];
int FontIndex(const std::string& name) {
    for (int i = 0; i < kFontCount; ++i)
        if (name == kFonts[i].name) return i;
    return -1;
}

// The height ImGui sizes a font by (stb_truetype's ScaleForPixelHeight: hhea ascender - descender),
// in ems (head's unitsPerEm), read from the sfnt's table directory; 0 when the file is not one.
float HeightInEms(std::string_view f) {
    auto u16 = [&](size_t at) { return at + 2 <= f.size() ? static_cast<unsigned>(static_cast<unsigned char>(f[at]) << 8 | static_cast<unsigned char>(f[at + 1])) : 0u; };
    auto u32 = [&](size_t at) { return (static_cast<uint32_t>(u16(at)) << 16) | u16(at + 2); };
    const unsigned tables = u16(4);
    size_t head = 0, hhea = 0;
    for (unsigned i = 0; i < tables; ++i) {
        const size_t rec = 12 + 16 * static_cast<size_t>(i);
        const uint32_t tag = u32(rec), at = u32(rec + 8);
        if (tag == 0x68656164) head = at;  // 'head'
        if (tag == 0x68686561) hhea = at;  // 'hhea'
    }
    if (!head || !hhea || hhea + 8 > f.size()) return 0;
    const unsigned upem = u16(head + 18);
    const int ascender = static_cast<int16_t>(u16(hhea + 4)), descender = static_cast<int16_t>(u16(hhea + 6));
    return upem ? static_cast<float>(ascender - descender) / static_cast<float>(upem) : 0;
}
}  // namespace

std::span<const PanelFontInfo> PanelFontList() { return kFonts; }

int PanelFontFor(uint32_t c) {
    if (c < 0x80 || InUiFont(c)) return -1;
    for (int i = 0; i < kFontCount; ++i) {
        for (const auto& r : kFonts[i].ranges) {
            if (r[1] && c >= r[0] && c <= r[1]) return i;
        }
    }
    return -1;
}

// [SECTION] Right-to-left labels --------------------------------------------------------------------
const std::string& VisualText(const std::string& text) {
    if (!HasRightToLeft(text)) return text;
    // labels are drawn every frame: each is reordered once, kept among the last 256 (a small ring
    // rather than a hash map: fewer bytes in the page's first load)
    static std::vector<std::pair<std::string, std::string>> cache;
    static size_t next = 0;
    for (const auto& [from, to] : cache)
        if (from == text) return to;
    if (cache.size() < 256) {
        cache.emplace_back(text, VisualLine(text));
        return cache.back().second;
    }
    next = (next + 1) % cache.size();
    cache[next] = {text, VisualLine(text)};
    return cache[next].second;
}

// [SECTION] The characters the panels draw -----------------------------------------------------------
std::vector<uint32_t> PanelChars(const AppState& s, bool reader_text, PanelCharsCache& cache) {
    std::vector<uint32_t> out;
    auto scan = [&](const std::string& text) {
        const char* p = text.data();
        const char* end = p + text.size();
        while (p < end) {
            unsigned c = 0;
            p += ImTextCharFromUtf8(&c, p, end);
            if (c >= 0x80 && !InUiFont(c)) out.push_back(c);
        }
    };
    // as drawn, and as written too: what is not reordered (a tooltip, an input field) then shows
    // unjoined letters rather than boxes
    auto add = [&](const std::string& text) {
        scan(text);
        const std::string& shown = VisualText(text);
        if (&shown != &text) scan(shown);
    };
    // the articles' titles and outlets: scanned once per corpus (5,000 titles are not scanned again
    // for every codebook edit)
    if (cache.corpus_generation != s.data.corpus_generation) {
        for (const Article& a : s.data.corpus.articles) {
            add(DisplayTitle(a, 400));
            add(DisplayOutlet(a));
        }
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        cache.chars = out;
        cache.corpus_generation = s.data.corpus_generation;
    } else {
        out = cache.chars;
    }
    for (const TermCount& t : s.words.counts) add(t.Shown());
    for (const KeynessRow& t : s.words.keyness_rows) add(t.Shown());
    for (const CompareRow& t : s.words.compare) add(t.Shown());
    for (const KwicLine& k : s.words.kwic) {
        add(k.left);
        add(k.keyword);
        add(k.right);
    }
    // the codebook's terms show in its own panel only (the embedded codebook's Russian terms would
    // fetch Cyrillic for every first screen)
    if (s.view.panel == Panel::Codebook) add(s.data.codebook_text);
    for (const Code& c : s.data.codebook.codes) add(c.label);
    for (const Suggestion& g : s.data.suggestions) {
        add(g.term);
        add(g.suggestion);
    }
    const int open = s.view.selected_article;
    if (reader_text && open >= 0 && open < static_cast<int>(s.data.corpus.articles.size())) {
        add(s.data.corpus.articles[static_cast<size_t>(open)].text);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::vector<std::string> PanelFontsNeeded(const std::vector<uint32_t>& chars) {
    bool need[kFontCount] = {};
    for (uint32_t c : chars) {
        const int f = PanelFontFor(c);
        if (f >= 0) need[f] = true;
    }
    std::vector<std::string> out;
    for (int i = 0; i < kFontCount; ++i) {
        if (need[i]) out.push_back(kFonts[i].name);
    }
    return out;
}

// [SECTION] Merging into the atlas ---------------------------------------------------------------
void SetPanelFontFile(const std::string& name, std::string bytes) {
    const int f = FontIndex(name);
    if (f >= 0) g_loaded[f].bytes = std::move(bytes);
}

void SetPanelFontChars(const std::vector<uint32_t>& chars) {
    for (int i = 0; i < kFontCount; ++i) {
        ImFontGlyphRangesBuilder b;
        for (uint32_t c : chars) {
            if (c <= 0xFFFF && PanelFontFor(c) == i) b.AddChar(static_cast<ImWchar>(c));
        }
        g_loaded[i].ranges.clear();
        if (!g_loaded[i].bytes.empty()) b.BuildRanges(&g_loaded[i].ranges);
    }
}

void MergePanelFonts(std::string_view ui_font, float pixel_size) {
    const float ui_height = HeightInEms(ui_font);
    ImFontConfig merge;
    merge.FontDataOwnedByAtlas = false;  // g_loaded keeps the bytes
    merge.MergeMode = true;
    merge.PixelSnapH = true;
    merge.OversampleH = 1;
    for (Loaded& loaded : g_loaded) {
        if (loaded.bytes.empty() || loaded.ranges.Size <= 1) continue;  // (ranges end with a 0)
        const float height = HeightInEms(loaded.bytes);
        if (height <= 0) continue;  // not a font stb_truetype reads: its characters stay boxes
        // ImGui sizes a font by its ascender-to-descender height (1.164 em for DejaVu Sans, 1.448
        // for Noto Sans CJK, more for the Indic and Thai fonts): sized so, each merged font has
        // DejaVu's em (its glyphs share DejaVu's baseline)
        const float size = ui_height > 0 ? pixel_size * height / ui_height : pixel_size;
        ImGui::GetIO().Fonts->AddFontFromMemoryTTF(loaded.bytes.data(), static_cast<int>(loaded.bytes.size()), size,
                                                   &merge, loaded.ranges.Data);
    }
}

int CountMissingGlyphs(const std::vector<uint32_t>& chars) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    if (atlas->Fonts.empty()) return static_cast<int>(chars.size());
    const ImFont* font = atlas->Fonts[0];
    int missing = 0;
    for (uint32_t c : chars) {
        if (c > 0xFFFF || !font->FindGlyphNoFallback(static_cast<ImWchar>(c))) ++missing;
    }
    return missing;
}

int AtlasGlyphs() {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    return atlas->Fonts.empty() ? 0 : atlas->Fonts[0]->Glyphs.Size;
}

}  // namespace presslens::ui
