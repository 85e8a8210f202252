// libFuzzer target: the JSON corpus loader (and the other JSON inputs a drop can carry: a
// metadata.json, the viewer's saved corpus), through classification as the viewer and the CLI do
// it, then the analysis of whatever loaded. Seeds: tests/fuzz/seeds/corpus_json.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>
#include "core/analysis.hpp"
#include "io/corpus_io.hpp"
#include "io/ingest.hpp"
#include "io/inputs.hpp"

using namespace presslens;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    InputFile f{"fuzz.json", std::string(reinterpret_cast<const char*>(data), size)};
    std::vector<Article> articles;
    std::vector<MetadataEntry> metadata;
    std::vector<std::string> warnings;
    LoadError error;
    InputKind kind = ClassifyInput(f);
    if (kind != InputKind::Codebook && ParseInput(f, kind, articles, metadata, warnings, error)) {
        Corpus corpus;
        corpus.articles = std::move(articles);
        ApplyMetadata(corpus, metadata);
        AnalyzedCorpus ac = AnalyzeCorpus(corpus);
        (void)CountTerms(ac, Scope{}, TermOptions{}, 10);
        // The saved-corpus format must round-trip whatever the JSON loader accepted.
        Corpus back;
        if (!ParseSavedCorpus(SavedCorpusBytes(corpus), "saved", back, error)) __builtin_trap();
        if (back.articles.size() != corpus.articles.size()) __builtin_trap();
    }
    Corpus saved;
    (void)ParseSavedCorpus(f.bytes, f.name, saved, error);
    return 0;
}
