// tests: decoding, .txt front matter, JSON corpora, tables. Bad input first.
#include <doctest/doctest.h>

#include "core/analysis.hpp"
#include "io/codebook_io.hpp"
#include "io/ingest.hpp"
#include "io/inputs.hpp"
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
    SUBCASE("an empty or white-space-only file is refused, naming it") {
        a.source = "kept";
        CHECK_FALSE(ParseTxtArticle("  \n \t\r\n", "w.txt", a, warn, err));
        CHECK(err.ToString() == "w.txt: the file holds only white space: nothing to analyse");
        CHECK_FALSE(ParseTxtArticle("", "e.txt", a, warn, err));
        CHECK(err.ToString() == "e.txt: the file is empty: nothing to analyse");
        CHECK_FALSE(ParseTxtArticle("\xEF\xBB\xBF", "bom.txt", a, warn, err));  // a BOM alone
        CHECK(a.source == "kept");
    }
    SUBCASE("a language Presslens does not analyse is reported and identified instead") {
        REQUIRE(ParseTxtArticle("Language: klingon\n\nThe employees wrote to the chief executive.\n", "k.txt", a, warn, err));
        REQUIRE(warn.size() == 1);
        CHECK(warn[0].find("k.txt: front matter: language \"klingon\" is not one Presslens analyses (en, nl, de, fr, es, "
                           "it, pl, ru, pt or another ISO 639-1 code of a language CLD2 identifies)") == 0);
        CHECK(a.meta.language.value() == "klingon");  // the metadata is kept as given
        Corpus c;
        c.articles.push_back(a);
        CHECK(AnalyzeCorpus(c).articles[0].effective_language == "en");
    }
    SUBCASE("a region or upper-case code is the language it names, without a warning") {
        REQUIRE(ParseTxtArticle("Language: NL-be\n\nDe medewerkers schreven een brief aan de baas.\n", "n.txt", a, warn, err));
        CHECK(warn.empty());
        Corpus c;
        c.articles.push_back(a);
        CHECK(AnalyzeCorpus(c).articles[0].effective_language == "nl");
    }
}

TEST_CASE("DecodeText: UTF-16 without a byte-order mark is named as such, not as binary") {
    std::string out;
    std::vector<std::string> warn;
    LoadError err;
    std::string le, be;
    for (char c : std::string("Hello world, employees.")) {
        le += c; le += '\0';
        be += '\0'; be += c;
    }
    CHECK_FALSE(DecodeText(le, "le.txt", out, warn, err));
    CHECK(err.ToString().find("le.txt: looks like UTF-16LE text without a byte-order mark (NUL bytes at every other byte "
                              "from byte 1); save it as UTF-8") == 0);
    CHECK_FALSE(DecodeText(be, "be.txt", out, warn, err));
    CHECK(err.ToString().find("looks like UTF-16BE text without a byte-order mark") != std::string::npos);
    // a binary file with scattered NULs is still a binary file
    CHECK_FALSE(DecodeText(std::string("PK\x03\x04\x14\0\x08\0\x08\0abcdefgh", 18), "z.txt", out, warn, err));
    CHECK(err.ToString().find("z.txt: looks like a binary file") == 0);
}

TEST_CASE("ParseCorpusJson: repeated sources, unknown languages and empty texts are warned about, at most 10 each file") {
    Corpus c;
    std::vector<std::string> warn;
    LoadError err;
    REQUIRE(ParseCorpusJson(R"({"articles": [{"source": "a.txt", "text": "One."}, {"source": "a.txt", "text": "Two."},
                                              {"text": "Drie.", "language": "xx"}, {"text": " "}]})",
                            "c.json", c, warn, err));
    CHECK(c.articles.size() == 4);
    REQUIRE(warn.size() == 3);
    CHECK(warn[0] == "c.json: /articles/1/source: \"a.txt\" repeats /articles/0; both are kept (dropping a.txt later "
                     "replaces the first)");
    CHECK(warn[1].find("c.json: /articles/2/language: \"xx\" is not one Presslens analyses") == 0);
    CHECK(warn[2] == "c.json: /articles/3/text: empty; the article has no words");
    std::string many = R"({"articles": [)";
    for (int i = 0; i < 25; ++i) many += std::string(i ? "," : "") + R"({"source": "same.txt", "text": "x"})";
    warn.clear();
    REQUIRE(ParseCorpusJson(many + "]}", "m.json", c, warn, err));
    REQUIRE(warn.size() == 11);
    CHECK(warn[10] == "m.json: 14 more warnings like these");
}

TEST_CASE("JSON errors: line and column, without the parser's own tag") {
    Corpus c;
    std::vector<std::string> warn;
    LoadError err;
    CHECK_FALSE(ParseCorpusJson("{\"articles\": [\n  {\"text\": \"x\"", "t.json", c, warn, err));
    CHECK(err.ToString() == "t.json (line 2, column 15): invalid JSON: unexpected end of input; expected '}'");
    Codebook cb;
    CHECK_FALSE(ParseCodebookJson("{\"codes\": [] } x", "cb.json", cb, err));
    CHECK(err.ToString().find("cb.json (line 1, column 16): invalid JSON: ") == 0);
    CHECK(err.ToString().find("json.exception") == std::string::npos);
}

TEST_CASE("JSON errors: a number too large for a double is refused with its place, not thrown") {
    // nlohmann reports this one as out_of_range, not as a parse error (found by the fuzzer).
    Corpus c;
    std::vector<std::string> warn;
    LoadError err;
    CHECK_FALSE(ParseCorpusJson("{\"articles\": [{\"text\": \"x\"}],\n \"n\": -1e999}", "t.json", c, warn, err));
    CHECK(err.ToString() == "t.json (line 2, column 7): invalid JSON: number overflow parsing '-1e999' (too large for a number)");
    Codebook cb;
    CHECK_FALSE(ParseCodebookJson("{\"codes\": [], \"x\": 1e400}", "cb.json", cb, err));
    CHECK(err.ToString() == "cb.json (line 1, column 20): invalid JSON: number overflow parsing '1e400' (too large for a number)");
    Corpus saved;
    CHECK_FALSE(ParseSavedCorpus("{\"n\": 1e999}", "saved", saved, err));
}

TEST_CASE("ApplyMetadata: entries for files that are not loaded are returned and reported") {
    Corpus c;
    c.articles.push_back(Article{"a.txt", "Text.", {}, 0});
    MetadataEntry here{"a.txt", {}}, gone{"gone.txt", {}};
    here.meta.outlet = "Outlet A";
    auto unmatched = ApplyMetadata(c, {here, gone});
    CHECK(c.articles[0].meta.outlet.value() == "Outlet A");
    REQUIRE(unmatched.size() == 1);
    CHECK(unmatched[0] == "gone.txt");
    CHECK(UnmatchedMetadataWarning(unmatched) ==
          "metadata names 1 file that no loaded article has (gone.txt); its entries were not applied");
    CHECK(UnmatchedMetadataWarning({}).empty());
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
