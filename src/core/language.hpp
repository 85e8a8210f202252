// core: language identification by CLD2 (Compact Language Detector 2, 83 languages), for a whole
// article and for one sentence; no UI, platform or file access. The functions below but
// LoadLanguageData are the detector backend, one of two files chosen at link time (CMakeLists.txt):
// detector/language_cld2.cpp (std + CLD2: natively, with its tables linked in, and in the wasm
// tests, with its tables loaded from the language data) or detector/language_none.cpp (the page:
// no detector yet, LanguageTablesLoaded() is false, and the caller's own evidence, analysis.cpp's
// stopword identifier, is all there is).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace presslens {

// What CLD2 says about a text.
struct DetectedLanguage {
    std::string code = "unknown";  // ISO 639-1 where one exists ("he", not CLD2's "iw"), else CLD2's
    int percent = 0;               // share of the text's letters in that language, 0..100
    bool reliable = false;         // CLD2's own reliability verdict
    int other_percent = 0;         // share of the text's letters CLD2 put in other languages (its
                                   // second and third), 0..100: 0 when it saw one language only
};

// A stretch of a text CLD2 gave one language: bytes [begin, end) of the text, its language code
// ("unknown" where CLD2 was not sure or the stretch was too short).
struct LanguageSpan {
    size_t begin = 0, end = 0;
    std::string code;
};

// Detects the language of UTF-8 plain text (invalid UTF-8 is skipped). `best_effort` asks for a
// guess even on short text (a sentence); it is then usually not `reliable`. "unknown" when the
// text has no letters, or the tables are not loaded. With `spans`, also the text's stretches by
// language, in order (CLD2's result chunks), where they are had; else `spans` is left empty.
DetectedLanguage DetectLanguage(std::string_view text, bool best_effort, std::vector<LanguageSpan>* spans = nullptr);

// Whether DetectLanguage can answer: always natively (the tables are linked in); in the page once
// LoadLanguageData took its file.
bool LanguageTablesLoaded();

// Hands the core the page's on-demand language data, presslens-languages.bin (its layout:
// cmake/gen_language_data.py): CLD2's tables, the stopword lists not compiled in and the word
// tables of the dictionary segmenter (core/segment.hpp). The bytes must stay alive and unchanged
// for as long as the program runs (the detector reads its tables in place; the word tables are
// copied) and should start 8-byte aligned. Returns "" on success, else why not (not such a file,
// truncated, word tables that do not decode, tables CLD2 rejects); then nothing was loaded but,
// when CLD2 refused its tables, the word tables. A detector with its tables linked in (natively)
// keeps them, and so does a script whose word table is compiled in. Defined in core/stopwords.cpp
// (the backend-free part).
std::string LoadLanguageData(const void* data, size_t size);
// The backend's part of it: its tables (cld2_size bytes of the file). "" on success.
std::string LoadDetectorTables(const void* data, size_t size);

// The language a code or English name names ("sv", "SV-se", "swedish", "iw" -> "he"), in the
// codes DetectLanguage uses; "" when CLD2 knows no such language.
std::string KnownLanguage(std::string_view code_or_name);

// CLD2's English name of a language code ("sv" -> "Swedish"); "" when unknown.
std::string DetectorLanguageName(std::string_view code);

}  // namespace presslens
