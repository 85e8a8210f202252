// core: stopword lists per language, generated at build time from the npm package stopwords-iso
// (cmake/gen_stopwords.py); never pasted by hand. Natively every language stopwords-iso has is
// compiled in; the page compiles in kLanguages and receives the rest with its language data
// (AddStopwordLists). std + the tokenizer's folding (stopwords.cpp).
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace presslens {

// The compiled-in upstream list for an ISO 639-1 code, unfolded; empty for a language without one.
std::span<const std::string_view> RawStopwords(std::string_view lang);
// The same as the build writes it: one literal a language, each word ending in a newline (a string
// view per word would cost the page's first load its bytes); RawStopwords splits them once.
std::string_view RawStopwordText(std::string_view lang);
// The languages RawStopwords has a list for.
std::span<const std::string_view> CompiledStopwordLanguages();

// Adds lists that were not compiled in: lines of "code<TAB>word<TAB>word…" (gen_stopwords.py
// --rest). The text is copied. A language already known keeps its list. Returns how many lists
// were added. Not thread-safe (call before analysing).
size_t AddStopwordLists(std::string_view lines);

// The upstream list of a language, compiled in or added; empty when there is none.
std::vector<std::string_view> StopwordList(std::string_view lang);
// Whether a folded word is on the list of a language (its folded form), and whether the language
// has a list. For the languages outside kLanguages (those are bits of TermInfo); the folded list is
// built at first use, and looked for again while it is empty (the page before its data came).
bool IsListedStopword(std::string_view folded, std::string_view lang);
bool HasStopwordList(std::string_view lang);
// Every language StopwordList has a list for, compiled in or added.
std::vector<std::string_view> ListedStopwordLanguages();

// The languages the stopword identifier knows and the term table marks stopwords for, in a
// fixed order (bit i of TermInfo::stopword_langs).
inline constexpr std::string_view kLanguages[] = {"en", "nl", "de", "fr", "es", "it", "pl", "ru", "pt"};

// A language code ("EN", "en-GB", "pt_BR") as one of kLanguages ("en", "pt"), "" when it is none of
// them: what metadata may name when no detector knows more languages.
inline std::string StopwordLanguageCode(std::string_view code) {
    std::string s;
    for (char c : code) {
        if (c == '-' || c == '_') break;
        s += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    for (std::string_view l : kLanguages)
        if (l == s) return s;
    return {};
}

}  // namespace presslens
