// libFuzzer target: the codebook parser, then the compiled codebook matched against the default
// corpus and a small mixed-language article, then the matrix. Seeds: tests/fuzz/seeds/codebook.
#include <cstddef>
#include <cstdint>
#include <string>
#include "core/analysis.hpp"
#include "core/codebook.hpp"
#include "io/codebook_io.hpp"
#include "io/corpus_io.hpp"

using namespace presslens;

namespace {
struct Fixture {
    Corpus corpus;
    AnalyzedCorpus ac;
    Fixture() {
        LoadError error;
        if (!LoadDefaultCorpus(corpus, error)) __builtin_trap();
        Article extra;
        extra.source = "extra.txt";
        extra.text = "Headline\nAmazon workers demand: stop selling Rekognition to police. "
                     "Medewerkers eisen dat Amazon stopt. Сотрудники написали письмо.\n";
        corpus.articles.push_back(extra);
        ac = AnalyzeCorpus(corpus);
    }
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static Fixture fx;
    Codebook cb;
    LoadError error;
    std::string_view json(reinterpret_cast<const char*>(data), size);
    if (!ParseCodebookJson(json, "fuzz.json", cb, error)) return 0;
    CompiledCodebook compiled(cb);
    MatchResult m = MatchCorpus(fx.ac, compiled);
    Matrix matrix = BuildMatrix(fx.ac, cb, m);
    for (const Hit& h : m.hits) {
        if (h.code >= cb.codes.size() || h.article >= fx.corpus.articles.size()) __builtin_trap();
        if (h.sentence_span.end > fx.corpus.articles[h.article].text.size()) __builtin_trap();
    }
    if (matrix.cells.size() != matrix.rows * matrix.cols) __builtin_trap();
    // What the editor writes back must parse to the same codebook.
    Codebook again;
    if (!ParseCodebookJson(CodebookToJson(cb), "again.json", again, error)) __builtin_trap();
    if (CodebookToJson(again) != CodebookToJson(cb)) __builtin_trap();
    return 0;
}
