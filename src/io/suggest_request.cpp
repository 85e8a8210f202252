// io: answering a suggestion request (see suggestions_io.hpp): the page's suggestion worker's and
// the desktop app's dictionary lookup. Kept apart from suggestions_io.cpp so that the page's main
// module, which only reads answers, links none of it.
#include "core/analysis.hpp"
#include "core/suggest.hpp"
#include "io/codebook_io.hpp"
#include "io/project.hpp"
#include "io/suggestions_io.hpp"

namespace presslens {

std::string AnswerSuggestionRequest(std::string_view request, const std::vector<std::pair<std::string, std::string_view>>& tables,
                                    std::vector<std::string> errors) {
    Project p;
    std::vector<std::string> warnings;
    LoadError le;
    Codebook cb;
    if (!ParseProject(request, "the suggestion request", p, warnings, le) ||
        !ParseCodebookJson(p.codebook_text, "the request's codebook", cb, le)) {
        errors.push_back(le.ToString());
        return SuggestionsToJson(AnalyzedCorpus{}, cb, {}, errors);
    }
    AnalyzedCorpus ac = AnalyzeCorpus(p.corpus);
    const DictionaryKeySet keys = DictionaryKeys(cb);
    std::vector<BilingualDictionary> dictionaries;
    for (const auto& [lang, tsv] : tables) {
        BilingualDictionary d(lang);
        d.Load(tsv, keys.words, keys.prefixes);
        dictionaries.push_back(std::move(d));
    }
    return SuggestionsToJson(ac, cb, SuggestTerms(ac, cb, dictionaries), errors);
}

}  // namespace presslens
