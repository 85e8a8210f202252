// ui: the comparison matrix: outlets x codes, grouped by the codes' groups. Each cell shows its
// hits with a heat shade in the code's colour; hovering shows the best evidence (or why the cell
// is empty); a click opens the article in the reader at that sentence.
#include <algorithm>
#include <numeric>

#include "ui/ui.hpp"
#include "ui/widgets.hpp"

namespace presslens::ui {

namespace {

std::string SentenceOf(const AppState& s, uint32_t article, Span span) {
    return s.data.corpus.articles[article].text.substr(span.begin, span.size());
}

// A reviewed cell's mark in its top-right corner: a tick (confirmed), a cross (rejected), a plus
// (coded by hand). Drawn, since the interface font has no such glyphs.
void DrawReviewMark(UnitState state, Rect r) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float sz = ImGui::GetFontSize() * 0.45f;
    const ImVec2 p(r.x + r.w - sz - 1, r.y + 1);
    const float t = std::max(1.5f, sz * 0.18f);
    switch (state) {
        case UnitState::Confirmed: {
            const ImU32 col = IM_COL32(90, 200, 110, 255);
            dl->AddLine(ImVec2(p.x, p.y + sz * 0.55f), ImVec2(p.x + sz * 0.38f, p.y + sz * 0.9f), col, t);
            dl->AddLine(ImVec2(p.x + sz * 0.38f, p.y + sz * 0.9f), ImVec2(p.x + sz, p.y + sz * 0.1f), col, t);
            break;
        }
        case UnitState::Rejected: {
            const ImU32 col = IM_COL32(230, 90, 80, 255);
            dl->AddLine(ImVec2(p.x, p.y), ImVec2(p.x + sz, p.y + sz), col, t);
            dl->AddLine(ImVec2(p.x + sz, p.y), ImVec2(p.x, p.y + sz), col, t);
            break;
        }
        case UnitState::Added: {
            const ImU32 col = IM_COL32(110, 170, 255, 255);
            dl->AddLine(ImVec2(p.x + sz * 0.5f, p.y), ImVec2(p.x + sz * 0.5f, p.y + sz), col, t);
            dl->AddLine(ImVec2(p.x, p.y + sz * 0.5f), ImVec2(p.x + sz, p.y + sz * 0.5f), col, t);
            break;
        }
        case UnitState::Automatic: break;
    }
}

}  // namespace

std::string CellExplanation(const AppState& s, size_t row, size_t col, const std::vector<std::string>* outlet_languages) {
    const MatrixCell& cell = s.data.matrix.at(row, col);
    const Code& code = s.data.codebook.codes[col];
    std::string text = s.data.analysis.outlets[row] + " \xC2\xB7 " + code.id + ": " + code.label + "\n\n";
    const UnitState review = static_cast<UnitState>(cell.state);
    if (review != UnitState::Automatic) {
        text += std::string("Reviewed: ") + UnitStateName(review) + (cell.present() ? " (reported)" : " (not reported)") +
                ". Right-click to change.\n\n";
    }
    if (cell.present() && cell.best < 0 && cell.hand >= 0) {
        const Decision& d = s.review.review.decisions[static_cast<size_t>(cell.hand)];
        const std::string who = d.coder.empty() ? "a coder" : d.coder;
        text += "\xE2\x80\x9C" + d.quote + "\xE2\x80\x9D\n\n" +
                (d.kind == Decision::Kind::Add ? "Coded by hand by " + who
                                               : "Confirmed by " + who + ", no longer matched by the rules") +
                " \xC2\xB7 " + d.article + "\nClick to open it in the reader.";
    } else if (cell.present() && cell.best < 0) {
        text += "Reported, by a coder's decision.";
    } else if (cell.present()) {
        const Hit& h = s.data.match.hits[static_cast<size_t>(cell.best)];
        text += "\xE2\x80\x9C" + SentenceOf(s, h.article, h.sentence_span) + "\xE2\x80\x9D\n\n";
        text += std::to_string(cell.hits) + (cell.hits == 1 ? " sentence" : " sentences") + " \xC2\xB7 rule " +
                (code.rules[h.rule].id.empty() ? code.id : code.rules[h.rule].id) + " \xC2\xB7 " +
                s.data.corpus.articles[h.article].source + "\nClick to open it in the reader.";
    } else if (cell.not_covered()) {
        std::string why = outlet_languages ? NotCoveredReason(s.data.codebook, *outlet_languages, col)
                                           : NotCoveredReason(s.data.analysis, s.data.codebook, row, col);
        if (why.starts_with("not covered: ")) why = why.substr(13);
        text += "Not covered: the codebook cannot see this outlet's language, so this cell says nothing about "
                "whether it reported the claim.\n\n" + why + ".";
    } else {
        // the rules that read this outlet's articles: those of their languages, and of every language
        std::vector<std::string> langs;
        if (outlet_languages) langs = *outlet_languages;
        else if (std::vector<std::vector<std::string>> all = OutletLanguages(s.data.analysis); row < all.size()) langs = std::move(all[row]);
        size_t tried = 0;
        for (const Rule& r : code.rules)
            for (const std::string& l : RuleLanguages(s.data.codebook, r))
                if (l == "*" || std::find(langs.begin(), langs.end(), l) != langs.end()) {
                    ++tried;
                    break;
                }
        std::string in;
        for (const std::string& l : langs) in += (in.empty() ? "" : ", ") + LanguageName(l);
        text += "Empty: no sentence matched all of a rule (" + std::to_string(tried) + (tried == 1 ? " rule" : " rules") +
                " for " + (in.empty() ? std::string("its articles") : in) + " tried).";
        if (cell.near_misses.empty()) {
            text += "\nNo sentence has any of its terms.";
        } else {
            text += " Closest:";
            for (int i : cell.near_misses) {
                const NearMiss& nm = s.data.match.near_misses[static_cast<size_t>(i)];
                std::string sent = SentenceOf(s, nm.article, nm.sentence_span);
                if (sent.size() > 160) sent = sent.substr(0, 157) + "\xE2\x80\xA6";
                text += "\n\n\xE2\x80\xA2 \xE2\x80\x9C" + sent + "\xE2\x80\x9D\n   " + nm.missing;
            }
            text += "\n\nClick to open the closest one.";
        }
    }
    return text;
}

namespace {
// A cell reported by a coder's passage only: open that passage.
void OpenHandCoding(AppState& s, int decision, int code) {
    if (decision < 0 || decision >= static_cast<int>(s.review.review.decisions.size())) return;
    const Decision& d = s.review.review.decisions[static_cast<size_t>(decision)];
    for (size_t i = 0; i < s.data.corpus.articles.size(); ++i)
        if (s.data.corpus.articles[i].source == d.article) {
            OpenArticle(s, static_cast<int>(i), d.span, code);
            return;
        }
}
}  // namespace

void DrawMatrixPanel(AppState& s) {
    const Matrix& mx = s.data.matrix;
    const auto& codes = s.data.codebook.codes;
    s.layout.matrix_cells.assign(mx.rows * mx.cols, Rect{});
    if (mx.rows == 0 || mx.cols == 0) {
        ImGui::TextDisabled("No outlets or no codes.");
        return;
    }
    ImGui::Checkbox("Sort outlets by coverage", &s.view.sort_by_coverage);
    ImGui::SameLine();
    ImGui::Checkbox("Unreviewed only", &s.review.unreviewed_only);
    s.layout.menu_items.push_back({"Matrix/Unreviewed only", ItemRect()});
    if (ImGui::IsItemHovered())
        WrappedTooltip("Dim the cells a coder has confirmed, rejected or coded by hand, so the cells still left to the "
                       "rules stand out. Right-click a cell to review it.");
    ImGui::SameLine();
    ImGui::TextDisabled("(?)");
    if (ImGui::IsItemHovered())
        WrappedTooltip("Each cell: how many sentences of the outlet prove the code, shaded by count. Hover for the best "
                       "evidence, or for why a cell is empty; click to read it.");

    std::vector<size_t> order(mx.rows);
    std::iota(order.begin(), order.end(), 0);
    if (s.view.sort_by_coverage)
        std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return mx.row_codes[a] > mx.row_codes[b]; });
    uint32_t max_hits = 1;
    for (const MatrixCell& c : mx.cells) max_hits = std::max(max_hits, c.hits);

    ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_RowBg |
                            ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit;
    float footer = ImGui::GetTextLineHeightWithSpacing() * 1.5f;
    if (!ImGui::BeginTable("matrix", static_cast<int>(mx.cols) + 2, flags, ImVec2(0, -footer))) return;
    ImGui::TableSetupScrollFreeze(1, 2);
    float outlet_w = ImGui::GetFontSize() * 6.0f;
    for (const std::string& o : s.data.analysis.outlets) outlet_w = std::max(outlet_w, ImGui::CalcTextSize(o.c_str()).x);
    ImGui::TableSetupColumn("Outlet", ImGuiTableColumnFlags_WidthFixed, std::min(outlet_w, ImGui::GetFontSize() * 11.0f));
    for (const Code& c : codes)
        ImGui::TableSetupColumn(c.id.c_str(), ImGuiTableColumnFlags_WidthFixed,
                                std::max(ImGui::GetFontSize() * 2.2f, ImGui::CalcTextSize(c.id.c_str()).x + ImGui::GetFontSize() * 0.8f));
    ImGui::TableSetupColumn("Codes", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("Codes").x);

    // group row: each group's name over its first column
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (size_t c = 0; c < codes.size(); ++c) {
        if (c > 0 && codes[c].group == codes[c - 1].group) continue;
        ImGui::TableSetColumnIndex(static_cast<int>(c) + 1);
        // the group's name may run over the group's other columns
        ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::PushClipRect(p, ImVec2(p.x + ImGui::GetFontSize() * 12.0f, p.y + ImGui::GetTextLineHeight()), false);
        ImGui::TextDisabled("%s", codes[c].group.empty() ? "\xE2\x80\x94" : codes[c].group.c_str());
        ImGui::PopClipRect();
    }
    // code row with colour swatches
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    ImGui::TableSetColumnIndex(0);
    ImGui::TextUnformatted("Outlet");
    for (size_t c = 0; c < codes.size(); ++c) {
        ImGui::TableSetColumnIndex(static_cast<int>(c) + 1);
        ImVec2 p = ImGui::GetCursorScreenPos();
        float sz = ImGui::GetFontSize() * 0.6f;
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + sz * 0.4f), ImVec2(p.x + sz, p.y + sz * 1.4f),
                                                  CodeColour(codes[c]));
        ImGui::Dummy(ImVec2(sz + 2, sz));
        ImGui::SameLine(0, 2);
        ImGui::TextUnformatted(codes[c].id.c_str());
        if (ImGui::IsItemHovered())
            WrappedTooltip(codes[c].id + ": " + codes[c].label + (codes[c].description.empty() ? "" : "\n\n" + codes[c].description));
    }
    ImGui::TableSetColumnIndex(static_cast<int>(codes.size()) + 1);
    ImGui::TextUnformatted("Codes");

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(mx.rows));
    while (clipper.Step()) {
        for (int oi = clipper.DisplayStart; oi < clipper.DisplayEnd; ++oi) {
            size_t r = order[static_cast<size_t>(oi)];
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            // the outlet's name opens its (first) article in the reader
            ImGui::PushID(static_cast<int>(r));
            const bool open = ImGui::Selectable(VisualText(s.data.analysis.outlets[r]).c_str(), false);
            ImGui::PopID();
            if (ImGui::IsItemHovered() || open) {
                int first = -1, n = 0;
                for (size_t a = 0; a < s.data.analysis.article_outlet.size(); ++a)
                    if (s.data.analysis.article_outlet[a] == static_cast<int>(r)) {
                        if (first < 0) first = static_cast<int>(a);
                        ++n;
                    }
                if (open && first >= 0) OpenArticle(s, first);
                else if (n > 0)
                    WrappedTooltip(s.data.analysis.outlets[r] + "\n\nClick to open " +
                                   (n == 1 ? std::string("its article") : "the first of its " + std::to_string(n) + " articles") +
                                   " in the reader.");
            }
            for (size_t c = 0; c < mx.cols; ++c) {
                ImGui::TableSetColumnIndex(static_cast<int>(c) + 1);
                const MatrixCell& cell = mx.at(r, c);
                if (cell.present()) {
                    float t = static_cast<float>(cell.hits) / static_cast<float>(max_hits);
                    ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, CodeColour(codes[c], 0.35f + 0.55f * t));
                }
                if (cell.not_covered()) {
                    // hatched grey: not a zero, a cell the codebook cannot see
                    ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(ImGuiCol_FrameBg));
                    ImVec2 p = ImGui::GetCursorScreenPos();
                    float w = ImGui::GetContentRegionAvail().x, h = ImGui::GetTextLineHeight();
                    ImDrawList* dl = ImGui::GetWindowDrawList();
                    ImU32 hatch = ImGui::GetColorU32(ImGuiCol_TextDisabled, 0.35f);
                    dl->PushClipRect(p, ImVec2(p.x + w, p.y + h), true);
                    for (float x = -h; x < w; x += h * 0.5f) dl->AddLine(ImVec2(p.x + x, p.y + h), ImVec2(p.x + x + h, p.y), hatch);
                    dl->PopClipRect();
                    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
                }
                const UnitState review = static_cast<UnitState>(cell.state);
                const bool dim = s.review.unreviewed_only && review != UnitState::Automatic;
                if (dim) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 0.3f);
                ImGui::PushID(static_cast<int>(r * mx.cols + c));
                std::string label = cell.present()       ? std::to_string(cell.hits)
                                    : cell.not_covered() ? std::string("n/c")
                                                         : std::string("\xC2\xB7");
                bool selected = s.view.cell_row == static_cast<int>(r) && s.view.cell_col == static_cast<int>(c);
                if (ImGui::Selectable(label.c_str(), selected, kSelectOnArrows, ImVec2(0, 0))) {
                    s.view.cell_row = static_cast<int>(r);
                    s.view.cell_col = static_cast<int>(c);
                    if (cell.present() && cell.best >= 0) {
                        const Hit& h = s.data.match.hits[static_cast<size_t>(cell.best)];
                        OpenArticle(s, static_cast<int>(h.article), h.sentence_span, static_cast<int>(c));
                    } else if (cell.present()) {
                        OpenHandCoding(s, cell.hand, static_cast<int>(c));
                    } else {
                        // the reader says why the cell is empty, above the closest sentence if any
                        if (!cell.near_misses.empty()) {
                            const NearMiss& nm = s.data.match.near_misses[static_cast<size_t>(cell.near_misses.front())];
                            OpenArticle(s, static_cast<int>(nm.article), nm.sentence_span, -1);
                        } else {
                            s.view.selected_article = -1;
                            s.reader.focus = {};
                            s.reader.focus_code = -1;
                        }
                        s.reader.explain_cell = true;
                        s.reader.copied.clear();
                    }
                }
                s.layout.matrix_cells[r * mx.cols + c] = ItemRect();
                if (review != UnitState::Automatic) DrawReviewMark(review, ItemRect());
                if (ImGui::BeginPopupContextItem("review")) {
                    DrawCellReviewMenu(s, r, c);
                    ImGui::EndPopup();
                } else if (ImGui::IsItemHovered()) {
                    WrappedTooltip(CellExplanation(s, r, c));
                }
                ImGui::PopID();
                if (dim) ImGui::PopStyleVar();
                if (cell.not_covered()) ImGui::PopStyleColor();
            }
            ImGui::TableSetColumnIndex(static_cast<int>(mx.cols) + 1);
            ImGui::Text("%u", mx.row_codes[r]);
        }
    }
    // totals: how many outlets report each code, of those whose language it covers
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    ImGui::TableSetColumnIndex(0);
    ImGui::TextUnformatted("Reported / covered");
    if (ImGui::IsItemHovered())
        WrappedTooltip("Per code: the outlets that report it, of the outlets it covers (those with an article in a "
                       "language one of its rules is written for). Outlets it does not cover are not counted as "
                       "not reporting.");
    for (size_t c = 0; c < mx.cols; ++c) {
        ImGui::TableSetColumnIndex(static_cast<int>(c) + 1);
        ImGui::Text("%u/%u", mx.col_outlets[c], mx.col_covered[c]);
        if (ImGui::IsItemHovered()) WrappedTooltip(codes[c].id + ": " + ColumnTotal(mx, c));
    }
    ImGui::EndTable();
    size_t not_covered = 0;
    for (const MatrixCell& cell : mx.cells) not_covered += cell.not_covered();
    ImGui::TextDisabled("%zu outlets \xC2\xB7 %zu codes \xC2\xB7 %zu evidence sentences", mx.rows, mx.cols, s.data.match.hits.size());
    if (not_covered > 0) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.9f, 0.6f, 0.2f, 1.0f), "\xC2\xB7 %zu cells n/c: the codebook has no rule in their language",
                           not_covered);
    }
}

}  // namespace presslens::ui
