// core (detector backend): no detector, for the page's first load (see core/language.hpp). std
// only. CLD2's code and name tables would add about 40 KB gzip to a first load that has 1 MiB in
// all (docs/languages.md); until the page fetches a detector, it identifies the nine languages of
// the stopword identifier, and metadata may name those nine.
#include "core/language.hpp"

#include "core/stopwords.hpp"

namespace presslens {

DetectedLanguage DetectLanguage(std::string_view, bool, std::vector<LanguageSpan>* spans) {
    if (spans) spans->clear();
    return {};
}

bool LanguageTablesLoaded() { return false; }

std::string LoadDetectorTables(const void*, size_t) { return {}; }  // nothing to give them to

std::string KnownLanguage(std::string_view code_or_name) { return StopwordLanguageCode(code_or_name); }

std::string DetectorLanguageName(std::string_view) { return {}; }

}  // namespace presslens
