// libFuzzer target: bytes through the HTML reader as a saved page and as pasted HTML (the
// signature check first, as the input batch does), then the analysis of the article it gives.
// Every run of the map back to the page must lie inside both texts and match byte for byte.
// Seeds: HTML from tests/fixtures and a small page (scripts/fuzz.sh).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>
#include "core/analysis.hpp"
#include "io/html.hpp"
#include "io/sniff.hpp"

using namespace presslens;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    (void)SniffFile(bytes);
    (void)LooksLikeHtml(bytes);
    (void)ExtractAllHtmlText(bytes);
    Article article;
    std::vector<std::string> warnings;
    LoadError error;
    if (!ParseHtmlArticle(bytes, "fuzz.html", article, warnings, error)) return 0;
    for (const Article::ReceivedRun& r : article.received_map) {
        if (r.text_begin + r.length > article.text.size() || r.received_begin + r.length > article.received.size())
            __builtin_trap();
        if (article.text.compare(r.text_begin, r.length, article.received, r.received_begin, r.length) != 0)
            __builtin_trap();
    }
    Corpus corpus;
    corpus.articles.push_back(std::move(article));
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    for (const Span& s : ac.articles[0].sentences)
        if (s.begin > s.end || s.end > corpus.articles[0].text.size()) __builtin_trap();
    return 0;
}
