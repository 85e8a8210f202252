// core: who a claim is attributed to (see Attribution in codebook.hpp): the actors a sentence
// names, the sign-offs that name a paragraph's speaker, and the choice between the actor wanted
// and a rejected one. std + the corpus core; no JSON, UI, platform or file access.
#include "core/match_internal.hpp"

#include <algorithm>

namespace presslens::matching {

namespace {

bool LanguageApplies(const std::string& term_lang, const std::string& article_lang, const std::string& sentence_lang) {
    return term_lang == "*" || term_lang == article_lang || term_lang == sentence_lang;
}

bool StartsWithDash(std::string_view s) {
    return s.starts_with("\u2013") || s.starts_with("\u2014") || s.starts_with("\u2015") || s.starts_with("- ");
}

}  // namespace

std::vector<ActorMention> FindActorMentions(const CompiledCodebook::Impl& compiled, const SentenceScan& scan,
                                            const std::string& article_lang, const std::string& sentence_lang) {
    std::vector<ActorMention> out;
    for (const LeafOccurrence& o : scan.occurrences) {
        const Leaf& leaf = compiled.leaves[o.leaf];
        if (leaf.actor < 0 || !LanguageApplies(leaf.actor_lang, article_lang, sentence_lang)) continue;
        out.push_back({leaf.actor, leaf.weak, o.begin, o.end,
                       Span{scan.words[o.begin].span.begin, scan.words[o.end - 1].span.end}});
    }
    // A mention inside a longer one ("medewerkers" in "medewerkers van Microsoft") gives way.
    std::vector<ActorMention> kept;
    for (const ActorMention& m : out) {
        bool inside = std::any_of(out.begin(), out.end(), [&](const ActorMention& o) {
            return &o != &m && o.begin <= m.begin && o.end >= m.end && (o.end - o.begin) > (m.end - m.begin);
        });
        bool dup = std::any_of(kept.begin(), kept.end(),
                               [&](const ActorMention& k) { return k.begin == m.begin && k.end == m.end; });
        if (!inside && !dup) kept.push_back(m);
    }
    std::sort(kept.begin(), kept.end(), [](const ActorMention& a, const ActorMention& b) { return a.begin < b.begin; });
    return kept;
}

void FindParagraphSignoffs(const AnalyzedArticle& article, std::string_view text,
                           const std::vector<uint32_t>& sentence_line, std::vector<int>& signoff) {
    const size_t count = article.sentences.size();
    signoff.assign(count, -1);
    for (size_t first = 0; first < count;) {
        size_t last = first;  // the paragraph's last sentence
        while (last + 1 < count && sentence_line[last + 1] == sentence_line[first]) ++last;
        const Span closing = article.sentences[last];
        if (last > first && StartsWithDash(text.substr(closing.begin, closing.size())))
            for (size_t k = first; k < last; ++k) signoff[k] = static_cast<int>(last);
        first = last + 1;
    }
}

// A sign-off ("– Nicole Ozer representing ACLU") closing the claim's paragraph names the speaker
// of the whole paragraph and decides first; then the sentence itself; then the sentences before it.
AttributionOutcome AttributeClaim(const CompiledRule& rule, const std::vector<std::vector<ActorMention>>& mentions,
                                  size_t sentence, int signoff, uint32_t claim_begin, uint32_t claim_end,
                                  std::string_view text, uint32_t claim_end_byte) {
    // A mention after the claim that a comma, semicolon, colon or dash sets apart begins another
    // clause ("..., Google employees pressuring ..."): it counts as far away.
    auto clause_break = [&](const ActorMention& m) {
        if (m.span.begin <= claim_end_byte || m.span.begin > text.size()) return false;
        std::string_view between = text.substr(claim_end_byte, m.span.begin - claim_end_byte);
        return between.find_first_of(",;:") != std::string_view::npos ||
               between.find("\u2014") != std::string_view::npos || between.find("\u2013") != std::string_view::npos;
    };
    auto relevant = [&](const ActorMention& m) {
        return m.actor == rule.actor || std::find(rule.reject.begin(), rule.reject.end(), m.actor) != rule.reject.end();
    };
    AttributionOutcome out;
    if (signoff >= 0)
        for (const ActorMention& m : mentions[static_cast<size_t>(signoff)])
            if (!m.weak && relevant(m)) {
                out.kind = m.actor == rule.actor ? AttributionOutcome::Accepted : AttributionOutcome::Rejected;
                out.mention = &m;
                return out;
            }
    for (size_t back = 0; back <= rule.context && back <= sentence; ++back) {
        const std::vector<ActorMention>& candidates = mentions[sentence - back];
        const ActorMention* chosen = nullptr;
        uint64_t best = UINT64_MAX;
        for (const ActorMention& m : candidates) {
            if (m.weak || !relevant(m)) continue;
            uint64_t distance;
            if (back > 0) distance = UINT32_MAX - m.begin;  // the last mention before the claim
            else if (m.end <= claim_begin) distance = 2ull * (claim_begin - m.end);  // before the claim: preferred
            else if (m.begin >= claim_end)
                distance = 2ull * (m.begin - claim_end) + 1 + (clause_break(m) ? 64 : 0);  // after it
            else distance = 0;  // overlapping
            if (distance < best) { best = distance; chosen = &m; }
        }
        if (!chosen)
            for (const ActorMention& m : candidates)
                if (m.weak && m.actor == rule.actor) { chosen = &m; break; }
        if (chosen) {
            out.kind = chosen->actor == rule.actor ? AttributionOutcome::Accepted : AttributionOutcome::Rejected;
            out.mention = chosen;
            out.in_sentence = back == 0;
            return out;
        }
    }
    return out;
}

}  // namespace presslens::matching
