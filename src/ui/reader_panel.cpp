// ui: the reader: the selected article as published, line by line, wrapped at word boundaries.
// Boilerplate lines are greyed (or folded); every code's matched words are shaded in the code's
// colour; the focused evidence sentence (from a matrix cell or a concordance line) is filled
// (a translucent blue behind its words) and scrolled into view. The text is drawn, never rewritten.
// Each visual line is recorded for the web page's text layer ([text layer] lines; accessibility.md).
//
// [SECTION] Marks
// [SECTION] Page text: lines the canvas cannot draw
// [SECTION] The reader panel
#include <imgui_internal.h>  // ImTextCharFromUtf8, ImRect

#include <algorithm>
#include <string_view>

#include "ui/ui.hpp"
#include "ui/widgets.hpp"

namespace presslens::ui {

// [SECTION] Marks -------------------------------------------------------------------------------
namespace {

struct Mark {
    Span span;
    ImU32 colour;
    int code;       // -1: not a code (a concordance word)
    Span sentence{};  // the evidence sentence the mark is in (a code's mark)
    int review = 0;   // UnitState of that sentence's decision: Confirmed, Rejected, Added, or 0
};

// The byte offset of the code point boundary in [b, e) nearest to x (screen) for text drawn from x0.
uint32_t ByteAtX(ImFont* font, float fs, std::string_view text, uint32_t b, uint32_t e, float x0, float x) {
    uint32_t i = b;
    float at = x0;
    while (i < e) {
        uint32_t n = i + 1;
        while (n < e && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) ++n;
        float w = font->CalcTextSizeA(fs, FLT_MAX, 0.0f, text.data() + i, text.data() + n).x;
        if (x < at + w * 0.5f) return i;
        at += w;
        i = n;
    }
    return e;
}

// The review bar over the text: the focused evidence sentence's decision, the selection's coding.
void DrawReviewBar(AppState& s, size_t ai) {
    const Article& a = s.data.corpus.articles[ai];
    const bool has_focus = s.reader.focus.end > s.reader.focus.begin && s.reader.focus_code >= 0 &&
                           s.reader.focus_code < static_cast<int>(s.data.codebook.codes.size());
    const Span sel = s.reader.selection;
    const bool has_sel = sel.end > sel.begin && sel.end <= a.text.size();
    if (has_focus) {
        const Code& code = s.data.codebook.codes[static_cast<size_t>(s.reader.focus_code)];
        const Decision* d = SentenceDecision(s.review.review, a.source, code.id, s.reader.focus);
        std::string state = d ? std::string(d->kind == Decision::Kind::Confirm ? "confirmed"
                                            : d->kind == Decision::Kind::Reject ? "rejected"
                                                                                : "added by hand") +
                                    (d->coder.empty() ? "" : " by " + d->coder)
                              : "automatic";
        if (!d && ai < s.review.units.articles && static_cast<size_t>(s.reader.focus_code) < s.review.units.codes) {
            // a decision on the whole cell settles its sentences
            const UnitReview& u = s.review.units.at(ai, static_cast<size_t>(s.reader.focus_code));
            if (u.state != UnitState::Automatic) {
                const std::string& coder = s.review.units.Coder(s.review.review, ai, static_cast<size_t>(s.reader.focus_code));
                state = std::string("cell ") + UnitStateName(u.state) + (coder.empty() ? "" : " by " + coder);
            }
        }
        ImGui::Text("Evidence of %s: %s", code.id.c_str(), state.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("Confirm")) ConfirmSentence(s, ai, static_cast<size_t>(s.reader.focus_code), s.reader.focus);
        s.layout.menu_items.push_back({"Reader/Confirm", ItemRect()});
        ImGui::SameLine();
        if (ImGui::SmallButton("Reject")) RejectSentence(s, ai, static_cast<size_t>(s.reader.focus_code), s.reader.focus);
        s.layout.menu_items.push_back({"Reader/Reject", ItemRect()});
        if (ImGui::IsItemHovered()) WrappedTooltip("This sentence does not show that the outlet reported " + code.id + ".");
    }
    if (s.review.their_article == static_cast<int>(ai) && s.review.their_focus.size() > 0) {
        const auto& others = s.review.review.others;
        const std::string who = s.review.other >= 0 && s.review.other < static_cast<int>(others.size())
                                    ? others[static_cast<size_t>(s.review.other)].name : std::string("the other coder");
        ImGui::TextColored(ImVec4(0.95f, 0.65f, 0.25f, 1.0f), "Outlined in orange: %s's evidence.", who.c_str());
    }
    // always a line, so that the text does not move when a selection starts
    if (!has_sel) {
        ImGui::TextDisabled("Select a passage with the mouse to copy it or code it to a claim by hand.");
    } else {
        ImGui::Text("Selection (%u bytes):", sel.size());
        ImGui::SameLine();
        if (ImGui::SmallButton("Copy")) {
            const std::string t = a.text.substr(sel.begin, sel.size());
            ImGui::SetClipboardText(t.c_str());
            s.reader.copied = "Copied the selection (" + std::to_string(t.size()) + " bytes)";
        }
        s.layout.menu_items.push_back({"Reader/Copy selection", ItemRect()});
        ImGui::SameLine();
        if (ImGui::SmallButton("Code as\xE2\x80\xA6")) ImGui::OpenPopup("code_selection");
        s.layout.menu_items.push_back({"Reader/Code selection", ItemRect()});
        if (ImGui::BeginPopup("code_selection")) {
            for (size_t c = 0; c < s.data.codebook.codes.size(); ++c) {
                const Code& code = s.data.codebook.codes[c];
                if (ImGui::MenuItem((code.id + ": " + code.label).c_str())) CodeSelection(s, c);
                s.layout.menu_items.push_back({"Reader/Code selection/" + code.id, ItemRect()});
            }
            ImGui::EndPopup();
        }
    }
}

// The style of the byte range [b, e): the last mark covering it (marks are pushed weakest first).
const Mark* MarkAt(const std::vector<Mark>& marks, uint32_t b) {
    const Mark* found = nullptr;
    for (const Mark& m : marks)
        if (m.span.begin <= b && b < m.span.end) found = &m;
    return found;
}

// [SECTION] Page text: lines the canvas cannot draw (the web page's text layer draws them) -------
// A line needs the page when one of its characters has no glyph in the atlas, or belongs to a
// script that must be shaped or runs right to left (ImGui draws one glyph per code point, left
// to right). Its width is estimated (wide for CJK, nothing for combining marks) so it wraps
// near where the browser's text would; the page shrinks a line that still overflows.
bool NeedsShaping(unsigned c) {
    return (c >= 0x0590 && c <= 0x08FF) || (c >= 0x0900 && c <= 0x0DFF) || (c >= 0x0E00 && c <= 0x0FFF) ||
           (c >= 0x1000 && c <= 0x109F) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF) ||
           c == 0x200F || c == 0x202B || c == 0x202E;
}
bool IsWide(unsigned c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0x20000 && c <= 0x3FFFF);
}
bool IsMark(unsigned c) {
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x0591 && c <= 0x05C7) || (c >= 0x064B && c <= 0x065F) ||
           c == 0x0670 || (c >= 0x0900 && c <= 0x0903) || (c >= 0x093A && c <= 0x094F) || (c >= 0x0951 && c <= 0x0957) ||
           (c >= 0x0962 && c <= 0x0963) || c == 0x200C || c == 0x200D;
}
bool NeedsPage(ImFont* font, std::string_view text, Span span) {
    const char* p = text.data() + span.begin;
    const char* end = text.data() + span.end;
    while (p < end) {
        unsigned c = 0;
        p += ImTextCharFromUtf8(&c, p, end);
        // (beyond U+FFFF: never in the atlas, whose characters are 16-bit)
        if (c >= 0x80 && (c > 0xFFFF || NeedsShaping(c) || !font->FindGlyphNoFallback(static_cast<ImWchar>(c)))) return true;
    }
    return false;
}
float EstimatedWidth(ImFont* font, float fs, const char* p, const char* end) {
    float w = 0;
    while (p < end) {
        unsigned c = 0;
        p += ImTextCharFromUtf8(&c, p, end);
        const ImFontGlyph* g = c < 0x10000 ? font->FindGlyphNoFallback(static_cast<ImWchar>(c)) : nullptr;
        if (g && !NeedsShaping(c)) w += g->AdvanceX * fs / font->FontSize;
        else if (IsMark(c)) continue;
        else w += IsWide(c) ? fs : fs * 0.55f;
    }
    return w;
}
// Where a word of a page line may wrap before `we` (its next space): after a wide (CJK)
// character, which the browser's line breaking allows; `we` when the word has none.
uint32_t PageWordEnd(std::string_view text, uint32_t i, uint32_t we) {
    uint32_t p = i;
    while (p < we) {
        unsigned c = 0;
        const uint32_t n = static_cast<uint32_t>(ImTextCharFromUtf8(&c, text.data() + p, text.data() + we));
        if (IsWide(c)) return p == i ? p + n : p;  // a wide character is a word of its own
        p += n;
    }
    return we;
}
uint32_t PackColour(ImU32 c) { return static_cast<uint32_t>(c); }

}  // namespace

namespace {
// Why the cell opened from the matrix is empty, in the reader's place (a tooltip vanishes).
void DrawCellExplanation(AppState& s) {
    if (!s.reader.explain_cell || s.view.cell_row < 0 || s.view.cell_col < 0 || static_cast<size_t>(s.view.cell_row) >= s.data.matrix.rows ||
        static_cast<size_t>(s.view.cell_col) >= s.data.matrix.cols)
        return;
    std::string text = CellExplanation(s, static_cast<size_t>(s.view.cell_row), static_cast<size_t>(s.view.cell_col));
    const std::string click = "\n\nClick to open the closest one.";
    if (text.size() > click.size() && text.compare(text.size() - click.size(), click.size(), click) == 0)
        text.replace(text.size() - click.size(), click.size(), "\n\nThe closest one is open below.");
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.35f, 0.35f, 0.45f, 0.25f));
    ImGui::BeginChild("why_empty", ImVec2(0, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    s.layout.menu_items.push_back({"Reader/why empty", ItemRect()});
    ImGui::EndChild();
    ImGui::PopStyleColor();
}
}  // namespace

// [SECTION] The reader panel -----------------------------------------------------------------------
void DrawReaderPanel(AppState& s) {
    s.layout.reader_view.article = -1;  // [text layer] none until an article's text is laid out below
    DrawCellExplanation(s);
    if (s.view.selected_article < 0 || s.view.selected_article >= static_cast<int>(s.data.corpus.articles.size())) {
        if (s.reader.explain_cell) return;
        ImGui::TextDisabled("Open an article from the list, a matrix cell or a concordance line.");
        return;
    }
    const size_t ai = static_cast<size_t>(s.view.selected_article);
    const Article& a = s.data.corpus.articles[ai];
    const AnalyzedArticle& aa = s.data.analysis.articles[ai];
    std::string title = DisplayTitle(a);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s \xC2\xB7 %s \xC2\xB7 %s \xC2\xB7 %s \xC2\xB7 %zu words \xC2\xB7 %zu boilerplate lines",
                        DisplayOutlet(a).c_str(), a.meta.author.value_or("author unknown").c_str(),
                        a.meta.date.value_or("date unknown").c_str(), aa.effective_language.c_str(), aa.words,
                        aa.boilerplate_lines);
    ImGui::PopStyleColor();
    // which codes this article reports, as coloured chips
    std::vector<int> present(s.data.codebook.codes.size(), 0);
    std::vector<Mark> marks;
    // hits are ordered by article: only this article's are visited
    auto first = std::lower_bound(s.data.match.hits.begin(), s.data.match.hits.end(), ai,
                                  [](const Hit& h, size_t article) { return h.article < article; });
    for (auto it = first; it != s.data.match.hits.end() && it->article == ai; ++it) {
        const Hit& h = *it;
        ++present[h.code];
        const Decision* d = SentenceDecision(s.review.review, a.source, s.data.codebook.codes[h.code].id, h.sentence_span);
        const int review = d ? static_cast<int>(d->kind == Decision::Kind::Confirm  ? UnitState::Confirmed
                                                : d->kind == Decision::Kind::Reject ? UnitState::Rejected
                                                                                    : UnitState::Added)
                             : 0;
        const size_t hi = static_cast<size_t>(it - s.data.match.hits.begin());
        const bool rejected = hi < s.review.units.hit_rejected.size() && s.review.units.hit_rejected[hi];
        for (const Span& t : h.tokens)
            marks.push_back({t, CodeColour(s.data.codebook.codes[h.code], rejected ? 0.15f : 0.45f), static_cast<int>(h.code),
                             h.sentence_span, rejected ? static_cast<int>(UnitState::Rejected) : review});
    }
    // passages coded by hand (and confirmed sentences the rules no longer find)
    for (const Decision& d : s.review.review.decisions) {
        if (d.article != a.source || d.span.size() == 0 || d.kind == Decision::Kind::Reject || d.span.end > a.text.size())
            continue;
        for (size_t c = 0; c < s.data.codebook.codes.size(); ++c)
            if (s.data.codebook.codes[c].id == d.code) {
                const Decision* latest = SentenceDecision(s.review.review, a.source, d.code, d.span);
                if (latest != &d) break;  // decided again later
                bool matched = false;
                for (const Mark& m : marks) matched |= m.code == static_cast<int>(c) && m.sentence.begin == d.span.begin && m.sentence.end == d.span.end;
                if (!matched) {
                    ++present[c];
                    marks.push_back({d.span, CodeColour(s.data.codebook.codes[c], 0.3f), static_cast<int>(c), d.span,
                                     static_cast<int>(d.kind == Decision::Kind::Add ? UnitState::Added : UnitState::Confirmed)});
                }
                break;
            }
    }
    if (!s.words.word.empty())
        for (const KwicLine& k : s.words.kwic)
            if (k.article == ai) marks.push_back({k.match, IM_COL32(255, 255, 255, 220), -1});
    bool first_chip = true;
    std::vector<uint32_t> bounds;  // where the style can change
    for (const Mark& m : marks) {
        bounds.push_back(m.span.begin);
        bounds.push_back(m.span.end);
    }
    std::sort(bounds.begin(), bounds.end());
    for (size_t c = 0; c < present.size(); ++c) {
        if (!present[c]) continue;
        if (!first_chip) ImGui::SameLine(0, ImGui::GetFontSize() * 0.6f);
        else ImGui::SetCursorPosX(ImGui::GetCursorPosX() + 3);
        first_chip = false;
        ImVec2 p = ImGui::GetCursorScreenPos();
        ImVec2 sz = ImGui::CalcTextSize(s.data.codebook.codes[c].id.c_str());
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x - 3, p.y), ImVec2(p.x + sz.x + 3, p.y + sz.y),
                                                  CodeColour(s.data.codebook.codes[c], 0.6f), 3.0f);
        ImGui::TextUnformatted(s.data.codebook.codes[c].id.c_str());
        if (ImGui::IsItemHovered())
            WrappedTooltip(s.data.codebook.codes[c].label + ": " + std::to_string(present[c]) + " sentence(s) here");
    }
    if (ImGui::Checkbox("Show boilerplate", &s.reader.show_boilerplate)) s.reader.scroll_to_focus = s.reader.focus.end > s.reader.focus.begin;
    ImGui::SameLine();
    if (ImGui::SmallButton("Copy article")) {
        ImGui::SetClipboardText(a.text.c_str());
        s.reader.copied = "Copied the article (" + std::to_string(a.text.size()) + " bytes)";
    }
    if (s.reader.focus.end > s.reader.focus.begin) {
        ImGui::SameLine();
        if (ImGui::SmallButton("Copy sentence")) {
            const std::string sentence = a.text.substr(s.reader.focus.begin, s.reader.focus.size());
            ImGui::SetClipboardText(sentence.c_str());
            s.reader.copied = "Copied the sentence (" + std::to_string(sentence.size()) + " bytes)";
        }
        s.layout.menu_items.push_back({"Reader/Copy sentence", ItemRect()});
    }
    if (!s.reader.copied.empty()) {  // until another article opens
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.45f, 0.8f, 0.45f, 1.0f), "%s", s.reader.copied.c_str());
    }
    DrawReviewBar(s, ai);
    ImGui::Separator();

    ImGui::BeginChild("text", ImVec2(0, 0), ImGuiChildFlags_None);
    if (s.reader.scroll_to_top) {  // a newly opened article starts at its top (the text scrolls here)
        ImGui::SetScrollY(0.0f);
        s.reader.scroll_to_top = 0;
    }
    if (s.reader.scroll_set >= 0) {  // [text layer] the page scrolled its text (find-in-page)
        ImGui::SetScrollY(s.reader.scroll_set);
        s.reader.scroll_set = -1;
    }
    s.reader.scroll = ImGui::GetScrollY();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* font = ImGui::GetFont();
    const float fs = ImGui::GetFontSize();
    const float line_h = ImGui::GetTextLineHeightWithSpacing();
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImU32 text_col = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 grey_col = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const std::string_view text = a.text;
    const float clip_top = ImGui::GetWindowPos().y - line_h, clip_bottom = ImGui::GetWindowPos().y + ImGui::GetWindowHeight();
    float y = 0;
    float focus_y = -1;
    s.layout.reader_focus = {};
    float fx0 = 1e9f, fy0 = 1e9f, fx1 = -1e9f, fy1 = -1e9f;
    const Mark* hovered = nullptr;
    ImVec2 mouse = ImGui::GetMousePos();
    size_t folded = 0;
    // the byte under the mouse (for a selection drag): the nearest boundary on the line it is over
    int mouse_byte = -1;
    const Span sel = s.reader.selection;
    const Span their = s.review.their_article == static_cast<int>(ai) ? s.review.their_focus : Span{};

    // [text layer] where each visual line is, for the web page's text layer (see ReaderLine)
    s.layout.reader_lines.clear();
    const ImRect inner = ImGui::GetCurrentWindow()->InnerRect;  // without the scrollbar
    s.layout.reader_view = {static_cast<int>(ai), {inner.Min.x, inner.Min.y, inner.GetWidth(), inner.GetHeight()},
                     origin.x, origin.y + s.reader.scroll, width, line_h, fs, s.reader.scroll, 0, PackColour(text_col), PackColour(grey_col)};
    bool page = false;
    auto measure = [&](uint32_t b, uint32_t e) {
        if (page) return EstimatedWidth(font, fs, text.data() + b, text.data() + e);
        return font->CalcTextSizeA(fs, FLT_MAX, 0.0f, text.data() + b, text.data() + e).x;
    };
    for (size_t li = 0; li < aa.lines.size(); ++li) {
        const Line& line = aa.lines[li];
        const bool boiler = line.boilerplate != Boilerplate::None;
        if (boiler && !s.reader.show_boilerplate) {
            ++folded;
            continue;
        }
        if (folded) {
            dl->AddText(ImVec2(origin.x, origin.y + y), grey_col,
                        ("[" + std::to_string(folded) + " boilerplate line" + (folded > 1 ? "s" : "") + " hidden]").c_str());
            y += line_h;
            folded = 0;
        }
        if (line.span.size() == 0) {
            y += line_h * 0.6f;
            continue;
        }
        // words with their trailing spaces, wrapped at the panel width
        float x = 0;
        uint32_t i = line.span.begin;
        const uint32_t end = line.span.end;
        page = NeedsPage(font, text, line.span);
        s.layout.reader_lines.push_back({{i, i}, 0, y, 0, page, boiler, {}});
        while (i < end) {
            uint32_t we = i;
            while (we < end && text[we] != ' ') ++we;
            if (page) we = PageWordEnd(text, i, we);  // [text layer] CJK breaks between characters
            uint32_t se = we;
            while (se < end && text[se] == ' ') ++se;
            float w = measure(i, we);
            if (x > 0 && x + w > width) {
                x = 0;
                y += line_h;
                s.layout.reader_lines.push_back({{i, i}, 0, y, 0, page, boiler, {}});
            }
            const bool visible = origin.y + y > clip_top && origin.y + y < clip_bottom;
            // draw the word (and its spaces) in runs of one style
            uint32_t run = i;
            while (run < se) {
                const Mark* m = boiler ? nullptr : MarkAt(marks, run);
                // a run ends where a mark begins or ends (always a code point boundary)
                auto next = std::upper_bound(bounds.begin(), bounds.end(), run);
                uint32_t run_end = next == bounds.end() ? se : std::min(se, *next);
                float rw = measure(run, run_end);
                ImVec2 p0(origin.x + x, origin.y + y);
                ImVec2 p1(p0.x + rw, p0.y + ImGui::GetTextLineHeight());
                bool in_focus = s.reader.focus.end > s.reader.focus.begin && run < s.reader.focus.end && run_end > s.reader.focus.begin;
                if (mouse.y >= p0.y && mouse.y < p0.y + line_h) {
                    if (mouse.x >= p0.x && mouse.x < p1.x)
                        mouse_byte = static_cast<int>(ByteAtX(font, fs, text, run, run_end, p0.x, mouse.x));
                    else if (mouse.x >= p1.x)
                        mouse_byte = static_cast<int>(run_end);  // right of the line's text: its end
                    else if (mouse_byte < 0)
                        mouse_byte = static_cast<int>(run);
                }
                ReaderLine& rl = s.layout.reader_lines.back();  // [text layer]
                rl.bytes.end = run_end;
                rl.w = x + rw;
                if (page && in_focus) rl.marks.push_back({{run, run_end}, IM_COL32(120, 160, 255, 55), 2});
                if (page && m) rl.marks.push_back({{run, run_end}, PackColour(m->colour), static_cast<uint8_t>(m->code < 0 ? 1 : 0)});
                if (visible && !page) {
                    if (in_focus) dl->AddRectFilled(ImVec2(p0.x, p0.y - 1), ImVec2(p1.x, p1.y + 1), IM_COL32(120, 160, 255, 55));
                    if (their.size() && run < their.end && run_end > their.begin)
                        dl->AddRect(ImVec2(p0.x, p0.y - 1), ImVec2(p1.x, p1.y + 1), IM_COL32(240, 160, 60, 230), 0.0f, 0, 1.5f);
                    if (sel.size() && run < sel.end && run_end > sel.begin) {
                        // only the selected part of the run
                        float sx0 = sel.begin > run ? p0.x + measure(run, sel.begin) : p0.x;
                        float sx1 = sel.end < run_end ? p0.x + measure(run, sel.end) : p1.x;
                        dl->AddRectFilled(ImVec2(sx0, p0.y - 1), ImVec2(sx1, p1.y + 1), IM_COL32(70, 130, 230, 110));
                    }
                    if (m && m->code >= 0) dl->AddRectFilled(p0, p1, m->colour, 2.0f);
                    if (m && m->review == static_cast<int>(UnitState::Rejected))
                        dl->AddLine(ImVec2(p0.x, (p0.y + p1.y) * 0.5f), ImVec2(p1.x, (p0.y + p1.y) * 0.5f), IM_COL32(230, 90, 80, 220), 1.5f);
                    if (m && (m->review == static_cast<int>(UnitState::Confirmed) || m->review == static_cast<int>(UnitState::Added)))
                        dl->AddLine(ImVec2(p0.x, p1.y), ImVec2(p1.x, p1.y), IM_COL32(90, 200, 110, 230), 2.0f);
                    if (m && m->code < 0) dl->AddRect(ImVec2(p0.x - 1, p0.y - 1), ImVec2(p1.x + 1, p1.y + 1), m->colour, 2.0f, 0, 2.0f);
                    dl->AddText(font, fs, p0, boiler ? grey_col : text_col, text.data() + run, text.data() + run_end);
                }
                if (in_focus) {
                    if (focus_y < 0) focus_y = y;
                    fx0 = std::min(fx0, p0.x);
                    fy0 = std::min(fy0, p0.y);
                    fx1 = std::max(fx1, p1.x);
                    fy1 = std::max(fy1, p1.y);
                }
                if (m && mouse.x >= p0.x && mouse.x < p1.x && mouse.y >= p0.y && mouse.y < p1.y) hovered = m;
                x += rw;
                run = run_end;
            }
            i = se;
        }
        y += line_h;
    }
    if (folded)
        dl->AddText(ImVec2(origin.x, origin.y + y), grey_col,
                    ("[" + std::to_string(folded) + " boilerplate line" + (folded > 1 ? "s" : "") + " hidden]").c_str());
    ImGui::Dummy(ImVec2(width, y + line_h));
    s.layout.reader_view.height = y + line_h;
    if (fx1 > fx0) s.layout.reader_focus = {fx0, fy0, fx1 - fx0, fy1 - fy0};
    if (s.reader.scroll_to_focus && focus_y >= 0) {
        ImGui::SetScrollY(std::max(0.0f, focus_y - ImGui::GetWindowHeight() * 0.3f));
        s.reader.scroll_to_focus = false;
    }
    // selecting with the mouse: press sets the anchor, dragging extends, a click alone clears
    if (ImGui::IsWindowHovered() && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        s.reader.select_anchor = mouse_byte;
        s.reader.selection = {};
    }
    if (s.reader.select_anchor >= 0 && ImGui::IsMouseDown(ImGuiMouseButton_Left) && mouse_byte >= 0 &&
        ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f)) {
        const uint32_t x = static_cast<uint32_t>(s.reader.select_anchor), y = static_cast<uint32_t>(mouse_byte);
        s.reader.selection = {std::min(x, y), std::max(x, y)};
    }
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) s.reader.select_anchor = -1;
    // Ctrl/Cmd+C copies the selection while the reader is under the mouse
    const ImGuiIO& io = ImGui::GetIO();
    if (s.reader.selection.size() && s.reader.selection.end <= text.size() && ImGui::IsWindowHovered() &&
        !io.WantTextInput && (io.KeyCtrl || io.KeySuper) && ImGui::IsKeyPressed(ImGuiKey_C, false)) {
        const std::string t(text.substr(s.reader.selection.begin, s.reader.selection.size()));
        ImGui::SetClipboardText(t.c_str());
        s.reader.copied = "Copied the selection (" + std::to_string(t.size()) + " bytes)";
    }
    // right-click on a highlighted sentence: confirm or reject it as evidence
    if (hovered && hovered->code >= 0 && ImGui::IsWindowHovered() && ImGui::IsMouseClicked(ImGuiMouseButton_Right)) {
        s.reader.menu_code = hovered->code;
        s.reader.menu_sentence = hovered->sentence;
        ImGui::OpenPopup("sentence_review");
    }
    if (ImGui::BeginPopup("sentence_review")) {
        const size_t code = static_cast<size_t>(s.reader.menu_code);
        if (code < s.data.codebook.codes.size()) {
            const Code& c = s.data.codebook.codes[code];
            ImGui::TextDisabled("%s: %s", c.id.c_str(), c.label.c_str());
            if (ImGui::MenuItem(("Confirm as evidence of " + c.id).c_str())) ConfirmSentence(s, ai, code, s.reader.menu_sentence);
            s.layout.menu_items.push_back({"Sentence/Confirm", ItemRect()});
            if (ImGui::MenuItem(("Reject as evidence of " + c.id).c_str())) RejectSentence(s, ai, code, s.reader.menu_sentence);
            s.layout.menu_items.push_back({"Sentence/Reject", ItemRect()});
        }
        ImGui::EndPopup();
    } else if (hovered && ImGui::IsWindowHovered() && hovered->code >= 0) {
        const Code& c = s.data.codebook.codes[static_cast<size_t>(hovered->code)];
        std::string tip = c.id + ": " + c.label;
        if (hovered->review) tip += std::string(" (") + UnitStateName(static_cast<UnitState>(hovered->review)) + ")";
        WrappedTooltip(tip + "\nRight-click to confirm or reject this sentence.");
    }
    ImGui::EndChild();
}

}  // namespace presslens::ui
