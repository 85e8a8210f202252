// core: the codebook (codes with rules), the matcher that finds each code's evidence sentences
// in an analysed corpus, and the outlets × codes matrix with "why empty" explanations.
// std + the corpus core; no JSON, UI, platform or file access (io/codebook_io reads and writes
// the JSON format documented in docs/formats.md).
//
// [SECTION] The codebook model
// [SECTION] Matching
// [SECTION] The matrix
//
// Implemented in codebook.cpp (the model), match_*.cpp (matching; match_articles.cpp holds the
// steps, match_internal.hpp the declarations they share) and matrix.cpp.
#pragma once
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/analysis.hpp"
#include "core/vocabularies.hpp"

namespace presslens {

// [SECTION] The codebook model ------------------------------------------------------------------

// A condition on the normalised tokens of one sentence.
//   Term: a word or phrase; a word ending in '*' is a prefix ("recogni*"). Words are folded and,
//         for a stemming rule, stemmed; hyphens and apostrophes split words ("law-enforcement"
//         is "law enforcement", "l'ACLU" is "l aclu") on both sides.
//   Any:  at least one child holds.
//   All:  every child holds; with within > 0, inside one window of at most `within` words.
// Any node may carry exclusions (`none`): if any of them holds in the sentence, the node fails.
struct Condition {
    enum class Kind : uint8_t { Term, Any, All };
    Kind kind = Kind::Term;
    std::string term;                 // Kind::Term: as written
    std::string label;                // optional name used in explanations
    std::vector<Condition> children;  // Any, All
    std::vector<Condition> none;      // exclusions
    uint32_t within = 0;              // All: proximity window in words, 0 = the whole sentence
    bool operator==(const Condition&) const = default;
};

// Who a claim must be attributed to. The actor is looked for in the sentence (the mention
// nearest the match decides between the actor and a rejected one) and, failing that, in up to
// `context` sentences before it.
struct Attribution {
    std::string actor;                // an Actor id
    std::vector<std::string> reject;  // Actor ids that must not be the source
    uint32_t context = 3;
    bool operator==(const Attribution&) const = default;
};

struct Rule {
    std::string id;
    std::vector<std::string> languages;  // ISO 639-1 codes; "*" = every language
    bool stem = false;
    double weight = 1.0;
    Condition match;
    std::optional<Attribution> attribution;
    bool operator==(const Rule&) const = default;
};

// An actor a claim can be attributed to, named by terms per language ("*" = all languages).
// Weak terms (pronouns, "the letter") count only when no actor is named by a strong term.
struct Actor {
    std::string id, label;
    std::map<std::string, std::vector<std::string>> terms, weak_terms;
    bool operator==(const Actor&) const = default;
};

struct Code {
    std::string id, label, description, group;
    std::string colour;  // "#rrggbb"
    std::vector<Rule> rules;
    bool operator==(const Code&) const = default;
};

struct Codebook {
    std::string name;
    // "lang": the language of the rules that name none. Empty: not known (such rules then apply
    // in every language). `language_proposed`: not written in the file but proposed from the
    // terms (ProposeCodebookLanguage) when it was read; it is not written back.
    std::string language;
    bool language_proposed = false;
    std::vector<Actor> actors;
    std::vector<Code> codes;
    bool operator==(const Codebook&) const = default;
};

// A term's words as the matcher compares them: split at spaces, hyphens and apostrophes (like the
// text), folded, a final '*' marking a prefix. Returns false with a reason for a malformed term.
struct TermWord {
    std::string form;  // folded, without the '*'
    bool prefix = false;
};
bool SplitTerm(std::string_view term, std::vector<TermWord>& out, std::string& why);

// A structural problem found when compiling (the io reader reports these with line and
// column): `path` is a JSON pointer such as "/codes/0/rules/2/all/1".
struct CodebookError {
    std::string path;
    std::string message;
};

// Checks what the JSON reader cannot: unique code/rule/actor ids, known actor references,
// well-formed terms (a '*' only at the end of a word, after at least two letters), non-empty
// groups, colours. Returns every problem found (empty = valid).
std::vector<CodebookError> ValidateCodebook(const Codebook& cb);

// The languages a rule applies in: its own `lang`, else the codebook's, else every language ("*").
std::vector<std::string> RuleLanguages(const Codebook& cb, const Rule& rule);

// Does some rule of the code apply to text in `lang` (a rule for it or for every language)?
bool CodeCoversLanguage(const Codebook& cb, const Code& code, std::string_view lang);

// The language the terms of the rules without their own `lang` are written in, identified from
// those terms (stopwords of the phrases, the shared vocabularies' words, the script). "" when no
// rule lacks a language or the terms do not tell.
std::string ProposeCodebookLanguage(const Codebook& cb);

// "recogni*, facial recognition, …" — a condition in a few words, for explanations.
std::string DescribeCondition(const Condition& c, size_t max_terms = 3);

// [SECTION] Matching ----------------------------------------------------------------------------

// One sentence that proves a code.
struct Hit {
    uint32_t code = 0;
    uint32_t article = 0;
    uint32_t sentence = 0;        // index into AnalyzedArticle::sentences
    Span sentence_span;
    std::vector<Span> tokens;     // the matched words, in text order
    uint32_t rule = 0;            // index into Code::rules
    double score = 0;
    Span actor;                   // the mention the claim is attributed to ({0,0} = none needed)
    bool actor_in_sentence = false;
};

// A sentence where a rule came close but failed.
struct NearMiss {
    uint32_t code = 0;
    uint32_t article = 0;
    Span sentence_span;
    uint32_t rule = 0;
    uint32_t satisfied = 0, total = 0;  // top-level conditions that held
    std::string missing;                // "missing: law enforcement, police, …" / "attributed to shareholders"
    double closeness = 0;               // satisfied/total; 0.99 for a failed attribution or window
};

struct MatchResult {
    // by article, then sentence, then code. A deque: it grows a block at a time, never holding
    // an old and a new array of every hit at once (a 5,000-article corpus has ~90,000 hits).
    std::deque<Hit> hits;
    std::vector<NearMiss> near_misses;           // per (article, code) without a hit: the best few
    double millis = 0;                           // filled by callers that time it
};

// A codebook prepared for matching: terms folded and indexed (the lookup per token is linear in
// its length, so matching is linear in the text). Build once per codebook edit.
class CompiledCodebook {
public:
    explicit CompiledCodebook(const Codebook& cb);
    // The same, reusing the terms `previous` compiled (split, folded, stemmed): an edited
    // codebook costs only its new terms. `previous` is only read, during construction.
    CompiledCodebook(const Codebook& cb, const CompiledCodebook* previous);
    // A compile spread over calls, so that a UI can give it a slice of each frame: made with
    // `Staged`, it is compiled by calling CompileSome() until that returns false, and must not be
    // matched with before. `previous` must live until then.
    struct Staged {};
    CompiledCodebook(const Codebook& cb, const CompiledCodebook* previous, Staged);
    // Compiles the actors or the next rule; false when the whole codebook is compiled.
    bool CompileSome();
    // Frees a part of what the compile holds (its indexes, leaves, terms, nodes in turn), so that
    // dropping a large compile can be spread over frames too; false when nothing is left to free.
    // Afterwards the compile can only be destroyed.
    bool ReleaseSome();
    ~CompiledCodebook();
    CompiledCodebook(const CompiledCodebook&) = delete;
    CompiledCodebook& operator=(const CompiledCodebook&) = delete;
    const Codebook& codebook() const;
    struct Impl;
    const Impl& impl() const { return *impl_; }
private:
    std::unique_ptr<Impl> impl_;
};

// What matching learns of a corpus's words (each distinct word's codebook candidates and
// stems), kept between MatchArticles calls over one analysed corpus and one compiled codebook so
// that each word is looked up once, not once per occurrence. It starts afresh by itself when
// given another term table or codebook; keep it no longer than either lives.
class MatchMemo {
public:
    MatchMemo();
    ~MatchMemo();
    MatchMemo(const MatchMemo&) = delete;
    MatchMemo& operator=(const MatchMemo&) = delete;
    struct Impl;
    Impl& impl() { return *impl_; }
private:
    std::unique_ptr<Impl> impl_;
};

// Matches every rule against every sentence (boilerplate excluded). A rule applies to a sentence
// when one of its languages is the article's or the sentence's language (or "*"). One hit per
// (code, sentence): the best-scoring rule. Keeps up to `near_misses_per_cell` near misses for
// each (article, code) with no hit.
MatchResult MatchCorpus(const AnalyzedCorpus& ac, const CompiledCodebook& cb, size_t near_misses_per_cell = 3);
// The same for articles [first, last), appending to `into`: called on consecutive ranges it gives
// what MatchCorpus gives (the viewer matches a big corpus a slice per frame).
void MatchArticles(const AnalyzedCorpus& ac, const CompiledCodebook& cb, size_t first, size_t last,
                   MatchResult& into, MatchMemo& memo, size_t near_misses_per_cell = 3);

// [SECTION] The matrix --------------------------------------------------------------------------

// A cell has three states: reported (a sentence proves the code), not reported, and not covered:
// no rule of the code applies in the language of any of the outlet's articles, so the matrix
// cannot say whether the outlet reported it. A not-covered cell is never counted as "not reported".
struct MatrixCell {
    uint32_t hits = 0;
    int best = -1;                    // index into MatchResult::hits, -1 = empty
    std::vector<int> near_misses;     // indices into MatchResult::near_misses (empty cells only)
    bool covered = true;              // some article of the outlet is in a language a rule applies in
    // A human review (core/review.hpp) overrides the rules: `reviewed` is then the cell's value
    // (0 or 1), `state` a UnitState, `hand` a decision coding a passage by hand (-1 none). A cell
    // reported by coded passages alone counts them as its hits (its `best` stays -1).
    int reviewed = -1;
    int state = 0;
    int hand = -1;
    bool present() const { return reviewed >= 0 ? reviewed == 1 : hits > 0; }
    bool not_covered() const { return !present() && !covered; }
};

// Rows are AnalyzedCorpus::outlets (an article without an outlet is its own row), columns are
// the codebook's codes in order.
struct Matrix {
    size_t rows = 0, cols = 0;
    std::vector<MatrixCell> cells;        // row-major
    std::vector<uint32_t> row_codes;      // per outlet: how many codes it reports
    std::vector<uint32_t> row_covered;    // per outlet: how many codes can be seen in its languages
    std::vector<uint32_t> col_outlets;    // per code: how many outlets report it
    std::vector<uint32_t> col_covered;    // per code: how many outlets it covers (reported or not)
    MatrixCell& at(size_t r, size_t c) { return cells[r * cols + c]; }
    const MatrixCell& at(size_t r, size_t c) const { return cells[r * cols + c]; }
};

Matrix BuildMatrix(const AnalyzedCorpus& ac, const Codebook& cb, const MatchResult& m,
                   size_t near_misses_per_cell = 3);

// Why a not-covered cell is not covered, in words: "no rule of W1 is written for German (de):
// add German terms, or mark a rule for every language". Empty for a covered cell.
std::string NotCoveredReason(const AnalyzedCorpus& ac, const Codebook& cb, size_t row, size_t col);
// The same from the outlet's article languages (OutletLanguages), for a caller asking of many cells.
std::string NotCoveredReason(const Codebook& cb, const std::vector<std::string>& outlet_languages, size_t col);
// Each outlet's article languages (by matrix row), in the order its articles first give them.
std::vector<std::vector<std::string>> OutletLanguages(const AnalyzedCorpus& ac);

// "reported by 3 of 7 outlets covered (10 in all)": a column's total in words.
std::string ColumnTotal(const Matrix& mx, size_t col);

}  // namespace presslens
