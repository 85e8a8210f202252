// io: codebook suggestions as JSON, the page's suggestion worker's answer (wasm/suggest_worker.cpp),
// read by shell/suggest.js and handed to the main module field by field (wasm/suggest_bridge.cpp:
// no JSON reader of it in the main module, whose first load has a budget). The columns of `presslens-cli codebook suggest
// --format json` (code, rule, language, term, suggestion, source, articles, sentences) plus what
// rebuilds a core Suggestion in the codebook and corpus it was made for (indices, parts, the
// example's byte range); docs/architecture.md, "Dictionary suggestions in the browser". Bytes in,
// bytes out; no file access.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/analysis.hpp"
#include "core/codebook.hpp"
#include "core/suggest.hpp"

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

// What the suggestion worker does with a request (ui/model.hpp, StartDictionaryLookup: a project
// file whose articles carry their analysed language, and the codebook): the project read, its
// articles analysed, the tables given read (language -> lines "english<TAB>translation", only the
// codebook's words kept) and SuggestTerms run with them; `errors` (the tables that could not be
// had) passed along. A request that cannot be read answers no suggestions and an error saying why.
// suggest_request.cpp; the page's main module does not link it (its core has no dictionary code).
SuggestionAnswer AnswerSuggestionRequest(std::string_view request,
                                         const std::vector<std::pair<std::string, std::string_view>>& tables,
                                         std::vector<std::string> errors);
// The same, written by SuggestionsToJson (the page's worker posts it; suggest.js reads it).
std::string AnswerSuggestionRequestJson(std::string_view request,
                                        const std::vector<std::pair<std::string, std::string_view>>& tables,
                                        std::vector<std::string> errors);

}  // namespace presslens
