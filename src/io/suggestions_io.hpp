// io: codebook suggestions as JSON, the page's suggestion worker's answer (wasm/suggest_worker.cpp),
// read by shell/suggest.js and handed to the main module field by field (wasm/suggest_bridge.cpp:
// no JSON reader of it in the main module, whose first load has a budget). The columns of `presslens-cli codebook suggest
// --format json` (code, rule, language, term, suggestion, source, articles, sentences) plus what
// rebuilds a core Suggestion in the codebook and corpus it was made for (indices, parts, the
// example's byte range); docs/architecture.md, "Dictionary suggestions in the browser". Bytes in,
// bytes out; no file access.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/analysis.hpp"
#include "core/codebook.hpp"
#include "core/suggest.hpp"
#include "io/corpus_io.hpp"

namespace presslens {

// {"suggestions": [...], "errors": [...]}: the suggestions, and `errors` as given (what the worker
// could not load, e.g. "dict-en-de.tsv.gz: HTTP 404").
std::string SuggestionsToJson(const AnalyzedCorpus& ac, const Codebook& cb, const std::vector<Suggestion>& suggestions,
                              const std::vector<std::string>& errors);

// What the suggestion worker answers: the suggestions for the request's corpus and codebook, and
// what could not be had (a table: "dict-en-de.tsv.gz: HTTP 404"; a request that cannot be read).
struct SuggestionAnswer {
    std::vector<Suggestion> suggestions;
    std::vector<std::string> errors;
};

// The corpus the suggestion worker holds between lookups: sent once per corpus generation (ui/
// model.hpp, WriteDictionaryCorpus: a saved corpus, io/inputs.hpp, each article with the language
// the viewer analysed it in, since the worker has no CLD2), read and analysed once, its words
// indexed for the suggestions (core SuggestIndex), so that a codebook edit sends only the codebook.
// Not copied or moved (the analysis and the index point into it).
struct SuggestionCorpus {
    Corpus corpus;
    AnalyzedCorpus analysis;             // of corpus
    std::unique_ptr<SuggestIndex> index; // of analysis, read whole
    // each language's words (CorpusWords), for reading the tables backwards, made once per corpus
    std::map<std::string, std::vector<std::string>> words;
};
// Reads and analyses a saved corpus; null with `error` naming where it broke.
std::unique_ptr<SuggestionCorpus> ReadSuggestionCorpus(std::string_view saved_corpus, LoadError& error);

// What the suggestion worker does with a lookup (ui/model.hpp, StartDictionaryLookup: the codebook
// as written) for the corpus it holds: the codebook read, the tables given read (language -> lines
// "english<TAB>translation", only the codebook's words kept) and SuggestTerms's suggestions made
// with them; `errors` (the tables that could not be had) passed along. A codebook that cannot be
// read answers no suggestions and an error saying why. Neither changes `corpus`, but the index's
// caches: one lookup at a time per corpus. suggest_request.cpp; the page's main module does not
// link it (its core has no dictionary code).
SuggestionAnswer AnswerSuggestionRequest(const SuggestionCorpus& corpus, std::string_view codebook_text,
                                         const std::vector<std::pair<std::string, std::string_view>>& tables,
                                         std::vector<std::string> errors);
// The same, written by SuggestionsToJson (the page's worker posts it; suggest.js reads it).
std::string AnswerSuggestionRequestJson(const SuggestionCorpus& corpus, std::string_view codebook_text,
                                        const std::vector<std::pair<std::string, std::string_view>>& tables,
                                        std::vector<std::string> errors);

}  // namespace presslens
