// wasm (the page's language module): CLD2 as a program of its own, presslens-cld2.js/.wasm, which
// the page fetches after its first frame (shell/languages.js) so that CLD2's code stays out of the
// first load. std + CLD2 (through core/detector/language_cld2.cpp); no ImGui, SDL or the rest of
// the core. Its own memory; the main module reaches it through wasm/language_web.cpp's bridge.
#include <emscripten/emscripten.h>

#include <string>
#include <vector>

#include "core/language.hpp"

namespace {
std::string g_out;  // what the last call returned (valid until the next call)
}

extern "C" {

// Takes CLD2's tables (`size` bytes at `data`, which must stay alive: CLD2 reads them in place).
// Returns "" on success, else why not.
EMSCRIPTEN_KEEPALIVE const char* pl_cld2_load(const void* data, int size) {
    g_out = presslens::LoadDetectorTables(data, size < 0 ? 0 : static_cast<size_t>(size));
    if (g_out.empty() && !presslens::LanguageTablesLoaded()) g_out = "CLD2 did not load its tables";
    return g_out.c_str();
}

// The language of `len` bytes of UTF-8 text: "code percent reliable other" ("sv 97 1 0"), or
// "unknown 0 0 0"; with `spans`, each stretch by language after it: " begin end code".
EMSCRIPTEN_KEEPALIVE const char* pl_cld2_detect(const char* text, int len, int best_effort, int spans) {
    std::vector<presslens::LanguageSpan> found;
    const presslens::DetectedLanguage d = presslens::DetectLanguage(
        std::string_view(text, len < 0 ? 0 : static_cast<size_t>(len)), best_effort != 0, spans ? &found : nullptr);
    g_out = d.code + " " + std::to_string(d.percent) + (d.reliable ? " 1 " : " 0 ") + std::to_string(d.other_percent);
    for (const presslens::LanguageSpan& x : found)
        g_out += " " + std::to_string(x.begin) + " " + std::to_string(x.end) + " " + x.code;
    return g_out.c_str();
}

// The language a code or English name names (KnownLanguage), "" when none.
EMSCRIPTEN_KEEPALIVE const char* pl_cld2_known(const char* code_or_name) {
    g_out = presslens::KnownLanguage(code_or_name);
    return g_out.c_str();
}

// CLD2's English name of a language code (DetectorLanguageName), "" when unknown.
EMSCRIPTEN_KEEPALIVE const char* pl_cld2_name(const char* code) {
    g_out = presslens::DetectorLanguageName(code);
    return g_out.c_str();
}

}  // extern "C"
