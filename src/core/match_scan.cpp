// core: the first step of matching (see match_internal.hpp): what matching learns of each
// distinct word (MatchMemo), and the scan of a sentence into match words and the codebook's
// leaves that occur in it (SentenceScanner). std + the corpus core; no JSON, UI, platform or files.
//
// [SECTION] What matching learns of each word
// [SECTION] Scanning a sentence
#include "core/match_internal.hpp"

#include <algorithm>

namespace presslens {

using matching::kNoStemmer;
using matching::kOverflowWord;
using matching::kSplitWord;
using matching::kUnset;

// [SECTION] What matching learns of each word -----------------------------------------------------

MatchMemo::MatchMemo() : impl_(std::make_unique<Impl>()) {}
MatchMemo::~MatchMemo() = default;

void MatchMemo::Impl::Bind(const TermTable& t, const CompiledCodebook::Impl& c) {
    if (term_table == &t && compiled == &c) return;
    *this = Impl{};
    term_table = &t;
    compiled = &c;
    for (const auto& [lang, index] : c.leaves_by_stem) stem_langs.push_back(lang);
    term_stems.resize(stem_langs.size());
    overflow_stems.resize(stem_langs.size());
}

uint32_t MatchMemo::Impl::PartWord(std::string_view folded) {
    uint32_t id = term_table->Find(folded);
    if (id != kNoTerm) return id;
    auto it = overflow_ids.find(folded);
    if (it != overflow_ids.end()) return it->second;
    const uint32_t w = kOverflowWord | static_cast<uint32_t>(overflow_words.size());
    overflow_words.emplace_back(folded);
    overflow_ids.emplace(std::string(folded), w);
    return w;
}

uint32_t MatchMemo::Impl::AddList(const std::vector<uint32_t>& leaves) {
    if (leaves.empty()) return 0;
    const uint32_t at = static_cast<uint32_t>(leaf_lists.size());
    leaf_lists.push_back(static_cast<uint32_t>(leaves.size()));
    leaf_lists.insert(leaf_lists.end(), leaves.begin(), leaves.end());
    return at;
}

uint32_t MatchMemo::Impl::Candidates(uint32_t w) {
    if (uint32_t slot = CandidatesSlot(w); slot != kUnset) return slot;
    const std::string_view folded = Folded(w);
    if (!(w & kOverflowWord) && folded.find_first_of("-'") != std::string_view::npos)
        return CandidatesSlot(w) = kSplitWord;
    std::vector<uint32_t> leaves;
    if (auto it = compiled->leaves_by_word.find(folded); it != compiled->leaves_by_word.end()) leaves = it->second;
    for (size_t len : compiled->prefix_lengths) {
        if (len > folded.size()) break;
        if (auto it = compiled->leaves_by_prefix.find(folded.substr(0, len)); it != compiled->leaves_by_prefix.end())
            leaves.insert(leaves.end(), it->second.begin(), it->second.end());
    }
    const uint32_t list = AddList(leaves);
    return CandidatesSlot(w) = list;
}

const MatchMemo::Impl::StemFact& MatchMemo::Impl::Stemmed(uint32_t w, size_t stem_index) {
    uint32_t& slot = WordSlot(term_stems[stem_index], overflow_stems[stem_index], w);
    if (slot != kUnset) return stems[slot];
    const std::string stem = Stem(Folded(w), stem_langs[stem_index]);
    StemFact f{static_cast<uint32_t>(stem_chars.size()), static_cast<uint32_t>(stem.size()), 0};
    stem_chars += stem;
    const auto& index = compiled->leaves_by_stem.at(stem_langs[stem_index]);
    if (auto it = index.find(stem); it != index.end()) f.list = AddList(it->second);
    slot = static_cast<uint32_t>(stems.size());  // (nothing above touched the slot arrays)
    stems.push_back(f);
    return stems.back();
}

// [SECTION] Scanning a sentence -------------------------------------------------------------------

namespace matching {

namespace {

// Does match word w (its folded form, or its stem in the leaf's language) match the term word tw?
bool WordMatches(MatchMemo::Impl& memo, const TermWord& tw, size_t stem_index, uint32_t w) {
    const std::string_view folded = memo.Folded(w);
    if (tw.prefix) return folded.size() >= tw.form.size() && folded.compare(0, tw.form.size(), tw.form) == 0;
    if (stem_index != kNoStemmer) return memo.StemText(memo.Stemmed(w, stem_index)) == tw.form;
    return folded == tw.form;
}

}  // namespace

void SentenceScanner::Scan(std::string_view text, Span range, const uint32_t* first, const uint32_t* last,
                           size_t article_stem_index, size_t sentence_stem_index, const std::string& article_lang,
                           const std::string& sentence_lang, SentenceScan& scan) {
    article_lang_ = &article_lang;
    sentence_lang_ = &sentence_lang;
    scan.words.clear();
    scan.occurrences.clear();
    // Most sentences start no leaf and hold no hyphenated word: they need no spans.
    bool any = false;
    for (const uint32_t* t = first; t != last && !any; ++t) {
        const uint32_t candidates = memo_.Candidates(*t);
        any = candidates != 0 ||
              (article_stem_index != kNoStemmer && memo_.Stemmed(*t, article_stem_index).list != 0) ||
              (sentence_stem_index != kNoStemmer && memo_.Stemmed(*t, sentence_stem_index).list != 0);
    }
    if (!any) return;
    const uint32_t* t = first;
    Tokenize(text, range, [&](const Token& tok) {
        const uint32_t id = t != last ? *t++ : kNoTerm;
        if (id == kNoTerm) return;  // (never: the analysis tokenized the same range)
        if (memo_.Candidates(id) != kSplitWord) {
            scan.words.push_back({tok.span, id});
            return;
        }
        // cut at hyphens and apostrophes; each part folded on its own
        uint32_t part_begin = tok.span.begin;
        auto emit = [&](uint32_t end) {
            if (end <= part_begin) return;
            FoldToken(text.substr(part_begin, end - part_begin), memo_.fold_scratch);
            scan.words.push_back({{part_begin, end}, memo_.PartWord(memo_.fold_scratch)});
        };
        for (uint32_t i = tok.span.begin; i < tok.span.end;) {
            int32_t cp;
            int n = DecodeUtf8(text, i, cp);
            if (n < 0) n = 1;
            CharClass cls = n > 0 ? ClassifyCodePoint(cp) : CharClass::Other;
            if (cls == CharClass::Apostrophe || cls == CharClass::Hyphen) {
                emit(i);
                part_begin = i + static_cast<uint32_t>(n);
            }
            i += static_cast<uint32_t>(n);
        }
        emit(tok.span.end);
    });
    const size_t n = scan.words.size();
    for (uint32_t i = 0; i < n; ++i) {
        const uint32_t w = scan.words[i].word;
        VerifyCandidates(memo_.Candidates(w), scan, i);
        if (article_stem_index != kNoStemmer) VerifyCandidates(memo_.Stemmed(w, article_stem_index).list, scan, i);
        if (sentence_stem_index != kNoStemmer && sentence_stem_index != article_stem_index)
            VerifyCandidates(memo_.Stemmed(w, sentence_stem_index).list, scan, i);
    }
    std::sort(scan.occurrences.begin(), scan.occurrences.end(), [](const LeafOccurrence& a, const LeafOccurrence& b) {
        return a.leaf != b.leaf ? a.leaf < b.leaf : a.begin < b.begin;
    });
}

void SentenceScanner::VerifyCandidates(uint32_t list, SentenceScan& scan, uint32_t at) {
    if (list == 0 || list == kSplitWord) return;
    const uint32_t count = memo_.leaf_lists[list];
    for (uint32_t c = 0; c < count; ++c) {
        const uint32_t leaf_id = memo_.leaf_lists[list + 1 + c];
        const Leaf& leaf = compiled_.leaves[leaf_id];
        if (at + leaf.words.size() > scan.words.size()) continue;
        if (!leaf.term_lang.empty() && leaf.term_lang != *article_lang_ && leaf.term_lang != *sentence_lang_) continue;
        const size_t stem_index = leaf.stem_lang.empty() ? kNoStemmer : memo_.StemIndex(leaf.stem_lang);
        bool ok = true;
        for (size_t k = 1; k < leaf.words.size() && ok; ++k)  // the first word matched by the index
            ok = WordMatches(memo_, leaf.words[k], stem_index, scan.words[at + k].word);
        if (ok) scan.occurrences.push_back({leaf_id, at, at + static_cast<uint32_t>(leaf.words.size())});
    }
}

}  // namespace matching

}  // namespace presslens
