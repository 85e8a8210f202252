// io: answering a dictionary lookup (see suggestions_io.hpp): the page's suggestion worker's and
// the desktop app's. Kept apart from suggestions_io.cpp so that the page's main module, which only
// reads answers, links none of it.
#include <set>

#include "core/analysis.hpp"
#include "core/suggest.hpp"
#include "io/codebook_io.hpp"
#include "io/inputs.hpp"
#include "io/suggestions_io.hpp"

namespace presslens {

std::unique_ptr<SuggestionCorpus> ReadSuggestionCorpus(std::string_view saved_corpus, LoadError& error) {
    auto out = std::make_unique<SuggestionCorpus>();
    if (!ParseSavedCorpus(saved_corpus, "the suggestion worker's corpus", out->corpus, error)) return nullptr;
    out->analysis = AnalyzeCorpus(out->corpus);
    out->analysis.corpus = &out->corpus;
    out->index = std::make_unique<SuggestIndex>(out->analysis);
    while (out->index->ReadSome(out->analysis.articles.size())) {
    }
    std::set<std::string> languages;
    for (const AnalyzedArticle& aa : out->analysis.articles) languages.insert(aa.effective_language);
    for (const std::string& lang : languages) out->words[lang] = CorpusWords(out->analysis, lang);
    return out;
}

namespace {
// The answer, with the codebook it was made for (for the JSON's claim ids and rule names).
SuggestionAnswer Answer(const SuggestionCorpus& corpus, std::string_view codebook_text,
                        const std::vector<std::pair<std::string, std::string_view>>& tables,
                        std::vector<std::string> errors, Codebook& cb) {
    LoadError le;
    if (!ParseCodebookJson(codebook_text, "the lookup's codebook", cb, le)) {
        errors.push_back(le.ToString());
        return {{}, std::move(errors)};
    }
    const DictionaryKeySet keys = DictionaryKeys(cb);
    std::vector<BilingualDictionary> dictionaries;
    for (const auto& [lang, tsv] : tables) {
        BilingualDictionary d(lang);
        auto words = corpus.words.find(lang);  // the corpus's words, read backwards as the command line does
        d.Load(tsv, keys.words, keys.prefixes, words == corpus.words.end() ? std::vector<std::string>{} : words->second);
        dictionaries.push_back(std::move(d));
    }
    // SuggestTerms's suggestions, on the index kept with the corpus
    std::vector<Suggestion> out;
    for (size_t unit = 0, n = SuggestUnits(cb); unit < n; ++unit)
        SuggestUnit(*corpus.index, cb, dictionaries, SuggestOptions{}, unit, out);
    return {std::move(out), std::move(errors)};
}
}  // namespace

SuggestionAnswer AnswerSuggestionRequest(const SuggestionCorpus& corpus, std::string_view codebook_text,
                                         const std::vector<std::pair<std::string, std::string_view>>& tables,
                                         std::vector<std::string> errors) {
    Codebook cb;
    return Answer(corpus, codebook_text, tables, std::move(errors), cb);
}

std::string AnswerSuggestionRequestJson(const SuggestionCorpus& corpus, std::string_view codebook_text,
                                        const std::vector<std::pair<std::string, std::string_view>>& tables,
                                        std::vector<std::string> errors) {
    Codebook cb;
    SuggestionAnswer a = Answer(corpus, codebook_text, tables, std::move(errors), cb);
    return SuggestionsToJson(corpus.analysis, cb, a.suggestions, a.errors);
}

}  // namespace presslens
