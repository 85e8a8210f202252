// core: look-ups in the generated vocabulary table (see vocabularies.hpp).
#include "core/vocabularies.hpp"

namespace presslens {

const std::vector<Vocabulary>& Vocabularies() {
    struct Built {
        std::vector<std::vector<VocabularyTerms>> languages;
        std::vector<Vocabulary> all;
    };
    static const Built built = [] {
        Built b;
        for (const VocabularyData& d : VocabularyTable()) {
            std::vector<VocabularyTerms>& langs = b.languages.emplace_back();
            for (std::string_view list : d.languages) {
                VocabularyTerms t;
                for (size_t at = 0, end; (end = list.find('\n', at)) != std::string_view::npos; at = end + 1)
                    (t.lang.empty() ? t.lang : t.terms.emplace_back()) = list.substr(at, end - at);
                langs.push_back(std::move(t));
            }
        }
        for (size_t i = 0; i < b.languages.size(); ++i) {
            const VocabularyData& d = VocabularyTable()[i];
            b.all.push_back({d.id, d.label, d.description, b.languages[i]});
        }
        return b;
    }();
    return built.all;
}

std::span<const std::string_view> Vocabulary::TermsFor(std::string_view lang) const {
    for (const VocabularyTerms& t : languages)
        if (t.lang == lang) return t.terms;
    return {};
}

const Vocabulary* FindVocabulary(std::string_view reference) {
    if (IsVocabularyReference(reference)) reference.remove_prefix(1);
    for (const Vocabulary& v : Vocabularies())
        if (v.id == reference) return &v;
    return nullptr;
}

std::string VocabularyList() {
    std::string out;
    for (const Vocabulary& v : Vocabularies()) out += (out.empty() ? "@" : ", @") + std::string(v.id);
    return out;
}

}  // namespace presslens
