// ui: the Review panel: who is coding, how far the review is, the rules measured against it (so a
// user knows which claims still need rule work), another coder's agreement per claim and the
// units the two disagree on, each opening the article at both coders' evidence; codings export
// and import. Also the coder's name dialog and a matrix cell's review menu.
#include <algorithm>
#include <cstdio>
#include <map>

#include "io/codings.hpp"
#include "ui/ui.hpp"
#include "ui/widgets.hpp"

namespace presslens::ui {

namespace {

std::string Figure(const std::optional<double>& v, const char* fmt = "%.2f") {
    if (!v) return "\xE2\x80\x94";  // an em dash: no figure (the note says why)
    char buf[32];
    std::snprintf(buf, sizeof buf, fmt, *v);
    return buf;
}

std::string Percent(const std::optional<double>& v) {
    if (!v) return "\xE2\x80\x94";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f%%", *v * 100.0);
    return buf;
}

int ArticleIndex(const AppState& s, const std::string& source) {
    for (size_t i = 0; i < s.data.corpus.articles.size(); ++i)
        if (s.data.corpus.articles[i].source == source) return static_cast<int>(i);
    return -1;
}

int CodeIndex(const AppState& s, const std::string& id) {
    for (size_t i = 0; i < s.data.codebook.codes.size(); ++i)
        if (s.data.codebook.codes[i].id == id) return static_cast<int>(i);
    return -1;
}

// Where a quoted passage is in an article's text (the first place), or an empty span.
Span FindQuote(const std::string& text, const std::string& quote) {
    if (quote.empty()) return {};
    size_t at = text.find(quote);
    if (at == std::string::npos) return {};
    return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + quote.size())};
}

// My evidence for a unit valued 1: a passage I confirmed or added, else the rules' best kept sentence.
Span MyEvidence(const AppState& s, size_t article, size_t code) {
    const std::vector<int>& passages = s.review.units.Passages(article, code);
    if (!passages.empty()) return s.review.review.decisions[static_cast<size_t>(passages.front())].span;
    for (size_t hi = 0; hi < s.data.match.hits.size(); ++hi) {
        const Hit& h = s.data.match.hits[hi];
        if (h.article == article && h.code == code && !s.review.units.hit_rejected[hi]) return h.sentence_span;
    }
    return {};
}

void RulesTable(AppState& s) {
    std::vector<RulesVsReview> rows = CompareRulesWithReview(s.data.codebook, s.review.units);
    const RulesVsReview& all = rows.back();
    if (all.n == 0) {
        ImGui::TextDisabled("Review some cells to see how far the rules can be trusted.");
        return;
    }
    if (all.agreement.agreement) {
        std::string kappa = all.agreement.kappa ? ", kappa " + Figure(all.agreement.kappa) : " (" + all.agreement.note + ")";
        ImGui::TextWrapped("The rules agree with your review on %s of %zu reviewed cells%s.",
                           Percent(all.agreement.agreement).c_str(), all.n, kappa.c_str());
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("rules_vs_review", 8, flags)) return;
    for (const char* h : {"Claim", "n", "precision", "recall", "F1", "agree", "kappa", "why no figure"})
        ImGui::TableSetupColumn(h);
    ImGui::TableHeadersRow();
    for (const RulesVsReview& r : rows) {
        if (r.n == 0 && r.code != "(all)") continue;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.code.c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%zu", r.n);
        for (const std::string& v : {Figure(r.precision), Figure(r.recall), Figure(r.f1), Percent(r.agreement.agreement),
                                     Figure(r.agreement.kappa)}) {
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(v.c_str());
        }
        ImGui::TableNextColumn();
        std::string why = r.agreement.note;
        if (!r.precision && r.n > 0) why = why.empty() ? "the rules found none" : why;
        ImGui::TextDisabled("%s", why.c_str());
        if (ImGui::IsItemHovered() && !why.empty()) WrappedTooltip(why);
    }
    ImGui::EndTable();
}

void OtherCoders(AppState& s) {
    auto& others = s.review.review.others;
    if (ImGui::Button("Import another coder's codings\xE2\x80\xA6")) s.host.open_picker = true;
    s.layout.menu_items.push_back({"Review/Import", ItemRect()});
    if (ImGui::IsItemHovered())
        WrappedTooltip("A codings CSV (article,code,value[,coder][,evidence]) exported by another coder of this project: "
                       "pick it, or drop it on the window.");
    if (others.empty()) {
        ImGui::TextDisabled("No other coder yet.");
        return;
    }
    if (s.review.other < 0 || s.review.other >= static_cast<int>(others.size())) s.review.other = 0;
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    if (ImGui::BeginCombo("##other", others[static_cast<size_t>(s.review.other)].name.c_str())) {
        for (size_t i = 0; i < others.size(); ++i)
            if (ImGui::Selectable(others[i].name.c_str(), static_cast<int>(i) == s.review.other)) s.review.other = static_cast<int>(i);
        ImGui::EndCombo();
    }
    const OtherCoder& other = others[static_cast<size_t>(s.review.other)];
    std::vector<Coding> mine = ReviewCodings(s.data.corpus, s.data.codebook, s.review.review, s.review.units);
    std::vector<AgreementRow> rows = Agreement(mine, other.codings);
    const AgreementRow& all = rows.back();
    ImGui::Text("You and %s", other.name.c_str());
    if (all.n == 0) {
        ImGui::TextWrapped("No article x claim is coded by both of you yet: review the cells %s coded to see agreement.",
                           other.name.c_str());
    } else {
        const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
        if (ImGui::BeginTable("agreement", 6, flags)) {
            for (const char* h : {"Claim", "n", "agree", "kappa", "alpha", "why no figure"}) ImGui::TableSetupColumn(h);
            ImGui::TableHeadersRow();
            for (const AgreementRow& r : rows) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(r.code.c_str());
                ImGui::TableNextColumn();
                ImGui::Text("%zu", r.n);
                for (const std::string& v : {Percent(r.agreement), Figure(r.kappa), Figure(r.alpha)}) {
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(v.c_str());
                }
                ImGui::TableNextColumn();
                ImGui::TextDisabled("%s", r.note.c_str());
                if (ImGui::IsItemHovered() && !r.note.empty()) WrappedTooltip(r.note);
            }
            ImGui::EndTable();
        }
        ImGui::TextDisabled("Krippendorff: rely on a claim's coding from an alpha of 0.8 up.");
    }
    std::vector<Disagreement> dis = Disagreements(mine, other.codings);
    ImGui::Text("%zu disagreement%s", dis.size(), dis.size() == 1 ? "" : "s");
    for (size_t i = 0; i < dis.size(); ++i) {
        const Disagreement& d = dis[i];
        const int a = ArticleIndex(s, d.article), c = CodeIndex(s, d.code);
        if (a < 0 || c < 0) continue;
        ImGui::PushID(static_cast<int>(i));
        std::string label = DisplayOutlet(s.data.corpus.articles[static_cast<size_t>(a)]) + " \xC2\xB7 " + d.code + ": you " +
                            std::to_string(d.mine) + ", " + other.name + " " + std::to_string(d.theirs) + "  (" + d.article + ")";
        if (ImGui::Selectable(label.c_str())) {
            const std::string& text = s.data.corpus.articles[static_cast<size_t>(a)].text;
            Span mine_span = d.mine ? MyEvidence(s, static_cast<size_t>(a), static_cast<size_t>(c)) : Span{};
            Span their_span = FindQuote(text, d.their_evidence);
            OpenDisagreement(s, a, c, mine_span, their_span);
        }
        s.layout.menu_items.push_back({"Review/disagreement/" + std::to_string(i), ItemRect()});
        if (ImGui::IsItemHovered()) {
            std::string tip = "Open the article at both coders' evidence.";
            if (!d.their_evidence.empty()) tip += "\n\n" + other.name + ": \xE2\x80\x9C" + d.their_evidence + "\xE2\x80\x9D";
            WrappedTooltip(tip);
        }
        ImGui::PopID();
    }
}

}  // namespace

void DrawReviewPanel(AppState& s) {
    ImGui::BeginChild("review_scroll");
    if (s.review.coder.empty()) {
        ImGui::TextUnformatted("Coder: not set (asked at your first decision)");
    } else {
        ImGui::Text("Coder: %s", s.review.coder.c_str());
    }
    ImGui::SameLine();
    if (ImGui::SmallButton(s.review.coder.empty() ? "Set your name" : "Change")) {
        s.review.coder_editing = s.review.coder;
        s.review.ask_coder = true;
    }
    const ReviewedUnits& u = s.review.units;
    size_t confirmed = 0, rejected = 0, added = 0;
    for (const UnitReview& x : u.units) {
        confirmed += x.state == UnitState::Confirmed;
        rejected += x.state == UnitState::Rejected;
        added += x.state == UnitState::Added;
    }
    ImGui::TextWrapped("Reviewed %zu of %zu article x claim cells: %zu confirmed, %zu rejected, %zu added by hand.",
                       u.reviewed, u.units.size(), confirmed, rejected, added);
    if (u.orphans)
        ImGui::TextColored(ImVec4(0.9f, 0.6f, 0.2f, 1.0f), "%zu decisions name an article or claim no longer here (kept).",
                           u.orphans);
    ImGui::TextDisabled("Right-click a matrix cell or a highlighted sentence to confirm or reject it; select a passage in "
                        "the reader to code it by hand.");
    if (!s.review.error.empty()) ImGui::TextColored(ImVec4(0.95f, 0.45f, 0.4f, 1.0f), "%s", s.review.error.c_str());
    else if (!s.review.notice.empty()) ImGui::TextColored(ImVec4(0.45f, 0.8f, 0.45f, 1.0f), "%s", s.review.notice.c_str());
    if (ImGui::Button("Export my codings (CSV)")) ExportCodings(s);
    s.layout.menu_items.push_back({"Review/Export", ItemRect()});
    ImGui::SameLine();
    if (ImGui::Button("Export the rules' codings (CSV)"))
        s.host.exports.push_back({"codings-rules.csv", "text/csv", CodingsToCsv(AutomaticCodings(s.data.corpus, s.data.codebook, u))});
    ImGui::SeparatorText("The rules against your review");
    RulesTable(s);
    ImGui::SeparatorText("Agreement with another coder");
    OtherCoders(s);
    ImGui::EndChild();
}

void DrawCoderDialog(AppState& s) {
    if (s.review.ask_coder) {
        ImGui::OpenPopup("Your name");
        s.review.ask_coder = false;
        if (s.review.coder_editing.empty()) s.review.coder_editing = s.review.coder;
    }
    if (!ImGui::BeginPopupModal("Your name", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextUnformatted("Each decision carries its coder's name, so that two coders' codings can be compared.");
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    bool enter = InputString("##coder", s.review.coder_editing, ImGuiInputTextFlags_EnterReturnsTrue);
    s.layout.menu_items.push_back({"Coder/name", ItemRect()});
    std::string trimmed = s.review.coder_editing;
    trimmed.erase(0, trimmed.find_first_not_of(' '));
    ImGui::BeginDisabled(trimmed.empty());
    if (ImGui::Button("OK") || (enter && !trimmed.empty())) {
        SetCoder(s, s.review.coder_editing);
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    s.layout.menu_items.push_back({"Coder/OK", ItemRect()});
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) {
        DropPendingDecisions(s);
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void DrawCellReviewMenu(AppState& s, size_t row, size_t col) {
    const MatrixCell& cell = s.data.matrix.at(row, col);
    ImGui::TextDisabled("%s \xC2\xB7 %s: %s", s.data.analysis.outlets[row].c_str(), s.data.codebook.codes[col].id.c_str(),
                        UnitStateName(static_cast<UnitState>(cell.state)));
    if (ImGui::MenuItem(cell.present() ? "Confirm: reported" : "Confirm: not reported")) ConfirmCell(s, row, col);
    s.layout.menu_items.push_back({"Cell/Confirm", ItemRect()});
    if (ImGui::MenuItem("Reject: not reported", nullptr, false, cell.present())) RejectCell(s, row, col);
    s.layout.menu_items.push_back({"Cell/Reject", ItemRect()});
    if (!cell.present() && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        WrappedTooltip("To say this outlet did report the claim, select the sentence in the reader and code it.");
    if (ImGui::MenuItem("Back to the rules", nullptr, false, cell.reviewed >= 0 || cell.state != 0)) ClearCell(s, row, col);
    s.layout.menu_items.push_back({"Cell/Clear", ItemRect()});
}

}  // namespace presslens::ui
