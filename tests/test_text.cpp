// tests: UTF-8 handling, tokenization and folding. Edge cases first.
#include <doctest/doctest.h>

#include "core/text.hpp"

using namespace presslens;

namespace {
std::vector<std::string> Words(std::string_view text) {
    std::vector<std::string> out;
    std::string f;
    for (const Token& t : TokenizeAll(text)) {
        FoldToken(text.substr(t.span.begin, t.span.size()), f);
        out.push_back(f);
    }
    return out;
}
using V = std::vector<std::string>;
}  // namespace

TEST_CASE("tokenize: empty and whitespace") {
    CHECK(Words("").empty());
    CHECK(Words(" \t\n\r  ").empty());
    CHECK(Words("— – … • “ ”").empty());
}

TEST_CASE("tokenize: curly and straight apostrophes are one word") {
    CHECK(Words("Amazon’s Amazon's") == V{"amazon's", "amazon's"});
    CHECK(Words("‘zero-tolerance’ policy") == V{"zero-tolerance", "policy"});
    CHECK(Words("wouldn’t") == V{"wouldn't"});
    CHECK(Words("employees’ letter") == V{"employees", "letter"});  // a trailing ’ closes the word
}

TEST_CASE("tokenize: hyphens, numbers, punctuation") {
    CHECK(Words("facial-recognition law-enforcement") == V{"facial-recognition", "law-enforcement"});
    CHECK(Words("over 150,000 individuals, $10-billion; 3.5 and 2018.") ==
          V{"over", "150,000", "individuals", "10-billion", "3.5", "and", "2018"});
    CHECK(Words("U.S. authorities") == V{"u", "s", "authorities"});
    CHECK(Words("end--to") == V{"end", "to"});
    auto toks = TokenizeAll("a 19 b");
    REQUIRE(toks.size() == 3);
    CHECK(toks[1].kind == TokenKind::Number);
    CHECK(toks[0].kind == TokenKind::Word);
}

TEST_CASE("tokenize: spans are byte ranges into the original") {
    std::string_view s = "“Als ethisch betrokken Amazonians”";
    auto toks = TokenizeAll(s);
    REQUIRE(toks.size() == 4);
    CHECK(s.substr(toks[0].span.begin, toks[0].span.size()) == "Als");
    CHECK(toks[0].span.begin == 3);  // after the 3-byte “
    CHECK(s.substr(toks[3].span.begin, toks[3].span.size()) == "Amazonians");
}

TEST_CASE("fold: NFC, case folding, mixed scripts") {
    CHECK(Words("ÉÉN één") == V{"één", "één"});
    CHECK(Words("e\xCC\x81" "en") == V{"\xC3\xA9" "en"});  // e + combining acute -> é
    CHECK(Words("Straße") == V{"strasse"});
    CHECK(Words("Заголовок Amazon") == V{"заголовок", "amazon"});
    CHECK(Words("Łódź") == V{"łódź"});
}

TEST_CASE("invalid UTF-8: separators, counted, never a crash") {
    std::string bad = "ab\xFF" "cd\xC3";  // stray byte, truncated sequence at the end
    CHECK(Words(bad) == V{"ab", "cd"});
    Utf8Report r = CheckUtf8(bad);
    CHECK(r.invalid_sequences == 2);
    CHECK(r.first_invalid_offset == 2);
    CHECK(ReplaceInvalidUtf8(bad) == "ab\xEF\xBF\xBD" "cd\xEF\xBF\xBD");
    CHECK(CheckUtf8("\xC0\x80").invalid_sequences == 2);        // overlong NUL
    CHECK(CheckUtf8("\xED\xA0\x80").invalid_sequences == 3);    // surrogate
    CHECK(CheckUtf8("ok “fine”").invalid_sequences == 0);
}

TEST_CASE("tokenize: a very long line is linear and complete") {
    std::string s;
    for (int i = 0; i < 100000; ++i) s += "word ";
    CHECK(TokenizeAll(s).size() == 100000);
    // a megabyte run of letters is not a word; the longest word kept is kMaxTokenBytes long
    std::string one(1 << 20, 'a');
    CHECK(TokenizeAll(one + " end").size() == 1);
    std::string longest(kMaxTokenBytes, 'b');
    auto t = TokenizeAll(longest + " " + longest + "b " + "Rindfleischetikettierungs\xC3\xBC" "berwachungsaufgaben");
    REQUIRE(t.size() == 2);
    CHECK(t[0].span.size() == kMaxTokenBytes);
    CHECK(t[1].span.size() == 46);  // 45 letters, ü is two bytes
}
