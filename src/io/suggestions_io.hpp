// io: codebook suggestions as JSON, the page's suggestion worker's answer (wasm/suggest_worker.cpp)
// read back by the main module (ui/model.cpp). The columns of `presslens-cli codebook suggest
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

// Reads what SuggestionsToJson wrote, checked against the codebook and the corpus (of `articles`
// articles, `text_bytes` giving each one's length) it must have been made for: a suggestion whose
// claim, rule or actor index is out of range or names another claim, or whose example lies outside
// its article, is refused. Returns false with `error` saying what and where (e.g.
// "suggestion 3: claim index 7 out of range (the codebook has 4)"); `out` and `errors` are then
// untouched.
bool ParseSuggestionsJson(std::string_view json, const Codebook& cb, const std::vector<size_t>& text_bytes,
                          std::vector<Suggestion>& out, std::vector<std::string>& errors, std::string& error);

// What the suggestion worker does with a request (ui/model.hpp, StartDictionaryLookup: a project
// file whose articles carry their analysed language, and the codebook): the project read, its
// articles analysed, the tables given read (language -> lines "english<TAB>translation", only the
// codebook's words kept), SuggestTerms run with them, and the answer written by SuggestionsToJson
// with `errors` (the tables that could not be had) passed along. A request that cannot be read
// answers no suggestions and an error saying why. suggest_request.cpp; the page's main module does
// not link it (its core has no dictionary code).
std::string AnswerSuggestionRequest(std::string_view request, const std::vector<std::pair<std::string, std::string_view>>& tables,
                                    std::vector<std::string> errors);

}  // namespace presslens
