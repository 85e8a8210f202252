// ui: word frequencies as a horizontal bar chart for the corpus, one outlet or one article, or an
// outlet's distinctive words (keyness); a click on a bar shows the word's concordance, and a click
// on a concordance line opens the reader there.
#include <algorithm>
#include <cstdio>

#include "ui/ui.hpp"
#include "ui/widgets.hpp"

namespace presslens::ui {

void DrawWordsPanel(AppState& s) {
    // scope
    std::string scope_label = s.freq_article >= 0   ? "Article: " + DisplayTitle(s.corpus.articles[static_cast<size_t>(s.freq_article)], 40)
                              : s.freq_outlet >= 0 ? "Outlet: " + s.analysis.outlets[static_cast<size_t>(s.freq_outlet)]
                                                   : std::string("Whole corpus");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16.0f);
    if (ImGui::BeginCombo("Scope", scope_label.c_str())) {
        if (ImGui::Selectable("Whole corpus", s.freq_outlet < 0 && s.freq_article < 0)) {
            s.freq_outlet = s.freq_article = -1;
            s.keyness = false;
            s.freq_dirty = true;
        }
        ImGui::SeparatorText("Outlets");
        for (size_t o = 0; o < s.analysis.outlets.size(); ++o) {
            ImGui::PushID(static_cast<int>(o));
            if (ImGui::Selectable(s.analysis.outlets[o].c_str(), s.freq_outlet == static_cast<int>(o) && s.freq_article < 0)) {
                s.freq_outlet = static_cast<int>(o);
                s.freq_article = -1;
                s.freq_dirty = true;
            }
            ImGui::PopID();
        }
        ImGui::SeparatorText("Articles");
        for (size_t a = 0; a < s.corpus.articles.size(); ++a) {
            ImGui::PushID(100000 + static_cast<int>(a));
            if (ImGui::Selectable(DisplayTitle(s.corpus.articles[a], 60).c_str(), s.freq_article == static_cast<int>(a))) {
                s.freq_article = static_cast<int>(a);
                s.freq_outlet = -1;
                s.keyness = false;
                s.freq_dirty = true;
            }
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.0f);
    if (ImGui::SliderInt("Top", &s.top_n, 10, 100)) s.freq_dirty = true;
    s.freq_dirty |= ImGui::Checkbox("Keep stopwords", &s.keep_stopwords);
    ImGui::SameLine();
    s.freq_dirty |= ImGui::Checkbox("Stems", &s.stem);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5.0f);
    if (ImGui::SliderInt("Min. length", &s.min_length, 1, 10)) s.freq_dirty = true;
    if (s.freq_outlet >= 0 && s.freq_article < 0) {
        ImGui::SameLine();
        s.freq_dirty |= ImGui::Checkbox("Distinctive (keyness)", &s.keyness);
    }
    if (s.freq_dirty) RefreshFrequencies(s);

    // the chart
    const float kwic_h = s.word.empty() ? 0.0f : ImGui::GetContentRegionAvail().y * 0.38f;
    ImGui::BeginChild("chart", ImVec2(0, -kwic_h), ImGuiChildFlags_Border);
    s.bars.assign(s.freq.size(), Rect{});
    size_t max_count = 1;
    for (const TermCount& t : s.freq) max_count = std::max(max_count, t.count);
    float label_w = ImGui::GetFontSize() * 8.0f;
    for (const TermCount& t : s.freq) label_w = std::max(label_w, ImGui::CalcTextSize(t.term.c_str()).x + 8.0f);
    label_w = std::min(label_w, ImGui::GetContentRegionAvail().x * 0.4f);
    const float bar_h = ImGui::GetTextLineHeight();
    const float full_w = std::max(40.0f, ImGui::GetContentRegionAvail().x - label_w - ImGui::GetFontSize() * 3.0f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 bar_col = ImGui::GetColorU32(ImGuiCol_PlotHistogram);
    const ImU32 bar_hover = ImGui::GetColorU32(ImGuiCol_PlotHistogramHovered);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(s.freq.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const TermCount& t = s.freq[static_cast<size_t>(i)];
            ImGui::PushID(i);
            ImVec2 p = ImGui::GetCursorScreenPos();
            bool clicked = ImGui::InvisibleButton("bar", ImVec2(label_w + full_w, bar_h));
            bool hovered = ImGui::IsItemHovered();
            s.bars[static_cast<size_t>(i)] = ItemRect();
            float w = full_w * static_cast<float>(t.count) / static_cast<float>(max_count);
            bool current = s.word == t.term;
            dl->AddText(ImVec2(p.x + label_w - ImGui::CalcTextSize(t.term.c_str()).x - 6.0f, p.y),
                        ImGui::GetColorU32(current ? ImGuiCol_PlotHistogramHovered : ImGuiCol_Text), t.term.c_str());
            dl->AddRectFilled(ImVec2(p.x + label_w, p.y + 2), ImVec2(p.x + label_w + w, p.y + bar_h - 1),
                              hovered || current ? bar_hover : bar_col, 2.0f);
            char count[32];
            std::snprintf(count, sizeof count, "%zu", t.count);
            dl->AddText(ImVec2(p.x + label_w + w + 4, p.y), ImGui::GetColorU32(ImGuiCol_TextDisabled), count);
            if (hovered) {
                std::string tip = t.term + ": " + std::to_string(t.count);
                if (!s.key_rows.empty() && static_cast<size_t>(i) < s.key_rows.size()) {
                    const KeynessRow& k = s.key_rows[static_cast<size_t>(i)];
                    char buf[160];
                    std::snprintf(buf, sizeof buf, " in the outlet, %zu in the rest \xC2\xB7 G\xC2\xB2 %.1f \xC2\xB7 log ratio %.2f",
                                  k.reference, k.log_likelihood, k.log_ratio);
                    tip += buf;
                }
                WrappedTooltip(tip + "\nClick for its concordance.");
            }
            if (clicked) ShowConcordance(s, t.term);
            ImGui::PopID();
        }
    }
    if (s.freq.empty()) ImGui::TextDisabled("No words in this scope with these settings.");
    ImGui::EndChild();

    // the concordance of the clicked word
    s.kwic_rows.assign(s.kwic.size(), Rect{});
    if (s.word.empty()) return;
    ImGui::Text("Concordance of \xE2\x80\x9C%s\xE2\x80\x9D: %zu lines", s.word.c_str(), s.kwic.size());
    ImGui::SameLine();
    if (ImGui::SmallButton("Close")) {
        s.word.clear();
        s.kwic.clear();
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
    kc.Begin(static_cast<int>(s.kwic.size()));
    while (kc.Step()) {
        for (int i = kc.DisplayStart; i < kc.DisplayEnd; ++i) {
            const KwicLine& k = s.kwic[static_cast<size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::PushID(i);
            const std::string& outlet = s.analysis.outlets[static_cast<size_t>(s.analysis.article_outlet[k.article])];
            if (ImGui::Selectable(outlet.c_str(), false, ImGuiSelectableFlags_SpanAllColumns))
                OpenArticle(s, static_cast<int>(k.article), k.sentence, -1);
            s.kwic_rows[static_cast<size_t>(i)] = ItemRect();
            ImGui::PopID();
            ImGui::TableSetColumnIndex(1);
            // right-align the left context so the keywords line up
            float lw = ImGui::CalcTextSize(k.left.c_str()).x, avail = ImGui::GetContentRegionAvail().x;
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - lw);  // a long left context is cut on its left
            ImGui::TextUnformatted(k.left.c_str());
            ImGui::TableSetColumnIndex(2);
            ImGui::TextColored(ImVec4(0.95f, 0.8f, 0.2f, 1.0f), "%s", k.keyword.c_str());
            ImGui::TableSetColumnIndex(3);
            ImGui::TextUnformatted(k.right.c_str());
        }
    }
    ImGui::EndTable();
}

}  // namespace presslens::ui
