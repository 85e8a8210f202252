// tests: honest cells. A matrix cell is reported, not reported, or not covered (no rule of the
// code applies in the outlet's languages); the codebook-level language and its proposal from the
// terms; exports of a not-covered cell.
#include <doctest/doctest.h>

#include "core/codebook.hpp"
#include "core/vocabularies.hpp"
#include "io/codebook_io.hpp"
#include "test_codebooks.hpp"
#include "io/reports.hpp"
#include "io/table.hpp"

using namespace presslens;

namespace {

std::string ParseFails(const std::string& json) {
    Codebook cb;
    LoadError err;
    CHECK_FALSE(ParseCodebookJson(json, "test.json", cb, err));
    return err.ToString();
}

Article MakeArticle(std::string outlet, std::string lang, std::string text) {
    Article a;
    a.source = outlet + "-" + lang + ".txt";
    a.meta.outlet = std::move(outlet);
    a.meta.language = std::move(lang);
    a.text = std::move(text);
    return a;
}

struct Run {
    Corpus corpus;
    AnalyzedCorpus ac;
    MatchResult m;
    Matrix mx;
};

std::unique_ptr<Run> Match(Corpus corpus, const Codebook& cb) {
    auto r = std::make_unique<Run>();
    r->corpus = std::move(corpus);
    r->ac = AnalyzeCorpus(r->corpus);
    CompiledCodebook compiled(cb);
    r->m = MatchCorpus(r->ac, compiled);
    r->mx = BuildMatrix(r->ac, cb, r->m);
    return r;
}

size_t Row(const Run& r, std::string_view outlet) {
    for (size_t i = 0; i < r.ac.outlets.size(); ++i)
        if (r.ac.outlets[i] == outlet) return i;
    FAIL("no outlet " << outlet);
    return 0;
}

// An English-only claim, as a new user writes it.
const char* kEnglishOnly = R"({
  "name": "Arbitration",
  "codes": [{"id": "W1", "label": "End forced arbitration",
             "rules": [{"id": "W1-en", "lang": "en", "all": ["forced arbitration", ["end", "demand*", "ask*"]]}]}]
})";

Corpus ThreeOutlets() {
    Corpus c;
    c.articles.push_back(MakeArticle("Wire", "en", "The workers demand an end to forced arbitration at the firm."));
    c.articles.push_back(MakeArticle("Daily", "en", "The workers met the managers on Tuesday to talk about pay."));
    c.articles.push_back(MakeArticle("Zeitung", "de", "Die Mitarbeiter fordern ein Ende der Zwangsschlichtung im Konzern."));
    // an outlet writing in two languages is covered when one of them is
    c.articles.push_back(MakeArticle("Mixed", "de", "Die Mitarbeiter fordern ein Ende der Zwangsschlichtung."));
    c.articles.push_back(MakeArticle("Mixed", "en", "The weather in the valley was mild on Tuesday."));
    return c;
}

}  // namespace

TEST_CASE("cells: reported, not reported, and not covered when no rule sees the language") {
    Codebook cb = test::ParseCodebookOrFail(kEnglishOnly);
    auto r = Match(ThreeOutlets(), cb);
    const MatrixCell& wire = r->mx.at(Row(*r, "Wire"), 0);
    const MatrixCell& daily = r->mx.at(Row(*r, "Daily"), 0);
    const MatrixCell& zeitung = r->mx.at(Row(*r, "Zeitung"), 0);
    const MatrixCell& mixed = r->mx.at(Row(*r, "Mixed"), 0);
    CHECK(wire.present());
    CHECK(wire.covered);
    CHECK_FALSE(daily.present());
    CHECK(daily.covered);
    CHECK_FALSE(daily.not_covered());
    CHECK(zeitung.not_covered());
    CHECK_FALSE(mixed.not_covered());  // its English article is seen
    CHECK(r->mx.col_outlets[0] == 1);
    CHECK(r->mx.col_covered[0] == 3);
    CHECK(ColumnTotal(r->mx, 0) == "reported by 1 of 3 outlets covered (4 in all)");
    CHECK(r->mx.row_covered[Row(*r, "Zeitung")] == 0);

    std::string why = NotCoveredReason(r->ac, cb, Row(*r, "Zeitung"), 0);
    CHECK(why == "not covered: no rule of W1 is written for German (de): add German terms, or mark a rule for every "
                 "language");
    CHECK(NotCoveredReason(r->ac, cb, Row(*r, "Daily"), 0).empty());
}

TEST_CASE("cells: a rule for every language covers every outlet; a hit is always covered") {
    Codebook cb = test::ParseCodebookOrFail(R"({"codes": [{"id": "N", "label": "a name",
        "rules": [{"lang": "*", "term": "zwangsschlichtung"}]}]})");
    auto r = Match(ThreeOutlets(), cb);
    for (size_t row = 0; row < r->mx.rows; ++row) CHECK(r->mx.at(row, 0).covered);
    CHECK(r->mx.at(Row(*r, "Zeitung"), 0).present());
}

TEST_CASE("cells: an article of an unidentified language is covered only by rules for every language") {
    Codebook cb = test::ParseCodebookOrFail(kEnglishOnly);
    Corpus c;
    Article a;
    a.source = "x.txt";
    a.meta.outlet = "Nowhere";
    a.text = "Zzq vvq.";  // too little to identify
    c.articles.push_back(a);
    auto r = Match(std::move(c), cb);
    REQUIRE(r->ac.articles[0].effective_language == "unknown");
    CHECK(r->mx.at(0, 0).not_covered());
    CHECK(NotCoveredReason(r->ac, cb, 0, 0).find("was not identified") != std::string::npos);
}

TEST_CASE("exports: a not-covered cell is n/c in the table, NA in CSV and null in JSON") {
    Codebook cb = test::ParseCodebookOrFail(kEnglishOnly);
    auto r = Match(ThreeOutlets(), cb);
    Table t = MatrixTable(r->ac, cb, r->mx, /*totals=*/false);
    std::string csv = RenderTable(t, TableFormat::Csv);
    CHECK(csv.find("Zeitung,NA,0\n") != std::string::npos);
    CHECK(csv.find("Daily,0,0\n") != std::string::npos);
    CHECK(csv.find("Wire,1,1\n") != std::string::npos);
    std::string json = RenderTable(t, TableFormat::Json);
    CHECK(json.find("\"W1\": null") != std::string::npos);
    std::string text = RenderTable(MatrixTable(r->ac, cb, r->mx, /*totals=*/true), TableFormat::Text);
    CHECK(text.find("n/c") != std::string::npos);
    CHECK(text.find("(outlets covered)") != std::string::npos);
    // why-empty rows carry the reason
    std::string why = RenderTable(NearMissTable(r->ac, cb, r->m, r->mx), TableFormat::Csv);
    CHECK(why.find("Zeitung,W1,1,,,,\"not covered: no rule of W1 is written for German (de)") != std::string::npos);
}

TEST_CASE("codebook language: rules without lang take the codebook's; it is written back; \"*\" stays every language") {
    Codebook cb = test::ParseCodebookOrFail(R"({"lang": "de", "codes": [
        {"id": "A", "label": "a", "rules": [{"term": "zwangsschlichtung"}]},
        {"id": "B", "label": "b", "rules": [{"lang": "*", "term": "arbitration"}]}]})");
    CHECK(cb.language == "de");
    CHECK_FALSE(cb.language_proposed);
    CHECK(RuleLanguages(cb, cb.codes[0].rules[0]) == std::vector<std::string>{"de"});
    CHECK(RuleLanguages(cb, cb.codes[1].rules[0]) == std::vector<std::string>{"*"});
    CHECK(CodeCoversLanguage(cb, cb.codes[0], "de"));
    CHECK_FALSE(CodeCoversLanguage(cb, cb.codes[0], "en"));
    std::string json = CodebookToJson(cb);
    CHECK(json.find("\"lang\": \"de\"") != std::string::npos);
    CHECK(test::ParseCodebookOrFail(json) == cb);
    CHECK(ParseFails(R"({"lang": "German", "codes": [{"id": "A", "label": "a", "rules": [{"term": "x"}]}]})")
              .find("/lang: expected a two-letter language code") != std::string::npos);
}

TEST_CASE("codebook language: proposed from the terms when the file names none, and not written back") {
    Codebook en = test::ParseCodebookOrFail(R"({"codes": [{"id": "A", "label": "a",
        "rules": [{"all": ["forced arbitration", ["call for", "end of the", "ask*"]]}]}]})");
    CHECK(en.language == "en");
    CHECK(en.language_proposed);
    CHECK(CodebookToJson(en).find("\"lang\"") == std::string::npos);
    CHECK(test::ParseCodebookOrFail(CodebookToJson(en)) == en);

    Codebook nl = test::ParseCodebookOrFail(R"({"codes": [{"id": "A", "label": "a",
        "rules": [{"all": ["gedwongen arbitrage", ["een einde aan", "roepen op tot", "van de"]]}]}]})");
    CHECK(nl.language == "nl");

    // every rule has its own language: nothing to propose
    Codebook all = test::ParseCodebookOrFail(kEnglishOnly);
    CHECK(all.language.empty());
    CHECK_FALSE(all.language_proposed);
    // terms that tell nothing: no proposal, the rules apply in every language
    Codebook none = test::ParseCodebookOrFail(R"({"codes": [{"id": "A", "label": "a", "rules": [{"term": "xq7"}]}]})");
    CHECK(none.language.empty());
    CHECK(RuleLanguages(none, none.codes[0].rules[0]) == std::vector<std::string>{"*"});
}
TEST_CASE("vocabularies: the shared lists are there, in many languages, and well formed") {
    const auto& all = Vocabularies();
    REQUIRE(all.size() >= 5);
    for (const char* id : {"demand", "oppose", "stop", "police", "government"}) {
        const Vocabulary* v = FindVocabulary(std::string("@") + id);
        REQUIRE_MESSAGE(v != nullptr, id);
        CHECK(v->languages.size() >= 15);
        CHECK_FALSE(v->label.empty());
        CHECK_FALSE(v->TermsFor("en").empty());
        CHECK_FALSE(v->TermsFor("pl").empty());
    }
    CHECK(FindVocabulary("@nonsense") == nullptr);
    // every term of every vocabulary is a valid codebook term
    std::string terms_json;
    for (const Vocabulary& v : all)
        for (const VocabularyTerms& t : v.languages)
            for (std::string_view term : t.terms) {
                Codebook cb;
                Code code;
                code.id = "X";
                code.label = "x";
                Rule rule;
                rule.languages = {std::string(t.lang)};
                rule.match.term = std::string(term);
                code.rules.push_back(rule);
                cb.codes.push_back(code);
                auto errors = ValidateCodebook(cb);
                CHECK_MESSAGE(errors.empty(), v.id, " ", t.lang, " \"", term, "\": ",
                              errors.empty() ? "" : errors.front().message);
            }
}

TEST_CASE("vocabularies: a reference matches the rule's language's words, and names itself in why-empty") {
    Codebook cb = test::ParseCodebookOrFail(R"({"codes": [{"id": "W1", "label": "End forced arbitration", "rules": [
        {"id": "W1-all", "lang": ["en", "de"], "all": [["forced arbitration", "zwangsschlichtung"], "@demand"]}]}]})");
    Corpus c;
    c.articles.push_back(MakeArticle("Wire", "en", "The organisers demanded an end to forced arbitration."));
    c.articles.push_back(MakeArticle("Zeitung", "de", "Die Organisatoren fordern ein Ende der Zwangsschlichtung."));
    c.articles.push_back(MakeArticle("Daily", "en", "Forced arbitration is common in the industry."));
    auto r = Match(std::move(c), cb);
    CHECK(r->mx.at(Row(*r, "Wire"), 0).present());
    CHECK(r->mx.at(Row(*r, "Zeitung"), 0).present());
    const MatrixCell& daily = r->mx.at(Row(*r, "Daily"), 0);
    REQUIRE_FALSE(daily.present());
    REQUIRE_FALSE(daily.near_misses.empty());
    const NearMiss& nm = r->m.near_misses[static_cast<size_t>(daily.near_misses.front())];
    CHECK(nm.missing.find("@demand (") != std::string::npos);
}

TEST_CASE("vocabularies: in a rule for every language, each language's words hold only in that language") {
    // "fordern" is German for "demand": in an English sentence it is not a stance word.
    Codebook cb = test::ParseCodebookOrFail(R"({"codes": [{"id": "W1", "label": "x", "rules": [
        {"lang": "*", "all": ["zwangsschlichtung", "@demand"]}]}]})");
    Corpus c;
    c.articles.push_back(MakeArticle("Zeitung", "de", "Die Organisatoren fordern ein Ende der Zwangsschlichtung."));
    c.articles.push_back(MakeArticle("Wire", "en", "The word fordern and the word Zwangsschlichtung appear in a German lesson."));
    auto r = Match(std::move(c), cb);
    CHECK(r->mx.at(Row(*r, "Zeitung"), 0).present());
    CHECK_FALSE(r->mx.at(Row(*r, "Wire"), 0).present());
}

TEST_CASE("vocabularies: an unknown reference is an error naming the known ones; actors cannot use them") {
    std::string e = ParseFails(R"({"codes": [{"id": "A", "label": "a", "rules": [{"lang": "en", "term": "@demands"}]}]})");
    CHECK(e.find("unknown vocabulary \"@demands\"") != std::string::npos);
    CHECK(e.find("@demand") != std::string::npos);
    std::string a = ParseFails(R"({"actors": [{"id": "x", "terms": {"en": ["@police"]}}],
        "codes": [{"id": "A", "label": "a", "rules": [{"lang": "en", "term": "x"}]}]})");
    CHECK(a.find("not actors") != std::string::npos);
}

TEST_CASE("why empty: a labelled group names the shared vocabularies it holds") {
    Codebook cb = test::ParseCodebookOrFail(R"({"codes": [{"id": "W1", "label": "End forced arbitration", "rules": [
        {"lang": "en", "all": ["forced arbitration", {"label": "a demand to end it", "any": ["scrap", "@demand", "@stop"]}]}]}]})");
    Corpus c;
    c.articles.push_back(MakeArticle("Daily", "en", "Forced arbitration is common in the industry."));
    auto r = Match(std::move(c), cb);
    const MatrixCell& cell = r->mx.at(0, 0);
    REQUIRE_FALSE(cell.near_misses.empty());
    CHECK(r->m.near_misses[static_cast<size_t>(cell.near_misses.front())].missing ==
          "missing: a demand to end it (@demand, @stop)");
}
