// wasm (the page's suggestion worker): the full suggestion engine (PRESSLENS_SUGGEST_FULL: the
// dictionary translations and the phrases carried word by word that the main module leaves out) as
// a program of its own, presslens-suggest.js/.wasm, run in a Web Worker by shell/suggest.js. It
// is fetched the first time the suggestions need dictionaries, never in the first load. core + io;
// no ImGui, SDL, CLD2 (each article comes with the language the page gave it) or DOM.
#include <emscripten/emscripten.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/suggestions_io.hpp"

namespace {
std::string g_out;  // what the last call returned (valid until the next call)

std::vector<std::string> Split(const char* s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    for (; s && *s; ++s) {
        if (*s == sep) {
            if (!cur.empty()) out.push_back(std::move(cur));
            cur.clear();
        } else {
            cur += *s;
        }
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}
}  // namespace

extern "C" {

// Answers a request (ui/model.hpp, StartDictionaryLookup: `size` bytes at `request`) with the
// `count` tables at tables[i] (sizes[i] bytes each; English <-> languages' i-th code, the codes
// space-separated in `languages`) and the tables that could not be had, one message a line in
// `errors`. Returns io/suggestions_io.hpp's JSON.
EMSCRIPTEN_KEEPALIVE const char* pl_suggest(const char* request, int size, const char* languages, const char* const* tables,
                                            const int* sizes, int count, const char* errors) {
    const std::vector<std::string> langs = Split(languages, ' ');
    std::vector<std::pair<std::string, std::string_view>> given;
    for (int i = 0; i < count && static_cast<size_t>(i) < langs.size(); ++i)
        given.emplace_back(langs[static_cast<size_t>(i)], std::string_view(tables[i], sizes[i] < 0 ? 0 : static_cast<size_t>(sizes[i])));
    g_out = presslens::AnswerSuggestionRequestJson(std::string_view(request, size < 0 ? 0 : static_cast<size_t>(size)), given,
                                               Split(errors, '\n'));
    return g_out.c_str();
}

}  // extern "C"
