// io: answering a suggestion request (see suggestions_io.hpp): the page's suggestion worker's and
// the desktop app's dictionary lookup. Kept apart from suggestions_io.cpp so that the page's main
// module, which only reads answers, links none of it.
#include "core/analysis.hpp"
#include "core/suggest.hpp"
#include "io/codebook_io.hpp"
#include "io/project.hpp"
#include "io/suggestions_io.hpp"

namespace presslens {

namespace {
// The answer, with the codebook it was made for (for the JSON's claim ids and rule names).
SuggestionAnswer Answer(std::string_view request, const std::vector<std::pair<std::string, std::string_view>>& tables,
                        std::vector<std::string> errors, Codebook& cb, AnalyzedCorpus& ac, Project& p) {
    std::vector<std::string> warnings;
    LoadError le;
    if (!ParseProject(request, "the suggestion request", p, warnings, le) ||
        !ParseCodebookJson(p.codebook_text, "the request's codebook", cb, le)) {
        errors.push_back(le.ToString());
        return {{}, std::move(errors)};
    }
    ac = AnalyzeCorpus(p.corpus);
    const DictionaryKeySet keys = DictionaryKeys(cb);
    std::vector<BilingualDictionary> dictionaries;
    for (const auto& [lang, tsv] : tables) {
        BilingualDictionary d(lang);
        d.Load(tsv, keys.words, keys.prefixes);
        dictionaries.push_back(std::move(d));
    }
    return {SuggestTerms(ac, cb, dictionaries), std::move(errors)};
}
}  // namespace

SuggestionAnswer AnswerSuggestionRequest(std::string_view request,
                                         const std::vector<std::pair<std::string, std::string_view>>& tables,
                                         std::vector<std::string> errors) {
    Codebook cb;
    AnalyzedCorpus ac;
    Project p;
    return Answer(request, tables, std::move(errors), cb, ac, p);
}

std::string AnswerSuggestionRequestJson(std::string_view request,
                                        const std::vector<std::pair<std::string, std::string_view>>& tables,
                                        std::vector<std::string> errors) {
    Codebook cb;
    AnalyzedCorpus ac;
    Project p;
    SuggestionAnswer a = Answer(request, tables, std::move(errors), cb, ac, p);
    return SuggestionsToJson(ac, cb, a.suggestions, a.errors);
}

}  // namespace presslens
