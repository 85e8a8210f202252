// ui: the Words chart as a file, whole (every bar, not the part on screen): as SVG (vector, for
// publication) and as PNG (drawn here from the same layout with the interface font's glyphs,
// taken from ImGui's font atlas, so the picture needs no GPU read-back and no second font
// renderer). Both on a white background, whatever the theme.
#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "io/png.hpp"
#include "ui/ui.hpp"
#include "ui/widgets.hpp"

namespace presslens::ui {

namespace {

struct Rgb {
    uint8_t r, g, b;
};
constexpr Rgb kInk{34, 34, 34}, kDim{110, 110, 110}, kBar{76, 120, 168}, kBarB{242, 142, 43}, kPaper{255, 255, 255};

// The chart as boxes and text in pixels of a font of size `px`.
struct Scene {
    struct Box {
        float x, y, w, h;
        Rgb colour;
    };
    struct Label {
        float x, y;  // y: the top of the line
        std::string text;
        Rgb colour;
        bool right = false;   // x is the right edge
        bool centre = false;  // x is the centre
        bool bold = false;
    };
    float width = 0, height = 0, px = 16;
    std::vector<Box> boxes;
    std::vector<Label> labels;
};

float TextWidth(const std::string& t, float px) {
    ImFont* f = ImGui::GetFont();
    return f->CalcTextSizeA(px, 1e9f, 0.0f, t.c_str()).x;
}

std::string Rate(double v) {
    char b[32];
    std::snprintf(b, sizeof b, "%.2f", v);
    return b;
}

Scene BuildScene(const AppState& s, float px) {
    Scene sc;
    sc.px = px;
    const float row = std::round(px * 1.35f), pad = std::round(px * 0.8f), gap = std::round(px * 0.4f);
    std::string title;
    if (!s.words.compare.empty())
        title = "Words: " + s.data.analysis.outlets[static_cast<size_t>(s.words.outlet)] + " vs " +
                s.data.analysis.outlets[static_cast<size_t>(s.words.compare_outlet)] + " (per 1,000 words)";
    else if (!s.words.keyness_rows.empty())
        title = "Distinctive words of " + s.data.analysis.outlets[static_cast<size_t>(s.words.outlet)] + " (count; ranked by G\xC2\xB2)";
    else if (s.words.article >= 0 && s.words.article < static_cast<int>(s.data.corpus.articles.size()))
        title = "Top words of \xE2\x80\x9C" + DisplayTitle(s.data.corpus.articles[static_cast<size_t>(s.words.article)], 60) + "\xE2\x80\x9D";
    else if (s.words.outlet >= 0 && s.words.outlet < static_cast<int>(s.data.analysis.outlets.size()))
        title = "Top words of " + s.data.analysis.outlets[static_cast<size_t>(s.words.outlet)];
    else
        title = "Top words of the corpus";
    const std::string sub = ProjectTitle(s) + " \xC2\xB7 " + std::to_string(s.data.corpus.articles.size()) + " articles \xC2\xB7 Presslens";
    float y = pad;
    sc.labels.push_back({pad, y, title, kInk, false, false, true});
    y += row;
    sc.labels.push_back({pad, y, sub, kDim});
    y += row + gap;

    if (!s.words.compare.empty()) {
        const std::string& a = s.data.analysis.outlets[static_cast<size_t>(s.words.outlet)];
        const std::string& b = s.data.analysis.outlets[static_cast<size_t>(s.words.compare_outlet)];
        float label_w = px * 6.0f;
        double max_rate = 1e-9;
        for (const CompareRow& r : s.words.compare) {
            label_w = std::max(label_w, TextWidth(r.Shown(), px) + gap * 2);
            max_rate = std::max({max_rate, r.per_k_a, r.per_k_b});
        }
        const float side = px * 16.0f, num = px * 3.5f;
        sc.width = std::round(pad * 2 + (num + side) * 2 + label_w);
        const float cx = sc.width * 0.5f, left = cx - label_w * 0.5f, right = cx + label_w * 0.5f;
        sc.labels.push_back({left - gap, y, a, kBar, true});
        sc.labels.push_back({right + gap, y, b, kBarB});
        y += row;
        for (const CompareRow& r : s.words.compare) {
            const float la = side * static_cast<float>(r.per_k_a / max_rate), lb = side * static_cast<float>(r.per_k_b / max_rate);
            sc.labels.push_back({cx, y, r.Shown(), kInk, false, true});
            sc.boxes.push_back({left - la, y + row * 0.12f, la, row * 0.76f, kBar});
            sc.boxes.push_back({right, y + row * 0.12f, lb, row * 0.76f, kBarB});
            sc.labels.push_back({left - la - gap, y, Rate(r.per_k_a), kDim, true});
            sc.labels.push_back({right + lb + gap, y, Rate(r.per_k_b), kDim});
            y += row;
        }
    } else {
        float label_w = px * 6.0f;
        size_t max_count = 1;
        for (const TermCount& t : s.words.counts) {
            label_w = std::max(label_w, TextWidth(t.Shown(), px) + gap * 2);
            max_count = std::max(max_count, t.count);
        }
        const float full = px * 30.0f, num = px * 4.0f;
        sc.width = std::round(pad * 2 + label_w + full + num);
        for (const TermCount& t : s.words.counts) {
            const float w = full * static_cast<float>(t.count) / static_cast<float>(max_count);
            sc.labels.push_back({pad + label_w - gap, y, t.Shown(), kInk, true});
            sc.boxes.push_back({pad + label_w, y + row * 0.12f, w, row * 0.76f, kBar});
            sc.labels.push_back({pad + label_w + w + gap, y, std::to_string(t.count), kDim});
            y += row;
        }
    }
    sc.width = std::max(sc.width, pad * 2 + std::max(TextWidth(title, px), TextWidth(sub, px)));
    sc.height = y + pad;
    return sc;
}

std::string Xml(const std::string& t) {
    std::string o;
    for (char c : t) {
        switch (c) {
            case '&': o += "&amp;"; break;
            case '<': o += "&lt;"; break;
            case '>': o += "&gt;"; break;
            case '"': o += "&quot;"; break;
            default:
                if (static_cast<unsigned char>(c) >= 0x20 || c == '\t') o += c;  // no control characters in XML
        }
    }
    return o;
}

std::string Hex(Rgb c) {
    char b[8];
    std::snprintf(b, sizeof b, "#%02x%02x%02x", c.r, c.g, c.b);
    return b;
}

std::string SceneSvg(const Scene& sc) {
    char buf[256];
    std::string o = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    std::snprintf(buf, sizeof buf,
                  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
                  "font-family=\"DejaVu Sans, Verdana, sans-serif\" font-size=\"%.0f\">\n",
                  sc.width, sc.height, sc.width, sc.height, sc.px * 0.85f);
    o += buf;
    o += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
    for (const Scene::Box& b : sc.boxes) {
        std::snprintf(buf, sizeof buf, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"2\" fill=\"%s\"/>\n", b.x,
                      b.y, b.w, b.h, Hex(b.colour).c_str());
        o += buf;
    }
    for (const Scene::Label& l : sc.labels) {
        std::snprintf(buf, sizeof buf, "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\"%s%s>", l.x, l.y + sc.px * 0.95f,
                      Hex(l.colour).c_str(), l.right ? " text-anchor=\"end\"" : l.centre ? " text-anchor=\"middle\"" : "",
                      l.bold ? " font-weight=\"bold\"" : "");
        o += buf + Xml(l.text) + "</text>\n";
    }
    o += "</svg>\n";
    return o;
}

// Draws the scene into RGBA pixels with the atlas's glyphs (the atlas is rasterised at font->FontSize).
std::string ScenePng(const Scene& sc) {
    ImGuiIO& io = ImGui::GetIO();
    ImFont* font = ImGui::GetFont();
    unsigned char* atlas = nullptr;
    int aw = 0, ah = 0;
    io.Fonts->GetTexDataAsAlpha8(&atlas, &aw, &ah);
    const int w = static_cast<int>(std::ceil(sc.width)), h = static_cast<int>(std::ceil(sc.height));
    if (!atlas || w <= 0 || h <= 0 || static_cast<long long>(w) * h > (64ll << 20)) return {};
    std::vector<uint8_t> px(static_cast<size_t>(w) * static_cast<size_t>(h) * 4);
    for (size_t i = 0; i < px.size(); i += 4) {
        px[i] = kPaper.r;
        px[i + 1] = kPaper.g;
        px[i + 2] = kPaper.b;
        px[i + 3] = 255;
    }
    auto blend = [&](int x, int y, Rgb c, float a) {
        if (x < 0 || y < 0 || x >= w || y >= h || a <= 0) return;
        uint8_t* p = &px[(static_cast<size_t>(y) * static_cast<size_t>(w) + static_cast<size_t>(x)) * 4];
        a = std::min(a, 1.0f);
        p[0] = static_cast<uint8_t>(p[0] + (c.r - p[0]) * a);
        p[1] = static_cast<uint8_t>(p[1] + (c.g - p[1]) * a);
        p[2] = static_cast<uint8_t>(p[2] + (c.b - p[2]) * a);
    };
    for (const Scene::Box& b : sc.boxes)
        for (int y = static_cast<int>(std::round(b.y)); y < static_cast<int>(std::round(b.y + b.h)); ++y)
            for (int x = static_cast<int>(std::round(b.x)); x < static_cast<int>(std::round(b.x + b.w)); ++x) blend(x, y, b.colour, 1.0f);
    const float scale = sc.px / font->FontSize;
    for (const Scene::Label& l : sc.labels) {
        const float tw = TextWidth(l.text, sc.px);
        float x = l.right ? l.x - tw : l.centre ? l.x - tw * 0.5f : l.x;
        const char* t = l.text.c_str();
        const char* end = t + l.text.size();
        while (t < end) {
            unsigned int c = 0;
            t += ImTextCharFromUtf8(&c, t, end);
            const ImFontGlyph* g = font->FindGlyph(static_cast<ImWchar>(c));
            if (!g) continue;
            const int gx0 = static_cast<int>(g->U0 * aw), gy0 = static_cast<int>(g->V0 * ah);
            const int gw = static_cast<int>(std::round((g->U1 - g->U0) * aw)), gh = static_cast<int>(std::round((g->V1 - g->V0) * ah));
            const int ox = static_cast<int>(std::round(x + g->X0 * scale)), oy = static_cast<int>(std::round(l.y + g->Y0 * scale));
            for (int j = 0; j < gh; ++j)
                for (int i = 0; i < gw; ++i) {
                    float a = atlas[(gy0 + j) * aw + gx0 + i] / 255.0f;
                    blend(ox + i, oy + j, l.colour, a);
                    if (l.bold) blend(ox + i + 1, oy + j, l.colour, a);  // a faux bold: one pixel wider
                }
            x += g->AdvanceX * scale;
        }
    }
    return EncodePng(px.data(), static_cast<uint32_t>(w), static_cast<uint32_t>(h));
}

}  // namespace

Export ChartExport(const AppState& s, bool svg) {
    // the glyphs as rasterised in the atlas (16 px times the screen's pixel ratio): crisp at that size
    const float px = ImGui::GetFont()->FontSize;
    Scene sc = BuildScene(s, svg ? 16.0f : px);
    const std::string name = "presslens-chart-" + WordsScopeName(s);
    if (svg) return {name + ".svg", "image/svg+xml", SceneSvg(sc)};
    return {name + ".png", "image/png", ScenePng(sc)};
}

}  // namespace presslens::ui
