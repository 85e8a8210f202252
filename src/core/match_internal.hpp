// core, internal to the matcher: the declarations the src/core/match_*.cpp files share (the
// compiled codebook, what matching learns of each word, the sentence scan, the rule evaluator,
// attribution and near-miss candidates). Include it from those files only; the public API is
// codebook.hpp. std + the corpus core; no JSON, UI, platform or file access.
//
// How matching works: sentence by sentence on "match words": tokens split at hyphens and
// apostrophes, folded (and stemmed for stemming rules). Every term's first word sits in a hash
// index (exact words, prefixes by length, stems per language), so each word costs a bounded
// number of lookups and a phrase is verified from its first word on: linear in the text for a
// given codebook. Rules are then evaluated only in sentences where one of their terms occurred.
//
// [SECTION] The compiled codebook (match_compile.cpp)
// [SECTION] What matching learns of each word (match_scan.cpp)
// [SECTION] Scanning a sentence (match_scan.cpp)
// [SECTION] Evaluating a rule, explaining a near miss (match_evaluate.cpp)
// [SECTION] Actor mentions, sign-offs and attribution (match_attribute.cpp)
#pragma once
#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/codebook.hpp"

namespace presslens {

// [SECTION] The compiled codebook (match_compile.cpp) ---------------------------------------------

namespace matching {

// A term compiled for matching: its words (stemmed for a stemming rule) and who uses it, a rule's
// term node or an actor. Terms are the leaves of the compiled condition trees.
struct Leaf {
    std::vector<TermWord> words;
    std::string stem_lang;  // non-empty: non-prefix words compare by stem in this language
    int32_t actor = -1;     // an actor's term: index into Codebook::actors
    bool weak = false;
    std::string actor_lang;  // "*" or a language the actor term applies in
    // a shared vocabulary's term in a rule of several languages: it holds only in sentences of
    // this language (or in articles of it); empty = wherever its rule applies
    std::string term_lang;
};

// A compiled condition node; terms point at their leaves (one per stemming language).
struct ConditionNode {
    Condition::Kind kind;
    std::vector<uint32_t> leaves;    // Term
    std::vector<uint32_t> children;  // Any, All: node indices
    std::vector<uint32_t> none;      // node indices
    uint32_t within = 0;
    const Condition* source = nullptr;
};

struct CompiledRule {
    uint32_t code = 0, rule = 0;  // indices into Codebook::codes and Code::rules
    uint32_t root = 0;            // node index
    std::vector<std::string> languages;
    bool any_language = false;
    int32_t actor = -1;  // attribution: the actor wanted, -1 = none
    std::vector<int32_t> reject;
    uint32_t context = 0;
    double weight = 1;
    uint32_t parts = 0;  // an "all" root's top-level parts (at most 64), 0 = not counted
};

// Does the rule apply to a sentence in `sentence_lang` of an article in `article_lang`?
inline bool RuleApplies(const CompiledRule& rule, const std::string& article_lang, const std::string& sentence_lang) {
    if (rule.any_language) return true;
    return std::find(rule.languages.begin(), rule.languages.end(), article_lang) != rule.languages.end() ||
           std::find(rule.languages.begin(), rule.languages.end(), sentence_lang) != rule.languages.end();
}

}  // namespace matching

struct CompiledCodebook::Impl {
    Codebook codebook;
    std::vector<matching::Leaf> leaves;
    std::vector<matching::ConditionNode> nodes;
    std::vector<matching::CompiledRule> rules;
    std::vector<std::vector<uint32_t>> leaf_rules;  // leaf -> compiled rules using it
    // leaf -> (compiled rule, top-level part of its "all" root) the leaf can make hold; a part can
    // only hold when one of its leaves occurs, so a sentence where some part has none cannot hold
    struct LeafPart {
        uint32_t rule;
        uint32_t part;
    };
    std::vector<std::vector<LeafPart>> leaf_parts;
    using LeafIndex = std::unordered_map<std::string, std::vector<uint32_t>, StringHash, std::equal_to<>>;
    LeafIndex leaves_by_word;                         // first word -> leaves
    LeafIndex leaves_by_prefix;                       // first-word prefix -> leaves
    std::vector<size_t> prefix_lengths;               // distinct prefix byte lengths, ascending
    std::map<std::string, LeafIndex> leaves_by_stem;  // lang -> stem of the first word -> leaves
    // Each term's words as compiled, by term and stemming language ("term\x1Flang"); empty when
    // the term has no words. Kept for the next compile of an edited codebook to reuse.
    std::unordered_map<std::string, std::vector<TermWord>, StringHash, std::equal_to<>> term_words;
    const Impl* previous = nullptr;  // while constructing: the compile whose terms are reused
    // a staged compile's progress: the actors (until done), then codes[next_code].rules[next_rule]
    bool actors_done = false, compiled_all = false;
    size_t next_code = 0, next_rule = 0;
    int released = 0;  // ReleaseSome's parts freed so far

    // The constructor's steps: the actors' terms, then each rule (code_index, rule_in_code).
    void CompileActors();
    void CompileRule(size_t code_index, size_t rule_in_code);

    uint32_t AddLeaf(matching::Leaf leaf);
    // A term's words, split and stemmed in `stem_lang` ("": not stemmed), found in term_words or
    // in the previous compile's, else made; empty when the term has no words.
    const std::vector<TermWord>& TermWords(std::string_view term, const std::string& stem_lang);
    void AddTermLeaves(std::string_view term, const std::vector<std::string>& stem_langs, const std::string& term_lang,
                       uint32_t rule_index, int part, matching::ConditionNode& node);
    uint32_t CompileNode(const Condition& c, const Rule& rule, const std::vector<std::string>& languages,
                         uint32_t rule_index, int part);
    int32_t ActorIndex(const std::string& id) const;
};

// [SECTION] What matching learns of each word (match_scan.cpp) ------------------------------------

namespace matching {

inline constexpr uint32_t kUnset = UINT32_MAX;
inline constexpr uint32_t kSplitWord = UINT32_MAX - 1;  // a term cut into several match words
inline constexpr uint32_t kOverflowWord = 0x80000000u;  // a word id that is not a corpus term id
inline constexpr size_t kNoStemmer = SIZE_MAX;          // a language the codebook does not stem in

// A match word of a sentence: its bytes in the text, and its word id (a corpus term id, or
// kOverflowWord | k for a part of a hyphenated word that is not itself a term of the corpus).
struct MatchWord {
    Span span;
    uint32_t word;
};

}  // namespace matching

// What matching learns of each distinct word, once: the codebook leaves it may start (exact
// words and prefixes), and per stemming language its stem and the stemmed leaves that stem
// starts. Indexed by word id in flat arrays, so a token costs array reads, not folding, hashing
// or stemming (see MatchMemo in codebook.hpp).
struct MatchMemo::Impl {
    const TermTable* term_table = nullptr;
    const CompiledCodebook::Impl* compiled = nullptr;
    std::vector<std::string> stem_langs;  // the codebook's stemming languages
    // per word: an index into leaf_lists (0 = no candidates), kUnset = not yet looked at, or
    // (terms only) kSplitWord
    std::vector<uint32_t> term_candidates, overflow_candidates;
    std::vector<uint32_t> leaf_lists{0};  // [count, leaf, leaf, ...] back to back; 0: the empty list
    // per stemming language, per word: an index into stems, or kUnset
    std::vector<std::vector<uint32_t>> term_stems, overflow_stems;
    struct StemFact {
        uint32_t begin, size;  // in stem_chars
        uint32_t list;         // stemmed leaves it starts: index into leaf_lists
    };
    std::vector<StemFact> stems;
    std::string stem_chars;
    // parts of hyphenated words that are not corpus terms
    std::vector<std::string> overflow_words;
    std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> overflow_ids;
    std::string fold_scratch;

    // Starts afresh unless already bound to this term table and codebook.
    void Bind(const TermTable& t, const CompiledCodebook::Impl& c);

    std::string_view Folded(uint32_t w) const {
        return (w & matching::kOverflowWord) ? std::string_view(overflow_words[w & ~matching::kOverflowWord])
                                             : term_table->Text(w);
    }
    // The word id of a folded part of a hyphenated or apostrophed token.
    uint32_t PartWord(std::string_view folded);
    // The leaves a word starts without stemming: an index into leaf_lists, or kSplitWord.
    uint32_t Candidates(uint32_t w);
    // The stem of a word in the stemming language stem_langs[stem_index], with the leaves it starts.
    const StemFact& Stemmed(uint32_t w, size_t stem_index);
    std::string_view StemText(const StemFact& f) const { return std::string_view(stem_chars).substr(f.begin, f.size); }
    // The index of `lang` in stem_langs, or kNoStemmer.
    size_t StemIndex(std::string_view lang) const {
        for (size_t i = 0; i < stem_langs.size(); ++i)
            if (stem_langs[i] == lang) return i;
        return matching::kNoStemmer;
    }

private:
    // Word w's entry in a per-word array (one for term ids, one for overflow ids), grown on demand.
    static uint32_t& WordSlot(std::vector<uint32_t>& for_terms, std::vector<uint32_t>& for_overflow, uint32_t w) {
        std::vector<uint32_t>& v = (w & matching::kOverflowWord) ? for_overflow : for_terms;
        const uint32_t i = w & ~matching::kOverflowWord;
        if (i >= v.size()) v.resize(std::max<size_t>(i + 1, v.size() + v.size() / 2 + 64), matching::kUnset);
        return v[i];
    }
    uint32_t& CandidatesSlot(uint32_t w) { return WordSlot(term_candidates, overflow_candidates, w); }
    uint32_t AddList(const std::vector<uint32_t>& leaves);
};

// [SECTION] Scanning a sentence (match_scan.cpp) --------------------------------------------------

namespace matching {

// A leaf found in a sentence, at match words [begin, end).
struct LeafOccurrence {
    uint32_t leaf;
    uint32_t begin, end;
};

// What scanning found in one sentence.
struct SentenceScan {
    std::vector<MatchWord> words;
    std::vector<LeafOccurrence> occurrences;  // sorted by leaf, then position
};

class SentenceScanner {
public:
    SentenceScanner(const CompiledCodebook::Impl& compiled, MatchMemo::Impl& memo) : compiled_(compiled), memo_(memo) {}

    // Finds the leaves occurring in sentence `range`, whose tokens are terms[first, last) (the
    // analysis's term ids, in the order Tokenize gives them). The stem indices are those of the
    // article's and the sentence's language (kNoStemmer: not stemmed in).
    void Scan(std::string_view text, Span range, const uint32_t* first, const uint32_t* last, size_t article_stem_index,
              size_t sentence_stem_index, const std::string& article_lang, const std::string& sentence_lang,
              SentenceScan& scan);

private:
    // Adds the occurrences of the leaves in `list` that start at match word `at` and hold to their end.
    void VerifyCandidates(uint32_t list, SentenceScan& scan, uint32_t at);

    const CompiledCodebook::Impl& compiled_;
    MatchMemo::Impl& memo_;
    const std::string* article_lang_ = nullptr;
    const std::string* sentence_lang_ = nullptr;
};

// [SECTION] Evaluating a rule, explaining a near miss (match_evaluate.cpp) ------------------------

// Match words [first, second) of a sentence.
using WordRange = std::pair<uint32_t, uint32_t>;

// Result of evaluating one condition node in a sentence. Plain data: the supporting word ranges
// and the missing nodes live in the Evaluator's buffers, so evaluating allocates nothing.
struct Evaluation {
    bool ok = false;
    bool excluded = false;                        // failed because of a `none` exclusion
    bool window_failed = false;                   // all children held, but not within the window
    uint32_t support_begin = 0, support_end = 0;  // supporting match-word ranges: Evaluator::support()
    uint32_t satisfied = 0, total = 1;            // top-level children that held
    uint32_t missing_begin = 0, missing_end = 0;  // top level: the nodes that did not hold: Evaluator::missing()
    int64_t excluded_by = -1;                     // the exclusion node that held
    uint32_t within = 0;
    // top-level "all" that held: the tightest stretch of match words holding one occurrence of
    // each part (what attribution measures from); win_end == 0 when not computed
    uint32_t win_begin = 0, win_end = 0;
};

class Evaluator {
public:
    explicit Evaluator(const CompiledCodebook::Impl& compiled)
        : compiled_(compiled), first_occurrence_(compiled.leaves.size(), kUnset) {}

    // The sentence the next rules are evaluated in: each leaf's first occurrence is noted, so a
    // term finds its occurrences without a search.
    void BeginSentence(const SentenceScan& scan) {
        scan_ = &scan;
        const std::vector<LeafOccurrence>& occurrences = scan.occurrences;
        for (size_t i = 0; i < occurrences.size(); ++i)
            if (i == 0 || occurrences[i].leaf != occurrences[i - 1].leaf)
                first_occurrence_[occurrences[i].leaf] = static_cast<uint32_t>(i);
    }
    void EndSentence() {
        for (const LeafOccurrence& o : scan_->occurrences) first_occurrence_[o.leaf] = kUnset;
    }
    // Evaluates a rule's root in the sentence. The missing nodes it records stay until ForgetMissing.
    Evaluation RunRule(uint32_t root) {
        support_.clear();
        return Run(root, true);
    }
    const std::vector<WordRange>& support() const { return support_; }
    const std::vector<uint32_t>& missing() const { return missing_; }
    void ForgetMissing() { missing_.clear(); }

private:
    Evaluation Run(uint32_t node_id, bool top);
    bool Window(size_t parts_base, uint32_t within, uint32_t support_begin);
    bool SmallestWindow(size_t parts_base, uint32_t& width, size_t& first_item, size_t& last_item);

    struct WindowItem {
        uint32_t begin, end, part;
    };
    const CompiledCodebook::Impl& compiled_;
    const SentenceScan* scan_ = nullptr;
    std::vector<uint32_t> first_occurrence_;  // per leaf: its first index in scan_->occurrences, kUnset when absent
    std::vector<WordRange> support_;          // the supporting ranges of the evaluation under way
    std::vector<WordRange> held_parts_;       // All: the held children's ranges of support_ (a stack)
    std::vector<uint32_t> missing_;           // top-level nodes that did not hold, of every evaluation kept
    std::vector<WindowItem> window_items_;    // SmallestWindow's scratch
    std::vector<uint32_t> window_counts_;     // SmallestWindow's scratch: per part, its items in the window
};

// A near miss before it is put in words: most are dropped (a hit later in the article, or
// closer misses), so the words are made only for those kept.
struct MissCandidate {
    NearMiss near_miss;
    Evaluation evaluation;  // a rule that failed: why
    int32_t wanted = -1;    // an attribution that failed: the actor wanted,
    int32_t named = -1;     // the actor named instead (-1: none named),
    Span mention;           // ...in these words,
    uint32_t context = 0;   // and how many sentences back were searched
};

// What a failed top-level evaluation or attribution lacked, in words ("missing: …",
// "attributed to …"): NearMiss::missing.
std::string ExplainNearMiss(const CompiledCodebook::Impl& compiled, const Evaluator& evaluator,
                            const MissCandidate& candidate, std::string_view text);

// [SECTION] Actor mentions, sign-offs and attribution (match_attribute.cpp) -----------------------

// An actor named in a sentence by one of its terms.
struct ActorMention {
    int32_t actor;
    bool weak;
    uint32_t begin, end;  // match-word indices
    Span span;            // bytes in the text
};

// The actors a scanned sentence names, in text order; a mention inside a longer one gives way.
std::vector<ActorMention> FindActorMentions(const CompiledCodebook::Impl& compiled, const SentenceScan& scan,
                                            const std::string& article_lang, const std::string& sentence_lang);

// Per sentence of an article: the sentence that signs off its paragraph ("– Nicole Ozer
// representing ACLU", a last sentence opening with a dash), or -1. `sentence_line`: each
// sentence's line. The sign-off itself gets -1.
void FindParagraphSignoffs(const AnalyzedArticle& article, std::string_view text,
                           const std::vector<uint32_t>& sentence_line, std::vector<int>& signoff);

struct AttributionOutcome {
    enum Kind { Accepted, Rejected, NotFound } kind = NotFound;
    const ActorMention* mention = nullptr;
    bool in_sentence = false;
};

// Decides who a claim at match words [claim_begin, claim_end) of sentence `sentence` is attributed
// to (see Attribution); `claim_end_byte` is where the claim ends in the text.
AttributionOutcome AttributeClaim(const CompiledRule& rule, const std::vector<std::vector<ActorMention>>& mentions,
                                  size_t sentence, int signoff, uint32_t claim_begin, uint32_t claim_end,
                                  std::string_view text, uint32_t claim_end_byte);

}  // namespace matching

}  // namespace presslens
