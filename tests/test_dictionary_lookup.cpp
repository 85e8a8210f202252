// tests: the dictionary lookup of the codebook suggestions (ui/model.hpp, DictionaryLookup): when
// it is asked for and for which languages, the request the suggestion worker reads, and the merge
// of its answer (io/suggestions_io.hpp) into the suggestions: new ones added after their term's,
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
    CHECK(DictionaryLanguages(s) == std::vector<std::string>{"de", "es"});
    request = Start(s, languages);
    CHECK(languages == std::vector<std::string>{"de", "es"});
    CHECK(s.data.dictionaries.running);
    CHECK(s.data.dictionaries.status.find("Looking up dictionaries (German, Spanish)") == 0);
    // the request: the articles with their languages as analysed, and the codebook as written
    Project p;
    std::vector<std::string> warnings;
    LoadError le;
    REQUIRE(ParseProject(request, "request", p, warnings, le));
    REQUIRE(p.corpus.articles.size() == 4);
    CHECK(p.corpus.articles[2].text == kSpanish);
    CHECK(p.corpus.articles[2].meta.language == "es");
    CHECK(p.corpus.articles[3].meta.language == "de");
    CHECK(p.codebook_text == s.data.codebook_text);
    // asked already for this corpus and codebook
    ShowingSuggestions(s);
    CHECK_FALSE(StartDictionaryLookup(s, request, languages));
    // a codebook that covers Spanish and German needs no table
    REQUIRE(SetCodebookText(s, R"({"codes": [{"id": "W1", "rules": [{"id": "W1-x", "lang": "*", "term": "workers"}]}]})"));
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
    const std::string answer = SuggestionsToJson(s.data.analysis, s.data.codebook, {cognate, Trabajadores()}, {});
    DictionarySuggestionsArrived(s, s.data.corpus_generation, s.data.codebook_generation, answer, "");
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
    const std::string answer = SuggestionsToJson(s.data.analysis, s.data.codebook, {Trabajadores()}, {});
    DictionarySuggestionsArrived(s, corpus, codebook - 1, answer, "");  // an earlier codebook's
    DictionarySuggestionsArrived(s, corpus - 1, codebook, answer, "");  // an earlier corpus's
    CHECK(Count(s, "trabajadores") == 0);
    CHECK(s.data.dictionaries.running);  // still waiting for its own
    // the codebook changes while the worker runs: its answer comes too late
    REQUIRE(SetCodebookText(s, std::string(kWorkers).replace(std::string(kWorkers).find("Workers"), 7, "Staff")));
    RefreshSuggestions(s);
    DictionarySuggestionsArrived(s, corpus, codebook, answer, "");
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
        const std::string answer = SuggestionsToJson(s.data.analysis, s.data.codebook, {Trabajadores()}, {"dict-en-de.tsv.gz: HTTP 404"});
        DictionarySuggestionsArrived(s, s.data.corpus_generation, s.data.codebook_generation, answer, "");
        CHECK(s.data.suggestions.size() == before + 1);
        CHECK(s.data.dictionaries.failed);
        CHECK(s.data.dictionaries.status.find("Not loaded: dict-en-de.tsv.gz: HTTP 404") != std::string::npos);
        CHECK(s.load.notice == "A dictionary did not load: dict-en-de.tsv.gz: HTTP 404");
    }
    SUBCASE("the worker could not run") {
        Start(s, languages);
        DictionarySuggestionsArrived(s, s.data.corpus_generation, s.data.codebook_generation, "", "could not load suggest.js");
        CHECK(s.data.suggestions.size() == before);
        CHECK(s.data.dictionaries.failed);
        CHECK_FALSE(s.data.dictionaries.running);
        CHECK(s.data.dictionaries.status.find("could not load suggest.js") != std::string::npos);
        CHECK(s.load.notice == "Dictionary suggestions failed: could not load suggest.js");
    }
    SUBCASE("an answer that is not JSON, or names a claim the codebook does not have, is refused whole") {
        Start(s, languages);
        DictionarySuggestionsArrived(s, s.data.corpus_generation, s.data.codebook_generation, "{\"suggestions\": [", "");
        CHECK(s.data.suggestions.size() == before);
        CHECK(s.data.dictionaries.status.find("not a JSON object") != std::string::npos);
        Suggestion wrong = Trabajadores();
        std::string answer = SuggestionsToJson(s.data.analysis, s.data.codebook, {Trabajadores(), wrong}, {});
        const size_t at = answer.rfind("\"code_index\":0");
        REQUIRE(at != std::string::npos);
        answer.replace(at, 14, "\"code_index\":3");
        DictionarySuggestionsArrived(s, s.data.corpus_generation, s.data.codebook_generation, answer, "");
        CHECK(s.data.suggestions.size() == before);
        CHECK(s.data.dictionaries.status.find("suggestion 2: claim W1 (index 3, rule 0) is not in the codebook") != std::string::npos);
    }
}

TEST_CASE("suggestions JSON: written and read back; an example outside its article is refused") {
    AppState s;
    MakeLookupState(s);
    Suggestion phrase = Trabajadores();
    phrase.suggestion = "trabajadores + exigen";
    phrase.parts = {"trabajadores", "exigen"};
    phrase.within = 5;
    phrase.accepted = false;
    const std::string json = SuggestionsToJson(s.data.analysis, s.data.codebook, {phrase}, {"x: HTTP 500"});
    CHECK(json.find("\"code\":\"W1\",\"rule\":\"W1-en\",\"language\":\"es\"") != std::string::npos);  // the CLI's columns first
    std::vector<Suggestion> back;
    std::vector<std::string> errors;
    std::string error;
    REQUIRE(ParseSuggestionsJson(json, s.data.codebook, {47, 24, kSpanish.size(), 38}, back, errors, error));
    REQUIRE(back.size() == 1);
    CHECK(back[0].parts == phrase.parts);
    CHECK(back[0].within == 5);
    CHECK_FALSE(back[0].accepted);
    CHECK(back[0].example == phrase.example);
    CHECK(errors == std::vector<std::string>{"x: HTTP 500"});
    back.clear();
    CHECK_FALSE(ParseSuggestionsJson(json, s.data.codebook, {47, 24, 10, 38}, back, errors, error));
    CHECK(error.find("suggestion 1: its example (article 2, bytes 0-") == 0);
    CHECK(back.empty());
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
    const std::string answer = AnswerSuggestionRequest(request, {{"es", table}}, {"dict-en-de.tsv.gz: HTTP 404"});
    DictionarySuggestionsArrived(s, s.data.corpus_generation, s.data.codebook_generation, answer, "");
    REQUIRE(Count(s, "trabajadores") == 1);
    for (const Suggestion& x : s.data.suggestions)
        if (x.suggestion == "trabajadores") CHECK(x.source == "dictionary");
    CHECK(s.data.dictionaries.status.find("HTTP 404") != std::string::npos);
    // a request that is not one is answered with why
    const std::string bad = AnswerSuggestionRequest("not a project", {}, {});
    std::vector<Suggestion> got;
    std::vector<std::string> errors;
    std::string error;
    REQUIRE(ParseSuggestionsJson(bad, s.data.codebook, {}, got, errors, error));
    CHECK(got.empty());
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].find("the suggestion request") != std::string::npos);
}
#endif
