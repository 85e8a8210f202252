// core: stopword lists per language, generated at build time from the npm package
// stopwords-iso (cmake/gen_stopwords.py); never pasted by hand. std only.
#pragma once
#include <span>
#include <string_view>

namespace presslens {

// The upstream list for an ISO 639-1 code, unfolded; empty for a language without a list.
std::span<const std::string_view> RawStopwords(std::string_view lang);

// The languages Presslens identifies and has stopwords for, in a fixed order.
inline constexpr std::string_view kLanguages[] = {"en", "nl", "de", "fr", "es", "it", "pl", "ru", "pt"};

}  // namespace presslens
