// wasm (the page's suggestion worker): the full suggestion engine (PRESSLENS_SUGGEST_FULL: the
// dictionary translations and the phrases carried word by word that the main module leaves out) as
// a program of its own, presslens-suggest.js/.wasm, run in a Web Worker by shell/suggest.js. It
// is fetched the first time the suggestions need dictionaries, never in the first load. core + io;
// no ImGui, SDL, CLD2 (each article comes with the language the page gave it) or DOM.
#include <emscripten/emscripten.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/suggestions_io.hpp"

namespace {
std::string g_out;  // what the last call returned (valid until the next call)
// The corpus the lookups are for: read once per corpus the page sends (docs/architecture.md).
std::unique_ptr<presslens::SuggestionCorpus> g_corpus;

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

// Reads the corpus the next lookups are for (`size` bytes at `corpus`: a saved corpus whose
// articles carry the language the page analysed them in; ui/model.hpp, WriteDictionaryCorpus),
// replacing the one held. Returns "" when it was read, else why not (no corpus is then held).
EMSCRIPTEN_KEEPALIVE const char* pl_corpus(const char* corpus, int size) {
    presslens::LoadError error;
    g_corpus.reset();  // (its memory first)
    g_corpus = presslens::ReadSuggestionCorpus(std::string_view(corpus, size < 0 ? 0 : static_cast<size_t>(size)), error);
    g_out = g_corpus ? std::string() : error.ToString();
    return g_out.c_str();
}

// Answers a lookup for the corpus held (the codebook as written, `size` bytes at `codebook`) with
// the `count` tables at tables[i] (sizes[i] bytes each; English <-> languages' i-th code, the codes
// space-separated in `languages`) and the tables that could not be had, one message a line in
// `errors`. Returns io/suggestions_io.hpp's JSON, or "" when no corpus is held.
EMSCRIPTEN_KEEPALIVE const char* pl_suggest(const char* codebook, int size, const char* languages, const char* const* tables,
                                            const int* sizes, int count, const char* errors) {
    if (!g_corpus) return "";
    const std::vector<std::string> langs = Split(languages, ' ');
    std::vector<std::pair<std::string, std::string_view>> given;
    for (int i = 0; i < count && static_cast<size_t>(i) < langs.size(); ++i)
        given.emplace_back(langs[static_cast<size_t>(i)], std::string_view(tables[i], sizes[i] < 0 ? 0 : static_cast<size_t>(sizes[i])));
    g_out = presslens::AnswerSuggestionRequestJson(*g_corpus, std::string_view(codebook, size < 0 ? 0 : static_cast<size_t>(size)),
                                                   given, Split(errors, '\n'));
    return g_out.c_str();
}

}  // extern "C"
