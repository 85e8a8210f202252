// tests (shared fixture): an article as an outlet publishes it, for the small corpora the unit
// tests build by hand. Header-only; no file system.
#pragma once
#include <string>

#include "core/corpus.hpp"

namespace presslens::test {

// An article from `outlet` ("<outlet>.txt") in language `lang` (ISO 639-1) with `text` as its body.
inline Article OutletArticle(std::string outlet, std::string lang, std::string text) {
    Article a;
    a.source = outlet + ".txt";
    a.meta.outlet = std::move(outlet);
    a.meta.language = std::move(lang);
    a.text = std::move(text);
    return a;
}

}  // namespace presslens::test
