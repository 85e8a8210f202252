// bench: language identification, the CLD2 + stopword combination against its peer, the stopword
// identifier alone, on the 31 two-sentence texts of tests/language_samples.hpp: accuracy per text
// and per sentence, and the time of both as a ratio. Run: build/native/presslens_language_bench
// [rounds] (native only: the page has no detector yet; not a test). docs/benchmarks.md has a run.
#include <chrono>
#include <cstdio>
#include <string>

#include "../tests/language_samples.hpp"
#include "core/analysis.hpp"

using namespace presslens;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
    const int rounds = argc > 1 ? std::atoi(argv[1]) : 200;
    size_t n = 0, old_right = 0, new_right = 0, sentences = 0, old_sent = 0, new_sent = 0;
    std::string misses;
    for (const samples::LanguageSample& s : samples::kLanguageSamples) {
        ++n;
        Article a;
        a.text = std::string(s.text);
        TermTable terms;
        AnalyzedArticle aa = AnalyzeArticle(a, terms);
        const Span all{0, static_cast<uint32_t>(a.text.size())};
        if (IdentifyStopwordLanguage(a.text, {all}).code == s.code) ++old_right;
        if (aa.language.code == s.code) ++new_right;
        else misses += std::string(s.code) + " as " + aa.language.code + "; ";
        for (size_t i = 0; i < aa.sentences.size(); ++i) {
            ++sentences;
            if (IdentifyStopwordLanguage(a.text, {aa.sentences[i]}).code == s.code) ++old_sent;
            if (aa.sentence_languages[i].code == s.code) ++new_sent;
            else misses += std::string(s.code) + " sentence " + std::to_string(i + 1) + " as " +
                           aa.sentence_languages[i].code + "; ";
        }
    }
    // timing: each text identified whole, `rounds` times, by both
    auto time = [&](auto&& identify) {
        const auto t0 = Clock::now();
        size_t sink = 0;
        for (int r = 0; r < rounds; ++r)
            for (const samples::LanguageSample& s : samples::kLanguageSamples)
                sink += identify(s.text, std::vector<Span>{Span{0, static_cast<uint32_t>(s.text.size())}}).code.size();
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        return sink ? ms : -ms;
    };
    const double t_old = time([](std::string_view t, const std::vector<Span>& r) { return IdentifyStopwordLanguage(t, r); });
    const double t_new = time([](std::string_view t, const std::vector<Span>& r) { return IdentifyLanguage(t, r); });
    std::printf("texts: %zu languages, %zu sentences\n", n, sentences);
    std::printf("%-34s %10s %12s\n", "identifier", "texts", "sentences");
    std::printf("%-34s %6zu/%-3zu %8zu/%-3zu\n", "stopword identifier alone (peer)", old_right, n, old_sent, sentences);
    std::printf("%-34s %6zu/%-3zu %8zu/%-3zu\n", "CLD2 + stopword evidence", new_right, n, new_sent, sentences);
    std::printf("time, %d rounds of the %zu texts: peer %.1f ms, CLD2 + stopwords %.1f ms (%.2fx the peer)\n", rounds, n,
                t_old, t_new, t_new / t_old);
    std::printf("misses: %s\n", misses.empty() ? "none" : misses.c_str());
    return 0;
}
