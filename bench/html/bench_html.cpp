// bench: the HTML reader over a set of saved pages, and a naive peer (all the text of the page),
// both timed natively. bench/html/run.py decompresses the pages, runs this and scores the text.
// usage: presslens_html_bench [--repeat N] PAGE.html...
// Prints one JSON object: {"pages": [{"file", "ours", "peer"}], "ours_seconds", "peer_seconds", "bytes"}
// (the best of N timed passes over all pages, each extractor alone).
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "io/html.hpp"

namespace {

std::string ReadFile(const char* path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

template <typename F>
double BestSeconds(int repeat, F&& pass) {
    double best = 1e300;
    for (int r = 0; r < repeat; ++r) {
        auto t0 = std::chrono::steady_clock::now();
        pass();
        double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        best = std::min(best, s);
    }
    return best;
}

}  // namespace

int main(int argc, char** argv) {
    int repeat = 3;
    std::vector<std::string> files, pages;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
        else files.push_back(argv[i]);
    }
    for (const std::string& f : files) pages.push_back(ReadFile(f.c_str()));
    std::vector<std::string> ours(pages.size()), peer(pages.size());
    double ours_s = BestSeconds(repeat, [&] {
        for (size_t i = 0; i < pages.size(); ++i) ours[i] = presslens::ExtractHtmlText(pages[i]);
    });
    double peer_s = BestSeconds(repeat, [&] {
        for (size_t i = 0; i < pages.size(); ++i) peer[i] = presslens::ExtractAllHtmlText(pages[i]);
    });
    size_t bytes = 0;
    for (const std::string& p : pages) bytes += p.size();
    nlohmann::json out = {{"ours_seconds", ours_s}, {"peer_seconds", peer_s}, {"bytes", bytes}, {"pages", nlohmann::json::array()}};
    for (size_t i = 0; i < pages.size(); ++i)
        out["pages"].push_back({{"file", files[i]}, {"ours", ours[i]}, {"peer", peer[i]}});
    std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return 0;
}
