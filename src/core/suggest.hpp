// core: carrying a codebook into every language of the corpus. For each rule written for some
// languages and each language of the loaded corpus that no rule of its code covers, candidate
// terms for each of the rule's terms, found in the corpus itself: the same word (names, numbers),
// translations from bilingual dictionaries, cognates in the corpus's vocabulary, the shared
// vocabularies; a phrase also word by word (its words' translations near each other, compounds, its
// negation), an acronym by its phrase's initials; parallel sentences (reports in another language
// sharing the names and numbers of the claim's evidence sentences) for the words the rest missed.
// Within each language a rule is written for: the inflected forms of its terms that the corpus
// holds, and words distinctive of the sentences that hold every part of it but one (keyness; not
// taken by default).
// Only candidates that occur in the corpus are offered, and not those far more frequent than the
// term is in its own language. Dictionaries, the word-by-word candidates and parallel sentences are
// compiled with PRESSLENS_SUGGEST_FULL only (natively, and in a module of their own for the page;
// not in the page's first load, which loads no dictionaries), and so are the suggestions within a
// rule's own language. std + the corpus core; the
// dictionaries arrive as text (io or the page loads them).
//
// [SECTION] Bilingual dictionaries
// [SECTION] Suggestions
// [SECTION] Expanding a codebook
#pragma once
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis.hpp"
#include "core/codebook.hpp"

namespace presslens {

// [SECTION] Bilingual dictionaries ---------------------------------------------------------------

// English <-> one language, as lines "english<TAB>translation" (cmake/gen_dictionaries.py makes
// them from Debian's FreeDict packages). Both sides are folded when read.
class BilingualDictionary {
public:
    explicit BilingualDictionary(std::string lang) : lang_(std::move(lang)) {}
    // Reads the table, keeping only the English entries in `wanted` or starting with one of
    // `wanted_prefixes` (folded; both empty = all). Returns the number of pairs kept; malformed
    // lines are skipped.
    // `wanted_translations` (folded words of the corpus): entries translating one of them are also
    // kept, read backwards only (`Back`).
    size_t Load(std::string_view tsv, const std::vector<std::string>& wanted = {},
                const std::vector<std::string>& wanted_prefixes = {},
                const std::vector<std::string>& wanted_translations = {});
    const std::string& lang() const { return lang_; }
    // The translations of a folded English word or phrase (empty when none).
    const std::vector<std::string>& Translate(std::string_view english) const;
    // The translations of every one-word English entry that starts with the folded prefix
    // ("inequalit") and has at most `max_extra` letters more (its inflections and derivations,
    // not every word that starts alike).
    std::vector<std::string> TranslatePrefix(std::string_view prefix, size_t max_extra = SIZE_MAX) const;
    // The one-word English entries a folded word translates, read backwards (only the words given
    // to Load as `wanted_translations`; empty when none).
    const std::vector<std::string>& Back(std::string_view translation) const;
    // Read backwards through an inflection: the one-word English entries whose translation is a
    // corpus word given to Load less its last one or two letters ("intern" for "internen").
    const std::vector<std::string>& BackForms(std::string_view translation) const;
    // The phrase entries (two or three words, no function word but "of") that hold a folded word
    // given to Load as `wanted` or starting with one of `wanted_prefixes` (any word when neither was
    // given), with their translations: the senses its own entry may lack ("board
    // of directors": "diretoria"; "arbitration board": "Schlichtungsstelle"). Empty when none.
    struct PhraseEntry {
        std::string english, translation;  // english with its words singular ("board member")
    };
    const std::vector<PhraseEntry>& Phrases(std::string_view word) const;

private:
    void KeepPhrase(const std::string& en, std::string_view translation, const std::set<std::string, std::less<>>& want,
                    const std::vector<std::vector<std::string>>& prefixes_by_byte);
    std::string lang_;
    std::map<std::string, std::vector<std::string>, std::less<>> map_;
    std::map<std::string, std::vector<std::string>, std::less<>> back_;
    std::map<std::string, std::vector<std::string>, std::less<>> back_forms_;
    std::map<std::string, std::vector<PhraseEntry>, std::less<>> phrases_;
};

// What a codebook's terms would look up: whole folded words and phrases ("call for", "arbitration")
// and the prefixes of its prefix terms ("inequalit*" -> "inequalit").
struct DictionaryKeySet {
    std::vector<std::string> words, prefixes;
};
DictionaryKeySet DictionaryKeys(const Codebook& cb);
// The folded words of the corpus's articles in `lang` worth reading a dictionary backwards for
// (`Load`'s `wanted_translations`): not stopwords, not numbers, four letters or more; the parts of
// the tokens the matcher cuts ("s'attendre": "attendre") too.
std::vector<std::string> CorpusWords(const AnalyzedCorpus& ac, const std::string& lang);

// [SECTION] Suggestions ---------------------------------------------------------------------------

struct Suggestion {
    uint32_t code = 0;          // index into Codebook::codes
    uint32_t rule = 0;          // the rule it carries over (index into Code::rules)
    int actor = -1;             // or: an actor's term (index into Codebook::actors; code and rule unused)
    bool weak = false;          // the actor's weak terms
    std::string language;       // the language it is for
    std::string term;           // the rule's term, as written
    std::string suggestion;     // the term to add: a word, a phrase, a prefix ("arbitraj*") or "@demand";
                                // for a phrase carried word by word, its parts joined by " + "
    std::vector<std::string> parts;  // that phrase's parts (terms): all of them within `within` words
    uint32_t within = 0;
    std::string source;         // "same word", "dictionary", "dictionary phrase", "cognate", "vocabulary",
                                // "words nearby", "compound", "acronym", "parallel"; for an actor also
                                // "vocabulary word" (a shared vocabulary's word as a plain term); in a language
                                // the rule is written for, "form" and "keyness", and for an English rule
                                // "vocabulary word" (one completing its near misses)
    uint32_t articles = 0;      // articles of that language holding it (vocabulary: 0, not counted)
    uint32_t sentences = 0;
    int example_article = -1;   // one sentence holding it
    Span example;
    bool accepted = true;       // what `expand` takes by default (all but "keyness")
};

// Suggestions for every (rule, corpus language its code does not cover, term), and for every
// (actor, corpus language it has no terms in, term); at most `per_term` candidates for a term
// beyond the same word and the vocabularies, the most frequent first (acronyms come on top). A
// word of two vocabularies keeps the one more of its rule's terms are carried by. Languages of
// fewer than `min_articles` articles, and "unknown", are skipped. The dictionaries are read only
// with PRESSLENS_SUGGEST_FULL. The same as the overload below with its default options but these two.
std::vector<Suggestion> SuggestTerms(const AnalyzedCorpus& ac, const Codebook& cb,
                                     const std::vector<BilingualDictionary>& dictionaries, size_t per_term = 4,
                                     size_t min_articles = 1);

struct SuggestOptions {
    size_t per_term = 4;
    size_t min_articles = 1;
    // Parallel sentences (source "parallel"): sentences of another language that share anchors
    // (names, numbers, acronyms) with the rule's evidence sentences and hold every part of the
    // carried rule but one; words distinctive of them become candidates for the missing part
    // (offered under the part's first term). A word that the dictionary, read backwards, gives as
    // another word of the evidence sentences is not taken.
    // Agreeing: only those that are also a form of a translation or a cognate of one of its terms;
    // Keyness: those too, and the strongly distinctive ones (most of their sentences are such, in
    // two articles or more). Built with PRESSLENS_SUGGEST_FULL only.
    enum class Parallel : uint8_t { Off, Agreeing, Keyness };
    Parallel parallel = Parallel::Keyness;
};
std::vector<Suggestion> SuggestTerms(const AnalyzedCorpus& ac, const Codebook& cb,
                                     const std::vector<BilingualDictionary>& dictionaries, const SuggestOptions& options);

// Whether the one-word prefix term `prefix` ("salario*") covers the one-word term `term`, a word or
// a prefix longer than it that starts with it ("salarios", "salarios*"): every word `term` matches,
// `prefix` matches too, so `term` adds nothing beside it. The suggestions drop a candidate that a
// prefix candidate of the same term covers. False when `prefix` does not end with '*' or either
// holds a space (a phrase, or parts joined by " + ").
bool PrefixCovers(std::string_view prefix, std::string_view term);

// The same work in pieces, for an interface that gives it a slice of each frame: the corpus's
// words by language are read once per analysed corpus (SuggestIndex, a few articles a step) and
// kept for every codebook; then each unit (a rule, or the actors) is suggested for on its own.
// SuggestTerms is SuggestIndex read whole and then every unit in order.
class SuggestIndex {
public:
    explicit SuggestIndex(const AnalyzedCorpus& ac);  // `ac` must outlive it, unchanged
    ~SuggestIndex();
    SuggestIndex(const SuggestIndex&) = delete;
    SuggestIndex& operator=(const SuggestIndex&) = delete;
    bool ReadSome(size_t articles);  // reads up to `articles` more; false once all are read
    struct Impl;
    const Impl& impl() const { return *impl_; }
private:
    std::unique_ptr<Impl> impl_;
};
// The units of a codebook: its rules in order, then its actors (one unit).
size_t SuggestUnits(const Codebook& cb);
// Appends unit `unit`'s suggestions (SuggestTerms's, for that rule or the actors) to `out`.
void SuggestUnit(const SuggestIndex& index, const Codebook& cb, const std::vector<BilingualDictionary>& dictionaries,
                 const SuggestOptions& options, size_t unit, std::vector<Suggestion>& out);

// [SECTION] Expanding a codebook ----------------------------------------------------------------

// The codebook with a rule per (rule, language) of the accepted suggestions, placed after the rule
// it carries over ("W1-en" -> "W1-es"): the same conditions, each term replaced by its accepted
// candidates (a term without any is kept as written); and each actor's accepted terms added under
// their language. A suggestion with parts becomes `{"all": parts, "within": within}`. A suggestion
// in a language the rule is written for joins its term in the rule itself: `{"any": [term,
// suggestions...], "label": term}`.
Codebook ExpandCodebook(const Codebook& cb, const std::vector<Suggestion>& suggestions);

}  // namespace presslens
