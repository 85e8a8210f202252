// tests: the term table (interning folded words) and the tokenizer's ASCII fast path. Edge cases
// first; then every token of the default corpus, checked against the plain fold.
#include <doctest/doctest.h>

#include <map>

#include "core/analysis.hpp"
#include "core/terms.hpp"
#include "io/corpus_io.hpp"

using namespace presslens;

namespace {
std::vector<uint32_t> Ids(TermTable& t, std::string_view text) {
    std::vector<uint32_t> out;
    for (const Token& tok : TokenizeAll(text)) out.push_back(t.InternToken(text, tok));
    return out;
}
std::vector<std::string> Spans(std::string_view text) {
    std::vector<std::string> out;
    for (const Token& tok : TokenizeAll(text)) out.emplace_back(text.substr(tok.span.begin, tok.span.size()));
    return out;
}
using V = std::vector<std::string>;
}  // namespace

TEST_CASE("terms: an empty table knows the stopwords and nothing else") {
    TermTable t;
    CHECK(t.Find("amazon") == kNoTerm);
    const uint32_t the = t.Find("the");
    REQUIRE(the != kNoTerm);
    CHECK((t.Info(the).stopword_langs & 1u) != 0);  // kLanguages[0] == "en"
    CHECK(t.Text(the) == "the");
    const size_t before = t.size();
    CHECK(t.Intern("the") == the);
    CHECK(t.size() == before);
}

TEST_CASE("terms: case and apostrophe variants are one term, short or long, at the end of the text or not") {
    TermTable t;
    // "The" (short, keyed raw) and "the" at the very end (fewer than 8 bytes left)
    std::vector<uint32_t> a = Ids(t, "The THE tHe the");
    REQUIRE(a.size() == 4);
    CHECK(a[0] == a[1]);
    CHECK(a[1] == a[2]);
    CHECK(a[2] == a[3]);
    // "amazon's" is 8 bytes (raw key), "Amazon’s" 10 (folded path): one term
    std::vector<uint32_t> b = Ids(t, "Amazon’s amazon's AMAZON'S");
    REQUIRE(b.size() == 3);
    CHECK(b[0] == b[1]);
    CHECK(b[1] == b[2]);
    CHECK(t.Text(b[0]) == "amazon's");
    std::vector<uint32_t> c = Ids(t, "EMPLOYEES Employees employees");
    CHECK(c[0] == c[1]);
    CHECK(c[1] == c[2]);
    CHECK(t.Text(c[0]) == "employees");
    CHECK(a[0] != b[0]);
    CHECK(b[0] != c[0]);
    // a word that is a prefix of another stays apart (the raw key's zero padding)
    std::vector<uint32_t> d = Ids(t, "ice ices iced ice");
    CHECK(d[0] != d[1]);
    CHECK(d[1] != d[2]);
    CHECK(d[0] == d[3]);
}

TEST_CASE("terms: numbers are numbers even when a stopword list holds them") {
    TermTable t;
    std::vector<uint32_t> ids = Ids(t, "7 2018 150,000 b2b 7");
    REQUIRE(ids.size() == 5);
    CHECK(t.Info(ids[0]).number);
    CHECK(t.Info(ids[1]).number);
    CHECK(t.Info(ids[2]).number);
    CHECK_FALSE(t.Info(ids[3]).number);
    CHECK(ids[0] == ids[4]);
    CHECK(t.Info(t.Intern("7")).number);
    CHECK_FALSE(t.Info(t.Intern("amazon")).number);
}

TEST_CASE("terms: length and script of a term") {
    TermTable t;
    std::vector<uint32_t> ids = Ids(t, "Сотрудники café");
    REQUIRE(ids.size() == 2);
    CHECK(t.Info(ids[0]).cyrillic);
    CHECK(t.Info(ids[0]).code_points == 10);
    CHECK_FALSE(t.Info(ids[1]).cyrillic);
    CHECK(t.Info(ids[1]).code_points == 4);
}

TEST_CASE("tokenize: the ASCII fast path ends a word exactly where the general rules do") {
    CHECK(Spans("abc'd abc-d abc1 abcé abc. abc,1 abc") == V{"abc'd", "abc-d", "abc1", "abcé", "abc", "abc", "1", "abc"});
    CHECK(Spans("abc' abc- abc’s x") == V{"abc", "abc", "abc’s", "x"});
    CHECK(Spans("abc\xFF" "def") == V{"abc", "def"});  // an invalid byte separates
    CHECK(Spans("a") == V{"a"});
}

TEST_CASE("terms: every token of the default corpus interns to its plain fold") {
    Corpus corpus;
    LoadError e;
    REQUIRE(LoadDefaultCorpus(corpus, e));
    TermTable t;
    std::map<std::string, uint32_t> seen;  // folded -> id: one id per folded form, one form per id
    std::string f;
    size_t tokens = 0;
    for (const Article& a : corpus.articles) {
        for (const Token& tok : TokenizeAll(a.text)) {
            FoldToken(std::string_view(a.text).substr(tok.span.begin, tok.span.size()), f);
            const uint32_t id = t.InternToken(a.text, tok);
            CHECK(t.Text(id) == f);
            CHECK(t.Info(id).number == (tok.kind == TokenKind::Number));
            auto [it, inserted] = seen.emplace(f, id);
            if (!inserted) CHECK(it->second == id);
            ++tokens;
        }
    }
    CHECK(tokens > 2000);
    CHECK(seen.size() > 500);
}
