// core: MatchCorpus and MatchArticles (see codebook.hpp), the matcher's steps for one article:
// scan its sentences, find the paragraphs' sign-offs, evaluate the rules each sentence touches,
// keep the best hits and the closest near misses. The parts of each step live in match_scan,
// match_evaluate and match_attribute.cpp. std + the corpus core; no JSON, UI, platform or files.
//
// [SECTION] The steps of matching an article
// [SECTION] MatchCorpus, MatchArticles
#include "core/match_internal.hpp"

#include <algorithm>
#include <bit>
#include <utility>

namespace presslens {

// [SECTION] The steps of matching an article ------------------------------------------------------

namespace {

using namespace matching;

// One MatchArticles call: the steps that match an article, and the buffers they reuse from
// article to article and sentence to sentence.
class ArticleMatcher {
public:
    ArticleMatcher(const AnalyzedCorpus& ac, const CompiledCodebook::Impl& compiled, MatchMemo::Impl& memo,
                   MatchResult& result, size_t near_misses_per_cell)
        : ac_(ac), compiled_(compiled), memo_(memo), result_(result), near_misses_per_cell_(near_misses_per_cell),
          scanner_(compiled, memo), evaluator_(compiled), miss_candidates_(compiled.codebook.codes.size()),
          code_has_hit_(compiled.codebook.codes.size()), rule_touched_(compiled.rules.size(), 0),
          parts_seen_(compiled.rules.size(), 0), best_hit_(compiled.codebook.codes.size()) {}

    void Match(size_t article_index) {
        BeginArticle(article_index);
        ScanSentences();
        FindParagraphSignoffs(*article_, text_, sentence_line_, signoff_);
        for (size_t s = 0; s < article_->sentences.size(); ++s) EvaluateSentence(s);
        KeepNearMisses();
    }

private:
    // The sentence whose rules are being evaluated.
    struct Sentence {
        size_t index;
        Span span;
        const std::string& lang;
        const SentenceScan& scan;
        bool heading;
    };

    void BeginArticle(size_t article_index);
    void ScanSentences();
    void EvaluateSentence(size_t index);
    void CollectTouchedRules(const SentenceScan& scan);
    void EvaluateRule(const CompiledRule& rule, uint64_t parts_seen, const Sentence& sentence);
    bool AttributeHit(const CompiledRule& rule, const Sentence& sentence, const Evaluation& evaluation,
                      uint32_t claim_begin, uint32_t claim_end, Hit& hit, double& bonus);
    void ScoreHit(const CompiledRule& rule, const Sentence& sentence, double attribution_bonus, Hit& hit);
    void KeepBestHit(Hit&& hit);
    void KeepNearMisses();

    NearMiss MakeNearMiss(const CompiledRule& rule, const Sentence& sentence, const Evaluation& evaluation) const {
        NearMiss near_miss;
        near_miss.code = rule.code;
        near_miss.article = static_cast<uint32_t>(article_index_);
        near_miss.sentence_span = sentence.span;
        near_miss.rule = rule.rule;
        near_miss.satisfied = evaluation.satisfied;
        near_miss.total = evaluation.total;
        return near_miss;
    }

    const AnalyzedCorpus& ac_;
    const CompiledCodebook::Impl& compiled_;
    MatchMemo::Impl& memo_;
    MatchResult& result_;
    const size_t near_misses_per_cell_;
    SentenceScanner scanner_;
    Evaluator evaluator_;
    // the article under way
    size_t article_index_ = 0;
    const AnalyzedArticle* article_ = nullptr;
    std::string_view text_;
    const std::string* article_lang_ = nullptr;
    size_t article_stem_index_ = kNoStemmer;
    std::vector<SentenceScan> scans_;                          // per sentence (grown, never shrunk)
    std::vector<uint32_t> sentence_line_;                      // per sentence: its line, the paragraph
    std::vector<int> signoff_;                                 // per sentence: its paragraph's sign-off, or -1
    std::vector<std::vector<ActorMention>> mentions_;          // per sentence
    std::vector<std::vector<MissCandidate>> miss_candidates_;  // per code
    std::vector<uint8_t> code_has_hit_;                        // per code
    // the sentence under way
    std::vector<uint32_t> touched_rules_;   // rules with an occurring leaf, ascending
    std::vector<uint8_t> rule_touched_;     // per rule: in touched_rules_
    std::vector<uint64_t> parts_seen_;      // per rule: the parts with an occurring leaf
    std::vector<int> best_hit_;             // per code: its hit in result_.hits, -1 = none yet
    std::vector<WordRange> claim_support_;  // the hit under way: the ranges that support it
};

void ArticleMatcher::BeginArticle(size_t article_index) {
    article_index_ = article_index;
    article_ = &ac_.articles[article_index];
    text_ = ac_.corpus->articles[article_index].text;
    article_lang_ = &article_->effective_language;
    article_stem_index_ = memo_.StemIndex(*article_lang_);
    const size_t count = article_->sentences.size();
    mentions_.assign(count, {});
    for (auto& candidates : miss_candidates_) candidates.clear();
    evaluator_.ForgetMissing();
    std::fill(code_has_hit_.begin(), code_has_hit_.end(), 0);
    if (scans_.size() < count) scans_.resize(count);
    sentence_line_.assign(count, 0);
}

// Step 1: each sentence scanned for the codebook's leaves; the actors it names; its line.
void ArticleMatcher::ScanSentences() {
    const AnalyzedArticle& article = *article_;
    const uint32_t* ids = article.terms.data();
    for (size_t s = 0, line = 0; s < article.sentences.size(); ++s) {
        const Span span = article.sentences[s];
        const std::string& sentence_lang = article.sentence_languages[s].code;
        scanner_.Scan(text_, span, ids + article.sentence_terms[s], ids + article.sentence_terms[s + 1],
                      article_stem_index_, memo_.StemIndex(sentence_lang), *article_lang_, sentence_lang, scans_[s]);
        mentions_[s] = FindActorMentions(compiled_, scans_[s], *article_lang_, sentence_lang);
        while (line + 1 < article.lines.size() && article.lines[line].span.end < span.begin) ++line;
        sentence_line_[s] = static_cast<uint32_t>(line);
    }
}

// Step 3, per sentence: evaluate the rules whose terms occur in it (step 2 is FindParagraphSignoffs).
void ArticleMatcher::EvaluateSentence(size_t index) {
    const SentenceScan& scan = scans_[index];
    if (scan.occurrences.empty()) return;
    const AnalyzedArticle& article = *article_;
    const uint32_t line = sentence_line_[index];
    const Sentence sentence{index, article.sentences[index], article.sentence_languages[index].code, scan,
                            article.lines.size() > line && article.lines[line].heading};
    CollectTouchedRules(scan);
    std::fill(best_hit_.begin(), best_hit_.end(), -1);
    evaluator_.BeginSentence(scan);
    for (uint32_t r : touched_rules_) {
        rule_touched_[r] = 0;
        EvaluateRule(compiled_.rules[r], std::exchange(parts_seen_[r], 0), sentence);
    }
    evaluator_.EndSentence();
}

// The rules one of whose leaves occurs in the sentence, ascending; per rule, the parts of its
// "all" root that the occurring leaves can make hold.
void ArticleMatcher::CollectTouchedRules(const SentenceScan& scan) {
    touched_rules_.clear();
    for (const LeafOccurrence& o : scan.occurrences) {
        for (uint32_t r : compiled_.leaf_rules[o.leaf])
            if (!rule_touched_[r]) { rule_touched_[r] = 1; touched_rules_.push_back(r); }
        for (const auto& lp : compiled_.leaf_parts[o.leaf]) parts_seen_[lp.rule] |= uint64_t{1} << lp.part;
    }
    std::sort(touched_rules_.begin(), touched_rules_.end());
}

// One rule in one sentence: a hit (kept if the best of its code in the sentence), a near-miss
// candidate (while its code has no hit in the article), or nothing.
void ArticleMatcher::EvaluateRule(const CompiledRule& rule, uint64_t parts_seen, const Sentence& sentence) {
    if (!RuleApplies(rule, *article_lang_, sentence.lang)) return;
    // A part with no occurring leaf cannot hold, so neither can the rule: skip the evaluation
    // unless a near miss may still be wanted (some part held, no hit yet).
    if (rule.parts > 0 && static_cast<uint32_t>(std::popcount(parts_seen)) < rule.parts &&
        (parts_seen == 0 || code_has_hit_[rule.code]))
        return;
    Evaluation evaluation = evaluator_.RunRule(rule.root);
    if (!evaluation.ok) {
        if (evaluation.satisfied == 0 || code_has_hit_[rule.code]) return;  // near misses only for empty cells
        NearMiss near_miss = MakeNearMiss(rule, sentence, evaluation);
        near_miss.closeness = (evaluation.excluded || evaluation.window_failed)
                                  ? 0.99
                                  : static_cast<double>(evaluation.satisfied) / evaluation.total;
        miss_candidates_[rule.code].push_back({std::move(near_miss), std::move(evaluation)});
        return;
    }
    // The claim: the match words from the first supporting range to the last, or the tightest
    // stretch holding every part when the evaluation measured one.
    uint32_t claim_begin = UINT32_MAX, claim_end = 0;
    claim_support_.assign(evaluator_.support().begin() + evaluation.support_begin,
                          evaluator_.support().begin() + evaluation.support_end);
    for (auto [begin, end] : claim_support_) {
        claim_begin = std::min(claim_begin, begin);
        claim_end = std::max(claim_end, end);
    }
    if (evaluation.win_end > evaluation.win_begin) {
        claim_begin = evaluation.win_begin;
        claim_end = evaluation.win_end;
    }
    Hit hit;
    hit.code = rule.code;
    hit.article = static_cast<uint32_t>(article_index_);
    hit.sentence = static_cast<uint32_t>(sentence.index);
    hit.sentence_span = sentence.span;
    hit.rule = rule.rule;
    double attribution_bonus = 0;
    if (rule.actor >= 0 && !AttributeHit(rule, sentence, evaluation, claim_begin, claim_end, hit, attribution_bonus))
        return;
    ScoreHit(rule, sentence, attribution_bonus, hit);
    KeepBestHit(std::move(hit));
}

// The claim at match words [claim_begin, claim_end) attributed: true with the hit's actor and the
// score's bonus set; false when it is not the rule's actor's (a near-miss candidate, while the
// code has no hit).
bool ArticleMatcher::AttributeHit(const CompiledRule& rule, const Sentence& sentence, const Evaluation& evaluation,
                                  uint32_t claim_begin, uint32_t claim_end, Hit& hit, double& bonus) {
    const std::vector<MatchWord>& words = sentence.scan.words;
    const uint32_t claim_end_byte = claim_end > 0 && claim_end <= words.size() ? words[claim_end - 1].span.end : 0;
    const AttributionOutcome outcome = AttributeClaim(rule, mentions_, sentence.index, signoff_[sentence.index],
                                                      claim_begin, claim_end, text_, claim_end_byte);
    if (outcome.kind != AttributionOutcome::Accepted) {
        if (code_has_hit_[rule.code]) return false;
        NearMiss near_miss = MakeNearMiss(rule, sentence, evaluation);
        near_miss.closeness = 0.99;
        MissCandidate candidate{std::move(near_miss), {}};
        candidate.wanted = rule.actor;
        candidate.context = rule.context;
        if (outcome.kind == AttributionOutcome::Rejected) {
            candidate.named = outcome.mention->actor;
            candidate.mention = outcome.mention->span;
        }
        miss_candidates_[rule.code].push_back(std::move(candidate));
        return false;
    }
    hit.actor = outcome.mention->span;
    hit.actor_in_sentence = outcome.in_sentence;
    bonus = outcome.in_sentence ? (outcome.mention->weak ? 1.5 : 2.0) : 1.0;
    return true;
}

// The hit's words (overlapping ranges once) and its score: the rule's weight times the distinct
// words (at most 6) plus the attribution bonus, a point less in a heading.
void ArticleMatcher::ScoreHit(const CompiledRule& rule, const Sentence& sentence, double attribution_bonus, Hit& hit) {
    const std::vector<MatchWord>& words = sentence.scan.words;
    std::sort(claim_support_.begin(), claim_support_.end());
    claim_support_.erase(std::unique(claim_support_.begin(), claim_support_.end()), claim_support_.end());
    size_t distinct = 0;
    for (size_t k = 0; k < claim_support_.size(); ++k) {
        if (k > 0 && claim_support_[k].first < claim_support_[k - 1].second) continue;  // overlapping
        hit.tokens.push_back({words[claim_support_[k].first].span.begin, words[claim_support_[k].second - 1].span.end});
        ++distinct;
    }
    hit.score = rule.weight * (static_cast<double>(std::min<size_t>(distinct, 6)) + attribution_bonus) -
                (sentence.heading ? 1.0 : 0.0);
}

// One hit per (code, sentence): the best-scoring rule's.
void ArticleMatcher::KeepBestHit(Hit&& hit) {
    const uint32_t code = hit.code;
    int& slot = best_hit_[code];
    if (slot < 0) {
        slot = static_cast<int>(result_.hits.size());
        result_.hits.push_back(std::move(hit));
    } else if (hit.score > result_.hits[static_cast<size_t>(slot)].score) {
        result_.hits[static_cast<size_t>(slot)] = std::move(hit);
    }
    code_has_hit_[code] = 1;
}

// Step 4: for each code with no hit in the article, its closest near misses (one per sentence, at
// most near_misses_per_cell_), put in words.
void ArticleMatcher::KeepNearMisses() {
    for (size_t c = 0; c < miss_candidates_.size(); ++c) {
        std::vector<MissCandidate>& candidates = miss_candidates_[c];
        if (code_has_hit_[c] || candidates.empty()) continue;
        std::stable_sort(candidates.begin(), candidates.end(), [](const MissCandidate& a, const MissCandidate& b) {
            return a.near_miss.closeness > b.near_miss.closeness;
        });
        const size_t first_kept = result_.near_misses.size();
        for (MissCandidate& candidate : candidates) {
            if (result_.near_misses.size() - first_kept == near_misses_per_cell_) break;
            bool same_sentence = std::any_of(
                result_.near_misses.begin() + static_cast<std::ptrdiff_t>(first_kept), result_.near_misses.end(),
                [&](const NearMiss& kept) { return kept.sentence_span == candidate.near_miss.sentence_span; });
            if (same_sentence) continue;
            // words only for the few kept
            candidate.near_miss.missing = ExplainNearMiss(compiled_, evaluator_, candidate, text_);
            result_.near_misses.push_back(std::move(candidate.near_miss));
        }
    }
}

}  // namespace

// [SECTION] MatchCorpus, MatchArticles ------------------------------------------------------------

MatchResult MatchCorpus(const AnalyzedCorpus& ac, const CompiledCodebook& compiled_codebook,
                        size_t near_misses_per_cell) {
    MatchResult result;
    MatchMemo memo;
    MatchArticles(ac, compiled_codebook, 0, ac.articles.size(), result, memo, near_misses_per_cell);
    return result;
}

void MatchArticles(const AnalyzedCorpus& ac, const CompiledCodebook& compiled_codebook, size_t first, size_t last,
                   MatchResult& result, MatchMemo& memo, size_t near_misses_per_cell) {
    const CompiledCodebook::Impl& compiled = compiled_codebook.impl();
    memo.impl().Bind(ac.terms, compiled);
    ArticleMatcher matcher(ac, compiled, memo.impl(), result, near_misses_per_cell);
    last = std::min(last, ac.articles.size());
    for (size_t article_index = first; article_index < last; ++article_index) matcher.Match(article_index);
}

}  // namespace presslens
