// core: look-ups in the generated vocabulary table (see vocabularies.hpp).
#include "core/vocabularies.hpp"

namespace presslens {

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
