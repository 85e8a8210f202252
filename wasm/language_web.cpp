// core detector backend for the page (see core/language.hpp): CLD2 in the language module the
// page fetches after its first frame (wasm/language_module.cpp, shell/languages.js), called
// synchronously through window.presslens.languages. Until that module is there, and if it never
// comes, it answers as detector/language_none.cpp does: "unknown", and the nine languages of the
// stopword identifier. std + emscripten's EM_JS; a bridge of about 1 KB, where CLD2's code and
// name tables would weigh about 44 KB gzip in the first load.
#include <emscripten/emscripten.h>

#include <string>
#include <vector>

#include "core/language.hpp"
#include "core/stopwords.hpp"

// window.presslens.languages is shell/languages.js's object: {state, error, detect, known, name}.
EM_JS(bool, presslens_js_languages_ready, (), {
    var L = window.presslens.languages;
    return !!(L && L.state === "ready");
});
// Writes the module's answer ("code percent reliable other[ begin end code]...", see
// wasm/language_module.cpp) into out (cap bytes, NUL-terminated); returns its length, the length
// it needs when that is cap or more, or -1 on no answer.
EM_JS(int, presslens_js_languages_detect, (const char* text, int len, bool best, bool spans, char* out, int cap), {
    var d;
    try { d = new TextEncoder().encode(window.presslens.languages.detect(HEAPU8.subarray(text, text + len), best, spans)); }
    catch (e) { return -1; }  // (the module out of memory, say): no answer, as without it
    if (d.length >= cap) return d.length;
    HEAPU8.set(d, out);
    HEAPU8[out + d.length] = 0;
    return d.length;
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

DetectedLanguage DetectLanguage(std::string_view text, bool best_effort, std::vector<LanguageSpan>* spans) {
    DetectedLanguage d;
    if (spans) spans->clear();
    if (text.empty() || !g_ready) return d;
    // CLD2 reads at most the first 4 MiB (detector/language_cld2.cpp): only those are copied
    // into the module (cut at a code point boundary).
    size_t n = text.size() > (4u << 20) ? (4u << 20) : text.size();
    while (n < text.size() && n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
    std::string out(spans ? 1024 : 64, '\0');
    int r = presslens_js_languages_detect(text.data(), static_cast<int>(n), best_effort, spans != nullptr, out.data(),
                                          static_cast<int>(out.size()));
    if (r >= static_cast<int>(out.size())) {  // many stretches: once more with room for them
        out.assign(static_cast<size_t>(r) + 1, '\0');
        r = presslens_js_languages_detect(text.data(), static_cast<int>(n), best_effort, spans != nullptr, out.data(),
                                          static_cast<int>(out.size()));
    }
    if (r < 0 || r >= static_cast<int>(out.size())) return d;
    out.resize(static_cast<size_t>(r));
    // its words, split at spaces
    std::vector<std::string_view> w;
    for (size_t at = 0; at < out.size();) {
        size_t end = out.find(' ', at);
        if (end == std::string::npos) end = out.size();
        w.emplace_back(out.data() + at, end - at);
        at = end + 1;
    }
    auto number = [](std::string_view v, size_t& to) {
        to = 0;
        if (v.empty()) return false;
        for (char c : v) {
            if (c < '0' || c > '9') return false;
            to = to * 10 + static_cast<size_t>(c - '0');
        }
        return true;
    };
    size_t percent = 0, reliable = 0, other = 0;
    if (w.size() < 4 || (w.size() - 4) % 3 != 0 || w[0].empty() || !number(w[1], percent) ||
        !number(w[2], reliable) || !number(w[3], other))
        return d;  // not the module's answer: none
    for (size_t i = 4; spans && i + 2 < w.size(); i += 3) {
        LanguageSpan x;
        if (!number(w[i], x.begin) || !number(w[i + 1], x.end)) {
            spans->clear();
            return d;
        }
        x.code = std::string(w[i + 2]);
        spans->push_back(std::move(x));
    }
    d.code = std::string(w[0]);
    if (d.code == "unknown") return d;
    d.percent = static_cast<int>(percent);
    d.reliable = reliable != 0;
    d.other_percent = static_cast<int>(other);
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
