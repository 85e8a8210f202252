// core: language identification by CLD2 (Compact Language Detector 2, 83 languages), for a whole
// article and for one sentence. std + CLD2; no UI, platform or file access. The web build's
// detector has no tables of its own: the page hands them over once fetched (LoadLanguageTables);
// until then, and natively never, LanguageTablesLoaded() is false and the caller's own evidence
// (analysis.cpp's stopword identifier) is all there is.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace presslens {

// What CLD2 says about a text.
struct DetectedLanguage {
    std::string code = "unknown";  // ISO 639-1 where one exists ("he", not CLD2's "iw"), else CLD2's
    int percent = 0;               // share of the text's letters in that language, 0..100
    bool reliable = false;         // CLD2's own reliability verdict
};

// Detects the language of UTF-8 plain text (invalid UTF-8 is skipped). `best_effort` asks for a
// guess even on short text (a sentence); it is then usually not `reliable`. "unknown" when the
// text has no letters, or the tables are not loaded.
DetectedLanguage DetectLanguage(std::string_view text, bool best_effort);

// Whether DetectLanguage can answer: always natively (the tables are linked in); in the page once
// LoadLanguageTables took a table file.
bool LanguageTablesLoaded();

// Hands the detector its tables (the file cmake/deps.cmake names PRESSLENS_CLD2_DATA). The bytes
// must stay alive and unchanged for as long as the program runs (the detector reads them in
// place). Returns false, with the tables left as they were, when the bytes are not a CLD2 table
// file of this build; natively it returns true and ignores them.
bool LoadLanguageTables(const void* data, size_t size);

// The language a code or English name names ("sv", "SV-se", "swedish", "iw" -> "he"), in the
// codes DetectLanguage uses; "" when CLD2 knows no such language.
std::string KnownLanguage(std::string_view code_or_name);

// CLD2's English name of a language code ("sv" -> "Swedish"); "" when unknown.
std::string DetectorLanguageName(std::string_view code);

}  // namespace presslens
