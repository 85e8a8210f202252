// libFuzzer target: a .txt article through decoding, front matter, cleaning, sentence splitting,
// tokenization and language identification, then the analyses the viewer runs on it. Every span
// must stay inside the text. Seeds: tests/fuzz/seeds/txt.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>
#include "core/analysis.hpp"
#include "io/ingest.hpp"

using namespace presslens;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    Corpus corpus;
    Article article;
    std::vector<std::string> warnings;
    LoadError error;
    if (!ParseTxtArticle(bytes, "fuzz.txt", article, warnings, error)) return 0;
    corpus.articles.push_back(std::move(article));
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    const std::string& text = corpus.articles[0].text;
    const AnalyzedArticle& a = ac.articles[0];
    for (const Span& s : a.sentences)
        if (s.begin > s.end || s.end > text.size()) __builtin_trap();
    for (const Line& l : a.lines)
        if (l.span.begin > l.span.end || l.span.end > text.size()) __builtin_trap();
    TermOptions opt;
    auto terms = CountTerms(ac, Scope{}, opt, 5);
    opt.stem = true;
    opt.remove_stopwords = false;
    (void)CountTerms(ac, Scope{}, opt, 5);
    if (!terms.empty()) {
        for (const KwicLine& k : Concordance(ac, terms[0].term, Scope{}, 8, false))
            if (k.match.end > text.size()) __builtin_trap();
        (void)Concordance(ac, terms[0].term, Scope{}, 8, true);
    }
    return 0;
}
