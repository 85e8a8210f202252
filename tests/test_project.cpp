// tests: the project file (io/project.hpp): round trip, and every way a file can be refused.
#include <doctest/doctest.h>

#include "core/codebook.hpp"
#include "io/codebook_io.hpp"
#include "io/corpus_io.hpp"
#include "io/inputs.hpp"
#include "io/project.hpp"
#include "test_articles.hpp"

using namespace presslens;

namespace {

Project SmallProject() {
    Project p;
    p.name = "City council vote";
    p.codebook_name = "council.json";
    p.codebook_text = "{\n  \"codes\": [{\"id\": \"C1\", \"label\": \"Closure\", \"rules\": [{\"id\": \"r\", \"any\": [\"close\"]}]}]\n}\n";
    p.corpus.articles.push_back(test::OutletArticle("Gazette", "en", "Council votes to close the library.\n"));
    Article odd = test::OutletArticle("Courant", "nl", std::string("Bad byte \xFF kept, a NUL-free line\nno final break"));
    odd.meta.title = "De raad";
    odd.meta.date = "2026-11-02";
    odd.body_begin = 3;
    odd.source_offset = 3;
    p.corpus.articles.push_back(odd);
    Article page = test::OutletArticle("Herald", "en", "The library closes.");
    page.source = "herald.html";
    page.received_format = "html";
    page.received = "<html><body><p>The library closes.</p></body></html>";
    page.received_map = {{0, 15, 19}};
    p.corpus.articles.push_back(page);
    p.view = "panel=matrix&cell=1,0";
    return p;
}

bool Parse(std::string_view bytes, Project& out, LoadError& err, std::vector<std::string>* warnings = nullptr) {
    std::vector<std::string> w;
    bool ok = ParseProject(bytes, "study.presslens", out, warnings ? *warnings : w, err);
    return ok;
}

}  // namespace

TEST_CASE("a project file round-trips byte for byte, texts and metadata unaltered") {
    Project p = SmallProject();
    std::string bytes = ProjectBytes(p);
    CHECK(ProjectPieces(p).size() == bytes.size());
    Project back;
    LoadError err;
    REQUIRE(Parse(bytes, back, err));
    CHECK(back.name == p.name);
    CHECK(back.codebook_name == p.codebook_name);
    CHECK(back.codebook_text == p.codebook_text);
    CHECK(back.view == p.view);
    REQUIRE(back.corpus.articles.size() == 3);
    for (size_t i = 0; i < 3; ++i) {
        const Article &a = p.corpus.articles[i], &b = back.corpus.articles[i];
        CHECK(a.source == b.source);
        CHECK(a.text == b.text);
        CHECK(a.body_begin == b.body_begin);
        CHECK(a.source_offset == b.source_offset);
        CHECK(a.meta.outlet == b.meta.outlet);
        CHECK(a.meta.title == b.meta.title);
        CHECK(a.meta.date == b.meta.date);
        CHECK(a.meta.language == b.meta.language);
        CHECK(a.received == b.received);
        CHECK(a.received_format == b.received_format);
        CHECK(a.received_map.size() == b.received_map.size());
    }
    CHECK(back.corpus.articles[2].received_map[0].received_begin == 15);
    CHECK(ProjectBytes(back) == bytes);
    CHECK(CorpusFingerprint(back.corpus) == CorpusFingerprint(p.corpus));
}

TEST_CASE("the default corpus and codebook as a project round-trip, and an empty project too") {
    Project p;
    LoadError err;
    REQUIRE(LoadDefaultCorpus(p.corpus, err));
    p.codebook_text = std::string(DefaultCodebookJson());
    std::string bytes = ProjectBytes(p);
    Project back;
    REQUIRE(Parse(bytes, back, err));
    CHECK(ProjectBytes(back) == bytes);

    Project empty;
    Project back2;
    REQUIRE(Parse(ProjectBytes(empty), back2, err));
    CHECK(back2.corpus.articles.empty());
    CHECK(back2.codebook_text.empty());
}

TEST_CASE("a truncated project file is refused at every cut, naming where, and leaves the target untouched") {
    std::string bytes = ProjectBytes(SmallProject());
    Project keep;
    keep.name = "kept";
    size_t refused = 0;
    for (size_t cut = 0; cut < bytes.size(); ++cut) {
        LoadError err;
        if (!Parse(std::string_view(bytes).substr(0, cut), keep, err)) {
            ++refused;
            CHECK(err.where == "study.presslens");
            CHECK(!err.message.empty());
        }
    }
    CHECK(refused == bytes.size());  // no prefix is taken for a whole project
    CHECK(keep.name == "kept");
    LoadError err;
    REQUIRE_FALSE(Parse(std::string_view(bytes).substr(0, bytes.size() - 30), keep, err));
    CHECK(err.message.find("truncated") != std::string::npos);
}

TEST_CASE("foreign files, newer formats and damaged records are refused with a located message") {
    Project out;
    LoadError err;
    CHECK_FALSE(Parse("%PDF-1.5\n%\xE2\xE3\xCF\xD3\n", out, err));
    CHECK(err.message.find("not a Presslens project") != std::string::npos);
    CHECK(err.message.find("%PDF-1.5") != std::string::npos);
    CHECK_FALSE(Parse("", out, err));
    CHECK(err.message.find("empty") != std::string::npos);
    CHECK_FALSE(Parse("presslens-project 7\n{\"record\":\"end\",\"articles\":0}\n", out, err));
    CHECK(err.message.find("newer") != std::string::npos);
    CHECK_FALSE(Parse("presslens-project x\n", out, err));
    CHECK(err.message.find("line 1") != std::string::npos);

    std::string bytes = ProjectBytes(SmallProject());
    std::string bad = bytes;
    const std::string len = "\"bytes\":" + std::to_string(SmallProject().corpus.articles[1].text.size()) + ",";
    REQUIRE(bad.find(len) != std::string::npos);
    bad.replace(bad.find(len), len.size(), "\"bytes\":999,");  // the second article's length
    CHECK_FALSE(Parse(bad, out, err));
    CHECK(err.message.find("article 2") != std::string::npos);

    std::string wrong_count = bytes;
    wrong_count.replace(wrong_count.rfind("\"articles\":3"), 12, "\"articles\":4");
    CHECK_FALSE(Parse(wrong_count, out, err));
    CHECK(err.message.find("counts 4 articles") != std::string::npos);

    std::string not_json = bytes;
    not_json.replace(not_json.rfind('\n', not_json.find("\"record\":\"view\"")) + 1, 1, "[");
    CHECK_FALSE(Parse(not_json, out, err));
    CHECK(err.message.find("not a record line") != std::string::npos);
}

TEST_CASE("a record of a later format is skipped with a warning; the rest is read") {
    std::string bytes = ProjectBytes(SmallProject());
    REQUIRE(bytes.find("\"record\":\"view\"") != std::string::npos);
    size_t view = bytes.rfind('\n', bytes.find("\"record\":\"view\"")) + 1;
    bytes.insert(view, "{\"bytes\":5,\"record\":\"memo\"}\nabcde\n");
    Project out;
    LoadError err;
    std::vector<std::string> warnings;
    REQUIRE(Parse(bytes, out, err, &warnings));
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("\"memo\"") != std::string::npos);
    CHECK(out.corpus.articles.size() == 3);
}

TEST_CASE("a project file is classified as a project whatever its name, and its articles load as input") {
    InputFile f{"renamed.txt", ProjectBytes(SmallProject())};
    REQUIRE(ClassifyInput(f) == InputKind::Project);
    std::vector<Article> articles;
    std::vector<MetadataEntry> metadata;
    std::vector<std::string> warnings;
    LoadError err;
    REQUIRE(ParseInput(f, InputKind::Project, articles, metadata, warnings, err));
    CHECK(articles.size() == 3);
    f.bytes.resize(f.bytes.size() / 2);
    CHECK_FALSE(ParseInput(f, InputKind::Project, articles, metadata, warnings, err));
    CHECK(err.where == "renamed.txt");
    CHECK(articles.size() == 3);  // nothing appended half-way
}

TEST_CASE("the corpus fingerprint changes with a text or a source, not with metadata") {
    Project p = SmallProject();
    std::string f0 = CorpusFingerprint(p.corpus);
    CHECK(f0.size() == 8);
    p.corpus.articles[0].meta.outlet = "Another";
    CHECK(CorpusFingerprint(p.corpus) == f0);
    p.corpus.articles[0].text += " ";
    CHECK(CorpusFingerprint(p.corpus) != f0);
    p = SmallProject();
    p.corpus.articles[1].source = "x.txt";
    CHECK(CorpusFingerprint(p.corpus) != f0);
    p = SmallProject();
    std::swap(p.corpus.articles[0], p.corpus.articles[1]);
    CHECK(CorpusFingerprint(p.corpus) != f0);
}
