// bench: throughput of the corpus core on a JSON corpus, natively and in wasm (under node with
// NODERAWFS). Prints one JSON line per measurement: (a) tokenize + fold + count, (b) the full
// analysis (cleaning, sentences, language per article and sentence, term counts, keyness),
// (c) matching the default codebook and building the matrix.
//   usage: presslens_bench CORPUS.json
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <unordered_map>

#include "core/analysis.hpp"
#include "core/codebook.hpp"
#include "core/terms.hpp"
#include "io/codebook_io.hpp"
#include "io/ingest.hpp"
#ifdef __EMSCRIPTEN__
#include <emscripten/heap.h>
#else
#include <sys/resource.h>
#endif

using namespace presslens;
using Clock = std::chrono::steady_clock;

static double PeakMb() {
#ifdef __EMSCRIPTEN__
    return static_cast<double>(emscripten_get_heap_size()) / 1e6;  // the wasm heap only grows
#else
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_maxrss) / 1e3;
#endif
}

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: presslens_bench CORPUS.json\n");
        return 2;
    }
    // Read the file into one string of its size (a stringstream would hold a second copy).
    std::ifstream in(argv[1], std::ios::binary | std::ios::ate);
    std::string bytes(static_cast<size_t>(in.tellg()), '\0');
    in.seekg(0);
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    Corpus corpus;
    std::vector<std::string> warnings;
    LoadError err;
    if (!ParseCorpusJson(bytes, argv[1], corpus, warnings, err)) {
        std::fprintf(stderr, "%s\n", err.ToString().c_str());
        return 1;
    }
    bytes.clear();
    bytes.shrink_to_fit();
    double mb = 0;
    for (const Article& a : corpus.articles) mb += static_cast<double>(a.text.size()) / 1e6;
#ifdef __EMSCRIPTEN__
    const char* target = "wasm (node)";
#else
    const char* target = "native";
#endif

    // (a) tokenize + fold + count, the same work as the peers
    auto t0 = Clock::now();
    // (the term table interns each folded word once; counts are a flat array by term id)
    std::vector<uint32_t> counts;
    {
        TermTable terms;
        for (const Article& a : corpus.articles) {
            Tokenize(a.text, Span{0, static_cast<uint32_t>(a.text.size())}, [&](const Token& t) {
                const uint32_t id = terms.InternToken(a.text, t);
                if (id >= counts.size()) counts.resize(id + 1 + counts.size() / 2, 0);
                ++counts[id];
            });
        }
        counts.resize(terms.size());
    }
    size_t distinct = 0;  // the table also holds the stopword lists: count the terms seen
    for (uint32_t n : counts) distinct += n > 0;
    double secs_a = std::chrono::duration<double>(Clock::now() - t0).count();
    std::printf("{\"tool\": \"presslens %s\", \"task\": \"tokenize+count\", \"mb\": %.3f, \"seconds\": %.4f, \"distinct\": %zu}\n",
                target, mb, secs_a, distinct);
    counts = {};

    // (b) the full analysis
    t0 = Clock::now();
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    auto top = CountTerms(ac, Scope{}, TermOptions{}, 100);
    auto key = Keyness(ac, 0, TermOptions{}, 50);
    double secs_b = std::chrono::duration<double>(Clock::now() - t0).count();
    std::printf("{\"tool\": \"presslens %s\", \"task\": \"full analysis\", \"mb\": %.3f, \"seconds\": %.4f, \"peak_mb\": %.1f, \"top\": \"%s\"}\n",
                target, mb, secs_b, PeakMb(), top.empty() ? "" : top[0].term.c_str());
    (void)key;

    // (c) matching the default codebook, on the analysed corpus
    Codebook cb;
    if (!LoadDefaultCodebook(cb, err)) {
        std::fprintf(stderr, "%s\n", err.ToString().c_str());
        return 1;
    }
    t0 = Clock::now();
    CompiledCodebook compiled(cb);
    MatchResult m = MatchCorpus(ac, compiled);
    Matrix mx = BuildMatrix(ac, cb, m);
    double secs_c = std::chrono::duration<double>(Clock::now() - t0).count();
    std::printf("{\"tool\": \"presslens %s\", \"task\": \"codebook match\", \"mb\": %.3f, \"seconds\": %.4f, \"peak_mb\": %.1f, "
                "\"hits\": %zu, \"near_misses\": %zu, \"outlets\": %zu}\n",
                target, mb, secs_c, PeakMb(), m.hits.size(), m.near_misses.size(), mx.rows);
    return 0;
}
