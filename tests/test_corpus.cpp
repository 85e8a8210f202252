// tests: core corpus model and io metadata / default corpus loading.
#include <doctest/doctest.h>

#include "io/corpus_io.hpp"

using namespace presslens;

namespace {
Article MakeArticle(std::string text, std::optional<std::string> title = std::nullopt) {
    Article a;
    a.source = "tiny.txt";
    a.text = std::move(text);
    a.meta.title = std::move(title);
    return a;
}
}  // namespace

TEST_CASE("DisplayTitle: edge cases first") {
    CHECK(DisplayTitle(MakeArticle("")) == "tiny.txt");
    CHECK(DisplayTitle(MakeArticle(" \n\t\n  ")) == "tiny.txt");
    CHECK(DisplayTitle(MakeArticle("\n\n  First line  \nsecond")) == "First line");
    CHECK(DisplayTitle(MakeArticle("body", std::string("Known title"))) == "Known title");
    // cut at a word boundary, never inside a UTF-8 sequence, with an ellipsis
    std::string t = DisplayTitle(MakeArticle("Zoë àéîõü ÀÉÎÕÜ ççç ñññ ßßß ØØØ ÅÅÅ Łódź Größe"), 20);
    CHECK(t.size() <= 20 + 3);
    CHECK(t.substr(t.size() - 3) == "\xE2\x80\xA6");
    CHECK(t.find(' ', t.size() - 4) == std::string::npos);  // no trailing space before …
    std::string body = t.substr(0, t.size() - 3);
    CHECK(std::string("Zoë àéîõü ÀÉÎÕÜ ççç ñññ").rfind(body, 0) == 0);
}

TEST_CASE("DisplayOutlet falls back to the title, then the source; never a file name when there is a title") {
    Article a = MakeArticle("Council votes to close the library\nThe city council voted on Monday.");
    CHECK(DisplayOutlet(a) == "Council votes to close the library");
    a.text = std::string(30, ' ') + "A very long first line that runs on well past the forty-eight bytes kept";
    CHECK(DisplayOutlet(a) == "A very long first line that runs on well past\xE2\x80\xA6");
    a.text.clear();
    CHECK(DisplayOutlet(a) == "tiny.txt");
    a.meta.outlet = "CNET";
    CHECK(DisplayOutlet(a) == "CNET");
}

TEST_CASE("ParseMetadataJson: errors name the place and keep the previous state") {
    std::vector<MetadataEntry> out = {{"keep.txt", {}}};
    LoadError err;
    SUBCASE("broken JSON gives line and column") {
        CHECK_FALSE(ParseMetadataJson("{\n  \"articles\": [\n    {\"file\": \"a.txt\",}\n  ]\n}", "m.json", out, err));
        CHECK(err.where.find("m.json") == 0);
        CHECK(err.where.find("line 3") != std::string::npos);
    }
    SUBCASE("wrong field type names the field") {
        CHECK_FALSE(ParseMetadataJson(R"({"articles": [{"file": "a.txt", "title": 7}]})", "m.json", out, err));
        CHECK(err.message.find("/articles/0/title") != std::string::npos);
        CHECK(err.message.find("number") != std::string::npos);
    }
    SUBCASE("missing file") {
        CHECK_FALSE(ParseMetadataJson(R"({"articles": [{"title": "x"}]})", "m.json", out, err));
        CHECK(err.message.find("/articles/0/file") != std::string::npos);
    }
    SUBCASE("duplicate file") {
        CHECK_FALSE(ParseMetadataJson(R"({"articles": [{"file": "a.txt"}, {"file": "a.txt"}]})", "m.json", out, err));
        CHECK(err.message.find("listed twice") != std::string::npos);
    }
    SUBCASE("not an object") {
        CHECK_FALSE(ParseMetadataJson("[]", "m.json", out, err));
    }
    REQUIRE(out.size() == 1);
    CHECK(out[0].file == "keep.txt");
}

TEST_CASE("ParseMetadataJson: null is unknown, strings are kept") {
    std::vector<MetadataEntry> out;
    LoadError err;
    REQUIRE(ParseMetadataJson(R"({"articles": [{"file": "a.txt", "outlet": null, "title": "Één “titel”", "language": "nl"}]})",
                              "m.json", out, err));
    REQUIRE(out.size() == 1);
    CHECK_FALSE(out[0].meta.outlet.has_value());
    CHECK(out[0].meta.title.value() == "Één “titel”");
    CHECK(out[0].meta.language.value() == "nl");
}

TEST_CASE("The embedded default corpus: five articles with what the texts reveal") {
    Corpus c;
    LoadError err;
    REQUIRE(LoadDefaultCorpus(c, err));
    REQUIRE(c.articles.size() == 5);
    CHECK(c.articles[0].source == "000_f08923bbbf1d2df1.txt");
    CHECK(c.articles[0].meta.language.value() == "nl");
    CHECK_FALSE(c.articles[0].meta.outlet.has_value());
    CHECK(DisplayTitle(c.articles[0]).rfind("Vorige week schreven aandeelhouders van Amazon", 0) == 0);
    CHECK(c.articles[2].meta.outlet.value() == "Sputnik International");
    CHECK(c.articles[3].meta.outlet.value() == "CNET");
    CHECK(c.articles[3].meta.author.value() == "Sean Keane");
    CHECK(c.articles[4].meta.outlet.value() == "Metro US");
    CHECK(c.articles[4].meta.title.value() == "Amazon workers refuse to build technology for ICE, citing IBM’s work with Hitler");
    for (const Article& a : c.articles) {
        CHECK(a.meta.language.has_value());
        CHECK(a.text.size() > 1000);
    }
    // the Sputnik article ends with its Russian boilerplate line, unaltered
    CHECK(c.articles[2].text.find("Заголовок открываемого материала") != std::string::npos);
    // the CNET article keeps its curly quotes and bullets
    CHECK(c.articles[3].text.find("  • Stop selling facial recognition services to law enforcement") != std::string::npos);
}
