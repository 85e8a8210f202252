// platform (web): the dictionary lookup's half of platform.hpp, the bridge to the page's suggestion
// worker. The corpus's pieces wait in window.presslens.dictionaryCorpus; a lookup goes to
// window.presslens.lookUpDictionaries (shell/page.js, which loads
// shell/suggest.js and the worker the first time); answers wait in
// window.presslens.dictionaryAnswers, parsed by suggest.js, until the app takes them field by field
// (a JSON reader here would cost the first load more than these few calls). Apart from
// platform_web.cpp so the lookup's code is in one place; no ImGui.
#include <emscripten.h>

#include <algorithm>
#include <string>
#include <vector>

#include "platform/platform.hpp"

// A piece of the corpus for the worker (ui/model.hpp, WriteDictionaryCorpus), kept outside the
// wasm heap in window.presslens.dictionaryCorpus until suggest.js hands it to the worker whole.
EM_JS(void, presslens_js_dict_corpus, (const char* piece, int size, double generation, int first, int last), {
    var P = window.presslens, c = P.dictionaryCorpus;
    if (first || !c || c.generation !== generation) c = P.dictionaryCorpus = {generation: generation, parts: [], bytes: 0};
    c.parts.push(HEAPU8.slice(piece, piece + size));
    c.bytes += size;
    c.done = !!last;
});
EM_JS(void, presslens_js_dict_request, (const char* codebook, int size, const char* languages, double corpus, double codebook_generation), {
    // a copy: the app's string is gone when this returns, the worker gets it a moment later
    window.presslens.lookUpDictionaries(HEAPU8.slice(codebook, codebook + size), UTF8ToString(languages).split(" ").filter(Boolean),
                                        corpus, codebook_generation);
});
// The first answer waiting (suggest.js parsed the worker's JSON): -1 when none, else how many
// suggestions it has.
EM_JS(int, presslens_js_dict_count, (), {
    var q = window.presslens.dictionaryAnswers;
    return q && q.length ? (q[0].list || []).length : -1;
});
// Its generations, and how many tables it could not have.
EM_JS(int, presslens_js_dict_head, (double* generations), {
    var a = window.presslens.dictionaryAnswers[0];
    HEAPF64[generations >> 3] = a.corpus;
    HEAPF64[(generations >> 3) + 1] = a.codebook;
    return (a.errors || []).length;
});
// Suggestion i's numbers: claim, rule, actor, weak, within, articles, sentences, example article,
// begin, end, accepted.
EM_JS(void, presslens_js_dict_numbers, (int i, int* out), {
    var x = window.presslens.dictionaryAnswers[0].list[i];
    var v = [x.code_index, x.rule_index, x.actor, x.weak, x.within, x.articles, x.sentences, x.article, x.begin, x.end, x.accepted];
    for (var k = 0; k < v.length; k++) HEAP32[(out >> 2) + k] = Number(v[k]) | 0;
});
// A text of the first answer, UTF-8 into dst when it fits `cap`; returns its size. Suggestion i's
// field (0 language, 1 term, 2 suggestion, 3 source, 4 parts joined by U+001F); or, for i = -1,
// failure `field` (-1: the answer's error).
EM_JS(int, presslens_js_dict_text, (int i, int field, char* dst, int cap), {
    var a = window.presslens.dictionaryAnswers[0], t;
    if (i < 0) t = field < 0 ? a.error : a.errors[field];
    else {
        var x = a.list[i];
        t = [x.language, x.term, x.suggestion, x.source, (x.parts || []).join(String.fromCharCode(31))][field];
    }
    var bytes = new TextEncoder().encode(String(t || ""));
    if (bytes.length <= cap) HEAPU8.set(bytes, dst);
    return bytes.length;
});
EM_JS(void, presslens_js_dict_pop, (), { window.presslens.dictionaryAnswers.shift(); });

namespace presslens::platform {
namespace {
std::string Text(int i, int field) {
    std::string out(64, '\0');
    int n = presslens_js_dict_text(i, field, out.data(), static_cast<int>(out.size()));
    if (n > static_cast<int>(out.size())) {
        out.resize(static_cast<size_t>(n));
        n = presslens_js_dict_text(i, field, out.data(), n);
    }
    out.resize(static_cast<size_t>(n));
    return out;
}
}  // namespace

void SendDictionaryCorpus(const std::string& piece, long generation, bool first, bool last) {
    presslens_js_dict_corpus(piece.data(), static_cast<int>(piece.size()), static_cast<double>(generation), first, last);
}

void RequestDictionarySuggestions(const std::string& codebook, const std::vector<std::string>& languages,
                                  long corpus_generation, long codebook_generation) {
    std::string list;
    for (const std::string& l : languages) list += (list.empty() ? "" : " ") + l;
    presslens_js_dict_request(codebook.data(), static_cast<int>(codebook.size()), list.c_str(),
                              static_cast<double>(corpus_generation), static_cast<double>(codebook_generation));
}

bool TakeDictionarySuggestions(std::vector<Suggestion>& found, std::vector<std::string>& failures, long& corpus_generation,
                               long& codebook_generation, std::string& error) {
    const int n = presslens_js_dict_count();
    if (n < 0) return false;
    double generations[2] = {0, 0};
    const int f = presslens_js_dict_head(generations);
    corpus_generation = static_cast<long>(generations[0]);
    codebook_generation = static_cast<long>(generations[1]);
    error = Text(-1, -1);
    for (int k = 0; k < f; ++k) failures.push_back(Text(-1, k));
    for (int i = 0; i < n; ++i) {
        int v[11];
        presslens_js_dict_numbers(i, v);
        Suggestion x;
        x.code = static_cast<uint32_t>(v[0]);
        x.rule = static_cast<uint32_t>(v[1]);
        x.actor = v[2];
        x.weak = v[3] != 0;
        x.within = static_cast<uint32_t>(v[4]);
        x.articles = static_cast<uint32_t>(v[5]);
        x.sentences = static_cast<uint32_t>(v[6]);
        x.example_article = v[7];
        x.example = Span{static_cast<uint32_t>(v[8]), static_cast<uint32_t>(v[9])};
        x.accepted = v[10] != 0;
        x.language = Text(i, 0);
        x.term = Text(i, 1);
        x.suggestion = Text(i, 2);
        x.source = Text(i, 3);
        const std::string parts = Text(i, 4);
        for (size_t at = 0; !parts.empty() && at <= parts.size();) {
            const size_t next = std::min(parts.find('\x1f', at), parts.size());
            x.parts.push_back(parts.substr(at, next - at));
            at = next + 1;
        }
        found.push_back(std::move(x));
    }
    presslens_js_dict_pop();
    return true;
}

}  // namespace presslens::platform
