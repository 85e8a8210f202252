// platform (web): the dictionary lookup's half of platform.hpp, the bridge to the page's suggestion
// worker. The request goes to window.presslens.lookUpDictionaries (shell/page.js, which loads
// shell/suggest.js and the worker the first time); answers wait in
// window.presslens.dictionaryAnswers until the app takes them. Apart from platform_web.cpp so the
// lookup's code is in one place; no ImGui.
#include <emscripten.h>

#include <string>
#include <vector>

#include "platform/platform.hpp"

EM_JS(void, presslens_js_dict_request, (const char* request, int size, const char* languages, double corpus, double codebook), {
    // a copy: the app's string is gone when this returns, the worker gets it a moment later
    window.presslens.lookUpDictionaries(HEAPU8.slice(request, request + size), UTF8ToString(languages).split(" ").filter(Boolean),
                                        corpus, codebook);
});
// -1: no answer waiting; else the first one's JSON size (UTF-8)
EM_JS(int, presslens_js_dict_size, (), {
    var q = window.presslens.dictionaryAnswers;
    if (!q || !q.length) return -1;
    if (!q[0].bytes) q[0].bytes = new TextEncoder().encode(q[0].json || "");
    return q[0].bytes.length;
});
// copies the first answer's JSON and generations, its error (when it fits `cap`), returns the error's size
EM_JS(int, presslens_js_dict_peek, (char* json, double* generations, char* error, int cap), {
    var a = window.presslens.dictionaryAnswers[0];
    if (json) HEAPU8.set(a.bytes, json);
    HEAPF64[generations >> 3] = a.corpus;
    HEAPF64[(generations >> 3) + 1] = a.codebook;
    var e = new TextEncoder().encode(a.error || "");
    if (e.length <= cap) HEAPU8.set(e, error);
    return e.length;
});
EM_JS(void, presslens_js_dict_pop, (), { window.presslens.dictionaryAnswers.shift(); });

namespace presslens::platform {

void RequestDictionarySuggestions(const std::string& request, const std::vector<std::string>& languages,
                                  long corpus_generation, long codebook_generation) {
    std::string list;
    for (const std::string& l : languages) list += (list.empty() ? "" : " ") + l;
    presslens_js_dict_request(request.data(), static_cast<int>(request.size()), list.c_str(),
                              static_cast<double>(corpus_generation), static_cast<double>(codebook_generation));
}

bool TakeDictionarySuggestions(std::string& json, long& corpus_generation, long& codebook_generation, std::string& error) {
    const int n = presslens_js_dict_size();
    if (n < 0) return false;
    json.resize(static_cast<size_t>(n));
    double generations[2] = {0, 0};
    error.resize(256);
    int e = presslens_js_dict_peek(json.data(), generations, error.data(), static_cast<int>(error.size()));
    if (e > static_cast<int>(error.size())) {
        error.resize(static_cast<size_t>(e));
        e = presslens_js_dict_peek(nullptr, generations, error.data(), e);
    }
    error.resize(static_cast<size_t>(e));
    presslens_js_dict_pop();
    corpus_generation = static_cast<long>(generations[0]);
    codebook_generation = static_cast<long>(generations[1]);
    return true;
}

}  // namespace presslens::platform
