// ui: the reader: the selected article as published, line by line, wrapped at word boundaries.
// Boilerplate lines are greyed (or folded); every code's matched words are shaded in the code's
// colour; the focused evidence sentence (from a matrix cell or a concordance line) is filled
// (a translucent blue behind its words) and scrolled into view. The text is drawn, never rewritten.
// Each visual line is recorded for the web page's text layer ([text layer] lines; accessibility.md).
//
// [SECTION] Marks
// [SECTION] Page text: lines the canvas cannot draw
// [SECTION] The reader panel: what is marked (CollectMarks)
// [SECTION] The reader panel: over the text (heading, code chips, buttons, the review bar)
// [SECTION] The reader panel: the text (TextPainter: lay out, draw, record the lines)
// [SECTION] The reader panel: the mouse over the text (selection, the sentence's review menu)
// [SECTION] DrawReaderPanel: the steps in order
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

// [SECTION] The reader panel: what is marked ------------------------------------------------------
namespace {

// What the open article's text is marked with, and the codes it reports.
struct ArticleMarks {
    std::vector<Mark> marks;         // weakest first (MarkAt takes the last)
    std::vector<uint32_t> bounds;    // where a mark begins or ends: where the style can change, ascending
    std::vector<int> present;        // per code: the sentences that report it here
};

// The marks of article `ai`: every code's matched words (faint where the review rejected them),
// passages coded by hand (and confirmed sentences the rules no longer find), the concordance word.
ArticleMarks CollectMarks(const AppState& s, size_t ai) {
    const Article& a = s.data.corpus.articles[ai];
    ArticleMarks out;
    out.present.assign(s.data.codebook.codes.size(), 0);
    std::vector<Mark>& marks = out.marks;
    // hits are ordered by article: only this article's are visited
    auto first = std::lower_bound(s.data.match.hits.begin(), s.data.match.hits.end(), ai,
                                  [](const Hit& h, size_t article) { return h.article < article; });
    for (auto it = first; it != s.data.match.hits.end() && it->article == ai; ++it) {
        const Hit& h = *it;
        ++out.present[h.code];
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
                    ++out.present[c];
                    marks.push_back({d.span, CodeColour(s.data.codebook.codes[c], 0.3f), static_cast<int>(c), d.span,
                                     static_cast<int>(d.kind == Decision::Kind::Add ? UnitState::Added : UnitState::Confirmed)});
                }
                break;
            }
    }
    if (!s.words.word.empty())
        for (const KwicLine& k : s.words.kwic)
            if (k.article == ai) marks.push_back({k.match, IM_COL32(255, 255, 255, 220), -1});
    for (const Mark& m : marks) {
        out.bounds.push_back(m.span.begin);
        out.bounds.push_back(m.span.end);
    }
    std::sort(out.bounds.begin(), out.bounds.end());
    return out;
}

// [SECTION] The reader panel: over the text -------------------------------------------------------

// The title and the line under it: outlet, author, date, language, words, boilerplate lines.
void DrawArticleHeading(const Article& a, const AnalyzedArticle& aa) {
    std::string title = VisualText(DisplayTitle(a));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s \xC2\xB7 %s \xC2\xB7 %s \xC2\xB7 %s \xC2\xB7 %zu words \xC2\xB7 %zu boilerplate lines",
                        DisplayOutlet(a).c_str(), a.meta.author.value_or("author unknown").c_str(),
                        a.meta.date.value_or("date unknown").c_str(), aa.effective_language.c_str(), aa.words,
                        aa.boilerplate_lines);
    ImGui::PopStyleColor();
}

// Which codes this article reports, as coloured chips (hovered: how many sentences).
void DrawCodeChips(const AppState& s, const std::vector<int>& present) {
    bool first_chip = true;
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
}

// Show boilerplate, Copy article, Copy sentence, and what was copied.
void DrawReaderButtons(AppState& s, const Article& a) {
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
}

// [SECTION] The reader panel: the text ----------------------------------------------------------

// Lays out and draws the article's lines in the "text" child window: words wrapped at its width,
// drawn in runs of one style (a run ends where a mark begins or ends). On the way it records each
// visual line for the page's text layer, the focused sentence's rectangle, the byte under the
// mouse and the mark under it.
class TextPainter {
public:
    TextPainter(AppState& s, size_t ai, const ArticleMarks& marks)
        : s_(s), aa_(s.data.analysis.articles[ai]), text_(s.data.corpus.articles[ai].text), marks_(marks),
          sel_(s.reader.selection),
          their_(s.review.their_article == static_cast<int>(ai) ? s.review.their_focus : Span{}) {
        dl_ = ImGui::GetWindowDrawList();
        font_ = ImGui::GetFont();
        fs_ = ImGui::GetFontSize();
        line_h_ = ImGui::GetTextLineHeightWithSpacing();
        width_ = ImGui::GetContentRegionAvail().x;
        origin_ = ImGui::GetCursorScreenPos();
        text_col_ = ImGui::GetColorU32(ImGuiCol_Text);
        grey_col_ = ImGui::GetColorU32(ImGuiCol_TextDisabled);
        clip_top_ = ImGui::GetWindowPos().y - line_h_;
        clip_bottom_ = ImGui::GetWindowPos().y + ImGui::GetWindowHeight();
        mouse_ = ImGui::GetMousePos();
        // [text layer] where each visual line is, for the web page's text layer (see ReaderLine)
        s.layout.reader_focus = {};
        s.layout.reader_lines.clear();
        const ImRect inner = ImGui::GetCurrentWindow()->InnerRect;  // without the scrollbar
        s.layout.reader_view = {static_cast<int>(ai), {inner.Min.x, inner.Min.y, inner.GetWidth(), inner.GetHeight()},
                                origin_.x, origin_.y + s.reader.scroll, width_, line_h_, fs_, s.reader.scroll, 0,
                                PackColour(text_col_), PackColour(grey_col_)};
    }

    // Every line, then the space they take (a Dummy), the focus rectangle and the scroll to it.
    void DrawLines() {
        for (const Line& line : aa_.lines) DrawLine(line);
        DrawFoldedMarker();
        ImGui::Dummy(ImVec2(width_, y_ + line_h_));
        s_.layout.reader_view.height = y_ + line_h_;
        if (fx1_ > fx0_) s_.layout.reader_focus = {fx0_, fy0_, fx1_ - fx0_, fy1_ - fy0_};
        if (s_.reader.scroll_to_focus && focus_y_ >= 0) {
            ImGui::SetScrollY(std::max(0.0f, focus_y_ - ImGui::GetWindowHeight() * 0.3f));
            s_.reader.scroll_to_focus = false;
        }
    }

    int mouse_byte() const { return mouse_byte_; }  // the nearest boundary on the line under the mouse, -1 none
    const Mark* hovered() const { return hovered_; }

private:
    float Measure(uint32_t b, uint32_t e) const {
        if (page_) return EstimatedWidth(font_, fs_, text_.data() + b, text_.data() + e);
        return font_->CalcTextSizeA(fs_, FLT_MAX, 0.0f, text_.data() + b, text_.data() + e).x;
    }

    // "[3 boilerplate lines hidden]" where hidden lines were.
    void DrawFoldedMarker() {
        if (!folded_) return;
        dl_->AddText(ImVec2(origin_.x, origin_.y + y_), grey_col_,
                     ("[" + std::to_string(folded_) + " boilerplate line" + (folded_ > 1 ? "s" : "") + " hidden]").c_str());
    }

    // One line of the article: folded (hidden boilerplate), a gap (empty), or its words, wrapped.
    void DrawLine(const Line& line) {
        const bool boiler = line.boilerplate != Boilerplate::None;
        if (boiler && !s_.reader.show_boilerplate) {
            ++folded_;
            return;
        }
        if (folded_) {
            DrawFoldedMarker();
            y_ += line_h_;
            folded_ = 0;
        }
        if (line.span.size() == 0) {
            y_ += line_h_ * 0.6f;
            return;
        }
        // words with their trailing spaces, wrapped at the panel width
        float x = 0;
        uint32_t i = line.span.begin;
        const uint32_t end = line.span.end;
        page_ = NeedsPage(font_, text_, line.span);
        s_.layout.reader_lines.push_back({{i, i}, 0, y_, 0, page_, boiler, {}});
        while (i < end) {
            uint32_t we = i;
            while (we < end && text_[we] != ' ') ++we;
            if (page_) we = PageWordEnd(text_, i, we);  // [text layer] CJK breaks between characters
            uint32_t se = we;
            while (se < end && text_[se] == ' ') ++se;
            float w = Measure(i, we);
            if (x > 0 && x + w > width_) {
                PaintPageLine();
                x = 0;
                y_ += line_h_;
                s_.layout.reader_lines.push_back({{i, i}, 0, y_, 0, page_, boiler, {}});
            }
            // draw the word (and its spaces) in runs of one style
            for (uint32_t run = i; run < se;) run = DrawRun(run, se, boiler, x);
            i = se;
        }
        PaintPageLine();
        y_ += line_h_;
    }

    // Without a page (the desktop), a page line is painted here: whole, in visual order (right-to-
    // left runs reversed, Arabic joined), right-aligned when it is right to left; its highlights
    // are not drawn (they are byte ranges in logical order).
    void PaintPageLine() {
        if (!page_ || !s_.view.reader_paints_page_lines || s_.layout.reader_lines.empty()) return;
        const ReaderLine& rl = s_.layout.reader_lines.back();
        if (!(origin_.y + rl.y > clip_top_ - line_h_ && origin_.y + rl.y < clip_bottom_)) return;
        std::string line(text_.substr(rl.bytes.begin, rl.bytes.size()));
        while (!line.empty() && line.back() == ' ') line.pop_back();
        const std::string& shown = VisualText(line);
        float x = origin_.x;
        if (&shown != &line) x += std::max(0.0f, width_ - font_->CalcTextSizeA(fs_, FLT_MAX, 0.0f, shown.c_str()).x);
        dl_->AddText(font_, fs_, ImVec2(x, origin_.y + rl.y), rl.grey ? grey_col_ : text_col_, shown.c_str());
    }

    // The run of one style from `run` (up to `word_end`) at x; returns where it ends and moves x past it.
    uint32_t DrawRun(uint32_t run, uint32_t word_end, bool boiler, float& x) {
        const bool visible = origin_.y + y_ > clip_top_ && origin_.y + y_ < clip_bottom_;
        const Mark* m = boiler ? nullptr : MarkAt(marks_.marks, run);
        // a run ends where a mark begins or ends (always a code point boundary)
        auto next = std::upper_bound(marks_.bounds.begin(), marks_.bounds.end(), run);
        uint32_t run_end = next == marks_.bounds.end() ? word_end : std::min(word_end, *next);
        float rw = Measure(run, run_end);
        ImVec2 p0(origin_.x + x, origin_.y + y_);
        ImVec2 p1(p0.x + rw, p0.y + ImGui::GetTextLineHeight());
        const Span focus = s_.reader.focus;
        bool in_focus = focus.end > focus.begin && run < focus.end && run_end > focus.begin;
        if (mouse_.y >= p0.y && mouse_.y < p0.y + line_h_) {
            if (mouse_.x >= p0.x && mouse_.x < p1.x)
                mouse_byte_ = static_cast<int>(ByteAtX(font_, fs_, text_, run, run_end, p0.x, mouse_.x));
            else if (mouse_.x >= p1.x)
                mouse_byte_ = static_cast<int>(run_end);  // right of the line's text: its end
            else if (mouse_byte_ < 0)
                mouse_byte_ = static_cast<int>(run);
        }
        ReaderLine& rl = s_.layout.reader_lines.back();  // [text layer]
        rl.bytes.end = run_end;
        rl.w = x + rw;
        if (page_ && in_focus) rl.marks.push_back({{run, run_end}, IM_COL32(120, 160, 255, 55), 2});
        if (page_ && m) rl.marks.push_back({{run, run_end}, PackColour(m->colour), static_cast<uint8_t>(m->code < 0 ? 1 : 0)});
        if (visible && !page_) PaintRun(run, run_end, p0, p1, m, in_focus, boiler);
        if (in_focus) {
            if (focus_y_ < 0) focus_y_ = y_;
            fx0_ = std::min(fx0_, p0.x);
            fy0_ = std::min(fy0_, p0.y);
            fx1_ = std::max(fx1_, p1.x);
            fy1_ = std::max(fy1_, p1.y);
        }
        if (m && mouse_.x >= p0.x && mouse_.x < p1.x && mouse_.y >= p0.y && mouse_.y < p1.y) hovered_ = m;
        x += rw;
        return run_end;
    }

    // The run's backgrounds (focus, the other coder's evidence, the selection, its code's shading),
    // its review lines (struck through: rejected; underlined: confirmed or added), the concordance
    // word's outline, then its text.
    void PaintRun(uint32_t run, uint32_t run_end, ImVec2 p0, ImVec2 p1, const Mark* m, bool in_focus, bool boiler) {
        if (in_focus) dl_->AddRectFilled(ImVec2(p0.x, p0.y - 1), ImVec2(p1.x, p1.y + 1), IM_COL32(120, 160, 255, 55));
        if (their_.size() && run < their_.end && run_end > their_.begin)
            dl_->AddRect(ImVec2(p0.x, p0.y - 1), ImVec2(p1.x, p1.y + 1), IM_COL32(240, 160, 60, 230), 0.0f, 0, 1.5f);
        if (sel_.size() && run < sel_.end && run_end > sel_.begin) {
            // only the selected part of the run
            float sx0 = sel_.begin > run ? p0.x + Measure(run, sel_.begin) : p0.x;
            float sx1 = sel_.end < run_end ? p0.x + Measure(run, sel_.end) : p1.x;
            dl_->AddRectFilled(ImVec2(sx0, p0.y - 1), ImVec2(sx1, p1.y + 1), IM_COL32(70, 130, 230, 110));
        }
        if (m && m->code >= 0) dl_->AddRectFilled(p0, p1, m->colour, 2.0f);
        if (m && m->review == static_cast<int>(UnitState::Rejected))
            dl_->AddLine(ImVec2(p0.x, (p0.y + p1.y) * 0.5f), ImVec2(p1.x, (p0.y + p1.y) * 0.5f), IM_COL32(230, 90, 80, 220), 1.5f);
        if (m && (m->review == static_cast<int>(UnitState::Confirmed) || m->review == static_cast<int>(UnitState::Added)))
            dl_->AddLine(ImVec2(p0.x, p1.y), ImVec2(p1.x, p1.y), IM_COL32(90, 200, 110, 230), 2.0f);
        if (m && m->code < 0) dl_->AddRect(ImVec2(p0.x - 1, p0.y - 1), ImVec2(p1.x + 1, p1.y + 1), m->colour, 2.0f, 0, 2.0f);
        dl_->AddText(font_, fs_, p0, boiler ? grey_col_ : text_col_, text_.data() + run, text_.data() + run_end);
    }

    AppState& s_;
    const AnalyzedArticle& aa_;
    const std::string_view text_;
    const ArticleMarks& marks_;
    const Span sel_, their_;  // the selection; the other coder's evidence (outlined)
    ImDrawList* dl_ = nullptr;
    ImFont* font_ = nullptr;
    float fs_ = 0, line_h_ = 0, width_ = 0, clip_top_ = 0, clip_bottom_ = 0;
    ImVec2 origin_, mouse_;
    ImU32 text_col_ = 0, grey_col_ = 0;
    bool page_ = false;       // the line under way is page text ([text layer])
    float y_ = 0;             // the line under way, from the text's top
    size_t folded_ = 0;       // hidden boilerplate lines not yet said
    float focus_y_ = -1;      // the focused sentence's first line
    float fx0_ = 1e9f, fy0_ = 1e9f, fx1_ = -1e9f, fy1_ = -1e9f;  // ...and its rectangle on screen
    int mouse_byte_ = -1;
    const Mark* hovered_ = nullptr;
};

// [SECTION] The reader panel: the mouse over the text --------------------------------------------

// Selecting with the mouse: press sets the anchor, dragging extends, a click alone clears;
// Ctrl/Cmd+C copies the selection while the reader is under the mouse.
void HandleSelection(AppState& s, int mouse_byte, std::string_view text) {
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
    const ImGuiIO& io = ImGui::GetIO();
    if (s.reader.selection.size() && s.reader.selection.end <= text.size() && ImGui::IsWindowHovered() &&
        !io.WantTextInput && (io.KeyCtrl || io.KeySuper) && ImGui::IsKeyPressed(ImGuiKey_C, false)) {
        const std::string t(text.substr(s.reader.selection.begin, s.reader.selection.size()));
        ImGui::SetClipboardText(t.c_str());
        s.reader.copied = "Copied the selection (" + std::to_string(t.size()) + " bytes)";
    }
}

// Right-click on a highlighted sentence: confirm or reject it as evidence; hovered: its code.
void SentenceReviewMenu(AppState& s, size_t ai, const Mark* hovered) {
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
}

}  // namespace

// [SECTION] DrawReaderPanel: the steps in order ---------------------------------------------------
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
    DrawArticleHeading(a, s.data.analysis.articles[ai]);
    const ArticleMarks marks = CollectMarks(s, ai);
    DrawCodeChips(s, marks.present);
    DrawReaderButtons(s, a);
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
    TextPainter painter(s, ai, marks);
    painter.DrawLines();
    HandleSelection(s, painter.mouse_byte(), a.text);
    SentenceReviewMenu(s, ai, painter.hovered());
    ImGui::EndChild();
}

}  // namespace presslens::ui
