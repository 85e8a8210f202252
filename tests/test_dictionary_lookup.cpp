// tests: the dictionary lookup of the codebook suggestions (ui/model.hpp, DictionaryLookup): when
// it is asked for and for which languages, the corpus the suggestion worker reads (written in
// pieces, once per corpus generation) and the lookup (the codebook alone), and the merge of its
// answer into the suggestions: new ones added after their term's, none twice, none a prefix of the
// other list covers, stale answers dropped, a table or a worker that failed named while the
// corpus's suggestions stay. The answers are written here, not made by the full engine (which the page's
// main module, and so these tests under node, do not have), except in the last, native, case.
#include <doctest/doctest.h>

#include <algorithm>

#include <string>

#include "io/inputs.hpp"
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

// The worker's answer holds the corpus's own cognates too (it runs the same suggestions, with the
// tables): those of the page's list in the languages looked up that no prefix of `more` for the same
// term covers (one list holds no such pair), followed by `more`.
std::vector<Suggestion> Answer(const AppState& s, std::vector<Suggestion> more) {
    std::vector<Suggestion> out;
    for (const Suggestion& x : s.data.suggestions)
        if ((x.source == "vocabulary" ||
             (x.source == "cognate" &&
              std::find(s.data.dictionaries.languages.begin(), s.data.dictionaries.languages.end(), x.language) !=
                  s.data.dictionaries.languages.end())) &&
            std::none_of(more.begin(), more.end(), [&](const Suggestion& m) {
                return m.term == x.term && m.language == x.language && PrefixCovers(m.suggestion, x.suggestion);
            }))
            out.push_back(x);
    for (Suggestion& x : more) out.push_back(std::move(x));
    return out;
}

size_t Count(const AppState& s, const std::string& suggestion) {
    size_t n = 0;
    for (const Suggestion& x : s.data.suggestions) n += x.suggestion == suggestion;
    return n;
}

// Writes the corpus for the worker, `max_bytes` a piece; returns the pieces.
std::vector<DictionaryCorpusPiece> WriteCorpus(AppState& s, size_t max_bytes = 1 << 20) {
    std::vector<DictionaryCorpusPiece> pieces;
    for (DictionaryCorpusPiece piece; WriteDictionaryCorpus(s, max_bytes, piece);) pieces.push_back(piece);
    return pieces;
}

std::string Joined(const std::vector<DictionaryCorpusPiece>& pieces) {
    std::string out;
    for (const DictionaryCorpusPiece& p : pieces) out += p.bytes;
    return out;
}

// Starts a lookup (the suggestions shown), writing its corpus first if the worker lacks it, and
// returns the lookup's codebook; `corpus` gets what was written of the corpus.
std::string Start(AppState& s, std::vector<std::string>& languages, std::string* corpus = nullptr) {
    std::string codebook;
    ShowingSuggestions(s);
    if (!StartDictionaryLookup(s, codebook, languages)) {
        const std::string written = Joined(WriteCorpus(s));
        if (corpus) *corpus = written;
        REQUIRE(StartDictionaryLookup(s, codebook, languages));
    }
    return codebook;
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
    std::string corpus;
    request = Start(s, languages, &corpus);
    CHECK(languages == std::vector<std::string>{"de", "es"});
    CHECK(s.data.dictionaries.running);
    CHECK(s.data.dictionaries.status.find("Looking up dictionaries (German, Spanish)") == 0);
    // the lookup: the codebook as written; the corpus before it: the articles with their languages
    // as analysed
    CHECK(request == s.data.codebook_text);
    Corpus c;
    LoadError le;
    REQUIRE(ParseSavedCorpus(corpus, "corpus", c, le));
    REQUIRE(c.articles.size() == 5);
    CHECK(c.articles[2].text == kSpanish);
    CHECK(c.articles[2].meta.language == "es");
    CHECK(c.articles[3].meta.language == "de");
    // asked already for this corpus and codebook
    ShowingSuggestions(s);
    CHECK_FALSE(StartDictionaryLookup(s, request, languages));
    // a codebook that covers Spanish and German needs no table; the worker still finds the forms
    // and distinctive words in its rules' own languages
    std::string own = kWorkers;
    own.replace(own.find("\"lang\": \"en\""), 12, "\"lang\": [\"en\", \"es\", \"de\"]");
    REQUIRE(SetCodebookText(s, own));
    RefreshSuggestions(s);
    CHECK(DictionaryLanguages(s).empty());
    request = Start(s, languages);
    CHECK(languages.empty());
    CHECK(s.data.dictionaries.status == "Looking up forms and distinctive words\xE2\x80\xA6");
    // a rule for every language has no language of its own: nothing to ask
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
    DictionarySuggestionsArrived(s, s.data.corpus_generation, s.data.codebook_generation, Answer(s, {cognate, Trabajadores()}), {}, "");
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

TEST_CASE("dictionary lookup: a cognate of the page's own list that the answer refuses is taken out") {
    AppState s;
    MakeLookupState(s);
    REQUIRE(Count(s, "transparencia") == 1);  // the corpus's own cognate, in Spanish (looked up)
    // a cognate in a language that is not looked up ("ar": no table) stays as it is
    Suggestion arabic = Trabajadores();
    arabic.language = "ar";
    arabic.suggestion = "trabajadores";
    arabic.source = "cognate";
    s.data.suggestions.push_back(arabic);
    std::vector<std::string> languages;
    Start(s, languages);
    REQUIRE(std::find(languages.begin(), languages.end(), "es") != languages.end());
    // the worker, reading the tables backwards, found "transparencia" to be another word: its answer
    // holds every other cognate of the page's list but that one
    std::vector<Suggestion> answer = Answer(s, {Trabajadores()});
    std::erase_if(answer, [](const Suggestion& x) { return x.suggestion == "transparencia"; });
    const size_t others = answer.size() - 1;
    DictionarySuggestionsArrived(s, s.data.corpus_generation, s.data.codebook_generation, answer, {}, "");
    CHECK(Count(s, "transparencia") == 0);
    CHECK(Count(s, "trabajadores") == 2);  // the dictionary's in Spanish, and the Arabic cognate kept
    size_t cognates = 0;
    for (const Suggestion& x : s.data.suggestions) cognates += x.source == "cognate" && x.language != "ar";
    CHECK(cognates == others);
}

TEST_CASE("dictionary lookup: a vocabulary of the page's own list that the answer does not hold is taken out") {
    AppState s;
    REQUIRE(SetCodebookText(s, R"({"name": "Walkout", "codes": [{"id": "W1", "label": "Workers", "rules": [
        {"id": "W1-en", "lang": "en", "any": ["workers", "transparency", "demand*"]}]}]})"));
    SetCorpus(s, MakeLookupCorpus());
    s.data.corpus_is_default = false;
    RefreshSuggestions(s);
    auto vocabularies = [&] {
        size_t n = 0;
        for (const Suggestion& x : s.data.suggestions) n += x.source == "vocabulary";
        return n;
    };
    const size_t before = vocabularies();
    REQUIRE(before >= 2);  // "demand*": @demand in German and in Spanish
    std::vector<std::string> languages;
    Start(s, languages);
    // the worker weighed @demand against the codebook's other parts and refused it in German
    std::vector<Suggestion> answer = Answer(s, {Trabajadores()});
    const size_t refused = std::erase_if(answer, [](const Suggestion& x) { return x.source == "vocabulary" && x.language == "de"; });
    REQUIRE(refused >= 1);
    DictionarySuggestionsArrived(s, s.data.corpus_generation, s.data.codebook_generation, answer, {}, "");
    CHECK(vocabularies() == before - refused);
    for (const Suggestion& x : s.data.suggestions) CHECK_FALSE((x.source == "vocabulary" && x.language == "de"));
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
        DictionarySuggestionsArrived(s, s.data.corpus_generation, s.data.codebook_generation, Answer(s, {Trabajadores()}),
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

TEST_CASE("dictionary lookup: the corpus goes to the worker in pieces, once per corpus; a codebook edit sends only the codebook") {
    AppState s;
    MakeLookupState(s);
    // an article without a language in its metadata goes with the one it was analysed in
    s.data.corpus.articles[1].meta.language.reset();
    Corpus c0 = s.data.corpus;
    SetCorpus(s, std::move(c0));
    RefreshSuggestions(s);
    REQUIRE_FALSE(s.data.analysis.articles[1].effective_language.empty());
    std::string codebook;
    std::vector<std::string> languages;
    DictionaryCorpusPiece piece;
    CHECK_FALSE(WriteDictionaryCorpus(s, 1, piece));  // no lookup asked for yet: nothing to write
    ShowingSuggestions(s);
    CHECK_FALSE(StartDictionaryLookup(s, codebook, languages));  // the corpus first
    CHECK(s.data.dictionaries.running);
    CHECK(s.data.dictionaries.status.find("Looking up dictionaries") == 0);
    // a piece per article at 1 byte a piece; the head in the first
    const std::vector<DictionaryCorpusPiece> pieces = WriteCorpus(s, 1);
    REQUIRE(pieces.size() == 5);
    CHECK(pieces.front().first);
    CHECK(pieces.front().bytes.starts_with(kSavedCorpusHead));
    CHECK_FALSE(pieces[1].first);
    CHECK_FALSE(pieces[3].last);
    CHECK(pieces.back().last);
    for (const DictionaryCorpusPiece& p : pieces) CHECK(p.generation == s.data.corpus_generation);
    Corpus c;
    LoadError le;
    REQUIRE(ParseSavedCorpus(Joined(pieces), "corpus", c, le));
    REQUIRE(c.articles.size() == 5);
    for (size_t i = 0; i < 5; ++i) {
        CHECK(c.articles[i].text == s.data.corpus.articles[i].text);
        CHECK(c.articles[i].meta.language == s.data.analysis.articles[i].effective_language);
    }
    CHECK(s.data.dictionaries.corpus_bytes == Joined(pieces).size());
    // then the lookup, with the codebook only; bigger pieces hold several articles
    CHECK(StartDictionaryLookup(s, codebook, languages));
    CHECK(codebook == s.data.codebook_text);
    CHECK_FALSE(WriteDictionaryCorpus(s, 1, piece));
    // a codebook edit: the lookup goes at once, no corpus written
    REQUIRE(SetCodebookText(s, std::string(kWorkers).replace(std::string(kWorkers).find("Workers"), 7, "Staff")));
    RefreshSuggestions(s);
    ShowingSuggestions(s);
    CHECK(StartDictionaryLookup(s, codebook, languages));
    CHECK(codebook.find("Staff") != std::string::npos);
    CHECK_FALSE(WriteDictionaryCorpus(s, 1, piece));
    // a new corpus is written anew; one that changes while written is given up for the newer one
    Corpus more = MakeLookupCorpus();
    more.articles.push_back(OutletArticle("El Mundo", "es", "Los empleados piden transparencia."));
    SetCorpus(s, std::move(more));
    RefreshSuggestions(s);
    ShowingSuggestions(s);
    CHECK_FALSE(StartDictionaryLookup(s, codebook, languages));
    REQUIRE(WriteDictionaryCorpus(s, 1, piece));
    CHECK(piece.first);
    REQUIRE(WriteDictionaryCorpus(s, 1, piece));
    CHECK_FALSE(piece.first);
    SetCorpus(s, MakeLookupCorpus());
    RefreshSuggestions(s);
    CHECK_FALSE(WriteDictionaryCorpus(s, 1, piece));  // given up
    ShowingSuggestions(s);
    CHECK_FALSE(StartDictionaryLookup(s, codebook, languages));
    const std::vector<DictionaryCorpusPiece> again = WriteCorpus(s, 1 << 20);
    REQUIRE(again.size() == 1);  // the whole corpus in one piece
    CHECK((again[0].first && again[0].last));
    CHECK(again[0].generation == s.data.corpus_generation);
    CHECK(StartDictionaryLookup(s, codebook, languages));
}

TEST_CASE("PrefixCovers: a one-word prefix covers the longer words and prefixes it starts") {
    CHECK(PrefixCovers("salario*", "salarios"));
    CHECK(PrefixCovers("salario*", "salarios*"));
    CHECK_FALSE(PrefixCovers("salario*", "salario"));   // not longer: the word itself stays
    CHECK_FALSE(PrefixCovers("salario*", "salario*"));
    CHECK_FALSE(PrefixCovers("salario", "salarios"));   // not a prefix
    CHECK_FALSE(PrefixCovers("salario*", "sueldo"));
    CHECK_FALSE(PrefixCovers("salario*", "salarios altos"));  // a phrase
    CHECK_FALSE(PrefixCovers("salario*", "salarios + altos"));
    CHECK_FALSE(PrefixCovers("*", ""));
}

TEST_CASE("dictionary lookup: across the two lists, a word a prefix of the same term covers is not kept") {
    AppState s;
    MakeLookupState(s);
    REQUIRE(Count(s, "transparencia") == 1);  // the corpus's own: a cognate of "transparency"
    // the page's list also offers a prefix for "workers" (as a cognate would)
    Suggestion page_prefix = Trabajadores();
    page_prefix.suggestion = "trabajador*";
    page_prefix.source = "cognate";
    s.data.suggestions.push_back(page_prefix);
    const size_t before = s.data.suggestions.size();
    std::vector<std::string> languages;
    Start(s, languages);
    Suggestion transparenc = Trabajadores();  // the dictionary's prefix for "transparency"
    transparenc.term = "transparency";
    transparenc.suggestion = "transparenc*";
    Suggestion other_term = Trabajadores();  // covered by nothing of its own term
    other_term.term = "transparency";
    other_term.suggestion = "trabajadores";
    Suggestion parts = Trabajadores();  // in parts: never covered
    parts.suggestion = "trabajadores + exigen";
    parts.parts = {"trabajadores", "exigen"};
    parts.within = 5;
    DictionarySuggestionsArrived(s, s.data.corpus_generation, s.data.codebook_generation,
                                 Answer(s, {Trabajadores(), transparenc, other_term, parts}), {}, "");
    // "trabajadores" (dictionary) beside the page's "trabajador*": not added; the page's
    // "transparencia" beside the dictionary's "transparenc*": dropped
    CHECK(Count(s, "trabajador*") == 1);
    CHECK(Count(s, "transparenc*") == 1);
    CHECK(Count(s, "transparencia") == 0);
    CHECK(Count(s, "trabajadores") == 1);  // the other term's
    for (const Suggestion& x : s.data.suggestions)
        if (x.suggestion == "trabajadores") CHECK(x.term == "transparency");
    CHECK(Count(s, "trabajadores + exigen") == 1);
    CHECK(s.data.dictionaries.added == 3);
    CHECK(s.data.suggestions.size() == before - 1 + 3);
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
// the page's main module, whose tests run under node) answers a lookup with a table, on the corpus
// it read once.
TEST_CASE("dictionary lookup: a lookup answered with a table gives the dictionary's translation") {
    AppState s;
    MakeLookupState(s);
    std::vector<std::string> languages;
    std::string written;
    const std::string codebook = Start(s, languages, &written);
    LoadError le;
    const std::unique_ptr<SuggestionCorpus> corpus = ReadSuggestionCorpus(written, le);
    REQUIRE(corpus);
    CHECK(corpus->corpus.articles.size() == 5);
    const std::string table = "workers\ttrabajadores\nworker\ttrabajador\n";
    SuggestionAnswer answer = AnswerSuggestionRequest(*corpus, codebook, {{"es", table}}, {"dict-en-de.tsv.gz: HTTP 404"});
    CHECK(answer.errors == std::vector<std::string>{"dict-en-de.tsv.gz: HTTP 404"});
    // what SuggestTerms makes of the same corpus, codebook and table, in the same order
    BilingualDictionary es("es");
    const DictionaryKeySet keys = DictionaryKeys(s.data.codebook);
    es.Load(table, keys.words, keys.prefixes);
    const std::vector<Suggestion> whole = SuggestTerms(corpus->analysis, s.data.codebook, {es});
    REQUIRE(answer.suggestions.size() == whole.size());
    for (size_t i = 0; i < whole.size(); ++i) CHECK(answer.suggestions[i].suggestion == whole[i].suggestion);
    DictionarySuggestionsArrived(s, s.data.corpus_generation, s.data.codebook_generation, std::move(answer.suggestions),
                                 answer.errors, "");
    // "worker" -> "trabajador", widened to the forms the corpus holds ("trabajadores"), which covers
    // the plural's own translation: one suggestion
    REQUIRE(Count(s, "trabajador*") == 1);
    CHECK(Count(s, "trabajadores") == 0);
    for (const Suggestion& x : s.data.suggestions)
        if (x.suggestion == "trabajador*") CHECK(x.source == "dictionary");
    CHECK(s.data.dictionaries.status.find("HTTP 404") != std::string::npos);
    // the same as JSON, as the page's worker posts it; a second codebook on the same corpus
    const std::string json = AnswerSuggestionRequestJson(*corpus, codebook, {{"es", table}}, {});
    CHECK(json.find("\"suggestion\":\"trabajador*\",\"source\":\"dictionary\"") != std::string::npos);
    std::string staff = kWorkers;
    staff.replace(staff.find("\"workers\""), 9, "\"staff\"");
    const std::string other = AnswerSuggestionRequestJson(*corpus, staff, {{"es", "staff\tpersonal\n"}}, {});
    CHECK(other.find("trabajador") == std::string::npos);
    // a corpus, or a codebook, that cannot be read is answered with why
    CHECK_FALSE(ReadSuggestionCorpus("not a corpus", le));
    CHECK(le.ToString().find("the suggestion worker's corpus") != std::string::npos);
    const SuggestionAnswer bad = AnswerSuggestionRequest(*corpus, "{\"codes\": [", {}, {});
    CHECK(bad.suggestions.empty());
    REQUIRE(bad.errors.size() == 1);
    CHECK(bad.errors[0].find("the lookup's codebook") != std::string::npos);
}
#endif
