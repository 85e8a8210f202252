// core (detector backend): language identification by CLD2 (see core/language.hpp). std + CLD2.
// Linked natively and into the tests; the page's first load has language_none.cpp instead
// (CMakeLists.txt says why).
#include "core/language.hpp"

#include <cstdint>
#include <cstring>

#include "public/compact_lang_det.h"
#include "public/encodings.h"

namespace presslens {

namespace {

// CLD2 names a few languages by their withdrawn or regional codes; the rest of Presslens (metadata,
// stopword lists, stemmers, codebooks) uses today's ISO 639-1.
std::string CodeOf(CLD2::Language l) {
    if (l == CLD2::UNKNOWN_LANGUAGE || l == CLD2::TG_UNKNOWN_LANGUAGE) return "unknown";
    std::string c = CLD2::LanguageCode(l);
    if (c == "iw") return "he";
    if (c == "jw") return "jv";
    if (c == "zh-Hant") return "zh";  // one Chinese: the analysis does not depend on the script
    if (c == "xxx" || c.rfind("xx-", 0) == 0) return "unknown";  // a script, not a language
    return c;
}

std::string Lower(std::string_view s) {
    std::string out;
    for (char c : s) out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return out;
}

}  // namespace

DetectedLanguage DetectLanguage(std::string_view text, bool best_effort, std::vector<LanguageSpan>* spans) {
    DetectedLanguage d;
    if (spans) spans->clear();
    if (text.empty() || !LanguageTablesLoaded()) return d;
    CLD2::Language language3[3];
    int percent3[3] = {0, 0, 0};
    double scores3[3];
    int text_bytes = 0;
    bool reliable = false;
    const CLD2::CLDHints hints{nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
    // ...CheckUTF8: text straight from a user's file may hold invalid bytes; CLD2 stops at them
    // instead of reading past a broken sequence.
    int valid_prefix = 0;
    CLD2::ResultChunkVector chunks;
    // CLD2 totals its scores in ints: over some tens of megabytes they overflow. A language is
    // told long before that, so it reads the first 4 MiB (cut at a code point boundary).
    size_t n = text.size() > (4u << 20) ? (4u << 20) : text.size();
    while (n < text.size() && n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
    CLD2::Language top = CLD2::ExtDetectLanguageSummaryCheckUTF8(
        text.data(), static_cast<int>(n), true, &hints, best_effort ? CLD2::kCLDFlagBestEffort : 0, language3,
        percent3, scores3, spans ? &chunks : nullptr, &text_bytes, &reliable, &valid_prefix);
    d.code = CodeOf(top);
    if (spans)
        for (const CLD2::ResultChunk& c : chunks)
            if (c.offset >= 0 && c.bytes > 0)
                spans->push_back({static_cast<size_t>(c.offset), static_cast<size_t>(c.offset) + static_cast<size_t>(c.bytes),
                                  CodeOf(static_cast<CLD2::Language>(c.lang1))});
    if (d.code == "unknown") return d;
    d.percent = percent3[0];
    d.reliable = reliable;
    for (int i = 1; i < 3; ++i)
        if (language3[i] != CLD2::UNKNOWN_LANGUAGE && language3[i] != top) d.other_percent += percent3[i];
    return d;
}

bool LanguageTablesLoaded() { return CLD2::isDataLoaded(); }

std::string LoadDetectorTables(const void* data, size_t size) {
    if (!CLD2::isDataDynamic() || CLD2::isDataLoaded()) return {};  // linked in, or loaded once
    if (data == nullptr || size == 0 || size > 0xffffffffu) return "no CLD2 tables in the language data";
    // The loader checks the file's header (magic, version, table sizes) before it points into
    // the bytes; a wrong file leaves it unloaded.
    CLD2::loadDataFromRawAddress(data, static_cast<uint32_t>(size));
    return CLD2::isDataLoaded() ? std::string() : "CLD2 did not accept the tables in the language data file";
}

std::string KnownLanguage(std::string_view code_or_name) {
    std::string s = Lower(code_or_name);
    if (s.empty()) return {};
    // A region or script subtag does not change the language ("pt-BR", "sr_Latn").
    if (s.size() > 3) {
        size_t cut = s.find_first_of("-_");
        if (cut != std::string::npos && cut >= 2 && cut <= 3) s.resize(cut);
    }
    if (s == "he") s = "iw";  // CLD2's code for Hebrew
    if (s == "jv") s = "jw";
    if (s == "nb" || s == "nn") s = "no";
    CLD2::Language l = CLD2::GetLanguageFromName(s.c_str());  // codes are lower case
    if (l == CLD2::UNKNOWN_LANGUAGE && s.size() > 3) {        // names upper case ("SWEDISH")
        std::string upper;
        for (char c : s) upper += (c == ' ') ? '_' : static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
        l = CLD2::GetLanguageFromName(upper.c_str());
    }
    if (l == CLD2::UNKNOWN_LANGUAGE) return {};
    std::string c = CodeOf(l);
    return c == "unknown" ? std::string() : c;
}

std::string DetectorLanguageName(std::string_view code) {
    std::string known = KnownLanguage(code);
    if (known.empty()) return {};
    if (known == "he") known = "iw";
    if (known == "jv") known = "jw";
    CLD2::Language l = CLD2::GetLanguageFromName(known.c_str());
    std::string name = CLD2::LanguageName(l);  // "ENGLISH", "ChineseT", "SCOTS_GAELIC"
    std::string out;
    bool start = true;
    for (char c : name) {
        if (c == '_') { out += ' '; start = true; continue; }
        out += start ? static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c)
                     : static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        start = false;
    }
    return out;
}

}  // namespace presslens
