// core: carrying a codebook into every language of the corpus. For each rule written for some
// languages and each language of the loaded corpus that no rule of its code covers, candidate
// terms for each of the rule's terms, found in the corpus itself: the same word (names, numbers),
// translations from bilingual dictionaries, cognates in the corpus's vocabulary, the shared
// vocabularies; a phrase also word by word (its words' translations near each other, compounds, its
// negation), an acronym by its phrase's initials. Only candidates that occur in the corpus are
// offered, and not those far more frequent than the term is in its own language. Dictionaries and
// the word-by-word candidates are the command line's (not compiled for the page, which loads no
// dictionaries). std + the corpus core; the
// dictionaries arrive as text (io or the page loads them).
//
// [SECTION] Bilingual dictionaries
// [SECTION] Suggestions
// [SECTION] Expanding a codebook
#pragma once
#include <cstdint>
#include <map>
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
    size_t Load(std::string_view tsv, const std::vector<std::string>& wanted = {},
                const std::vector<std::string>& wanted_prefixes = {});
    const std::string& lang() const { return lang_; }
    // The translations of a folded English word or phrase (empty when none).
    const std::vector<std::string>& Translate(std::string_view english) const;
    // The translations of every one-word English entry that starts with the folded prefix
    // ("inequalit") and has at most `max_extra` letters more (its inflections and derivations,
    // not every word that starts alike).
    std::vector<std::string> TranslatePrefix(std::string_view prefix, size_t max_extra = SIZE_MAX) const;

private:
    std::string lang_;
    std::map<std::string, std::vector<std::string>, std::less<>> map_;
};

// What a codebook's terms would look up: whole folded words and phrases ("call for", "arbitration")
// and the prefixes of its prefix terms ("inequalit*" -> "inequalit").
struct DictionaryKeySet {
    std::vector<std::string> words, prefixes;
};
DictionaryKeySet DictionaryKeys(const Codebook& cb);

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
    std::string source;         // "same word", "dictionary", "cognate", "vocabulary", "words nearby",
                                // "compound", "acronym"
    uint32_t articles = 0;      // articles of that language holding it (vocabulary: 0, not counted)
    uint32_t sentences = 0;
    int example_article = -1;   // one sentence holding it
    Span example;
    bool accepted = true;       // what `expand` takes by default
};

// Suggestions for every (rule, corpus language its code does not cover, term), and for every
// (actor, corpus language it has no terms in, term); at most `per_term` candidates for a term
// beyond the same word and the vocabularies, the most frequent first (acronyms come on top). A
// word of two vocabularies keeps the one more of its rule's terms are carried by. Languages of
// fewer than `min_articles` articles, and "unknown", are skipped. The dictionaries are not read in
// the web build.
std::vector<Suggestion> SuggestTerms(const AnalyzedCorpus& ac, const Codebook& cb,
                                     const std::vector<BilingualDictionary>& dictionaries, size_t per_term = 4,
                                     size_t min_articles = 1);

// [SECTION] Expanding a codebook ----------------------------------------------------------------

// The codebook with a rule per (rule, language) of the accepted suggestions, placed after the rule
// it carries over ("W1-en" -> "W1-es"): the same conditions, each term replaced by its accepted
// candidates (a term without any is kept as written); and each actor's accepted terms added under
// their language. A suggestion with parts becomes `{"all": parts, "within": within}`.
Codebook ExpandCodebook(const Codebook& cb, const std::vector<Suggestion>& suggestions);

}  // namespace presslens
