// tests: the dictionary lookup of the codebook suggestions (ui/model.hpp, DictionaryLookup): when
// it is asked for and for which languages, the request the suggestion worker reads, and the merge
// of its answer into the suggestions: new ones added after their term's,
// none twice, stale answers dropped, a table or a worker that failed named while the corpus's
// suggestions stay. The answers are written here, not made by the full engine (which the page's
// main module, and so these tests under node, do not have), except in the last, native, case.
#include <doctest/doctest.h>

#include <string>

#include "io/project.hpp"
#include "io/suggestions_io.hpp"
#include "test_articles.hpp"
#include "ui/model.hpp"

using namespace presslens;
using presslens::test::OutletArticle;
using namespace presslens::ui;

namespace {

const std::string kSpanish = "Los trabajadores exigen transparencia sobre el arbitraje.";

// Two English outlets, a Spanish and a German one; the codebook is English only.
Corpus MakeLookupCorpus() {
    Corpus c;
    c.articles.push_back(OutletArticle("Wire", "en", "The workers demand transparency on arbitration."));
    c.articles.push_back(OutletArticle("Daily", "en", "Nothing about that here."));
    c.articles.push_back(OutletArticle("El País", "es", kSpanish));
    c.articles.push_back(OutletArticle("Die Zeit", "de", "Die Beschäftigten fordern Transparenz."));
    c.articles.push_back(OutletArticle("Al Ahram", "ar", "\xD8\xA7\xD9\x84\xD8\xB9\xD9\x85\xD8\xA7\xD9\x84"));  // no table for Arabic
    return c;
}

const char* kWorkers = R"({"name": "Walkout", "codes": [{"id": "W1", "label": "Workers", "rules": [
    {"id": "W1-en", "lang": "en", "any": ["workers", "transparency"]}]}]})";

void MakeLookupState(AppState& s) {
    REQUIRE(SetCodebookText(s, kWorkers));
    SetCorpus(s, MakeLookupCorpus());
    s.data.corpus_is_default = false;
    RefreshSuggestions(s);
}

// What the worker would answer: "workers" -> "trabajadores" (Spanish), from a dictionary.
Suggestion Trabajadores() {
    Suggestion x;
    x.code = 0;
    x.rule = 0;
    x.language = "es";
    x.term = "workers";
    x.suggestion = "trabajadores";
    x.source = "dictionary";
    x.articles = 1;
    x.sentences = 1;
    x.example_article = 2;
    x.example = Span{0, static_cast<uint32_t>(kSpanish.size())};
    return x;
}

size_t Count(const AppState& s, const std::string& suggestion) {
    size_t n = 0;
    for (const Suggestion& x : s.data.suggestions) n += x.suggestion == suggestion;
    return n;
}

// Starts a lookup (the suggestions shown) and returns its request.
std::string Start(AppState& s, std::vector<std::string>& languages) {
    std::string request;
    ShowingSuggestions(s);
    REQUIRE(StartDictionaryLookup(s, request, languages));
    return request;
}

}  // namespace

TEST_CASE("dictionary lookup: asked once per corpus and codebook, when shown, for the languages a claim lacks") {
    AppState s;
    MakeLookupState(s);
    std::string request;
    std::vector<std::string> languages;
    CHECK_FALSE(StartDictionaryLookup(s, request, languages));  // the suggestions are not on screen
    CHECK(request.empty());
    CHECK(DictionaryLanguages(s) == std::vector<std::string>{"de", "es"});  // not "ar": FreeDict has no table
    request = Start(s, languages);
    CHECK(languages == std::vector<std::string>{"de", "es"});
    CHECK(s.data.dictionaries.running);
    CHECK(s.data.dictionaries.status.find("Looking up dictionaries (German, Spanish)") == 0);
    // the request: the articles with their languages as analysed, and the codebook as written
    Project p;
    std::vector<std::string> warnings;
    LoadError le;
    REQUIRE(ParseProject(request, "request", p, warnings, le));
    REQUIRE(p.corpus.articles.size() == 5);
    CHECK(p.corpus.articles[2].text == kSpanish);
    CHECK(p.corpus.articles[2].meta.language == "es");
    CHECK(p.corpus.articles[3].meta.language == "de");
    CHECK(p.codebook_text == s.data.codebook_text);
    // asked already for this corpus and codebook
    ShowingSuggestions(s);
    CHECK_FALSE(StartDictionaryLookup(s, request, languages));
    // a codebook that covers Spanish and German needs no table
    std::string every = kWorkers;
    every.replace(every.find("\"lang\": \"en\""), 12, "\"lang\": \"*\"");
    REQUIRE(SetCodebookText(s, every));
    RefreshSuggestions(s);
    CHECK(DictionaryLanguages(s).empty());
    ShowingSuggestions(s);
    CHECK_FALSE(StartDictionaryLookup(s, request, languages));
    CHECK_FALSE(s.data.dictionaries.running);
}

TEST_CASE("dictionary lookup: the answer's new suggestions are added after their term's, none twice") {
    AppState s;
    MakeLookupState(s);
    REQUIRE(Count(s, "transparencia") == 1);  // the corpus's own: a cognate
    REQUIRE(Count(s, "trabajadores") == 0);   // which the corpus cannot make
    const size_t before = s.data.suggestions.size();
    std::vector<std::string> languages;
    Start(s, languages);
    Suggestion cognate;
    for (const Suggestion& x : s.data.suggestions)
        if (x.suggestion == "transparencia") cognate = x;
    DictionarySuggestionsArrived(s, s.data.corpus_generation, s.data.codebook_generation, {cognate, Trabajadores()}, {}, "");
    CHECK_FALSE(s.data.dictionaries.running);
    CHECK_FALSE(s.data.dictionaries.failed);
    CHECK(s.data.dictionaries.added == 1);
    CHECK(s.data.suggestions.size() == before + 1);
    CHECK(Count(s, "transparencia") == 1);
    REQUIRE(Count(s, "trabajadores") == 1);
    CHECK(s.data.dictionaries.status == "Dictionaries (German, Spanish): 1 suggestion added.");
    for (const Suggestion& x : s.data.suggestions)
        if (x.suggestion == "trabajadores") {
            CHECK(x.source == "dictionary");
            CHECK(x.example_article == 2);
            CHECK(x.example.end == kSpanish.size());
        }
    // accepting it carries the claim into Spanish with the translation
    AcceptSuggestions(s);
    bool found = false;
    for (const Rule& r : s.data.codebook.codes[0].rules)
        if (r.languages == std::vector<std::string>{"es"}) found = true;
    CHECK(found);
    CHECK(s.data.codebook_text.find("trabajadores") != std::string::npos);
}

TEST_CASE("dictionary lookup: an answer for another corpus or codebook is dropped") {
    AppState s;
    MakeLookupState(s);
    std::vector<std::string> languages;
    Start(s, languages);
    const long corpus = s.data.corpus_generation, codebook = s.data.codebook_generation;
    DictionarySuggestionsArrived(s, corpus, codebook - 1, {Trabajadores()}, {}, "");  // an earlier codebook's
    DictionarySuggestionsArrived(s, corpus - 1, codebook, {Trabajadores()}, {}, "");  // an earlier corpus's
    CHECK(Count(s, "trabajadores") == 0);
    CHECK(s.data.dictionaries.running);  // still waiting for its own
    // the codebook changes while the worker runs: its answer comes too late
    REQUIRE(SetCodebookText(s, std::string(kWorkers).replace(std::string(kWorkers).find("Workers"), 7, "Staff")));
    RefreshSuggestions(s);
    DictionarySuggestionsArrived(s, corpus, codebook, {Trabajadores()}, {}, "");
    CHECK(Count(s, "trabajadores") == 0);
    // and a new lookup is asked for the new codebook
    std::string request;
    ShowingSuggestions(s);
    CHECK(StartDictionaryLookup(s, request, languages));
    CHECK(s.data.dictionaries.for_codebook == s.data.codebook_generation);
}

TEST_CASE("dictionary lookup: a table or a worker that failed is named; the corpus's suggestions stay") {
    AppState s;
    MakeLookupState(s);
    const size_t before = s.data.suggestions.size();
    REQUIRE(before > 0);
    std::vector<std::string> languages;
    SUBCASE("a table did not load, the other did") {
        Start(s, languages);
        DictionarySuggestionsArrived(s, s.data.corpus_generation, s.data.codebook_generation, {Trabajadores()},
                                     {"dict-en-de.tsv.gz: HTTP 404"}, "");
        CHECK(s.data.suggestions.size() == before + 1);
        CHECK(s.data.dictionaries.failed);
        CHECK(s.data.dictionaries.status.find("Not loaded: dict-en-de.tsv.gz: HTTP 404") != std::string::npos);
        CHECK(s.load.notice == "A dictionary did not load: dict-en-de.tsv.gz: HTTP 404");
    }
    SUBCASE("the worker could not run") {
        Start(s, languages);
        DictionarySuggestionsArrived(s, s.data.corpus_generation, s.data.codebook_generation, {}, {}, "could not load suggest.js");
        CHECK(s.data.suggestions.size() == before);
        CHECK(s.data.dictionaries.failed);
        CHECK_FALSE(s.data.dictionaries.running);
        CHECK(s.data.dictionaries.status.find("could not load suggest.js") != std::string::npos);
        CHECK(s.load.notice == "Dictionary suggestions failed: could not load suggest.js");
    }
    SUBCASE("an answer naming a claim, rule or example the codebook and corpus do not have is refused whole") {
        Start(s, languages);
        Suggestion claim = Trabajadores(), rule = Trabajadores(), example = Trabajadores(), actor = Trabajadores();
        claim.code = 3;
        rule.rule = 1;
        example.example.end = static_cast<uint32_t>(kSpanish.size() + 1);
        actor.actor = 0;
        DictionarySuggestionsArrived(s, s.data.corpus_generation, s.data.codebook_generation, {Trabajadores(), claim}, {}, "");
        CHECK(s.data.suggestions.size() == before);
        CHECK(s.data.dictionaries.status.find("suggestion 2: claim 3, rule 0 is not in the codebook") != std::string::npos);
        for (const Suggestion& bad : {rule, example, actor}) {
            s.data.dictionaries.for_corpus = -1;  // (asked again)
            Start(s, languages);
            DictionarySuggestionsArrived(s, s.data.corpus_generation, s.data.codebook_generation, {bad}, {}, "");
            CHECK(s.data.suggestions.size() == before);
            CHECK(s.data.dictionaries.failed);
        }
        CHECK(s.data.dictionaries.status.find("suggestion 1: actor 0 is not in the codebook") != std::string::npos);
    }
}

TEST_CASE("suggestions JSON: the CLI's columns first, then what rebuilds a suggestion") {
    AppState s;
    MakeLookupState(s);
    Suggestion phrase = Trabajadores();
    phrase.suggestion = "trabajadores + exigen";
    phrase.parts = {"trabajadores", "exigen"};
    phrase.within = 5;
    phrase.accepted = false;
    const std::string json = SuggestionsToJson(s.data.analysis, s.data.codebook, {phrase}, {"x: HTTP 500"});
    CHECK(json == "{\"suggestions\":[{\"code\":\"W1\",\"rule\":\"W1-en\",\"language\":\"es\",\"term\":\"workers\","
                  "\"suggestion\":\"trabajadores + exigen\",\"source\":\"dictionary\",\"articles\":1,\"sentences\":1,"
                  "\"code_index\":0,\"rule_index\":0,\"actor\":-1,\"weak\":false,\"parts\":[\"trabajadores\",\"exigen\"],"
                  "\"within\":5,\"article\":2,\"begin\":0,\"end\":57,\"accepted\":false}],\"errors\":[\"x: HTTP 500\"]}");
}

#ifndef __EMSCRIPTEN__
// The full engine (the command line's, the desktop app's and the page's suggestion worker's; not
// the page's main module, whose tests run under node) answers a request with a table.
TEST_CASE("dictionary lookup: a request answered with a table gives the dictionary's translation") {
    AppState s;
    MakeLookupState(s);
    std::vector<std::string> languages;
    const std::string request = Start(s, languages);
    const std::string table = "workers\ttrabajadores\nworker\ttrabajador\n";
    SuggestionAnswer answer = AnswerSuggestionRequest(request, {{"es", table}}, {"dict-en-de.tsv.gz: HTTP 404"});
    CHECK(answer.errors == std::vector<std::string>{"dict-en-de.tsv.gz: HTTP 404"});
    DictionarySuggestionsArrived(s, s.data.corpus_generation, s.data.codebook_generation, std::move(answer.suggestions),
                                 answer.errors, "");
    // "worker" -> "trabajador", widened to the forms the corpus holds ("trabajadores"), which covers
    // the plural's own translation: one suggestion
    REQUIRE(Count(s, "trabajador*") == 1);
    CHECK(Count(s, "trabajadores") == 0);
    for (const Suggestion& x : s.data.suggestions)
        if (x.suggestion == "trabajador*") CHECK(x.source == "dictionary");
    CHECK(s.data.dictionaries.status.find("HTTP 404") != std::string::npos);
    // the same as JSON, as the page's worker posts it
    const std::string json = AnswerSuggestionRequestJson(request, {{"es", table}}, {});
    CHECK(json.find("\"suggestion\":\"trabajador*\",\"source\":\"dictionary\"") != std::string::npos);
    // a request that is not one is answered with why
    const SuggestionAnswer bad = AnswerSuggestionRequest("not a project", {}, {});
    CHECK(bad.suggestions.empty());
    REQUIRE(bad.errors.size() == 1);
    CHECK(bad.errors[0].find("the suggestion request") != std::string::npos);
}
#endif
