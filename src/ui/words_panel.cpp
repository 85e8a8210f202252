// ui: word frequencies as a horizontal bar chart for the corpus, one outlet or one article, or an
// outlet's distinctive words (keyness); a click on a bar shows the word's concordance, and a click
// on a concordance line opens the reader there.
//
// [SECTION] The scope and the options (what is counted)
// [SECTION] The charts (one scope's counts; two outlets side by side)
// [SECTION] The concordance of the clicked word
// [SECTION] DrawWordsPanel: the steps in order
#include <algorithm>
#include <cstdio>

#include "ui/ui.hpp"
#include "ui/widgets.hpp"

namespace presslens::ui {

namespace {

// [SECTION] The scope and the options (what is counted) ------------------------------------------

// The Scope combo: the whole corpus, one outlet or one article.
void DrawScopeCombo(AppState& s) {
    const std::string scope_label =
        s.words.article >= 0  ? "Article: " + VisualText(DisplayTitle(s.data.corpus.articles[static_cast<size_t>(s.words.article)], 40))
        : s.words.outlet >= 0 ? "Outlet: " + VisualText(s.data.analysis.outlets[static_cast<size_t>(s.words.outlet)])
                              : std::string("Whole corpus");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16.0f);
    if (!ImGui::BeginCombo("Scope", scope_label.c_str())) return;
    if (ImGui::Selectable("Whole corpus", s.words.outlet < 0 && s.words.article < 0)) SetWordsScope(s, -1, -1);
    ImGui::SeparatorText("Outlets");
    for (size_t o = 0; o < s.data.analysis.outlets.size(); ++o) {
        ImGui::PushID(static_cast<int>(o));
        if (ImGui::Selectable(VisualText(s.data.analysis.outlets[o]).c_str(), s.words.outlet == static_cast<int>(o) && s.words.article < 0))
            SetWordsScope(s, static_cast<int>(o), -1);
        ImGui::PopID();
    }
    ImGui::SeparatorText("Articles");
    for (size_t a = 0; a < s.data.corpus.articles.size(); ++a) {
        ImGui::PushID(100000 + static_cast<int>(a));
        if (ImGui::Selectable(VisualText(DisplayTitle(s.data.corpus.articles[a], 60)).c_str(), s.words.article == static_cast<int>(a)))
            SetWordsScope(s, -1, static_cast<int>(a));
        ImGui::PopID();
    }
    ImGui::EndCombo();
}

// An outlet in scope: its distinctive words (keyness), or another outlet to compare it with.
void DrawOutletOptions(AppState& s) {
    if (ImGui::Checkbox("Distinctive (keyness)", &s.words.keyness)) {
        s.words.dirty = true;
        if (s.words.keyness) s.words.compare_outlet = -1;
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10.0f);
    const char* with = s.words.compare_outlet >= 0 ? s.data.analysis.outlets[static_cast<size_t>(s.words.compare_outlet)].c_str() : "nothing";
    if (!ImGui::BeginCombo("Compare with", with)) return;
    if (ImGui::Selectable("nothing", s.words.compare_outlet < 0)) {
        s.words.compare_outlet = -1;
        s.words.dirty = true;
    }
    for (size_t o = 0; o < s.data.analysis.outlets.size(); ++o) {
        if (static_cast<int>(o) == s.words.outlet) continue;
        ImGui::PushID(static_cast<int>(o));
        if (ImGui::Selectable(s.data.analysis.outlets[o].c_str(), s.words.compare_outlet == static_cast<int>(o))) {
            s.words.compare_outlet = static_cast<int>(o);
            s.words.keyness = false;
            s.words.dirty = true;
        }
        ImGui::PopID();
    }
    ImGui::EndCombo();
}

// How many words, which ones (stopwords, stems, a minimum length); keyness and comparison for an outlet.
void DrawCountOptions(AppState& s) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.0f);
    if (ImGui::SliderInt("Top", &s.words.top_n, 10, 100)) s.words.dirty = true;
    s.words.dirty |= ImGui::Checkbox("Keep stopwords", &s.words.keep_stopwords);
    ImGui::SameLine();
    s.words.dirty |= ImGui::Checkbox("Stems", &s.words.stem);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5.0f);
    if (ImGui::SliderInt("Min. length", &s.words.min_length, 1, 10)) s.words.dirty = true;
    if (s.words.outlet >= 0 && s.words.article < 0) DrawOutletOptions(s);
}

// [SECTION] The charts (one scope's counts; two outlets side by side) ----------------------------

// A bar's tooltip: its count, and for keyness its count in the rest of the corpus and the scores.
void BarTooltip(const AppState& s, size_t i, const TermCount& t) {
    std::string tip = t.Shown() + ": " + std::to_string(t.count);
    if (i < s.words.keyness_rows.size()) {
        const KeynessRow& k = s.words.keyness_rows[i];
        char buf[160];
        std::snprintf(buf, sizeof buf, " in the outlet, %zu in the rest \xC2\xB7 G\xC2\xB2 %.1f \xC2\xB7 log ratio %.2f",
                      k.reference, k.log_likelihood, k.log_ratio);
        tip += buf;
    }
    WrappedTooltip(tip + "\nClick for its concordance.");
}

// One scope's counts: a bar per word, its label right-aligned on the left, its count after it.
void DrawBarChart(AppState& s) {
    size_t max_count = 1;
    for (const TermCount& t : s.words.counts) max_count = std::max(max_count, t.count);
    float label_w = ImGui::GetFontSize() * 8.0f;
    for (const TermCount& t : s.words.counts) label_w = std::max(label_w, ImGui::CalcTextSize(VisualText(t.Shown()).c_str()).x + 8.0f);
    label_w = std::min(label_w, ImGui::GetContentRegionAvail().x * 0.4f);
    const float bar_h = ImGui::GetTextLineHeight();
    const float full_w = std::max(40.0f, ImGui::GetContentRegionAvail().x - label_w - ImGui::GetFontSize() * 3.0f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 bar_col = ImGui::GetColorU32(ImGuiCol_PlotHistogram);
    const ImU32 bar_hover = ImGui::GetColorU32(ImGuiCol_PlotHistogramHovered);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(s.words.counts.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const TermCount& t = s.words.counts[static_cast<size_t>(i)];
            ImGui::PushID(i);
            ImVec2 p = ImGui::GetCursorScreenPos();
            bool clicked = ImGui::InvisibleButton("bar", ImVec2(label_w + full_w, bar_h));
            bool hovered = ImGui::IsItemHovered();
            s.layout.bars[static_cast<size_t>(i)] = ItemRect();
            float w = full_w * static_cast<float>(t.count) / static_cast<float>(max_count);
            bool current = s.words.word == t.term;
            dl->AddText(ImVec2(p.x + label_w - ImGui::CalcTextSize(VisualText(t.Shown()).c_str()).x - 6.0f, p.y),
                        ImGui::GetColorU32(current ? ImGuiCol_PlotHistogramHovered : ImGuiCol_Text), VisualText(t.Shown()).c_str());
            dl->AddRectFilled(ImVec2(p.x + label_w, p.y + 2), ImVec2(p.x + label_w + w, p.y + bar_h - 1),
                              hovered || current ? bar_hover : bar_col, 2.0f);
            char count[32];
            std::snprintf(count, sizeof count, "%zu", t.count);
            dl->AddText(ImVec2(p.x + label_w + w + 4, p.y), ImGui::GetColorU32(ImGuiCol_TextDisabled), count);
            if (hovered) BarTooltip(s, static_cast<size_t>(i), t);
            if (clicked) ShowConcordance(s, t.term);
            ImGui::PopID();
        }
    }
}

// Two outlets side by side: the first's rate per 1,000 words grows left from the word, the
// second's grows right, on one scale.
void DrawCompareChart(AppState& s) {
    const std::string& name_a = s.data.analysis.outlets[static_cast<size_t>(s.words.outlet)];
    const std::string& name_b = s.data.analysis.outlets[static_cast<size_t>(s.words.compare_outlet)];
    double max_rate = 1e-9;
    for (const CompareRow& r : s.words.compare) max_rate = std::max({max_rate, r.per_k_a, r.per_k_b});
    float label_w = ImGui::GetFontSize() * 6.0f;
    for (const CompareRow& r : s.words.compare) label_w = std::max(label_w, ImGui::CalcTextSize(VisualText(r.Shown()).c_str()).x + 12.0f);
    const float avail = ImGui::GetContentRegionAvail().x;
    label_w = std::min(label_w, avail * 0.3f);
    const float side = std::max(30.0f, (avail - label_w) * 0.5f - ImGui::GetFontSize() * 2.5f);
    const float bar_h = ImGui::GetTextLineHeight();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 col_a = IM_COL32(66, 150, 250, 230), col_b = IM_COL32(240, 150, 60, 230);
    // header: which side is which
    ImVec2 h = ImGui::GetCursorScreenPos();
    const float centre = h.x + avail * 0.5f;
    float wa = ImGui::CalcTextSize(name_a.c_str()).x;
    dl->AddText(ImVec2(centre - label_w * 0.5f - wa - 4.0f, h.y), col_a, name_a.c_str());
    dl->AddText(ImVec2(centre + label_w * 0.5f + 4.0f, h.y), col_b, name_b.c_str());
    ImGui::Dummy(ImVec2(avail, bar_h));
    ImGui::TextDisabled("per 1,000 words");
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(s.words.compare.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const CompareRow& r = s.words.compare[static_cast<size_t>(i)];
            ImGui::PushID(i);
            ImVec2 p = ImGui::GetCursorScreenPos();
            bool clicked = ImGui::InvisibleButton("row", ImVec2(avail, bar_h));
            bool hovered = ImGui::IsItemHovered();
            s.layout.bars[static_cast<size_t>(i)] = ItemRect();
            const float cx = p.x + avail * 0.5f;
            const float la = side * static_cast<float>(r.per_k_a / max_rate);
            const float lb = side * static_cast<float>(r.per_k_b / max_rate);
            const float left_edge = cx - label_w * 0.5f, right_edge = cx + label_w * 0.5f;
            bool current = s.words.word == r.term;
            ImU32 text_col = ImGui::GetColorU32(current ? ImGuiCol_PlotHistogramHovered : ImGuiCol_Text);
            const std::string& shown = VisualText(r.Shown());
            float tw = ImGui::CalcTextSize(shown.c_str()).x;
            dl->AddText(ImVec2(cx - tw * 0.5f, p.y), text_col, shown.c_str());
            dl->AddRectFilled(ImVec2(left_edge - la, p.y + 2), ImVec2(left_edge, p.y + bar_h - 1), col_a, 2.0f);
            dl->AddRectFilled(ImVec2(right_edge, p.y + 2), ImVec2(right_edge + lb, p.y + bar_h - 1), col_b, 2.0f);
            char na[24], nb[24];
            std::snprintf(na, sizeof na, "%zu", r.a);
            std::snprintf(nb, sizeof nb, "%zu", r.b);
            ImU32 dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
            dl->AddText(ImVec2(left_edge - la - ImGui::CalcTextSize(na).x - 4.0f, p.y), dim, na);
            dl->AddText(ImVec2(right_edge + lb + 4.0f, p.y), dim, nb);
            if (hovered) {
                char tip[512];
                std::snprintf(tip, sizeof tip, "%s\n%s: %zu (%.2f per 1,000 words)\n%s: %zu (%.2f per 1,000 words)\nClick for its concordance.",
                              r.Shown().c_str(), name_a.c_str(), r.a, r.per_k_a, name_b.c_str(), r.b, r.per_k_b);
                WrappedTooltip(tip);
            }
            if (clicked) ShowConcordance(s, r.term);
            ImGui::PopID();
        }
    }
}


// [SECTION] The concordance of the clicked word -------------------------------------------------

// The word's lines under the chart: outlet, left context, the word, right context; a click opens
// the article at that sentence.
void DrawConcordance(AppState& s) {
    // the word as the text writes it (the first line's keyword), not its folded key
    const std::string& shown = VisualText(s.words.kwic.empty() ? s.words.word : s.words.kwic[0].keyword);
    ImGui::Text("Concordance of \xE2\x80\x9C%s\xE2\x80\x9D: %zu lines", shown.c_str(), s.words.kwic.size());
    ImGui::SameLine();
    if (ImGui::SmallButton("Close")) {
        CloseConcordance(s);
        return;
    }
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp |
                            ImGuiTableFlags_BordersInnerV;
    if (!ImGui::BeginTable("kwic", 4, flags)) return;
    ImGui::TableSetupColumn("Outlet", ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableSetupColumn("Left", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn("Word", ImGuiTableColumnFlags_WidthStretch, 0.7f);
    ImGui::TableSetupColumn("Right", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGuiListClipper kc;
    kc.Begin(static_cast<int>(s.words.kwic.size()));
    while (kc.Step()) {
        for (int i = kc.DisplayStart; i < kc.DisplayEnd; ++i) {
            const KwicLine& k = s.words.kwic[static_cast<size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::PushID(i);
            const std::string& outlet = s.data.analysis.outlets[static_cast<size_t>(s.data.analysis.article_outlet[k.article])];
            if (ImGui::Selectable(VisualText(outlet).c_str(), false, ImGuiSelectableFlags_SpanAllColumns | kSelectOnArrows))
                OpenArticle(s, static_cast<int>(k.article), k.sentence, -1);
            s.layout.kwic_rows[static_cast<size_t>(i)] = ItemRect();
            ImGui::PopID();
            ImGui::TableSetColumnIndex(1);
            // right-align the left context so the keywords line up
            const std::string left = VisualText(k.left);
            float lw = ImGui::CalcTextSize(left.c_str()).x, avail = ImGui::GetContentRegionAvail().x;
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - lw);  // a long left context is cut on its left
            ImGui::TextUnformatted(left.c_str());
            ImGui::TableSetColumnIndex(2);
            ImGui::TextColored(ImVec4(0.95f, 0.8f, 0.2f, 1.0f), "%s", VisualText(k.keyword).c_str());
            ImGui::TableSetColumnIndex(3);
            ImGui::TextUnformatted(VisualText(k.right).c_str());
        }
    }
    ImGui::EndTable();
}

}  // namespace

// [SECTION] DrawWordsPanel: the steps in order ---------------------------------------------------

void DrawWordsPanel(AppState& s) {
    DrawScopeCombo(s);
    DrawCountOptions(s);
    if (s.words.dirty) RefreshFrequencies(s);

    // the chart, over the concordance when a word is clicked
    const float kwic_h = s.words.word.empty() ? 0.0f : ImGui::GetContentRegionAvail().y * 0.38f;
    ImGui::BeginChild("chart", ImVec2(0, -kwic_h), ImGuiChildFlags_Border);
    s.layout.chart_rect = {ImGui::GetWindowPos().x, ImGui::GetWindowPos().y, ImGui::GetWindowSize().x, ImGui::GetWindowSize().y};
    s.layout.bars.assign(s.words.counts.size(), Rect{});
    if (!s.words.compare.empty()) DrawCompareChart(s);
    else DrawBarChart(s);
    if (s.words.counts.empty()) ImGui::TextDisabled("No words in this scope with these settings.");
    ImGui::EndChild();

    s.layout.kwic_rows.assign(s.words.kwic.size(), Rect{});
    if (!s.words.word.empty()) DrawConcordance(s);
}

}  // namespace presslens::ui
