// cli: presslens-cli, the command-line tool on the same core + io as the viewer.
// Native only; does its own file access and hands bytes to io.
#include <cstdio>
#include <cstring>
#include <string>

#include "io/corpus_io.hpp"

namespace {

int Usage() {
    std::fprintf(stderr,
                 "usage: presslens-cli <command> [options]\n"
                 "commands:\n"
                 "  articles    list the articles of the embedded default corpus\n");
    return 2;
}

int Articles() {
    presslens::Corpus corpus;
    presslens::LoadError err;
    if (!presslens::LoadDefaultCorpus(corpus, err)) {
        std::fprintf(stderr, "presslens-cli: %s\n", err.ToString().c_str());
        return 1;
    }
    std::printf("%-3s  %-26s  %-22s  %-4s  %s\n", "id", "source", "outlet", "lang", "title");
    for (size_t i = 0; i < corpus.articles.size(); ++i) {
        const auto& a = corpus.articles[i];
        std::printf("%-3zu  %-26s  %-22s  %-4s  %s\n", i, a.source.c_str(), presslens::DisplayOutlet(a).c_str(),
                    a.meta.language.value_or("?").c_str(), presslens::DisplayTitle(a).c_str());
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return Usage();
    if (!std::strcmp(argv[1], "articles")) return Articles();
    std::fprintf(stderr, "presslens-cli: unknown command '%s'\n", argv[1]);
    return Usage();
}
