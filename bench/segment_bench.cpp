// Benchmark (not a test, not part of any product): the dictionary segmenter (core/segment.hpp)
// against its peer, ICU's word BreakIterator (libicu, Debian's 72.1), on bench/segment_texts.txt.
// Per language: word-boundary precision and recall against ICU inside runs of the script (a
// boundary is a byte offset strictly inside a run where one of the two cuts), and the time of
// each over the language's texts repeated to 1 MB, as a ratio.
//   usage: presslens_segment_bench TEXTS [--show]   (--show prints both cuts of every text)
#include <unicode/brkiter.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/segment.hpp"
#include "core/text.hpp"

using namespace presslens;

namespace {

// Byte offsets where runs of a segmented script begin and end, and the boundaries inside them.
std::vector<std::pair<size_t, size_t>> ScriptRuns(const std::string& s) {
    std::vector<std::pair<size_t, size_t>> runs;
    size_t i = 0, start = std::string::npos;
    while (i < s.size()) {
        int32_t cp;
        int n = DecodeUtf8(s, i, cp);
        if (n < 0) n = 1, cp = 0;
        const CharClass c = ClassifyCodePoint(cp);
        const bool in = SegmentScriptOf(cp) != SegmentScript::None && (c == CharClass::Letter || c == CharClass::Mark);
        if (in && start == std::string::npos) start = i;
        if (!in && start != std::string::npos) runs.push_back({start, i}), start = std::string::npos;
        i += static_cast<size_t>(n);
    }
    if (start != std::string::npos) runs.push_back({start, s.size()});
    return runs;
}

std::set<size_t> Inside(const std::set<size_t>& cuts, const std::vector<std::pair<size_t, size_t>>& runs) {
    std::set<size_t> out;
    for (size_t c : cuts)
        for (auto [a, b] : runs)
            if (c > a && c < b) out.insert(c);
    return out;
}

std::set<size_t> OurCuts(const std::string& s) {
    std::set<size_t> cuts;
    for (const Token& t : TokenizeAll(s)) cuts.insert(t.span.begin), cuts.insert(t.span.end);
    return cuts;
}

std::set<size_t> IcuCuts(const std::string& s, icu::BreakIterator& bi) {
    UErrorCode st = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, s.data(), static_cast<int64_t>(s.size()), &st);
    bi.setText(ut, st);
    std::set<size_t> cuts;
    for (int32_t p = bi.first(); p != icu::BreakIterator::DONE; p = bi.next()) cuts.insert(static_cast<size_t>(p));
    utext_close(ut);
    return cuts;
}

std::string Show(const std::string& s, const std::set<size_t>& cuts, const std::vector<std::pair<size_t, size_t>>& runs) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (i > 0 && cuts.count(i)) {
            bool inside = false;
            for (auto [a, b] : runs) inside |= i > a && i < b;
            if (inside) out += '|';
        }
        out += s[i];
    }
    return out;
}

double Seconds(const std::chrono::steady_clock::time_point& t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) { std::fprintf(stderr, "usage: presslens_segment_bench TEXTS [--show]\n"); return 2; }
    const bool show = argc > 2 && std::string(argv[2]) == "--show";
    std::ifstream in(argv[1]);
    std::map<std::string, std::vector<std::string>> texts;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        const size_t tab = line.find('\t');
        if (tab != std::string::npos) texts[line.substr(0, tab)].push_back(line.substr(tab + 1));
    }
    UErrorCode st = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> bi(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), st));
    if (U_FAILURE(st)) { std::fprintf(stderr, "ICU: %s\n", u_errorName(st)); return 1; }
    std::printf("lang  texts  ICU-bounds  ours  agree  precision  recall   table-words  ours-ms/MB  ICU-ms/MB  ratio\n");
    for (const auto& [lang, list] : texts) {
        size_t both = 0, ours_n = 0, icu_n = 0;
        for (const std::string& s : list) {
            const auto runs = ScriptRuns(s);
            const auto ours = Inside(OurCuts(s), runs), icu = Inside(IcuCuts(s, *bi), runs);
            for (size_t c : ours) both += icu.count(c);
            ours_n += ours.size();
            icu_n += icu.size();
            if (show) std::printf("%s ours %s\n%s ICU  %s\n", lang.c_str(), Show(s, OurCuts(s), runs).c_str(),
                                  lang.c_str(), Show(s, IcuCuts(s, *bi), runs).c_str());
        }
        // speed: the texts, one a line, repeated to 1 MB
        std::string big;
        while (big.size() < (1u << 20))
            for (const std::string& s : list) big += s + "\n";
        size_t sink = 0;
        auto t0 = std::chrono::steady_clock::now();
        for (int r = 0; r < 3; ++r) Tokenize(big, Span{0, static_cast<uint32_t>(big.size())}, [&](const Token& t) { sink += t.span.end; });
        const double ours_s = Seconds(t0) / 3;
        t0 = std::chrono::steady_clock::now();
        for (int r = 0; r < 3; ++r) sink += IcuCuts(big, *bi).size();
        const double icu_s = Seconds(t0) / 3;
        const double mb = static_cast<double>(big.size()) / (1 << 20);
        SegmentScript sc = lang == "th" ? SegmentScript::Thai : lang == "lo" ? SegmentScript::Lao
                         : lang == "km" ? SegmentScript::Khmer : SegmentScript::Myanmar;
        std::printf("%-4s  %5zu  %10zu  %4zu  %5zu  %9.3f  %6.3f   %11zu  %10.1f  %9.1f  %5.2f%s\n", lang.c_str(), list.size(),
                    icu_n, ours_n, both, ours_n ? double(both) / ours_n : 0.0, icu_n ? double(both) / icu_n : 0.0,
                    SegmentTableWords(sc), 1000 * ours_s / mb, 1000 * icu_s / mb, ours_s / icu_s, sink == 42 ? " " : "");
    }
    // One run without a space or a line break: 100 KB and 1 MB of Thai, ours and ICU's (linear
    // means the megabyte takes about ten times as long).
    if (texts.count("th")) {
        std::string unit;
        for (const std::string& s : texts["th"])
            for (size_t i = 0; i < s.size();) {
                int32_t cp;
                const int n = DecodeUtf8(s, i, cp);
                if (n > 0 && SegmentScriptOf(cp) == SegmentScript::Thai) unit.append(s, i, static_cast<size_t>(n));
                i += n > 0 ? static_cast<size_t>(n) : 1;
            }
        std::printf("\none Thai run without spaces   ours ms   ICU ms\n");
        for (size_t bytes : {size_t(100'000), size_t(1'000'000)}) {
            std::string run;
            while (run.size() < bytes) run += unit;
            size_t sink = 0;
            auto t0 = std::chrono::steady_clock::now();
            Tokenize(run, Span{0, static_cast<uint32_t>(run.size())}, [&](const Token& t) { sink += t.span.end; });
            const double ours_s = Seconds(t0);
            t0 = std::chrono::steady_clock::now();
            sink += IcuCuts(run, *bi).size();
            const double icu_s = Seconds(t0);
            std::printf("%9zu bytes              %8.1f  %7.1f%s\n", run.size(), 1000 * ours_s, 1000 * icu_s, sink == 42 ? " " : "");
        }
    }
    return 0;
}
