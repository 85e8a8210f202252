// core detector backend for the page (see core/language.hpp): CLD2 in the language module the
// page fetches after its first frame (wasm/language_module.cpp, shell/languages.js), called
// synchronously through window.presslens.languages. Until that module is there, and if it never
// comes, it answers as detector/language_none.cpp does: "unknown", and the nine languages of the
// stopword identifier. std + emscripten's EM_JS; a bridge of about 1 KB, where CLD2's code and
// name tables would weigh about 44 KB gzip in the first load.
#include <emscripten/emscripten.h>

#include "core/language.hpp"
#include "core/stopwords.hpp"

// window.presslens.languages is shell/languages.js's object: {state, error, detect, known, name}.
EM_JS(bool, presslens_js_languages_ready, (), {
    var L = window.presslens.languages;
    return !!(L && L.state === "ready");
});
// Writes the detected code into out (cap bytes); returns percent + 256 * reliable, -1 on no answer.
EM_JS(int, presslens_js_languages_detect, (const char* text, int len, bool best, char* out, int cap), {
    var d;
    try { d = window.presslens.languages.detect(HEAPU8.subarray(text, text + len), best); }
    catch (e) { return -1; }  // (the module out of memory, say): no answer, as without it
    var code = new TextEncoder().encode(d.code);
    if (code.length >= cap) return -1;
    HEAPU8.set(code, out);
    HEAPU8[out + code.length] = 0;
    return d.percent + (d.reliable ? 256 : 0);
});
// KnownLanguage (which = 0) or DetectorLanguageName (1) of a string, into out; returns its length.
EM_JS(int, presslens_js_languages_lookup, (int which, const char* s, char* out, int cap), {
    var L = window.presslens.languages;
    var r = new TextEncoder().encode(which ? L.name(UTF8ToString(s)) : L.known(UTF8ToString(s)));
    if (r.length >= cap) return 0;
    HEAPU8.set(r, out);
    return r.length;
});

namespace presslens {

namespace {
bool g_ready = false;  // the language module answered and its data was taken (LoadDetectorTables)

std::string Lookup(int which, std::string_view s) {
    char out[64];
    const std::string z(s);
    const int n = presslens_js_languages_lookup(which, z.c_str(), out, sizeof out);
    return std::string(out, static_cast<size_t>(n));
}
}  // namespace

DetectedLanguage DetectLanguage(std::string_view text, bool best_effort) {
    DetectedLanguage d;
    if (text.empty() || !g_ready) return d;
    // CLD2 reads at most the first 4 MiB (detector/language_cld2.cpp): only those are copied
    // into the module (cut at a code point boundary).
    size_t n = text.size() > (4u << 20) ? (4u << 20) : text.size();
    while (n < text.size() && n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
    char code[32];
    const int r = presslens_js_languages_detect(text.data(), static_cast<int>(n), best_effort, code, sizeof code);
    if (r < 0) return d;
    d.code = code;
    if (d.code == "unknown") return d;
    d.percent = r & 255;
    d.reliable = (r & 256) != 0;
    return d;
}

bool LanguageTablesLoaded() { return g_ready; }

// The tables themselves live in the language module's memory (it loaded them); what the main
// module is handed is the language data without them (cld2 part empty). This says whether the
// module is there to answer.
std::string LoadDetectorTables(const void*, size_t) {
    if (g_ready) return {};
    if (!presslens_js_languages_ready()) return "the language module (presslens-cld2.wasm) is not loaded";
    g_ready = true;
    return {};
}

std::string KnownLanguage(std::string_view code_or_name) {
    if (g_ready) return Lookup(0, code_or_name);
    return StopwordLanguageCode(code_or_name);  // without the module: the nine of the stopword identifier
}

std::string DetectorLanguageName(std::string_view code) { return g_ready ? Lookup(1, code) : std::string(); }

}  // namespace presslens
