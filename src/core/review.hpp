// core: a human review of the automatic coding. A coder confirms or rejects a cell or one evidence
// sentence, or codes a passage to a claim by hand; the review says what each article x claim (a
// unit) is once those decisions are applied, overrides the matrix with it, and measures the
// automatic coder against it. std only; io/review_io reads and writes it.
#pragma once
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <string>
#include <vector>

#include "core/agreement.hpp"
#include "core/analysis.hpp"
#include "core/codebook.hpp"
#include "core/corpus.hpp"

namespace presslens {

// One decision of a coder, in the order made. A decision with an empty span is on the whole unit
// (the article x claim); with a span, on that sentence or passage of the article's text.
struct Decision {
    enum class Kind { Confirm, Reject, Add };
    Kind kind = Kind::Confirm;
    std::string article;   // Article::source
    std::string code;      // Code::id
    Span span{};           // bytes of the article's text; empty: the whole unit
    std::string quote;     // the text of `span` when decided
    int value = 1;         // the unit's value it stands for: Reject 0, Add 1, Confirm what the rules said
    std::string coder;
    std::string time;      // ISO 8601, UTC
};
const char* DecisionKindName(Decision::Kind k);  // "confirm", "reject", "add"

// Another coder's codings, imported to measure agreement (io/codings' CSV).
struct OtherCoder {
    std::string name;      // the coder column's name, else the file's
    std::string file;
    std::vector<Coding> codings;
};

struct Review {
    std::vector<Decision> decisions;
    std::vector<OtherCoder> others;
    bool empty() const { return decisions.empty() && others.empty(); }
};

// What a unit is after the review.
enum class UnitState : uint8_t { Automatic = 0, Confirmed, Rejected, Added };
const char* UnitStateName(UnitState s);  // "automatic", "confirmed", "rejected", "added by hand"

// Small: one per article x claim of the corpus (a 200,000-article corpus has millions).
struct UnitReview {
    int8_t auto_value = 0;         // the rules': 1 when a sentence matched
    int8_t value = 0;              // after the review
    UnitState state = UnitState::Automatic;
    bool stale = false;            // confirmed on a sentence the rules no longer find
    int decision = -1;             // the decision that settled it (index into Review::decisions), -1 none
};

// The review applied to a matched corpus: per article x code, row-major.
struct ReviewedUnits {
    size_t articles = 0, codes = 0;
    std::vector<UnitReview> units;
    std::vector<char> hit_rejected;  // per MatchResult hit: its sentence (or its whole unit) was rejected
    size_t reviewed = 0;             // units not Automatic
    size_t orphans = 0;              // decisions naming an article or claim that is not here
    // per decided unit: the sentence decisions that stand for value 1 (confirmed or added), in order
    std::unordered_map<size_t, std::vector<int>> passages;
    const UnitReview& at(size_t a, size_t c) const { return units[a * codes + c]; }
    const std::vector<int>& Passages(size_t a, size_t c) const;
    // the coder of the decision that settled the unit, "" for the rules
    const std::string& Coder(const Review& r, size_t a, size_t c) const;
};

// Applies the decisions in order, the latest on a unit or a sentence winning. Units: a whole-unit
// decision sets the value; otherwise a confirmed or added sentence makes it 1, and rejecting every
// sentence the rules found makes it 0 ("rejected"); a unit with some sentences rejected and others
// left to the rules stays automatic. Decisions on articles or claims not present are counted as
// orphans and otherwise kept aside.
ReviewedUnits ApplyReview(const Corpus& corpus, const Codebook& cb, const MatchResult& m, const Review& r);

// The latest decision on exactly this sentence of this unit, or null.
const Decision* SentenceDecision(const Review& r, const std::string& article, const std::string& code, Span span);

// Overrides the matrix with the review: a cell's value is any of its outlet's articles' reviewed
// values; rejected sentences no longer count as hits, passages coded by hand do; a reviewed cell
// is covered whatever its language. Sets each cell's `state` and recomputes the totals.
void ApplyReviewToMatrix(const AnalyzedCorpus& ac, const MatchResult& m, const ReviewedUnits& u, Matrix& mx);

// The coder's codings: one per reviewed unit (article, code, value, coder, evidence).
std::vector<Coding> ReviewCodings(const Corpus& corpus, const Codebook& cb, const Review& r, const ReviewedUnits& u);
// The automatic coder's codings: one per unit, coder "presslens".
std::vector<Coding> AutomaticCodings(const Corpus& corpus, const Codebook& cb, const ReviewedUnits& u);

// The automatic coder against the review, per claim on the reviewed units, then "(all)".
struct RulesVsReview {
    std::string code;
    size_t n = 0, tp = 0, fp = 0, fn = 0, tn = 0;
    std::optional<double> precision, recall, f1;
    AgreementRow agreement;  // observed agreement, kappa, alpha (and why one is missing)
};
std::vector<RulesVsReview> CompareRulesWithReview(const Codebook& cb, const ReviewedUnits& u);

// Units two codings disagree on (both coded, values differ), in article then claim order.
struct Disagreement {
    std::string article, code;
    int mine = 0, theirs = 0;
    std::string my_evidence, their_evidence;
};
std::vector<Disagreement> Disagreements(const std::vector<Coding>& mine, const std::vector<Coding>& theirs);

}  // namespace presslens
