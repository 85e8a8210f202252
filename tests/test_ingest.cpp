// tests: decoding, .txt front matter, JSON corpora, tables. Bad input first.
#include <doctest/doctest.h>

#include "io/ingest.hpp"
#include "io/table.hpp"

using namespace presslens;

TEST_CASE("DecodeText: BOMs, UTF-16, binary, invalid UTF-8") {
    std::string out;
    std::vector<std::string> warn;
    LoadError err;
    SUBCASE("UTF-8 BOM is dropped") {
        REQUIRE(DecodeText("\xEF\xBB\xBFHallo", "a.txt", out, warn, err));
        CHECK(out == "Hallo");
        CHECK(warn.empty());
    }
    SUBCASE("UTF-16LE with BOM, with a surrogate pair") {
        std::string le("\xFF\xFE" "H\0i\0 \0\x3D\xD8\x00\xDE", 12);  // "Hi 😀"
        REQUIRE(DecodeText(le, "a.txt", out, warn, err));
        CHECK(out == "Hi \xF0\x9F\x98\x80");
    }
    SUBCASE("UTF-16BE with BOM; a lone surrogate is replaced and counted") {
        std::string be("\xFE\xFF\0A\xD8\x00\0B", 8);
        REQUIRE(DecodeText(be, "a.txt", out, warn, err));
        CHECK(out == "A\xEF\xBF\xBD" "B");
        REQUIRE(!warn.empty());
        CHECK(warn[0].find("1 invalid UTF-16") != std::string::npos);
    }
    SUBCASE("a NUL byte without a UTF-16 BOM: binary, with the offset") {
        std::string bin("PK\x03\x04\0\0", 6);
        CHECK_FALSE(DecodeText(bin, "x.docx", out, warn, err));
        CHECK(err.where == "x.docx");
        CHECK(err.message.find("binary") != std::string::npos);
        CHECK(err.message.find("byte 4") != std::string::npos);
    }
    SUBCASE("invalid UTF-8 is kept, counted and located") {
        REQUIRE(DecodeText("ok\xFFok\xFE", "b.txt", out, warn, err));
        CHECK(out == "ok\xFFok\xFE");
        REQUIRE(warn.size() == 1);
        CHECK(warn[0].find("2 invalid UTF-8") != std::string::npos);
        CHECK(warn[0].find("byte 2") != std::string::npos);
    }
    SUBCASE("empty file") {
        REQUIRE(DecodeText("", "e.txt", out, warn, err));
        CHECK(out.empty());
    }
}

TEST_CASE("ParseTxtArticle: front matter and titles") {
    Article a;
    std::vector<std::string> warn;
    LoadError err;
    SUBCASE("front matter sets metadata and is quarantined, not removed") {
        std::string txt = "Outlet: De Tijd\nLanguage: nl\nauthor:  An Peeters \n\nKop van het stuk\nDe tekst.";
        REQUIRE(ParseTxtArticle(txt, "a.txt", a, warn, err));
        CHECK(a.meta.outlet.value() == "De Tijd");
        CHECK(a.meta.language.value() == "nl");
        CHECK(a.meta.author.value() == "An Peeters");
        CHECK(a.meta.title.value() == "Kop van het stuk");
        CHECK(a.text == txt);
        CHECK(a.text.substr(a.body_begin, 4) == "Kop ");
    }
    SUBCASE("no front matter: a first line with a colon is text") {
        std::string txt = "READ MORE: not metadata\nBody.";
        REQUIRE(ParseTxtArticle(txt, "b.txt", a, warn, err));
        CHECK(a.body_begin == 0);
        CHECK(a.meta.title.value() == "READ MORE: not metadata");
        CHECK_FALSE(a.meta.outlet.has_value());
    }
    SUBCASE("whitespace-only file has no title") {
        REQUIRE(ParseTxtArticle("  \n \n", "w.txt", a, warn, err));
        CHECK_FALSE(a.meta.title.has_value());
    }
}

TEST_CASE("ParseCorpusJson: errors name file, place and field; the old corpus is kept") {
    Corpus c;
    c.articles.push_back(Article{"keep.txt", "kept", {}, 0});
    std::vector<std::string> warn;
    LoadError err;
    CHECK_FALSE(ParseCorpusJson("{\"articles\": [\n {\"text\": \"a\",,}]}", "c.json", c, warn, err));
    CHECK(err.where.find("c.json (line 2") == 0);
    CHECK_FALSE(ParseCorpusJson(R"({"articles": [{"text": 5}]})", "c.json", c, warn, err));
    CHECK(err.message.find("/articles/0/text") != std::string::npos);
    CHECK(err.message.find("number") != std::string::npos);
    CHECK_FALSE(ParseCorpusJson(R"({"articles": [{"text": "x", "outlet": ["a"]}]})", "c.json", c, warn, err));
    CHECK(err.message.find("/articles/0/outlet") != std::string::npos);
    CHECK_FALSE(ParseCorpusJson(R"({"docs": []})", "c.json", c, warn, err));
    CHECK_FALSE(ParseCorpusJson("", "c.json", c, warn, err));
    std::string deep(100000, '[');
    CHECK_FALSE(ParseCorpusJson(deep, "deep.json", c, warn, err));  // unclosed: an error, no crash
    REQUIRE(c.articles.size() == 1);
    CHECK(c.articles[0].source == "keep.txt");

    REQUIRE(ParseCorpusJson(R"({"articles": [{"text": "Één", "outlet": "X", "title": null}, {"text": "b", "source": "b.txt"}]})",
                            "c.json", c, warn, err));
    REQUIRE(c.articles.size() == 2);
    CHECK(c.articles[0].source == "c.json#1");
    CHECK(c.articles[0].meta.outlet.value() == "X");
    CHECK(c.articles[1].source == "b.txt");
}

TEST_CASE("metadata vs corpus JSON") {
    CHECK(LooksLikeMetadataJson(R"({"articles": [{"file": "a.txt"}]})"));
    CHECK_FALSE(LooksLikeMetadataJson(R"({"articles": [{"text": "a"}]})"));
    CHECK_FALSE(LooksLikeMetadataJson("not json"));
}

TEST_CASE("tables: text, CSV quoting, JSON types") {
    Table t{{"term", "count", "score"}, {{std::string("a,\"b\""), int64_t{3}, 1.5}, {std::string("Één"), int64_t{12}, 0.25}}};
    CHECK(RenderTable(t, TableFormat::Csv) == "term,count,score\n\"a,\"\"b\"\"\",3,1.500\nÉén,12,0.250\n");
    std::string json = RenderTable(t, TableFormat::Json);
    CHECK(json.find("\"count\": 3") != std::string::npos);
    CHECK(json.find("\"term\": \"Één\"") != std::string::npos);
    std::string text = RenderTable(t, TableFormat::Text);
    CHECK(text == "term   count  score\na,\"b\"      3  1.500\nÉén       12  0.250\n");
    Table bad{{"t"}, {{std::string("x\xFFy")}}};
    CHECK(RenderTable(bad, TableFormat::Json).find("x\xEF\xBF\xBDy") != std::string::npos);
    TableFormat f;
    CHECK(ParseTableFormat("csv", f));
    CHECK_FALSE(ParseTableFormat("xml", f));
}
