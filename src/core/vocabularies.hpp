// core: the shared vocabularies a codebook term can reference by name ("@demand", "@stop",
// "@police"): stance and actor words in many languages, generated at build time from
// assets/vocabularies/*.json (cmake/gen_vocabularies.py). std only; no JSON, files or UI.
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace presslens {

struct VocabularyTerms {
    std::string_view lang;                  // ISO 639-1
    std::vector<std::string_view> terms;    // codebook terms as written ("demand*", "call for")
};

struct Vocabulary {
    std::string_view id;           // referenced as "@" + id
    std::string_view label;        // "a demand, request or call": named in explanations
    std::string_view description;
    std::span<const VocabularyTerms> languages;

    // The terms for one language; empty when the vocabulary has none for it.
    std::span<const std::string_view> TermsFor(std::string_view lang) const;
};

// Every built-in vocabulary, in id order.
const std::vector<Vocabulary>& Vocabularies();

// The generated table as the build writes it: one literal per language holding its terms, each
// ending in a newline (a table of string views per term would cost the page's first load over twice
// the bytes); Vocabularies() splits them once, at first use.
struct VocabularyData {
    std::string_view id, label, description;
    std::span<const std::string_view> languages;  // "lang\nterm\nterm\n" each
};
std::span<const VocabularyData> VocabularyTable();  // generated (cmake/gen_vocabularies.py)

// The vocabulary a reference names ("@demand" or "demand"); nullptr when there is none.
const Vocabulary* FindVocabulary(std::string_view reference);

// "@demand, @oppose, …": the known references, for error messages.
std::string VocabularyList();

// Is a codebook term a vocabulary reference ("@...")?
inline bool IsVocabularyReference(std::string_view term) { return !term.empty() && term.front() == '@'; }

}  // namespace presslens
