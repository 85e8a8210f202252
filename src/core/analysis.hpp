// core: the analysed corpus. Cleaning (boilerplate quarantine), sentence splitting, language
// identification, stopwords and stemming, and the analyses on top: word frequencies, keyness,
// concordance. Every span is a byte range into the article as published. std + utf8proc +
// libstemmer + the generated stopword table; no UI, platform or file access.
//
// [SECTION] Lines and boilerplate
// [SECTION] Sentences
// [SECTION] Language identification
// [SECTION] Normalisation options, stopwords, stemming
// [SECTION] The analysed corpus
// [SECTION] Frequencies, keyness, concordance
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/corpus.hpp"
#include "core/terms.hpp"
#include "core/text.hpp"

namespace presslens {

// [SECTION] Lines and boilerplate ---------------------------------------------------------------

// Why a line is not part of the article. The line's bytes stay in the text; it is only excluded
// from sentences, tokens, counts and matches.
enum class Boilerplate : uint8_t {
    None,
    PageTitle,       // "<headline> - <Outlet>" repeated as the page title
    PhotoCredit,     // "© AP Photo / …", "… via Getty Images", "… - Sputnik International"
    PhotoCaption,    // the caption next to an image file name or a credit
    ImageFile,       // "gettyimages-520695280.jpg"
    Byline,          // "Sean Keane Former Senior Writer", a line that is just the author's name
    AuthorBio,       // "Sean knows far too much about …", "Expertise …"
    ReadingTime,     // "3 min read"
    ReadMore,        // "READ MORE: …", a related headline dropped into the body
    SharePrompt,     // "Share this", "Follow us", …
    LoginPrompt,     // "log in or register", "To participate in the discussion"
    SisterSites,     // "More from our Sister Sites"
    TagList,         // "petya, cyber attack,r ansomware"
    Navigation,      // "Home > News > …", a lone "X"
    OtherScript,     // a line in another script than the article's language
    FrontMatter,     // "Key: value" metadata lines at the top of a .txt file
};
std::string_view BoilerplateName(Boilerplate b);  // "photo credit", …

struct Line {
    Span span;                  // without the line break
    Boilerplate boilerplate = Boilerplate::None;
    bool heading = false;       // a short line without final punctuation (a title or subheading)
};

// Splits text into lines and marks boilerplate. `meta` (title, author, outlet) sharpens the
// rules when known. Article language decides what "another script" means.
// Lines before body_begin are front matter.
std::vector<Line> ClassifyLines(std::string_view text, const ArticleMeta& meta, std::string_view language,
                                uint32_t body_begin = 0);

// [SECTION] Sentences ---------------------------------------------------------------------------

// Splits the non-boilerplate lines into sentences. A line is a hard boundary (the corpus is
// line-based: paragraphs, headings, bullets). Inside a line a sentence ends at . ! ? … (and any
// closing quotes or brackets after them) followed by a space and a capital, a digit, a quote or a
// bullet, except after an abbreviation (U.S., Mr., Dr., a.m., initials, …). Leading bullets and
// spaces are trimmed from the span.
std::vector<Span> SplitSentences(std::string_view text, const std::vector<Line>& lines);

// [SECTION] Language identification -------------------------------------------------------------

struct LanguageGuess {
    std::string code = "unknown";  // ISO 639-1, or "unknown" below the threshold
    double confidence = 0.0;       // 0..1
    size_t words = 0;              // word tokens looked at
};

// Identifies the language of text[ranges]: CLD2's 83 languages (core/language.hpp) when its
// tables are loaded, with the stopword evidence below deciding when CLD2 is unsure and the
// stopwords name another language. Without CLD2's tables (the page before it fetched them) the
// stopword evidence alone.
LanguageGuess IdentifyLanguage(std::string_view text, const std::vector<Span>& ranges);

// The stopword identifier alone: en, nl, de, fr, es, it, pl, ru or pt from the words of
// text[ranges] (stopword-list evidence weighted by how many languages share a word, plus the
// script). Below 0.3 confidence or with too little evidence: "unknown". (The benchmark's peer.)
LanguageGuess IdentifyStopwordLanguage(std::string_view text, const std::vector<Span>& ranges);

// [SECTION] Normalisation options, stopwords, stemming ------------------------------------------

struct TermOptions {
    bool remove_stopwords = true;
    bool stem = false;
    size_t min_length = 1;    // in code points
    bool include_numbers = false;
};

// Is the folded word a stopword of the language? Unknown languages use English and Dutch lists
// only when `lang` is empty; otherwise no list.
bool IsStopword(std::string_view folded, std::string_view lang);

// Stems a folded word with Snowball for the language; returns it unchanged for a language without
// a Snowball stemmer (Polish). One stemmer per language and thread, reused.
std::string Stem(std::string_view folded, std::string_view lang);
bool HasStemmer(std::string_view lang);

// The analysed language a metadata code names: its primary subtag in lower case ("EN", "en-US"
// -> "en") when that is one of kLanguages or another two-letter code CLD2 knows ("sv", "iw" ->
// "he"), else "" (the language is then identified from the text).
std::string SupportedLanguage(std::string_view code);
std::string SupportedLanguageList();  // "en, nl, de, fr, es, it, pl, ru, pt"
// The English name of an ISO 639-1 code ("de" -> "German"); the code itself when not known.
std::string LanguageName(std::string_view code);

// [SECTION] The analysed corpus -----------------------------------------------------------------

struct AnalyzedArticle {
    std::vector<Line> lines;
    std::vector<Span> sentences;
    std::vector<LanguageGuess> sentence_languages;  // one per sentence
    // The tokens of the sentences (words and numbers) as ids into the corpus's TermTable, in text
    // order: sentence i holds terms[sentence_terms[i] .. sentence_terms[i + 1]).
    std::vector<uint32_t> terms;
    std::vector<uint32_t> sentence_terms;  // sentences.size() + 1 entries
    LanguageGuess language;         // identified from the whole cleaned text
    std::string effective_language; // the metadata language when given, else the identified one
    size_t words = 0;               // word tokens outside boilerplate
    size_t boilerplate_lines = 0;
    Utf8Report utf8;
};

// Analyses one article; its tokens are interned into `terms` (the corpus's table).
AnalyzedArticle AnalyzeArticle(const Article& article, TermTable& terms);

struct AnalyzedCorpus {
    const Corpus* corpus = nullptr;
    std::vector<AnalyzedArticle> articles;
    TermTable terms;  // every folded word and number of the articles' sentences
    // Outlet rows: articles grouped by DisplayOutlet, in first-appearance order.
    std::vector<std::string> outlets;
    std::vector<int> article_outlet;  // per article, index into outlets
    std::unordered_map<std::string, int> outlet_index;  // outlet -> row, kept by AnalyzeNext
};

AnalyzedCorpus AnalyzeCorpus(const Corpus& corpus);
// Analyses the next article of ac.corpus (the one at index ac.articles.size()), so a caller can
// spread a big corpus over many frames. Requires ac.articles.size() < ac.corpus->articles.size().
void AnalyzeNext(AnalyzedCorpus& ac);
// Groups the analysed articles into outlet rows again, after articles were removed, inserted or
// given another outlet (ac.articles must be in step with ac.corpus->articles).
void RegroupOutlets(AnalyzedCorpus& ac);

// [SECTION] Frequencies, keyness, concordance ---------------------------------------------------

// Which articles an analysis looks at.
struct Scope {
    int outlet = -1;   // index into AnalyzedCorpus::outlets, -1 = all
    int article = -1;  // index into articles, -1 = all (takes precedence over outlet)
    bool Includes(const AnalyzedCorpus& ac, size_t article_index) const;
};

struct TermCount {
    std::string term;     // the folded key (or stem) counted
    size_t count = 0;
    std::string written;  // as the word is most often written (TermTable::WrittenForms); with
                          // stemming, the most often written word of the stem
    const std::string& Shown() const { return written.empty() ? term : written; }  // for a person
};

// Counts terms (folded, optionally stemmed) in the scope's sentences. Sorted by count descending,
// then term ascending (stable ties); at most `top` rows (0 = all).
std::vector<TermCount> CountTerms(const AnalyzedCorpus& ac, const Scope& scope, const TermOptions& opt,
                                  size_t top = 0);

struct KeynessRow {
    std::string term;
    size_t target = 0;       // count in the outlet
    size_t reference = 0;    // count in the rest of the corpus
    double log_likelihood = 0;  // G², Dunning 1993; > 3.84 is p < 0.05, > 10.83 p < 0.001
    double log_ratio = 0;       // effect size: log2 of the relative frequencies (0.5 smoothing)
    std::string written;        // as TermCount::written
    const std::string& Shown() const { return written.empty() ? term : written; }
};

// Distinctive words of an outlet against the rest of the corpus: terms over-used by the outlet,
// sorted by G² descending, then term.
std::vector<KeynessRow> Keyness(const AnalyzedCorpus& ac, int outlet, const TermOptions& opt, size_t top = 0);

// Two scopes side by side (say two outlets): each term's count in both and its rate per 1,000
// counted words of that scope, so scopes of different sizes compare fairly. Sorted by the larger
// of the two rates, descending, then term; at most `top` rows (0 = all).
struct CompareRow {
    std::string term;
    size_t a = 0, b = 0;
    double per_k_a = 0, per_k_b = 0;
    std::string written;  // as TermCount::written
    const std::string& Shown() const { return written.empty() ? term : written; }
};
std::vector<CompareRow> CompareScopes(const AnalyzedCorpus& ac, const Scope& a, const Scope& b, const TermOptions& opt,
                                      size_t top = 0);

struct KwicLine {
    size_t article = 0;
    Span sentence;
    Span match;
    std::string left, keyword, right;  // context trimmed to `width` code points each side
};

// Occurrences of a word (folded; with stem = true, any word with the same stem) in the scope,
// in article and text order.
std::vector<KwicLine> Concordance(const AnalyzedCorpus& ac, std::string_view word, const Scope& scope,
                                  size_t width = 40, bool stem = false);

}  // namespace presslens
