// tests: carrying an English codebook into the corpus's other languages: cognates in the
// corpus's own words, dictionary translations (a small fixture table), the shared vocabularies,
// names kept as they are; phrases carried word by word (near each other, compounds, negations),
// acronyms, prefixes through the source words they match, a vocabulary word's sense, candidates
// weighed against their term's rate; only what the corpus holds is offered; `expand` writes rules
// per language that match and round-trip. Dictionary tests are native only (the page reads none).
#include <doctest/doctest.h>

#include <algorithm>
#include <iterator>

#include "core/suggest.hpp"
#include "io/codebook_io.hpp"
#include "test_codebooks.hpp"
#include "test_articles.hpp"

using namespace presslens;
using presslens::test::OutletArticle;

namespace {

// An English claim, as a new user writes it, over coverage in five languages.
const char* kClaim = R"({"name": "Walkout", "codes": [{"id": "W1", "label": "Transparency on arbitration", "rules": [
    {"id": "W1-en", "lang": "en", "all": [["transparency", "arbitration"], ["demand*", "ask*"]]}]},
  {"id": "P", "label": "Palantir", "rules": [{"id": "P-en", "lang": "en", "term": "palantir"}]}]})";

Corpus FiveLanguages() {
    Corpus c;
    c.articles.push_back(
        OutletArticle("Wire", "en", "The workers demand transparency on arbitration. Palantir was not named."));
    c.articles.push_back(
        OutletArticle("El País", "es", "Los trabajadores exigen transparencia sobre el arbitraje. Palantir no fue citada."));
    c.articles.push_back(OutletArticle("Die Zeit", "de",
                                       "Die Beschäftigten fordern Transparenz beim Schiedsverfahren. "
                                       "Das Schiedsverfahrens-Register ist geheim. Schiedsverfahren sind üblich."));
    c.articles.push_back(OutletArticle("NRC", "nl", "De werknemers eisen transparantie over arbitrage."));
    c.articles.push_back(OutletArticle("Onet", "pl", "Pracownicy żądają jawności arbitrażu."));
    return c;
}

std::vector<Suggestion> Find(const std::vector<Suggestion>& all, std::string_view lang, std::string_view term) {
    std::vector<Suggestion> out;
    for (const Suggestion& s : all)
        if (s.language == lang && s.term == term) out.push_back(s);
    return out;
}

bool Has(const std::vector<Suggestion>& v, std::string_view suggestion, std::string_view source) {
    return std::any_of(v.begin(), v.end(), [&](const Suggestion& s) { return s.suggestion == suggestion && s.source == source; });
}

}  // namespace

TEST_CASE("suggest: cognates in the corpus's own words, with counts and an example") {
    Codebook cb = test::ParseCodebookOrFail(kClaim);
    Corpus corpus = FiveLanguages();
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    std::vector<Suggestion> s = SuggestTerms(ac, cb, {});
    CHECK(Has(Find(s, "es", "transparency"), "transparencia", "cognate"));
    CHECK(Has(Find(s, "de", "transparency"), "transparenz", "cognate"));
    CHECK(Has(Find(s, "nl", "transparency"), "transparantie", "cognate"));
    CHECK(Has(Find(s, "es", "arbitration"), "arbitraje", "cognate"));
    CHECK(Has(Find(s, "nl", "arbitration"), "arbitrage", "cognate"));
    auto es = Find(s, "es", "transparency");
    REQUIRE_FALSE(es.empty());
    CHECK(es.front().articles == 1);
    CHECK(es.front().sentences == 1);
    REQUIRE(es.front().example_article == 1);
    CHECK(corpus.articles[1].text.substr(es.front().example.begin, es.front().example.size()) ==
          "Los trabajadores exigen transparencia sobre el arbitraje.");
    // no German word looks like "arbitration": without a dictionary there is nothing to offer
    CHECK(Find(s, "de", "arbitration").empty());
    // English is covered by the rule itself
    CHECK(Find(s, "en", "transparency").empty());
}

TEST_CASE("suggest: cognates and names in Cyrillic and Greek letters, read as the Latin letters they stand for") {
    Codebook cb = test::ParseCodebookOrFail(R"({"name": "x", "codes": [{"id": "C", "label": "c", "rules": [
        {"id": "C-en", "lang": "en", "any": ["infrastructure", "commission", "license", "bezos", "democracy", "transparency"]}]}]})");
    Corpus corpus;
    corpus.articles.push_back(OutletArticle("Wire", "en", "Bezos sells infrastructure under a license. The commission, democracy and transparency."));
    corpus.articles.push_back(OutletArticle("Ведомости", "ru",
                                            "Безос продает инфраструктуру по лицензии. Инфраструктура растет. "
                                            "Комиссия молчит. Прозрачность важна."));
    corpus.articles.push_back(OutletArticle("Καθημερινή", "el", "Η δημοκρατία κινδυνεύει. Η διαφάνεια λείπει."));
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    std::vector<Suggestion> s = SuggestTerms(ac, cb, {});
    // the forms of one word: the beginning they share
    CHECK(Has(Find(s, "ru", "infrastructure"), "инфраструктур*", "cognate"));
    CHECK(Has(Find(s, "ru", "commission"), "комиссия", "cognate"));  // "к" as "c"
    CHECK(Has(Find(s, "ru", "license"), "лицензии", "cognate"));     // "ц" as "c"
    CHECK(Has(Find(s, "ru", "bezos"), "безос", "cognate"));   // a name
    CHECK(Has(Find(s, "el", "democracy"), "δημοκρατία", "cognate"));
    // a word spelt otherwise is no cognate in any script ("прозрачность", "διαφάνεια")
    CHECK(Find(s, "ru", "transparency").empty());
    CHECK(Find(s, "el", "transparency").empty());
}

TEST_CASE("suggest: names stay as they are; stance words come from the shared vocabularies") {
    Codebook cb = test::ParseCodebookOrFail(kClaim);
    Corpus corpus = FiveLanguages();
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    std::vector<Suggestion> s = SuggestTerms(ac, cb, {});
    CHECK(Has(Find(s, "es", "palantir"), "palantir", "same word"));
    CHECK(Find(s, "nl", "palantir").empty());  // the Dutch article does not name it
    CHECK(Has(Find(s, "pl", "demand*"), "@demand", "vocabulary"));
    CHECK(Has(Find(s, "de", "ask*"), "@demand", "vocabulary"));
}

#ifdef PRESSLENS_SUGGEST_FULL  // dictionaries are read by the command line only (suggest.hpp)
TEST_CASE("suggest: dictionary translations that the corpus holds, widened to the forms it holds") {
    Codebook cb = test::ParseCodebookOrFail(kClaim);
    Corpus corpus = FiveLanguages();
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    BilingualDictionary de("de"), pl("pl");
    const DictionaryKeySet keys = DictionaryKeys(cb);
    CHECK(std::find(keys.words.begin(), keys.words.end(), "arbitration") != keys.words.end());
    CHECK(std::find(keys.prefixes.begin(), keys.prefixes.end(), "demand") != keys.prefixes.end());
    CHECK(de.Load("arbitration\tSchiedsverfahren\narbitration\tSchlichtung\nbroken line\n"
                  "transparency\tDurchsichtigkeit\nunrelated\tWort\n",
                  keys.words, keys.prefixes) == 3);  // the malformed line and "unrelated" are not kept
    CHECK(pl.Load("arbitration\tarbitraż\ntransparency\tjawność\n") == 2);
    std::vector<Suggestion> s = SuggestTerms(ac, cb, {de, pl});
    auto arb = Find(s, "de", "arbitration");
    // "Schiedsverfahren" and "Schiedsverfahrens-Register" -> a prefix over the forms held
    CHECK((Has(arb, "schiedsverfahren", "dictionary") || Has(arb, "schiedsverfahren*", "dictionary")));
    CHECK_FALSE(Has(arb, "schlichtung", "dictionary"));               // not in the corpus
    CHECK_FALSE(Has(Find(s, "de", "transparency"), "durchsichtigkeit", "dictionary"));
    // Polish inflects: "arbitrażu" is held, found through the stem-less prefix of the translation
    CHECK(Has(Find(s, "pl", "arbitration"), "arbitraż*", "dictionary"));
    CHECK(de.Translate("arbitration").size() == 2);
    CHECK(de.TranslatePrefix("arbitr").size() == 2);
}
#endif

TEST_CASE("expand: a rule per language, its terms replaced by what was accepted; it matches and round-trips") {
    Codebook cb = test::ParseCodebookOrFail(kClaim);
    Corpus corpus = FiveLanguages();
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    std::vector<Suggestion> s = SuggestTerms(ac, cb, {});
    Codebook expanded = ExpandCodebook(cb, s);
    CHECK(ValidateCodebook(expanded).empty());
    const Code& w1 = expanded.codes[0];
    std::vector<std::string> ids;
    for (const Rule& r : w1.rules) ids.push_back(r.id);
    CHECK(ids.front() == "W1-en");
    CHECK(std::find(ids.begin(), ids.end(), "W1-es") != ids.end());
    CHECK(std::find(ids.begin(), ids.end(), "W1-nl") != ids.end());
    // the Spanish article now reports W1; German lacks a word for arbitration, so it does not
    CompiledCodebook compiled(expanded);
    MatchResult m = MatchCorpus(ac, compiled);
    Matrix mx = BuildMatrix(ac, expanded, m);
    CHECK(mx.at(1, 0).present());  // El País
    CHECK(mx.at(3, 0).present());  // NRC
    CHECK(mx.at(0, 0).present());  // Wire, as before
    // "demand*" and "ask*" are both carried to the shared vocabulary, which the rule then holds once
    auto es = std::find_if(w1.rules.begin(), w1.rules.end(), [](const Rule& r) { return r.id == "W1-es"; });
    REQUIRE(es != w1.rules.end());
    REQUIRE(es->match.children.size() == 2);
    const std::vector<Condition>& stance = es->match.children[1].children;
    CHECK(std::count_if(stance.begin(), stance.end(), [](const Condition& c) { return c.term == "@demand"; }) == 1);
    // nothing rejected: the same codebook back
    for (Suggestion& x : s) x.accepted = false;
    CHECK(ExpandCodebook(cb, s) == cb);
    // written and read back equal
    Codebook back;
    LoadError err;
    REQUIRE(ParseCodebookJson(CodebookToJson(expanded), "x.json", back, err));
    CHECK(back == expanded);
}

TEST_CASE("suggest: an actor's term a shared vocabulary holds brings that vocabulary's words the corpus holds, as plain terms") {
    Codebook cb = test::ParseCodebookOrFail(R"({"name": "x", "actors": [
        {"id": "staff", "label": "the employees", "terms": {"en": ["employee*"]}},
        {"id": "owners", "label": "the shareholders", "terms": {"en": ["shareholder*"]}}],
      "codes": [{"id": "W1", "label": "Palantir", "rules": [{"id": "W1-en", "lang": "en",
        "all": ["palantir", "@demand"], "attribution": {"actor": "staff"}}]}]})");
    Corpus corpus;
    corpus.articles.push_back(OutletArticle("Wire", "en", "The employees demand an end to the Palantir deal. The shareholders agree."));
    corpus.articles.push_back(OutletArticle("Corriere", "it", "I dipendenti chiedono la fine del contratto con Palantir. Gli azionisti tacciono."));
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    std::vector<Suggestion> s = SuggestTerms(ac, cb, {});
    auto of = [&](int actor) {
        std::vector<std::string> out;
        for (const Suggestion& x : s)
            if (x.actor == actor && x.language == "it" && x.source == "vocabulary word") out.push_back(x.suggestion);
        return out;
    };
    // @employees' Italian words that the articles hold ("dipendenti"), not those they do not ("lavoratori")
    CHECK(of(0) == std::vector<std::string>{"dipendenti"});
    // a term no vocabulary holds brings none
    CHECK(of(1).empty());
    Codebook expanded = ExpandCodebook(cb, s);
    REQUIRE(expanded.actors[0].terms.count("it"));
    CHECK(std::find(expanded.actors[0].terms.at("it").begin(), expanded.actors[0].terms.at("it").end(), "dipendenti") !=
          expanded.actors[0].terms.at("it").end());
    CompiledCodebook compiled(expanded);
    MatchResult m = MatchCorpus(ac, compiled);
    CHECK(BuildMatrix(ac, expanded, m).at(1, 0).present());  // attributed to "dipendenti"
}

#ifdef PRESSLENS_SUGGEST_FULL  // dictionaries are read by the command line only (suggest.hpp)
TEST_CASE("suggest: an actor's word a shared vocabulary holds is still translated (an actor's words are plain terms)") {
    Codebook cb = test::ParseCodebookOrFail(R"({"name": "x", "actors": [{"id": "staff", "label": "the staff", "terms": {"en": ["staff"]}}],
      "codes": [{"id": "W1", "label": "Transparency", "rules": [{"id": "W1-en", "lang": "en",
        "all": ["transparency", "@demand"], "attribution": {"actor": "staff"}}]}]})");
    Corpus corpus;
    corpus.articles.push_back(OutletArticle("Wire", "en", "The staff demand transparency."));
    corpus.articles.push_back(OutletArticle("El País", "es", "El personal exige transparencia."));
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    BilingualDictionary es("es");
    const DictionaryKeySet keys = DictionaryKeys(cb);
    es.Load("staff\tpersonal\n", keys.words, keys.prefixes);
    std::vector<Suggestion> s = SuggestTerms(ac, cb, {es});
    // ("staff" is a word of @employees, which a claim's term would be carried by)
    CHECK(std::any_of(s.begin(), s.end(), [](const Suggestion& x) {
        return x.actor == 0 && x.language == "es" && x.suggestion == "personal" && x.source == "dictionary";
    }));
    CHECK(std::none_of(s.begin(), s.end(), [](const Suggestion& x) { return x.actor == 0 && x.source == "vocabulary"; }));
}

TEST_CASE("expand: an attributed claim carries its actor's words too, or it could never be attributed") {
    Codebook cb = test::ParseCodebookOrFail(R"({"name": "x", "actors": [{"id": "staff", "label": "the staff", "terms": {"en": ["workers"]}}],
      "codes": [{"id": "W1", "label": "Transparency", "rules": [{"id": "W1-en", "lang": "en",
        "all": ["transparency", "@demand"], "attribution": {"actor": "staff"}}]}]})");
    Corpus corpus;
    corpus.articles.push_back(OutletArticle("Wire", "en", "The workers demand transparency."));
    corpus.articles.push_back(OutletArticle("El País", "es", "Los trabajadores exigen transparencia."));
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    BilingualDictionary es("es");
    const DictionaryKeySet keys = DictionaryKeys(cb);
    REQUIRE(es.Load("worker\ttrabajador\n", keys.words, keys.prefixes) == 1);  // found through the singular
    std::vector<Suggestion> s = SuggestTerms(ac, cb, {es});
    auto actor = std::find_if(s.begin(), s.end(), [](const Suggestion& x) { return x.actor == 0; });
    REQUIRE(actor != s.end());
    CHECK(actor->language == "es");
    CHECK(actor->suggestion == "trabajador*");
    CHECK(actor->source == "dictionary");
    Codebook expanded = ExpandCodebook(cb, s);
    CHECK(expanded.actors[0].terms.at("es") == std::vector<std::string>{"trabajador*"});
    CompiledCodebook compiled(expanded);
    MatchResult m = MatchCorpus(ac, compiled);
    Matrix mx = BuildMatrix(ac, expanded, m);
    CHECK(mx.at(1, 0).present());  // attributed to "trabajadores"
    // without the actor's Spanish words the carried rule finds no one to attribute it to
    for (Suggestion& x : s)
        if (x.actor >= 0) x.accepted = false;
    Codebook no_actor = ExpandCodebook(cb, s);
    CompiledCodebook compiled2(no_actor);
    MatchResult m2 = MatchCorpus(ac, compiled2);
    CHECK_FALSE(BuildMatrix(ac, no_actor, m2).at(1, 0).present());
}
#endif

#ifdef PRESSLENS_SUGGEST_FULL  // dictionaries are read by the command line only (suggest.hpp)
namespace {

const Suggestion* FindSuggestion(const std::vector<Suggestion>& all, std::string_view lang, std::string_view term,
                                 std::string_view source) {
    for (const Suggestion& s : all)
        if (s.language == lang && s.term == term && s.source == source) return &s;
    return nullptr;
}

}  // namespace

TEST_CASE("suggest: a phrase carried word by word, its words' translations found near each other or in one compound") {
    Codebook cb = test::ParseCodebookOrFail(R"({"name": "x", "codes": [{"id": "S", "label": "Staffing", "rules": [
        {"id": "S-en", "lang": "en", "all": [["minimum staffing"], ["demand*"]]}]},
      {"id": "F", "label": "Forced arbitration", "rules": [{"id": "F-en", "lang": "en", "term": "forced arbitration"}]}]})");
    Corpus corpus;
    corpus.articles.push_back(OutletArticle("Wire", "en", "Writers demand minimum staffing. Forced arbitration ends."));
    corpus.articles.push_back(OutletArticle("El País", "es",
                                            "Los guionistas exigen un mínimo de personal en las salas. "
                                            "El personal de limpieza trabaja. Un salario mínimo."));
    corpus.articles.push_back(OutletArticle("Die Zeit", "de",
                                            "Die Zwangsschlichtung soll enden. Der Zwang ist groß. Die Schlichtung läuft."));
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    BilingualDictionary es("es"), de("de");
    es.Load("minimum\tmínimo\nstaffing\tpersonal\n");
    de.Load("forced\tZwang\narbitration\tSchlichtung\n");
    std::vector<Suggestion> s = SuggestTerms(ac, cb, {es, de});

    // Spanish: "mínimo" and "personal" within a few words of each other, in one sentence of three
    const Suggestion* near = FindSuggestion(s, "es", "minimum staffing", "words nearby");
    REQUIRE(near != nullptr);
    CHECK(near->parts == std::vector<std::string>{"mínimo", "personal"});
    CHECK(near->within == 5);
    CHECK(near->suggestion == "mínimo + personal");
    CHECK(near->sentences == 1);
    // German: both words inside one word
    const Suggestion* compound = FindSuggestion(s, "de", "forced arbitration", "compound");
    REQUIRE(compound != nullptr);
    CHECK(compound->suggestion == "zwangsschlichtung");

    // expanded: {"all": [...], "within": 5} that matches the Spanish sentence and not "salario mínimo"
    for (Suggestion& x : s) x.accepted = x.language == "es" && (x.source == "words nearby" || x.source == "vocabulary");
    Codebook expanded = ExpandCodebook(cb, s);
    CHECK(ValidateCodebook(expanded).empty());
    CompiledCodebook compiled(expanded);
    MatchResult m = MatchCorpus(ac, compiled);
    Matrix mx = BuildMatrix(ac, expanded, m);
    CHECK(mx.at(1, 0).present());
    Codebook back;
    LoadError err;
    REQUIRE(ParseCodebookJson(CodebookToJson(expanded), "x.json", back, err));
    CHECK(back == expanded);
    // without the phrase nearby, no hit: "personal" alone is not enough
    Corpus other;
    other.articles.push_back(OutletArticle("El País", "es", "Los guionistas exigen personal. Un mínimo."));
    AnalyzedCorpus ao = AnalyzeCorpus(other);
    MatchResult mo = MatchCorpus(ao, compiled);
    CHECK_FALSE(BuildMatrix(ao, expanded, mo).at(0, 0).present());
}

TEST_CASE("suggest: a negated phrase is not carried by its other words; a prefix stands for the source words it matches") {
    Codebook cb = test::ParseCodebookOrFail(R"({"name": "x", "codes": [{"id": "N", "label": "Never", "rules": [
        {"id": "N-en", "lang": "en", "any": ["not develop", "sail*"]}]}]})");
    Corpus corpus;
    corpus.articles.push_back(OutletArticle("Wire", "en", "They will not develop it. They sail away."));
    corpus.articles.push_back(OutletArticle("Le Monde", "fr", "Ils vont développer un outil. Une voile blanche. Un marin."));
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    BilingualDictionary fr("fr");
    fr.Load("develop\tdévelopper\nsail\tvoile\nsailor\tmarin\n");
    std::vector<Suggestion> s = SuggestTerms(ac, cb, {fr});
    // "développer" alone is the opposite; with a negation near it, it is the phrase
    CHECK_FALSE(Has(Find(s, "fr", "not develop"), "développer", "dictionary"));
    auto sail = Find(s, "fr", "sail*");
    CHECK(Has(sail, "voile", "dictionary"));       // "sail" is in the English articles
    CHECK_FALSE(Has(sail, "marin", "dictionary"));  // "sailor" is not
    // without English articles the prefix looks up the dictionary's entries a few letters longer
    CHECK(fr.TranslatePrefix("sail", 2).size() == 2);
    CHECK(fr.TranslatePrefix("sail", 1).size() == 1);
    CHECK(fr.TranslatePrefix("sa").size() == 2);
}
#endif

TEST_CASE("suggest: a word of two vocabularies keeps its rule's sense; a candidate far more frequent than its term is dropped") {
    // "troop*" is in @military ("troops") and in @police ("troopers"); its rule means the army
    Codebook cb = test::ParseCodebookOrFail(R"({"name": "x", "codes": [{"id": "R", "label": "Troops", "rules": [
        {"id": "R-en", "lang": "en", "all": [["troop*", "soldier*", "army"], ["deploy*"]]}]},
      {"id": "P", "label": "Protect", "rules": [{"id": "P-en", "lang": "en", "term": "protect"}]}]})");
    Corpus corpus;
    corpus.articles.push_back(OutletArticle("Wire", "en",
                                            "Troops deploy. Soldiers deploy. They protect it. One. Two. Three. Four. Five."));
    corpus.articles.push_back(OutletArticle("Die Zeit", "de",
                                            "Protektion eins. Protektion zwei. Protektion drei. Protektion vier. Ende."));
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    BilingualDictionary de("de");
    de.Load("protect\tProtektion\n");
    std::vector<Suggestion> s = SuggestTerms(ac, cb, {de});
    auto troop = Find(s, "de", "troop*");
    CHECK(Has(troop, "@military", "vocabulary"));
    CHECK_FALSE(Has(troop, "@police", "vocabulary"));
#ifdef PRESSLENS_SUGGEST_FULL  // dictionaries are read by the command line only (suggest.hpp)
    // "protect" is in one English sentence of eight; "Protektion" in four German sentences of five
    CHECK(Find(s, "de", "protect").empty());
    de.Load("protect\tProtektion\n");
    corpus.articles[0] = OutletArticle("Wire", "en", "They protect it. We protect. You protect. Protect. Five.");
    AnalyzedCorpus ac2 = AnalyzeCorpus(corpus);
    CHECK(Has(Find(SuggestTerms(ac2, cb, {de}), "de", "protect"), "protektion", "dictionary"));
#endif
}

#ifdef PRESSLENS_SUGGEST_FULL  // carried word by word: the command line's
TEST_CASE("suggest: a negation is carried with its phrase; a translation inside compounds; an acronym by its phrase's initials") {
    Codebook cb = test::ParseCodebookOrFail(R"({"name": "x", "codes": [{"id": "N", "label": "Never", "rules": [
        {"id": "N-en", "lang": "en", "any": ["not be in the business", "arbitration"]}]},
      {"id": "A", "label": "AI", "rules": [{"id": "A-en", "lang": "en", "all": [["artificial intelligence", "AI"], ["protect*"]]}]}]})");
    Corpus corpus;
    corpus.articles.push_back(OutletArticle("Wire", "en",
                                            "Google should not be in the business of war. Arbitration ends. "
                                            "Protect us from artificial intelligence. AI again."));
    corpus.articles.push_back(OutletArticle("El País", "es",
                                            "Google no debe estar en el negocio de la guerra. El negocio crece. "
                                            "La inteligencia artificial avanza. Protegernos de la ia."));
    corpus.articles.push_back(OutletArticle("Die Zeit", "de",
                                            "Die Zwangsschlichtung endet. Das Schlichtungsverfahren läuft. Die Schlichtung. "
                                            "Kein Zwangsschlichtungsverfahren mehr."));
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    BilingualDictionary es("es"), de("de");
    es.Load("not\tno\nbusiness\tnegocio\nartificial\tartificial\nintelligence\tinteligencia\n");
    de.Load("arbitration\tSchlichtung\n");
    std::vector<Suggestion> s = SuggestTerms(ac, cb, {es, de});

    const Suggestion* neg = FindSuggestion(s, "es", "not be in the business", "words nearby");
    REQUIRE(neg != nullptr);
    CHECK(neg->parts == std::vector<std::string>{"no", "negocio"});
    // the negation before a modal and an auxiliary: four words between ("no debe estar en el negocio")
    CHECK(neg->within == 6);
    CHECK(neg->sentences == 1);  // not "El negocio crece."
    CHECK_FALSE(Has(Find(s, "es", "not be in the business"), "negocio", "dictionary"));

    auto arb = Find(s, "de", "arbitration");
    // the translation inside words: the compound up to it, with what may follow
    const Suggestion* inside = FindSuggestion(s, "de", "arbitration", "compound");
    REQUIRE(inside != nullptr);
    CHECK(inside->suggestion == "zwangsschlichtung*");
    CHECK(inside->sentences == 2);  // "Zwangsschlichtung", "Zwangsschlichtungsverfahren"
    CHECK(Has(arb, "schlichtung*", "compound"));        // and begins "Schlichtungsverfahren"

    auto ai = Find(s, "es", "AI");
    // "inteligencia artificial" stands spelt out: its initials, which the corpus holds (written small
    // here, so that the initials of the dictionary's translations, which need capitals, do not give it)
    CHECK(Has(ai, "ia", "acronym"));
    CHECK_FALSE(Has(Find(s, "de", "AI"), "ia", "acronym"));
}
#endif

#ifdef PRESSLENS_SUGGEST_FULL  // carried word by word: the command line's
TEST_CASE("suggest: an English phrase's content words are all but its closed-class words ('face' of 'face recognition' counts)") {
    REQUIRE(IsStopword("face", "en"));  // stopwords-iso's English list holds it
    Codebook cb = test::ParseCodebookOrFail(R"({"name": "x", "codes": [{"id": "F", "label": "Face recognition", "rules": [
        {"id": "F-en", "lang": "en", "any": ["face recognition", "the police"]}]}]})");
    Corpus corpus;
    corpus.articles.push_back(OutletArticle("Wire", "en", "Face recognition is sold to the police. Police again."));
    corpus.articles.push_back(OutletArticle("Gazeta", "pl",
                                            "Technologia rozpoznawania twarzy dla policji. Rozpoznawanie mowy. Twarz ministra."));
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    BilingualDictionary pl("pl");
    pl.Load("face\ttwarz\nrecognition\trozpoznawanie\npolice\tpolicja\n");
    std::vector<Suggestion> s = SuggestTerms(ac, cb, {pl});
    const Suggestion* near = FindSuggestion(s, "pl", "face recognition", "words nearby");
    REQUIRE(near != nullptr);
    CHECK(near->parts.size() == 2);
    CHECK(near->sentences == 1);  // not "Rozpoznawanie mowy", nor "Twarz ministra"
    // "the" is still no content word: "the police" is carried by "police" alone
    CHECK(FindSuggestion(s, "pl", "the police", "words nearby") == nullptr);
}
#endif

#ifdef PRESSLENS_SUGGEST_FULL  // parallel sentences and the parts of cut tokens: the command line's
namespace {

// An English claim with its evidence sentence, and Spanish reports of it that share its names
// ("Acme", "Toledo", "Jane Doe") but say "arbitration" in a word no dictionary gives.
Corpus ParallelReports() {
    Corpus c;
    c.articles.push_back(OutletArticle("Wire", "en",
                                       "The strike at Acme in Toledo, led by Jane Doe, demands an end to arbitration. "
                                       "Workers met on Monday."));
    c.articles.push_back(OutletArticle("El País", "es",
                                       "La huelga de Acme en Toledo exige acabar con la conciliación forzosa. "
                                       "Los trabajadores votaron. Los trabajadores cantaron."));
    c.articles.push_back(OutletArticle("ABC", "es",
                                       "Huelga en Acme: Jane Doe pide el fin de la conciliación y de los trabajadores. "
                                       "Los trabajadores esperan. Los trabajadores comen."));
    return c;
}

}  // namespace

TEST_CASE("suggest: parallel sentences give the missing part's distinctive words, strongly key or agreeing") {
    Codebook cb = test::ParseCodebookOrFail(R"({"name": "x", "codes": [{"id": "A", "label": "End arbitration",
        "rules": [{"id": "A-en", "lang": "en", "all": [["arbitration"], ["strike*"]]}]}]})");
    AnalyzedCorpus ac = AnalyzeCorpus(ParallelReports());
    BilingualDictionary es("es");
    es.Load("strike\thuelga\n");
    SuggestOptions options;

    options.parallel = SuggestOptions::Parallel::Keyness;
    std::vector<Suggestion> key = SuggestTerms(ac, cb, {es}, options);
    CHECK_FALSE(Find(key, "es", "strike*").empty());  // the other part is carried ("huelga")
    const Suggestion* found = FindSuggestion(key, "es", "arbitration", "parallel");
    REQUIRE(found != nullptr);
    CHECK(found->suggestion == "conciliación");  // in both parallel sentences and nowhere else
    CHECK(found->articles == 2);
    CHECK(found->sentences == 2);
    // in the parallel sentences too, but held mostly by the others: not distinctive
    CHECK_FALSE(Has(Find(key, "es", "arbitration"), "trabajadores", "parallel"));
    // a part the carried rule already holds gets nothing more
    CHECK(FindSuggestion(key, "es", "strike*", "parallel") == nullptr);

    // expanded, the Spanish rule matches both reports
    Codebook expanded = ExpandCodebook(cb, key);
    REQUIRE(expanded.codes[0].rules.size() == 2);
    CHECK(expanded.codes[0].rules[1].languages == std::vector<std::string>{"es"});

    // agreeing: a word only key, neither a translation nor a cognate of "arbitration", is not taken
    options.parallel = SuggestOptions::Parallel::Agreeing;
    CHECK(FindSuggestion(SuggestTerms(ac, cb, {es}, options), "es", "arbitration", "parallel") == nullptr);
    // where the dictionary gives the word's verb ("conciliar"), the noun is a translation already
    // (the verb widened to the forms sharing its stem), and the parallel sentences do not offer it twice
    es.Load("arbitration\tconciliar\n");
    std::vector<Suggestion> agreed = SuggestTerms(ac, cb, {es}, options);
    CHECK(Has(Find(agreed, "es", "arbitration"), "concilia*", "dictionary"));
    CHECK(FindSuggestion(agreed, "es", "arbitration", "parallel") == nullptr);

    options.parallel = SuggestOptions::Parallel::Off;
    CHECK(FindSuggestion(SuggestTerms(ac, cb, {es}, options), "es", "arbitration", "parallel") == nullptr);

    // read backwards, the dictionary says the word is the report's "labour", which the evidence
    // sentence holds outside the rule's terms: not the missing part
    Corpus labour = ParallelReports();
    labour.articles[0] = OutletArticle("Wire", "en",
                                       "The labour strike at Acme in Toledo, led by Jane Doe, demands an end to arbitration.");
    AnalyzedCorpus ac3 = AnalyzeCorpus(labour);
    BilingualDictionary back("es");
    back.Load("strike\thuelga\nlabour\tconciliación\n", {"strike"}, {}, CorpusWords(ac3, "es"));
    CHECK(back.Translate("labour").empty());  // not wanted forwards
    CHECK(back.Back("conciliación") == std::vector<std::string>{"labour"});
    options.parallel = SuggestOptions::Parallel::Keyness;
    CHECK(FindSuggestion(SuggestTerms(ac3, cb, {back}, options), "es", "arbitration", "parallel") == nullptr);
    BilingualDictionary forwards("es");  // the same table without the backwards reading
    forwards.Load("strike\thuelga\nlabour\tconciliación\n", {"strike"});
    CHECK(FindSuggestion(SuggestTerms(ac3, cb, {forwards}, options), "es", "arbitration", "parallel") != nullptr);

    // read backwards as an English word neither the part nor the evidence holds ("company"): the
    // dictionary knows the word as something else, so it is not the missing part either
    BilingualDictionary known("es");
    known.Load("strike\thuelga\ncompany\tconciliación\n", {"strike"}, {}, CorpusWords(ac3, "es"));
    REQUIRE(known.Back("conciliación") == std::vector<std::string>{"company"});
    CHECK(FindSuggestion(SuggestTerms(ac3, cb, {known}, options), "es", "arbitration", "parallel") == nullptr);
    // read backwards as the part's own word, it is kept
    BilingualDictionary own("es");
    own.Load("strike\thuelga\narbitration\tconciliación\n", {"strike"}, {}, CorpusWords(ac3, "es"));
    REQUIRE(own.Back("conciliación") == std::vector<std::string>{"arbitration"});
    CHECK(FindSuggestion(SuggestTerms(ac3, cb, {own}, options), "es", "arbitration", "parallel") != nullptr);

    // through an inflection: the reports write "avenencias", the table "avenencia"
    Corpus plural = labour;
    for (size_t i = 1; i < plural.articles.size(); ++i) {
        std::string& t = plural.articles[i].text;
        for (size_t at; (at = t.find("conciliación")) != std::string::npos;) t.replace(at, 13, "avenencias");
    }
    plural.articles.push_back(OutletArticle("El Mundo", "es", "Una avenencia."));
    AnalyzedCorpus ac6 = AnalyzeCorpus(plural);
    BilingualDictionary inflected("es");
    inflected.Load("strike\thuelga\ncompany\tavenencia\n", {"strike"}, {}, CorpusWords(ac6, "es"));
    CHECK(inflected.Back("avenencias").empty());
    REQUIRE(inflected.BackForms("avenencias") == std::vector<std::string>{"company"});
    CHECK(inflected.Back("avenencia") == std::vector<std::string>{"company"});
    CHECK(inflected.BackForms("avenencia").empty());  // the word itself is Back's, not one of its forms
    CHECK(FindSuggestion(SuggestTerms(ac6, cb, {inflected}, options), "es", "arbitration", "parallel") == nullptr);
    BilingualDictionary inflected_own("es");
    inflected_own.Load("strike\thuelga\narbitration\tavenencia\n", {"strike"}, {}, CorpusWords(ac6, "es"));
    CHECK(FindSuggestion(SuggestTerms(ac6, cb, {inflected_own}, options), "es", "arbitration", "parallel") != nullptr);

    // a phrase's word agrees only where the source language holds it mostly in the phrase:
    // "arbitration" of "forced arbitration" where English articles use it alone too is every arbitration
    Codebook phrase = test::ParseCodebookOrFail(R"({"name": "x", "codes": [{"id": "A", "label": "End arbitration",
        "rules": [{"id": "A-en", "lang": "en", "all": [["forced arbitration"], ["strike*"]]}]}]})");
    Corpus forced = ParallelReports();
    forced.articles[0] = OutletArticle("Wire", "en", "The strike at Acme in Toledo, led by Jane Doe, demands an end to forced arbitration.");
    AnalyzedCorpus ac4 = AnalyzeCorpus(forced);
    BilingualDictionary head("es");
    head.Load("strike\thuelga\narbitration\tconciliación\n", {"strike"}, {}, CorpusWords(ac4, "es"));
    CHECK(FindSuggestion(SuggestTerms(ac4, phrase, {head}, options), "es", "forced arbitration", "parallel") != nullptr);
    forced.articles.push_back(OutletArticle("Post", "en", "Arbitration is common. Arbitration again. Arbitration thrice."));
    AnalyzedCorpus ac5 = AnalyzeCorpus(forced);
    BilingualDictionary broad("es");
    broad.Load("strike\thuelga\narbitration\tconciliación\n", {"strike"}, {}, CorpusWords(ac5, "es"));
    CHECK(FindSuggestion(SuggestTerms(ac5, phrase, {broad}, options), "es", "forced arbitration", "parallel") == nullptr);

    // no parallel sentence without shared names: the same Spanish text about another company
    Corpus other = ParallelReports();
    other.articles[0] = OutletArticle("Wire", "en", "The strike at Zenith, led by Ann Roe, demands an end to arbitration.");
    AnalyzedCorpus ac2 = AnalyzeCorpus(other);
    options.parallel = SuggestOptions::Parallel::Keyness;
    CHECK(FindSuggestion(SuggestTerms(ac2, cb, {es}, options), "es", "arbitration", "parallel") == nullptr);
}

TEST_CASE("suggest: a word that stands only inside elided or hyphenated tokens is counted and offered") {
    Codebook cb = test::ParseCodebookOrFail(R"({"name": "x", "codes": [{"id": "A", "label": "Arbitration",
        "rules": [{"id": "A-en", "lang": "en", "term": "arbitration"}]}]})");
    Corpus corpus;
    corpus.articles.push_back(OutletArticle("Wire", "en", "An end to arbitration."));
    corpus.articles.push_back(OutletArticle("Corriere", "it",
                                            "La fine dell'arbitrato obbligatorio. Il ricorso all'arbitrato finisce."));
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    const std::vector<Suggestion> all = SuggestTerms(ac, cb, {});  // (kept: s points into it)
    const Suggestion* s = FindSuggestion(all, "it", "arbitration", "cognate");
    REQUIRE(s != nullptr);
    CHECK(s->suggestion == "arbitrato");
    CHECK(s->sentences == 2);
    CHECK(s->articles == 1);
}
#endif

TEST_CASE("suggest: in pieces (the corpus read a few articles at a time, then a rule at a time) as at once") {
    Codebook cb = test::ParseCodebookOrFail(kClaim);
    Corpus corpus = FiveLanguages();
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    const std::vector<Suggestion> whole = SuggestTerms(ac, cb, {});
    REQUIRE_FALSE(whole.empty());
    SuggestIndex index(ac);
    int reads = 0;
    while (index.ReadSome(2)) ++reads;
    CHECK(reads == 2);  // five articles, two at a time: two calls with more to read, then the last
    CHECK(SuggestUnits(cb) == 3);  // two rules and the actors
    std::vector<Suggestion> pieces;
    for (size_t u = 0; u < SuggestUnits(cb); ++u) SuggestUnit(index, cb, {}, SuggestOptions{}, u, pieces);
    REQUIRE(pieces.size() == whole.size());
    for (size_t i = 0; i < whole.size(); ++i) {
        CHECK(pieces[i].suggestion == whole[i].suggestion);
        CHECK(pieces[i].language == whole[i].language);
        CHECK(pieces[i].sentences == whole[i].sentences);
    }
}

TEST_CASE("suggest: a phrase is counted in the sentences of its rarest word, as a reading of every sentence would") {
    // "forced arbitration" as a phrase; its words also stand apart, and in another order
    Codebook cb = test::ParseCodebookOrFail(R"({"name": "P", "codes": [{"id": "A", "label": "a", "rules": [
        {"id": "A-en", "lang": "en", "term": "forced arbitration"}]},
        {"id": "B", "label": "b", "rules": [{"id": "B-nl", "lang": "nl", "term": "forced arbitration"}]}]})");
    Corpus c;
    c.articles.push_back(OutletArticle("Wire", "en", "They end forced arbitration. Arbitration was forced on them."));
    c.articles.push_back(OutletArticle("Daily", "en", "Forced arbitration ends. Nothing here. Again forced arbitration, and forced arbitration."));
    c.articles.push_back(OutletArticle("NRC", "nl", "Werknemers willen geen forced arbitration meer. Arbitrage blijft."));
    AnalyzedCorpus ac = AnalyzeCorpus(c);
    const std::vector<Suggestion> s = SuggestTerms(ac, cb, {});
    // claim B (Dutch) carried into English: the same words, counted where they stand together
    const std::vector<Suggestion> en = Find(s, "en", "forced arbitration");
    REQUIRE_FALSE(en.empty());
    CHECK(en.front().suggestion == "forced arbitration");
    CHECK(en.front().source == "same word");
    CHECK(en.front().articles == 2);
    CHECK(en.front().sentences == 3);  // the second sentence of Wire has both words, not the phrase
    CHECK(c.articles[static_cast<size_t>(en.front().example_article)].text.substr(en.front().example.begin, en.front().example.size()) ==
          "They end forced arbitration.");
    // claim A carried into Dutch: the phrase stands there as written (a quotation), once
    const std::vector<Suggestion> nl = Find(s, "nl", "forced arbitration");
    REQUIRE(nl.size() == 1);
    CHECK(nl.front().sentences == 1);
}

#ifdef PRESSLENS_SUGGEST_FULL  // dictionary translations: the command line's and the worker's
TEST_CASE("suggest: a phrase naming something is not carried by its common word alone") {
    Codebook cb = test::ParseCodebookOrFail(R"({"name": "x", "codes": [{"id": "M", "label": "Maven", "rules": [
        {"id": "M-en", "lang": "en", "any": ["project maven", "chief diversity officer"]}]}]})");
    Corpus corpus;
    corpus.articles.push_back(OutletArticle("Wire", "en", "Project Maven ends. The chief diversity officer left."));
    corpus.articles.push_back(OutletArticle("Le Monde", "fr",
                                            "Le projet Maven prend fin. Un autre projet commence. Un projet de loi. "
                                            "La responsable de la diversité est partie."));
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    const std::vector<std::string> wanted = DictionaryKeys(cb).words;
    BilingualDictionary fr("fr");
    fr.Load("project\tprojet\ndiversity\tdiversité\n", wanted);
    std::vector<Suggestion> s = SuggestTerms(ac, cb, {fr});
    auto maven = Find(s, "fr", "project maven");
    CHECK_FALSE(Has(maven, "projet*", "dictionary"));  // every project
    CHECK_FALSE(Has(maven, "projet", "dictionary"));
    CHECK(Has(maven, "projet + maven", "words nearby"));
    // a phrase of common words is still carried by its longest word
    CHECK(Has(Find(s, "fr", "chief diversity officer"), "diversité", "dictionary"));
}

TEST_CASE("suggest: a phrase is not carried by a word that mostly stands without it in the source language") {
    Codebook cb = test::ParseCodebookOrFail(R"({"name": "x", "codes": [{"id": "H", "label": "Rooms", "rules": [
        {"id": "H-en", "lang": "en", "any": ["writers room*"]}]}]})");
    const std::string english = "Writers want minimum staffing of writers rooms. The writers strike. Writers picket. Writers wait.";
    Corpus corpus;
    corpus.articles.push_back(OutletArticle("Wire", "en", english));
    corpus.articles.push_back(OutletArticle("Stern", "de", "Die Schreiber fordern mehr Geld. Ein Schreiber streikt."));
    const std::vector<std::string> wanted = DictionaryKeys(cb).words;
    BilingualDictionary de("de");
    de.Load("writers\tSchreiber\nwriter\tSchreiber\n", wanted);
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    // "writers" stands in four English sentences, "writers rooms" in one: "Schreiber" is every writer
    CHECK(Find(SuggestTerms(ac, cb, {de}), "de", "writers room*").empty());
    // where the word mostly stands in the phrase, the phrase is carried by it
    corpus.articles[0] = OutletArticle("Wire", "en", "Writers want minimum staffing of writers rooms. The strike goes on.");
    AnalyzedCorpus ac2 = AnalyzeCorpus(corpus);
    CHECK(Has(Find(SuggestTerms(ac2, cb, {de}), "de", "writers room*"), "schreiber", "dictionary"));
}

TEST_CASE("suggest: a phrase entry holding the word's own translation gives it no other sense") {
    Codebook cb = test::ParseCodebookOrFail(R"({"name": "x", "codes": [{"id": "C", "label": "Contract", "rules": [
        {"id": "C-en", "lang": "en", "any": ["contract"]}]}]})");
    Corpus corpus;
    corpus.articles.push_back(OutletArticle("Wire", "en", "The contract ends."));
    corpus.articles.push_back(OutletArticle("Onet", "pl", "Pracownicy odeszli z pracy. Praca była ciężka."));
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    BilingualDictionary pl("pl");
    // "contract" is "umowa" (not in the corpus); both phrases say so, and "pracę" is "employment"
    pl.Load("contract\tumowa\ncontract\tkontrakt\nemployment contract\tumowa o pracę\n"
            "contract of employment\tumowa o pracę\nemployment\tpraca\n",
            DictionaryKeys(cb).words);
    std::vector<Suggestion> s = SuggestTerms(ac, cb, {pl});
    for (const Suggestion& x : Find(s, "pl", "contract")) CHECK_MESSAGE(x.suggestion.substr(0, 4) != "prac", x.suggestion);
}

TEST_CASE("suggest: an -ing form looks up its base; a word's senses in the dictionary's phrase entries") {
    Codebook cb = test::ParseCodebookOrFail(R"({"name": "x", "codes": [{"id": "S", "label": "Staff", "rules": [
        {"id": "S-en", "lang": "en", "any": ["staffing", "board", "bonus", "tariff*"]}]}]})");
    Corpus corpus;
    corpus.articles.push_back(OutletArticle("Wire", "en", "Minimum staffing. The board met. A higher bonus. Tariffs rose."));
    corpus.articles.push_back(OutletArticle("El País", "es", "Un mínimo de personal en las salas. Un representante en el consejo."));
    corpus.articles.push_back(OutletArticle("Die Zeit", "de",
                                            "Der Vorstand tagte. Die Vorstandssitzung dauerte. Das gilt allgemein. "
                                            "Die Abfindung war hoch. Die Gehaltserhöhung kam. Der Lohnzettel."));
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    // (no shared vocabulary holds these words: "pay", "wage", "salary", "compensation" are @pay's, which carries them instead)
    const std::vector<std::string> wanted = DictionaryKeys(cb).words;
    BilingualDictionary es("es"), de("de");
    es.Load("staff\tpersonal\nstaff\tbastón\nboard of directors\tconsejo de administración\nadvisory board\tconsejo consultivo\n",
            wanted);
    // "board" itself: only the plank and the table; its business sense is in the phrases it begins
    de.Load("board\tBrett\nboard\tTafel\nboard member\tVorstandsmitglied\nboard members\tVorstandsmitglieder\n"
            "board meeting\tVorstandssitzung\nacross the board\tallgemein\nabove board\tallgemein\n"
            "severance bonus\tAbfindung\nbonus slip\tLohnzettel\nbonus slips\tLohnzettel\nbonus\tLohn\ntariff agreement\tGehaltsvereinbarung\ntariff increase\tGehaltserhöhung\n",
            wanted, DictionaryKeys(cb).prefixes);
    REQUIRE(de.Phrases("board").size() == 3);  // not "across the board", "above board": idioms
    std::vector<Suggestion> s = SuggestTerms(ac, cb, {es, de});
    REQUIRE(std::none_of(s.begin(), s.end(), [](const Suggestion& x) { return x.source == "vocabulary"; }));  // (see above)

    CHECK(Has(Find(s, "es", "staffing"), "personal", "dictionary"));  // "staffing" has no entry; "staff" does
    auto board = Find(s, "de", "board");
    CHECK(Has(board, "vorstand*", "dictionary phrase"));  // the beginning two compounds share, as a word
    CHECK_FALSE(Has(board, "allgemein", "dictionary phrase"));
    // the head the translations of two phrases share, where the noun comes first
    CHECK(Has(Find(s, "es", "board"), "consejo", "dictionary phrase"));
    // one phrase's translation is that phrase's sense, not the word's
    CHECK_FALSE(Has(Find(s, "de", "bonus"), "abfindung", "dictionary phrase"));
    CHECK_FALSE(Has(Find(s, "de", "bonus"), "lohnzettel", "dictionary phrase"));  // one phrase, singular and plural
    // a prefix term: the phrases of the words it stands for
    CHECK(Has(Find(s, "de", "tariff*"), "gehalts*", "dictionary phrase"));
}
#endif

#ifdef PRESSLENS_SUGGEST_FULL  // dictionary translations: the command line's and the worker's
TEST_CASE("suggest: a derived word without an entry looks up its base; a phrase inside a compound by its translations' stems") {
    Codebook cb = test::ParseCodebookOrFail(R"({"name": "x", "codes": [{"id": "F", "label": "Faces", "rules": [
        {"id": "F-en", "lang": "en", "any": ["recognition", "facial recognition", "protection"]}]}]})");
    Corpus corpus;
    corpus.articles.push_back(OutletArticle("Wire", "en", "Facial recognition is sold. Recognition grows. Protection fails."));
    corpus.articles.push_back(OutletArticle("NRC", "nl",
                                            "De herkenning van stemmen. Zij herkennen niets. "
                                            "Gezichtsherkenningssoftware wordt verkocht. De bescherming faalt. De afscherming ook."));
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    const std::vector<std::string> wanted = DictionaryKeys(cb).words;
    // the small tables' way: the verbs, not the nouns made of them
    BilingualDictionary nl("nl");
    nl.Load("recognize\therkennen\nface\tgezicht\nprotection\tbescherming\nprotect\tafschermen\n", wanted);
    REQUIRE(nl.Translate("recognition").empty());
    std::vector<Suggestion> s = SuggestTerms(ac, cb, {nl});

    // "recognition" -> "recognize": "herkennen", widened to the forms the corpus holds
    CHECK(Has(Find(s, "nl", "recognition"), "herkenn*", "dictionary"));
    // a word with an entry of its own is not read as its base ("protect": "afschermen")
    CHECK(Has(Find(s, "nl", "protection"), "bescherming", "dictionary"));
    CHECK_FALSE(Has(Find(s, "nl", "protection"), "afscherm*", "dictionary"));
    CHECK_FALSE(Has(Find(s, "nl", "protection"), "afscherming", "dictionary"));
    // "facial" -> "face" and "recognition" -> "recognize", inside one word ("herkenn" of "herkennen"),
    // though the corpus holds "gezicht" only inside it
    CHECK(Has(Find(s, "nl", "facial recognition"), "gezichtsherkenningssoftware", "compound"));
}
#endif

TEST_CASE("suggest: cognates spelt with single letters where English doubles them, or f and t for ph and th") {
    Codebook cb = test::ParseCodebookOrFail(R"({"name": "x", "codes": [{"id": "O", "label": "Opportunity", "rules": [
        {"id": "O-en", "lang": "en", "any": ["opportunit*", "commission", "theatre", "philosophy"]}]}]})");
    Corpus corpus;
    corpus.articles.push_back(OutletArticle("Wire", "en", "Equal opportunity. The commission met. The theatre closed. Philosophy."));
    corpus.articles.push_back(OutletArticle("El País", "es",
                                            "Igualdad de oportunidades. La comisión se reunió. El teatro cerró. Una oportunidad. "
                                            "La filosofía cambió."));
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    std::vector<Suggestion> s = SuggestTerms(ac, cb, {});
    CHECK(Has(Find(s, "es", "opportunit*"), "oportunidad*", "cognate"));
    CHECK(Has(Find(s, "es", "commission"), "comisión", "cognate"));
    CHECK(Has(Find(s, "es", "theatre"), "teatro", "cognate"));
    CHECK(Has(Find(s, "es", "philosophy"), "filosofía", "cognate"));  // begins otherwise, as "f"
}

#ifdef PRESSLENS_SUGGEST_FULL  // dictionary translations: the command line's and the worker's
TEST_CASE("suggest: in a language without a stemmer a translation ending in a vowel stands for the forms that drop it") {
    Codebook cb = test::ParseCodebookOrFail(R"({"name": "x", "codes": [{"id": "P", "label": "Pay", "rules": [
        {"id": "P-en", "lang": "en", "any": ["payroll"]}]}]})");
    Corpus corpus;
    corpus.articles.push_back(OutletArticle("Wire", "en", "Equal payroll."));
    corpus.articles.push_back(OutletArticle("Gazeta", "pl", "Zrównanie płac. Wzrost płacy. Płaca minimalna."));
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    // (no shared vocabulary holds these words: "pay", "wage", "salary", "compensation" are @pay's, which carries them instead)
    BilingualDictionary pl("pl");
    pl.Load("payroll\tpłaca\n");
    std::vector<Suggestion> s = SuggestTerms(ac, cb, {pl});
    REQUIRE(std::none_of(s.begin(), s.end(), [](const Suggestion& x) { return x.source == "vocabulary"; }));  // (see above)
    const std::vector<Suggestion> pay = Find(s, "pl", "payroll");
    REQUIRE(pay.size() == 1);
    CHECK(pay[0].suggestion == "płac*");
    CHECK(pay[0].sentences == 3);  // "płac", "płacy" and "płaca"
}
#endif

#ifdef PRESSLENS_SUGGEST_FULL  // dictionary translations: the command line's and the worker's
TEST_CASE("suggest: an acronym from its phrase's translations, in the language's order, where the phrase is not spelt out") {
    Codebook cb = test::ParseCodebookOrFail(R"({"name": "x", "codes": [{"id": "A", "label": "AI", "rules": [
        {"id": "A-en", "lang": "en", "any": ["artificial intelligence", "AI"]}]}]})");
    Corpus corpus;
    corpus.articles.push_back(OutletArticle("Wire", "en", "Artificial intelligence is here. AI again."));
    corpus.articles.push_back(OutletArticle("Le Monde", "fr", "Une régulation de l'IA. L'IA avance."));
    corpus.articles.push_back(OutletArticle("Die Zeit", "de", "Die KI kommt. Regeln für KI."));
    corpus.articles.push_back(OutletArticle("El País", "es", "La ia no es una sigla aquí. Otra ia."));
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    BilingualDictionary fr("fr"), de("de"), es("es");
    fr.Load("artificial\tartificiel\nintelligence\tintelligence\n");
    de.Load("artificial\tkünstlich\nintelligence\tIntelligenz\n");
    es.Load("artificial\tartificial\nintelligence\tinteligencia\n");
    std::vector<Suggestion> s = SuggestTerms(ac, cb, {fr, de, es});
    CHECK(Has(Find(s, "fr", "AI"), "ia", "acronym"));  // the noun first: intelligence artificielle
    CHECK(Has(Find(s, "de", "AI"), "ki", "acronym"));  // künstliche Intelligenz
    CHECK_FALSE(Has(Find(s, "es", "AI"), "ia", "acronym"));  // written in small letters: a word, not the acronym
}
#endif

#ifdef PRESSLENS_SUGGEST_FULL  // dictionary translations: the command line's and the worker's
TEST_CASE("suggest: a translation with a short stem is widened to the longer words of that stem, not the shorter") {
    Codebook cb = test::ParseCodebookOrFail(R"({"name": "x", "codes": [{"id": "P", "label": "Pay", "rules": [
        {"id": "P-en", "lang": "en", "any": ["payroll", "task"]}]}]})");
    Corpus corpus;
    corpus.articles.push_back(OutletArticle("Wire", "en", "A payroll. A task."));
    corpus.articles.push_back(OutletArticle("NRC", "nl", "Hogere lonen, uiteraard. Een tak van de boom."));
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    // (no shared vocabulary holds these words: "pay", "wage", "salary", "compensation" are @pay's, which carries them instead)
    BilingualDictionary nl("nl");
    nl.Load("payroll\tloon\ntask\ttaak\n");
    std::vector<Suggestion> s = SuggestTerms(ac, cb, {nl});
    REQUIRE(std::none_of(s.begin(), s.end(), [](const Suggestion& x) { return x.source == "vocabulary"; }));  // (see above)
    CHECK(Has(Find(s, "nl", "payroll"), "lonen", "dictionary"));  // "loon", "lonen": the stem "lon"
    CHECK(Find(s, "nl", "task").empty());                     // "tak" (a branch) is shorter than "taak"
}

TEST_CASE("suggest: a translation is widened to its forms, not to the other words of its stem") {
    Codebook cb = test::ParseCodebookOrFail(R"({"name": "x", "codes": [{"id": "P", "label": "Pay", "rules": [
        {"id": "P-en", "lang": "en", "any": ["emolument", "toiler"]}]}]})");
    Corpus corpus;
    corpus.articles.push_back(OutletArticle("Wire", "en", "An emolument. A toiler."));
    corpus.articles.push_back(OutletArticle("Le Monde", "fr",
                                            "Un traitement plus juste. Les traitements baissent. Le traité est signé. "
                                            "Traiter les dossiers. Un travailleur. Des travailleurs. Le travail."));
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    // (no shared vocabulary holds these words: "pay", "wage", "salary", "compensation" are @pay's, which carries them instead)
    BilingualDictionary fr("fr");
    fr.Load("emolument\ttraitement\ntoiler\ttravailleur\n");
    // ("toiler": "worker" is a word of the @employees vocabulary, which carries it instead)
    std::vector<Suggestion> s = SuggestTerms(ac, cb, {fr});
    REQUIRE(std::none_of(s.begin(), s.end(), [](const Suggestion& x) { return x.source == "vocabulary"; }));  // (see above)
    // "trait*" would be "traité" (treaty) and "traiter" (to handle) too
    CHECK(Has(Find(s, "fr", "emolument"), "traitement*", "dictionary"));
    CHECK(Has(Find(s, "fr", "toiler"), "travailleur*", "dictionary"));
}

TEST_CASE("suggest: a translation is widened to an inflection the stemmer leaves whole") {
    Codebook cb = test::ParseCodebookOrFail(R"({"name": "x", "codes": [{"id": "Q", "label": "Query", "rules": [
        {"id": "Q-en", "lang": "en", "any": ["inquire"]}]}]})");
    Corpus corpus;
    corpus.articles.push_back(OutletArticle("Wire", "en", "They inquire."));
    corpus.articles.push_back(OutletArticle("Le Monde", "fr", "Ils demandent une réponse. Elle va demander un délai."));
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    BilingualDictionary fr("fr");
    fr.Load("inquire\tdemander\n");
    std::vector<Suggestion> s = SuggestTerms(ac, cb, {fr});
    // Snowball's French stems "demander" to "demand" but leaves "demandent" (they ask) whole
    CHECK(Has(Find(s, "fr", "inquire"), "demande*", "dictionary"));
}

TEST_CASE("suggest: a word the stemmer leaves whole widens a translation only as its inflection") {
    Codebook cb = test::ParseCodebookOrFail(R"({"name": "x", "codes": [{"id": "Q", "label": "Quiet", "rules": [
        {"id": "Q-en", "lang": "en", "any": ["tranquillity", "gambler"]}]}]})");
    Corpus corpus;
    corpus.articles.push_back(OutletArticle("Wire", "en", "Tranquillity. A gambler."));
    // "Friedhof" (cemetery) and "Spiel" (game) are words of their own, which Snowball leaves whole
    corpus.articles.push_back(OutletArticle("FAZ", "de", "Der Frieden hält. Am Friedhof. Der Spieler kommt. Das Spiel ruht."));
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    BilingualDictionary de("de");
    de.Load("tranquillity\tfrieden\ngambler\tspieler\n");
    std::vector<Suggestion> s = SuggestTerms(ac, cb, {de});
    CHECK(Has(Find(s, "de", "tranquillity"), "frieden", "dictionary"));   // not "fried*" (Friedrich too)
    CHECK_FALSE(Has(Find(s, "de", "tranquillity"), "fried*", "dictionary"));
    CHECK(Has(Find(s, "de", "gambler"), "spieler", "dictionary"));        // not "spiel*" (Spielzeug too)
    CHECK_FALSE(Has(Find(s, "de", "gambler"), "spiel*", "dictionary"));
}
#endif

TEST_CASE("suggest: a cognate is not a shorter word the English one begins with, nor a beginning shared by chance") {
    Codebook cb = test::ParseCodebookOrFail(R"({"name": "x", "codes": [{"id": "C", "label": "Contract", "rules": [
        {"id": "C-en", "lang": "en", "all": [["contract*", "googlers", "military"], ["cancel*"]]}]}]})");
    Corpus corpus;
    corpus.articles.push_back(OutletArticle("Wire", "en", "Googlers ask to cancel the military contract."));
    corpus.articles.push_back(OutletArticle("El País", "es",
                                            "Google firmó el contrato. Los contratos son secretos. Votaron en contra. "
                                            "Un contrario. La controversia sigue. Un contrato militar."));
    corpus.articles.push_back(OutletArticle("Le Monde", "fr", "La controverse et la contribution de Google. Le googler part."));
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    std::vector<Suggestion> s = SuggestTerms(ac, cb, {});
    auto contract = Find(s, "es", "contract*");
    CHECK(Has(contract, "contrato", "cognate"));
    CHECK(Has(contract, "contratos", "cognate"));
    // "contra" (against) is "contract" cut short; "contra*", the beginning the cognates share,
    // would match it too: they are offered one by one
    CHECK_FALSE(Has(contract, "contra", "cognate"));
    CHECK_FALSE(Has(contract, "contra*", "cognate"));
    CHECK_FALSE(Has(contract, "contr*", "cognate"));
    CHECK_FALSE(Has(contract, "controversia", "cognate"));  // five letters in common, then another word
    CHECK(Find(s, "fr", "contract*").empty());               // "controverse", "contribution"
    // "google" is the name, not its employees; "googler" is the word
    CHECK_FALSE(Has(Find(s, "es", "googlers"), "google", "cognate"));
    CHECK(Has(Find(s, "fr", "googlers"), "googler", "cognate"));
    CHECK(Has(Find(s, "es", "military"), "militar", "cognate"));  // one letter short: still the word
    // a word that begins with the whole of a short English prefix is its cognate
    // (not "salar*": @pay carries it, and its "salario*" holds "salarios" already)
    Codebook pay = test::ParseCodebookOrFail(R"({"name": "x", "codes": [{"id": "S", "label": "S", "rules": [
        {"id": "S-en", "lang": "en", "any": ["pension*"]}]}]})");
    Corpus es;
    es.articles.push_back(OutletArticle("Wire", "en", "Pensions rise."));
    es.articles.push_back(OutletArticle("El País", "es", "Las pensiones suben."));
    CHECK(Has(Find(SuggestTerms(AnalyzeCorpus(es), pay, {}), "es", "pension*"), "pensiones", "cognate"));
    // a long shared beginning, then a long other ending: another word ("arbitrariness")
    Codebook arb = test::ParseCodebookOrFail(R"({"name": "x", "codes": [{"id": "A", "label": "A", "rules": [
        {"id": "A-en", "lang": "en", "any": ["arbitration"]}]}]})");
    Corpus pt;
    pt.articles.push_back(OutletArticle("Wire", "en", "Forced arbitration ends."));
    pt.articles.push_back(OutletArticle("Folha", "pt", "A arbitrariedade da empresa. A arbitragem forçada."));
    std::vector<Suggestion> a = SuggestTerms(AnalyzeCorpus(pt), arb, {});
    CHECK(Has(Find(a, "pt", "arbitration"), "arbitragem", "cognate"));
    CHECK_FALSE(Has(Find(a, "pt", "arbitration"), "arbitrariedade", "cognate"));
}

#ifdef PRESSLENS_SUGGEST_FULL
TEST_CASE("suggest: a word no table of its language carries: the cognates of its translations into two other languages") {
    Codebook cb = test::ParseCodebookOrFail(R"({"name": "x", "codes": [{"id": "P", "label": "Pay", "rules": [
        {"id": "P-en", "lang": "en", "any": ["reward", "payroll"]}]}]})");
    Corpus corpus;
    corpus.articles.push_back(OutletArticle("Wire", "en", "Better reward. Fair payroll."));
    corpus.articles.push_back(OutletArticle("El País", "es", "Mejor remuneración. Esperar el pago."));
    corpus.articles.push_back(OutletArticle("Público", "pt", "Melhor remuneração. O pagamento."));
    corpus.articles.push_back(OutletArticle("Le Monde", "fr", "Une meilleure rémunération. Il faut attendre."));
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    // (no shared vocabulary holds these words: "pay", "wage", "salary", "compensation" are @pay's, which carries them instead)
    const std::vector<std::string> wanted = DictionaryKeys(cb).words;
    BilingualDictionary es("es"), pt("pt"), fr("fr"), it("it");
    es.Load("reward\tremuneración\npayroll\tpago\n", wanted);
    pt.Load("reward\tremuneração\npayroll\tpagamento\n", wanted);
    fr.Load("payroll\tpayer\n", wanted);  // a small table: no "compensation"
    it.Load("payroll\tattendere\n", wanted);  // one table's odd sense ("pay attention")
    std::vector<Suggestion> s = SuggestTerms(ac, cb, {es, pt, fr, it});
    REQUIRE(std::none_of(s.begin(), s.end(), [](const Suggestion& x) { return x.source == "vocabulary"; }));  // (see above)
    CHECK(Has(Find(s, "fr", "reward"), "rémunération", "cognate of a translation"));
    CHECK_FALSE(Has(Find(s, "fr", "payroll"), "attendre", "cognate of a translation"));  // one language only
    // where a language's own table carries the word, it is not looked for elsewhere
    CHECK_FALSE(Has(Find(s, "es", "reward"), "remuneración", "cognate of a translation"));
    CHECK(Has(Find(s, "es", "reward"), "remuneración", "dictionary"));
}
#endif

#ifdef PRESSLENS_SUGGEST_FULL  // (the page's own list leaves it to the worker's answer: ui/model.cpp)
TEST_CASE("suggest: a cognate nearer in spelling to another English word of the corpus is that word") {
    Codebook cb = test::ParseCodebookOrFail(R"({"name": "x", "codes": [{"id": "P", "label": "Protect", "rules": [
        {"id": "P-en", "lang": "en", "any": ["protect*"]}]}]})");
    Corpus corpus;
    corpus.articles.push_back(OutletArticle("Wire", "en", "They protest to protect their work. The protection of actors."));
    corpus.articles.push_back(OutletArticle("La Stampa", "it", "La protesta continua. Le protezioni sono deboli."));
    std::vector<Suggestion> s = Find(SuggestTerms(AnalyzeCorpus(corpus), cb, {}), "it", "protect*");
    CHECK(Has(s, "protezioni", "cognate"));
    CHECK_FALSE(Has(s, "protesta", "cognate"));  // "protest", which "protect*" does not match
    // with no such English word in the corpus, the spelling alone decides
    Corpus without;
    without.articles.push_back(OutletArticle("Wire", "en", "To protect their work."));
    without.articles.push_back(OutletArticle("La Stampa", "it", "La protesta continua. Le protezioni sono deboli."));
    CHECK(Has(Find(SuggestTerms(AnalyzeCorpus(without), cb, {}), "it", "protect*"), "protesta", "cognate"));
}

TEST_CASE("suggest: a cognate the dictionary reads as a nearer English word is that word; other senses alone are not") {
    Codebook cb = test::ParseCodebookOrFail(R"({"name": "x", "codes": [{"id": "P", "label": "P", "rules": [
        {"id": "P-en", "lang": "en", "all": [["publicize", "access"], ["demand*"]]}]}]})");
    Corpus corpus;
    corpus.articles.push_back(OutletArticle("Wire", "en", "They demand access."));
    corpus.articles.push_back(OutletArticle("El País", "es", "El público exige. El acceso."));
    corpus.articles.push_back(OutletArticle("La Stampa", "it", "Il pubblico. L'accesso agli studi."));
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    const DictionaryKeySet keys = DictionaryKeys(cb);
    BilingualDictionary es("es"), it("it");
    es.Load("public\tpúblico\n", keys.words, keys.prefixes, CorpusWords(ac, "es"));
    it.Load("approach\taccesso\npublic\tpubblico\n", keys.words, keys.prefixes, CorpusWords(ac, "it"));
    std::vector<Suggestion> s = SuggestTerms(ac, cb, {es, it});
    CHECK_FALSE(Has(Find(s, "es", "publicize"), "público", "cognate"));  // "public"
    CHECK(Has(Find(s, "es", "access"), "acceso", "cognate"));
    // "accesso" is "approach" too in this small table, not a nearer word: the spelling decides
    CHECK(Has(Find(s, "it", "access"), "accesso", "cognate"));
    // the parts of a token the matcher cuts are read backwards too
    const std::vector<std::string> words = CorpusWords(ac, "it");
    CHECK(std::find(words.begin(), words.end(), "accesso") != words.end());
}

TEST_CASE("suggest: a cognate of translations that the dictionary knows only as other English words is not taken") {
    Codebook cb = test::ParseCodebookOrFail(R"({"name": "x", "codes": [{"id": "P", "label": "Pay", "rules": [
        {"id": "P-en", "lang": "en", "any": ["reward", "payroll"]}]}]})");
    Corpus corpus;
    corpus.articles.push_back(OutletArticle("Wire", "en", "Better reward. Fair payroll."));
    corpus.articles.push_back(OutletArticle("El País", "es", "Mejor remuneración. Atender al público."));
    corpus.articles.push_back(OutletArticle("Público", "pt", "Melhor remuneração. O pagamento."));
    corpus.articles.push_back(OutletArticle("La Stampa", "it", "Bisogna attendere."));
    corpus.articles.push_back(OutletArticle("Le Monde", "fr", "Une meilleure rémunération. Il faut attendre."));
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    // (no shared vocabulary holds these words: "pay", "wage", "salary", "compensation" are @pay's, which carries them instead)
    const DictionaryKeySet keys = DictionaryKeys(cb);
    BilingualDictionary es("es"), pt("pt"), fr("fr"), it("it");
    es.Load("reward\tremuneración\npayroll\tatender\n", keys.words, keys.prefixes, CorpusWords(ac, "es"));
    pt.Load("reward\tremuneração\npayroll\tpagamento\n", keys.words, keys.prefixes, CorpusWords(ac, "pt"));
    it.Load("payroll\tattendere\n", keys.words, keys.prefixes, CorpusWords(ac, "it"));  // "pay attention"
    fr.Load("payroll\tpayer\nwait\tattendre\nremuneration\trémunération\n", keys.words, keys.prefixes, CorpusWords(ac, "fr"));
    std::vector<Suggestion> s = SuggestTerms(ac, cb, {es, pt, fr, it});
    REQUIRE(std::none_of(s.begin(), s.end(), [](const Suggestion& x) { return x.source == "vocabulary"; }));  // (see above)
    // Spanish and Italian agree on "attendre", but French reads it as "wait"
    CHECK_FALSE(Has(Find(s, "fr", "payroll"), "attendre", "cognate of a translation"));
    // "remuneration" is the word's own cognate: it stays
    CHECK(Has(Find(s, "fr", "reward"), "rémunération", "cognate of a translation"));
}

TEST_CASE("suggest: a function word the rule holds is carried by the function words that translate it, not the frequent ones") {
    Codebook cb = test::ParseCodebookOrFail(R"({"name": "x", "codes": [{"id": "N", "label": "Never", "rules": [
        {"id": "N-en", "lang": "en", "all": [["weapons"], ["never"]]}]}]})");
    Corpus corpus;
    corpus.articles.push_back(OutletArticle("Wire", "en",
                                            "They will never build weapons. The company works. The staff works. The board meets. "
                                            "The letter is long. The army waits. The deal is old. The press asks."));
    corpus.articles.push_back(OutletArticle("La Stampa", "it",
                                            "Non costruiranno mai armi. Non lavora. Non è chiaro. Non ora. La lettera. L'esercito."));
    corpus.articles.push_back(OutletArticle("NRC", "nl", "Ze bouwen nooit wapens. Het leger wacht."));
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    const DictionaryKeySet keys = DictionaryKeys(cb);
    BilingualDictionary it("it"), nl("nl");
    it.Load("never\tmai\nnever\tnon\n", keys.words, keys.prefixes);
    nl.Load("never\tnooit\n", keys.words, keys.prefixes);
    std::vector<Suggestion> s = SuggestTerms(ac, cb, {it, nl});
    CHECK(Has(Find(s, "it", "never"), "mai", "dictionary"));
    CHECK_FALSE(Has(Find(s, "it", "never"), "non", "dictionary"));  // four sentences of six: another word
    CHECK(Has(Find(s, "nl", "never"), "nooit", "dictionary"));
}
#endif

TEST_CASE("suggest: a shared vocabulary far broader than the term in the rule's own language is not offered for it") {
    Codebook cb = test::ParseCodebookOrFail(R"({"name": "x", "codes": [{"id": "R", "label": "Refuse", "rules": [
        {"id": "R-en", "lang": "en", "all": [["weapons"], ["refus*"]]}]}]})");
    auto offered = [&](const char* english) {
        Corpus corpus;
        corpus.articles.push_back(OutletArticle("Wire", "en", english));
        corpus.articles.push_back(OutletArticle("El País", "es",
                                                "Los empleados rechazan las armas. El contrato es grande. La empresa calla. "
                                                "El consejo se reúne. La carta es larga. El ejército espera."));
        return Has(Find(SuggestTerms(AnalyzeCorpus(corpus), cb, {}), "es", "refus*"), "@oppose", "vocabulary");
    };
    // "refus*" is one sentence; the vocabulary's English words (protest, oppose, against) hold four
    CHECK_FALSE(offered("They refuse to build weapons. Staff protest. Many oppose the deal. A petition against it. "
                        "The protest grew."));
    CHECK(offered("They refuse to build weapons. Others refused too. The board met."));
}

#ifdef PRESSLENS_SUGGEST_FULL
TEST_CASE("suggest: within a prefix term's letters, a cognate is spelt like one of the English words it stands for") {
    // (in Galician, which no shared vocabulary lists: in Spanish @pay now carries "salar*", and its
    // own list decides there)
    Codebook cb = test::ParseCodebookOrFail(R"({"name": "x", "codes": [{"id": "S", "label": "Salary", "rules": [
        {"id": "S-en", "lang": "en", "any": ["salar*"]}]}]})");
    Corpus corpus;
    corpus.articles.push_back(OutletArticle("Wire", "en", "Salaries rise. The salary gap."));
    corpus.articles.push_back(OutletArticle("Galicia Hoxe", "gl", "Os salarios soben nas salas dos guionistas."));
    std::vector<Suggestion> s = Find(SuggestTerms(AnalyzeCorpus(corpus), cb, {}), "gl", "salar*");
    CHECK(Has(s, "salarios", "cognate"));
    CHECK_FALSE(Has(s, "salas", "cognate"));  // one letter from "salar", far from "salary", "salaries"
}

TEST_CASE("suggest: a vocabulary holding more of another kind of part's terms than of its own part's is not offered") {
    // "immigration and customs enforcement" is in @police, but the codebook puts police, cops and law
    // enforcement in another part: the vocabulary would make the second claim the first
    std::string text = R"({"name": "x", "codes": [
        {"id": "F", "label": "Face recognition to police", "rules": [
            {"id": "F-en", "lang": "en", "all": [["face recognition"], ["police", "cops", "law enforcement"]]}]},
        {"id": "I", "label": "Immigration enforcement", "rules": [
            {"id": "I-en", "lang": "en", "all": [["immigration and customs enforcement", "palantir"], ["stop*"]]}]}]})";
    Codebook cb = test::ParseCodebookOrFail(text);
    Corpus corpus;
    corpus.articles.push_back(OutletArticle("Wire", "en",
                                            "The police use face recognition. Cops and law enforcement too. Immigration and "
                                            "customs enforcement works with Palantir. Stop it. Stop the deal."));
    corpus.articles.push_back(OutletArticle("El País", "es",
                                            "La policía usa reconocimiento facial. Palantir trabaja con el servicio de inmigración."));
    std::vector<Suggestion> s = SuggestTerms(AnalyzeCorpus(corpus), cb, {});
    CHECK(Has(Find(s, "es", "police"), "@police", "vocabulary"));  // its own part holds three of its words
    CHECK_FALSE(Has(Find(s, "es", "immigration and customs enforcement"), "@police", "vocabulary"));
    // a part's other kind only where it shares no term: the same codebook with "police" in both parts
    text.replace(text.find("\"palantir\"]"), 11, "\"palantir\", \"police\"]");
    Codebook shared = test::ParseCodebookOrFail(text);
    std::vector<Suggestion> t = SuggestTerms(AnalyzeCorpus(corpus), shared, {});
    CHECK(Has(Find(t, "es", "immigration and customs enforcement"), "@police", "vocabulary"));
}

TEST_CASE("suggest: a phrase nothing else carries, by the cognates of a word that stands only in it") {
    Codebook cb = test::ParseCodebookOrFail(R"({"name": "x", "codes": [{"id": "F", "label": "Face recognition", "rules": [
        {"id": "F-en", "lang": "en", "any": ["facial recognition", "employee representative", "project maven"]}]}]})");
    Corpus corpus;
    corpus.articles.push_back(OutletArticle("Wire", "en",
                                            "Facial recognition is sold to the police. The facial recognition deal grew. "
                                            "Employees want an employee representative. Employees protest. Employees walk out. "
                                            "Project Maven ends. The project Maven contract."));
    corpus.articles.push_back(OutletArticle("Le Monde", "fr",
                                            "La reconnaissance faciale est vendue à la police. Les employés protestent. "
                                            "Un délégué des employés. Le projet est secret. Maven est son nom."));
    std::vector<Suggestion> s = SuggestTerms(AnalyzeCorpus(corpus), cb, {});
    // "facial" stands in English only in the phrase: its French cognate carries it
    CHECK(Has(Find(s, "fr", "facial recognition"), "faciale", "cognate"));
    // "employee*" stands mostly without "representative": "employés" alone is every employee
    CHECK_FALSE(Has(Find(s, "fr", "employee representative"), "employés", "cognate"));
    // French writes "Maven" as it is (not near "projet" here): "projet" alone is every project
    CHECK_FALSE(Has(Find(s, "fr", "project maven"), "projet", "cognate"));
}

TEST_CASE("suggest: a vocabulary is weighed against the terms beside it that it holds, not every alternative of its part") {
    Codebook cb = test::ParseCodebookOrFail(R"({"name": "x", "codes": [{"id": "R", "label": "Refuse", "rules": [
        {"id": "R-en", "lang": "en", "all": [["weapons"], ["refus*", "stop*", "ask*", "demand*"]]}]}]})");
    Corpus corpus;
    corpus.articles.push_back(OutletArticle("Wire", "en",
                                            "They refuse to build weapons. They stop it. They ask for more. They demand a stop. They want weapons. "
                                            "Stop the weapons. Ask again. Staff protest. Many oppose the deal. A petition against it."));
    corpus.articles.push_back(OutletArticle("El País", "es", "Los empleados rechazan las armas y piden el fin del contrato."));
    std::vector<Suggestion> s = SuggestTerms(AnalyzeCorpus(corpus), cb, {});
    // @oppose holds "refus*" alone of the part, in one sentence; its English words hold four
    CHECK_FALSE(Has(Find(s, "es", "refus*"), "@oppose", "vocabulary"));
    // @demand holds "ask*" and "demand*", as many sentences as its other English words
    CHECK(Has(Find(s, "es", "ask*"), "@demand", "vocabulary"));
    // a vocabulary's own name is never broader than itself: "demand*" beside "guarantee*" is @demand,
    // though "ask", "want" and "call for" hold more sentences than "demand*"
    Codebook named = test::ParseCodebookOrFail(R"({"name": "x", "codes": [{"id": "G", "label": "Guarantee", "rules": [
        {"id": "G-en", "lang": "en", "all": [["weapons"], ["guarantee*", "demand*"]]}]}]})");
    std::vector<Suggestion> t = SuggestTerms(AnalyzeCorpus(corpus), named, {});
    CHECK(Has(Find(t, "es", "demand*"), "@demand", "vocabulary"));
}

TEST_CASE("suggest: one phrase entry gives a word its sense where the source language's articles hold that phrase") {
    Codebook cb = test::ParseCodebookOrFail(R"({"name": "x", "codes": [{"id": "B", "label": "Board", "rules": [
        {"id": "B-en", "lang": "en", "any": ["board"]}]}]})");
    auto offered = [&](const char* english) {
        Corpus corpus;
        corpus.articles.push_back(OutletArticle("Wire", "en", english));
        corpus.articles.push_back(OutletArticle("Folha", "pt", "Um funcionário na diretoria. A diretoria decide."));
        BilingualDictionary pt("pt");
        // "board" is "tábua" (not in the corpus); one phrase entry gives "diretoria"
        pt.Load("board\ttábua\nboard\tplaca\nboard of directors\tdiretoria\n", DictionaryKeys(cb).words);
        return Has(Find(SuggestTerms(AnalyzeCorpus(corpus), cb, {pt}), "pt", "board"), "diretoria", "dictionary phrase");
    };
    CHECK(offered("An employee joins the board of directors. The board meets."));
    CHECK_FALSE(offered("The board meets. The board decides."));  // one phrase alone is that phrase's sense
}

TEST_CASE("suggest: a translation the dictionary also gives for another kind of part's term is not taken") {
    Codebook cb = test::ParseCodebookOrFail(R"({"name": "x", "codes": [
        {"id": "C", "label": "Cancel the contract", "rules": [
            {"id": "C-en", "lang": "en", "all": [["contract"], ["cancel*"]]}]},
        {"id": "Q", "label": "Employees quit", "rules": [
            {"id": "Q-en", "lang": "en", "all": [["employees"], ["quit*", "resign*"]]}]}]})");
    Corpus corpus;
    // (@stop, holding "stop", "end" and "drop" too, is broader than "cancel*" here: the dictionary carries it)
    corpus.articles.push_back(OutletArticle("Wire", "en", "Cancel the contract. Employees quit. Employees resign. "
                                                          "Stop it. End it. Drop it. The end."));
    corpus.articles.push_back(OutletArticle("Die Zeit", "de",
                                            "Die Mitarbeiter kündigen. Den Vertrag stornieren. Der Vertrag."));
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    const DictionaryKeySet keys = DictionaryKeys(cb);
    BilingualDictionary de("de");
    de.Load("cancel\tkündigen\ncancel\tstornieren\nquit\tkündigen\ncontract\tvertrag\nemployees\tmitarbeiter\n",
            keys.words, keys.prefixes, CorpusWords(ac, "de"));
    std::vector<Suggestion> s = SuggestTerms(ac, cb, {de});
    std::vector<Suggestion> cancel = Find(s, "de", "cancel*");
    CHECK(Has(cancel, "stornieren", "dictionary"));
    CHECK_FALSE(Has(cancel, "kündigen", "dictionary"));  // also "quit", the other claim's word
}
#endif

#ifdef PRESSLENS_SUGGEST_FULL  // within a rule's own language: the command line's and the worker's
TEST_CASE("suggest: within a rule's own language, the forms of a term that the corpus holds, taken by default") {
    Codebook cb = test::ParseCodebookOrFail(R"({"codes": [{"id": "A", "label": "Agencies", "rules": [
        {"id": "A-en", "lang": "en", "all": [["agency", "board seat", "member"], ["demand*"]]}]},
      {"id": "S", "label": "Pay", "rules": [{"id": "S-es", "lang": "es", "term": "salas"}]}]})");
    Corpus corpus;
    corpus.articles.push_back(OutletArticle("Wire", "en", "Workers demand that agencies stop. Two board seats are new. The members agreed."));
    corpus.articles.push_back(OutletArticle("Post", "en", "The agency said nothing. The universe of agencies is large."));
    corpus.articles.push_back(OutletArticle("El País", "es", "Las salas cerraron. La salida fue rápida. Salieron todos."));
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    std::vector<Suggestion> s = SuggestTerms(ac, cb, {});
    const auto agency = Find(s, "en", "agency");
    REQUIRE(Has(agency, "agencies", "form"));
    auto it = std::find_if(agency.begin(), agency.end(), [](const Suggestion& x) { return x.suggestion == "agencies"; });
    CHECK(it->accepted);
    CHECK(it->articles == 2);
    CHECK(it->sentences == 2);
    // a phrase by its last word's forms, where the corpus holds the phrase so
    CHECK(Has(Find(s, "en", "board seat"), "board seats", "form"));
    // a term English's stopword list holds ("member", "members") has its forms too
    CHECK(Has(Find(s, "en", "member"), "members", "form"));
    // Spanish Snowball gives "salas", "salida" and "salieron" one stem; they share only "sal"
    CHECK_FALSE(Has(Find(s, "es", "salas"), "salida", "form"));
    CHECK_FALSE(Has(Find(s, "es", "salas"), "salieron", "form"));
    // a rule that compares stems has its forms already
    cb.codes[0].rules[0].stem = true;
    CHECK_FALSE(Has(SuggestTerms(ac, cb, {}), "agencies", "form"));
    cb.codes[0].rules[0].stem = false;
    // expand puts the form beside its term in the rule itself: no rule of its own, and it matches
    Codebook expanded = ExpandCodebook(cb, s);
    CHECK(ValidateCodebook(expanded).empty());
    // (its Spanish rule is the carried one)
    CHECK(std::count_if(expanded.codes[0].rules.begin(), expanded.codes[0].rules.end(),
                        [](const Rule& r) { return r.languages == std::vector<std::string>{"en"}; }) == 1);
    CompiledCodebook compiled(expanded);
    Matrix mx = BuildMatrix(ac, expanded, MatchCorpus(ac, compiled));
    CHECK(mx.at(0, 0).present());
    Matrix before = BuildMatrix(ac, cb, MatchCorpus(ac, CompiledCodebook(cb)));
    CHECK_FALSE(before.at(0, 0).present());
    Codebook back;
    LoadError err;
    REQUIRE(ParseCodebookJson(CodebookToJson(expanded), "x.json", back, err));
    CHECK(back == expanded);
    // expanded, it has no form left to offer
    std::vector<Suggestion> again = SuggestTerms(ac, expanded, {});
    CHECK_FALSE(std::any_of(again.begin(), again.end(), [](const Suggestion& x) { return x.source == "form" && x.language == "en"; }));
}

#ifdef PRESSLENS_SUGGEST_FULL  // dictionary translations: the command line's and the worker's
TEST_CASE("suggest: a term a shared vocabulary carries keeps its cognates beside it, not the dictionary's senses") {
    Codebook cb = test::ParseCodebookOrFail(R"({"codes": [{"id": "P", "label": "Pay", "rules": [
        {"id": "P-en", "lang": "en", "all": [["compensation"], ["higher"]]}]}]})");
    Corpus corpus;
    corpus.articles.push_back(OutletArticle("Wire", "en", "Higher compensation for writers."));
    corpus.articles.push_back(OutletArticle("NRC", "nl", "Ze eisen een hogere compensatie. Hogere lonen. De vergoeding van de reis. "
                                                        "Compensation is het Engelse woord."));
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    const DictionaryKeySet keys = DictionaryKeys(cb);
    BilingualDictionary nl("nl");
    nl.Load("compensation\tvergoeding\nhigher\thoger\n", keys.words, keys.prefixes, CorpusWords(ac, "nl"));
    const std::vector<Suggestion> s = Find(SuggestTerms(ac, cb, {nl}), "nl", "compensation");
    CHECK(Has(s, "@pay", "vocabulary"));     // "lonen": the curated list
    CHECK(Has(s, "compensatie", "cognate"));  // a spelling the list lacks
    // the vocabulary stands for the dictionary's senses ("vergoeding" is also a refund) and for
    // the English word written as it is
    CHECK_FALSE(std::any_of(s.begin(), s.end(), [](const Suggestion& x) { return x.source == "dictionary" || x.source == "same word"; }));
    // a cognate the vocabulary's own words match already is not offered beside it
    Codebook es_cb = test::ParseCodebookOrFail(R"({"codes": [{"id": "P", "label": "Pay", "rules": [
        {"id": "P-en", "lang": "en", "any": ["salary"]}]}]})");
    Corpus es;
    es.articles.push_back(OutletArticle("Wire", "en", "A higher salary."));
    es.articles.push_back(OutletArticle("El País", "es", "Los salarios suben."));
    const std::vector<Suggestion> salary = Find(SuggestTerms(AnalyzeCorpus(es), es_cb, {}), "es", "salary");
    CHECK(Has(salary, "@pay", "vocabulary"));
    CHECK_FALSE(Has(salary, "salarios", "cognate"));  // @pay's "salario*"
}
#endif

TEST_CASE("suggest: an English form is an inflection of the term, not a word derived from it") {
    Codebook cb = test::ParseCodebookOrFail(R"({"codes": [{"id": "A", "label": "Safe police", "rules": [
        {"id": "A-en", "lang": "en", "all": [["safe", "police", "sexual", "services", "stop", "report"], ["demand*"]]}]}]})");
    Corpus corpus;
    corpus.articles.push_back(OutletArticle("Wire", "en",
        "They demand safe streets and policing that works. The service was stopped. Safely home. "
        "Sexuality is private. The police polices itself. Stopping it. A reporter asked."));
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    std::vector<Suggestion> s = SuggestTerms(ac, cb, {});
    // Snowball's English stemmer joins all of these; only the inflections are forms
    CHECK_FALSE(Has(Find(s, "en", "safe"), "safely", "form"));
    CHECK(Has(Find(s, "en", "police"), "policing", "form"));   // the "e" dropped before -ing
    CHECK(Has(Find(s, "en", "police"), "polices", "form"));
    CHECK_FALSE(Has(Find(s, "en", "sexual"), "sexuality", "form"));
    CHECK(Has(Find(s, "en", "services"), "service", "form"));  // a plural term's singular
    CHECK(Has(Find(s, "en", "stop"), "stopped", "form"));      // the consonant doubled
    CHECK(Has(Find(s, "en", "stop"), "stopping", "form"));
    CHECK_FALSE(Has(Find(s, "en", "report"), "reporter", "form"));  // a noun made of the verb
}

TEST_CASE("suggest: within a rule's own language, words distinctive of the sentences lacking one part, not taken by default") {
    Codebook cb = test::ParseCodebookOrFail(R"({"codes": [{"id": "A", "label": "End arbitration", "rules": [
        {"id": "A-en", "lang": "en", "all": [["arbitration"], ["demand*", "ask*"]]}]},
      {"id": "B", "label": "Pay", "rules": [{"id": "B-en", "lang": "en", "term": "salary"}]}]})");
    Corpus corpus;
    corpus.articles.push_back(OutletArticle("Wire", "en",
        "Staff demand an end to arbitration. Staff want arbitration abolished. Arbitration on salary was scrapped. "
        "The weather was fine. Arbitration irks Bezos."));
    corpus.articles.push_back(OutletArticle("Post", "en",
        "They want arbitration abolished now. Arbitration on salary is scrapped. The salary gap was abolished too. "
        "Arbitration, Bezos said, stays."));
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    std::vector<Suggestion> s = SuggestTerms(ac, cb, {});
    const auto stance = Find(s, "en", "demand*");  // the missing part's first term carries it
    // "abolished" stands in two sentences lacking the stance and in another claim's sentence
    REQUIRE(Has(stance, "abolished", "keyness"));
    auto it = std::find_if(stance.begin(), stance.end(), [](const Suggestion& x) { return x.suggestion == "abolished"; });
    CHECK_FALSE(it->accepted);
    CHECK(it->articles == 2);
    CHECK(it->sentences == 3);
    // its example is a sentence it was found in, lacking the part
    REQUIRE(it->example_article >= 0);
    CHECK(corpus.articles[static_cast<size_t>(it->example_article)].text.substr(it->example.begin, it->example.size()) ==
          "Staff want arbitration abolished.");
    // "scrapped" stands only in sentences lacking the stance that another claim's rule holds: theirs
    CHECK_FALSE(Has(stance, "scrapped", "keyness"));
    // a name says who, not what was asked
    CHECK_FALSE(Has(stance, "bezos", "keyness"));
    // a word of sentences that hold neither part says nothing about the claim
    CHECK_FALSE(Has(stance, "weather", "keyness"));
    // a word the rule matches already is not offered
    CHECK_FALSE(Has(stance, "arbitration", "keyness"));
    // not taken, expand leaves the codebook as it was ("want", @demand's, is taken as a vocabulary
    // word: see below)
    std::vector<Suggestion> key;
    std::copy_if(s.begin(), s.end(), std::back_inserter(key), [](const Suggestion& x) { return x.source == "keyness"; });
    REQUIRE(key.size() >= 2);
    CHECK(ExpandCodebook(cb, key) == cb);
}
#endif

#ifdef PRESSLENS_SUGGEST_FULL  // within a rule's own language: the command line's and the worker's
TEST_CASE("suggest: within a language, a near miss is read as the rules read it: stems, the claim's other rules, exclusions") {
    Corpus corpus;
    corpus.articles.push_back(OutletArticle("A", "en", "Staff demands an end to arbitration today. Staff hate arbitration deeply."));
    corpus.articles.push_back(OutletArticle("B", "en", "Workers demands the arbitration be scrapped today. Staff hate arbitration now."));
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    // the term a word is offered under as distinctive ("" when it is not offered)
    auto keyness = [&](const char* json, std::string_view word) {
        const std::vector<Suggestion> s = SuggestTerms(ac, test::ParseCodebookOrFail(json), {});
        auto it = std::find_if(s.begin(), s.end(), [&](const Suggestion& x) { return x.source == "keyness" && x.suggestion == word; });
        return it == s.end() ? std::string() : it->term;
    };
    // a rule comparing stems holds "demands" for "demand": those sentences are its evidence, and
    // "hate" is what its near misses hold
    const char* stemmed = R"({"codes": [{"id": "A", "label": "a", "rules": [{"lang": "en", "stem": true, "all": [["arbitration"], ["demand"]]}]}]})";
    CHECK(keyness(stemmed, "demands") == "");
    CHECK(keyness(stemmed, "hate") == "demand");
    // "Staff" begins every sentence it is in: a capital there does not make it a name
    CHECK(keyness(stemmed, "staff") == "demand");
    // a sentence another rule of the same claim holds is the claim's already
    CHECK(keyness(R"({"codes": [{"id": "A", "label": "a", "rules": [{"lang": "en", "stem": true, "all": [["arbitration"], ["demand"]]},
        {"lang": "en", "all": [["arbitration"], ["hate"]]}]}]})", "hate") == "");
    // a rule's exclusion is not a part: with it, the rule still has two parts, and the sentences
    // it excludes are not near misses
    CHECK(keyness(R"({"codes": [{"id": "A", "label": "a", "rules": [{"lang": "en", "stem": true, "all": [["arbitration"], ["demand"]],
        "none": ["scrapped"]}]}]})", "hate") == "demand");
    CHECK(keyness(R"({"codes": [{"id": "A", "label": "a", "rules": [{"lang": "en", "stem": true, "all": [["arbitration"], ["demand"]],
        "none": ["hate"]}]}]})", "hate") == "");
    // a word is offered under a part's own term, never under one of its exclusions
    CHECK(keyness(R"({"codes": [{"id": "A", "label": "a", "rules": [{"lang": "en", "stem": true, "all": [["arbitration"],
        {"any": ["demand"], "none": ["refuse*"]}]}]}]})", "hate") == "demand");
}

TEST_CASE("suggest: an English rule gains a vocabulary's words that complete its near misses, taken by default") {
    Codebook cb = test::ParseCodebookOrFail(R"({"codes": [
        {"id": "F", "label": "Stop face recognition for police", "rules": [
            {"id": "F-en", "lang": "en", "all": [["face recognition"], ["police*", "law enforcement"], ["stop*", "ask*"]]}]},
        {"id": "I", "label": "Drop Palantir", "rules": [
            {"id": "I-en", "lang": "en", "all": [["immigration and customs enforcement", "palantir"], ["drop*"]]}]}]})");
    Corpus corpus;
    corpus.articles.push_back(OutletArticle("Wire", "en",
        "Workers urged Bezos to end the sale of face recognition to police. Stop selling face recognition to police, "
        "they wrote. The end of the year was near. They want Amazon to drop law enforcement contracts. "
        "Bezos should halt face recognition for police."));
    corpus.articles.push_back(OutletArticle("Post", "en",
        "Employees want Amazon to end face recognition sales to law enforcement. Drop law enforcement deals, they said. "
        "Palantir was not named."));
    corpus.articles.push_back(OutletArticle("Blog", "en", "The story will end soon. Face recognition is a hard problem."));
    std::vector<Suggestion> s = SuggestTerms(AnalyzeCorpus(corpus), cb, {});
    const auto stance = Find(s, "en", "stop*");
    // "end" is @stop's, which "stop*" is in, and completes sentences holding the other parts in two articles
    REQUIRE(Has(stance, "end", "vocabulary word"));
    auto it = std::find_if(stance.begin(), stance.end(), [](const Suggestion& x) { return x.suggestion == "end"; });
    CHECK(it->accepted);
    CHECK(it->articles == 3);  // counted in the whole language, its example one of the near misses
    REQUIRE(it->example_article >= 0);
    CHECK(corpus.articles[static_cast<size_t>(it->example_article)].text.substr(it->example.begin, it->example.size()) ==
          "Workers urged Bezos to end the sale of face recognition to police.");
    // "halt" completes one near miss only: one sentence can say something else
    CHECK_FALSE(Has(stance, "halt*", "vocabulary word"));
    // "law enforcement" (in @police, which "immigration and customs enforcement" is in) completes the
    // other claim's near misses in two articles, but the codebook puts it in another kind of part
    CHECK_FALSE(Has(Find(s, "en", "immigration and customs enforcement"), "law enforcement", "vocabulary word"));
    // taken by default: the expanded rule matches the sentence it lacked
    Codebook expanded = ExpandCodebook(cb, s);
    CHECK(expanded != cb);
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    auto reports = [&](const Codebook& c, size_t article) {
        CompiledCodebook compiled(c);
        return BuildMatrix(ac, c, MatchCorpus(ac, compiled)).at(article, 0).present();
    };
    CHECK(reports(cb, 0));  // Wire: "Stop selling face recognition to police"
    CHECK_FALSE(reports(cb, 1));
    CHECK(reports(expanded, 1));  // Post: "... want Amazon to end face recognition sales to law enforcement"
}

TEST_CASE("expand: forms in a rule of two languages join its terms once; a term's idle `within` is not carried into an `any`") {
    Corpus corpus;
    corpus.articles.push_back(OutletArticle("A", "en", "The protests grew in the city."));
    corpus.articles.push_back(OutletArticle("B", "nl", "De protesten groeiden in de stad."));
    corpus.articles.push_back(OutletArticle("C", "en", "A protest was held."));
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    Codebook cb = test::ParseCodebookOrFail(R"({"codes": [{"id": "P", "label": "p", "rules": [{"id": "P1", "lang": ["en", "nl"], "term": "protest"}]}]})");
    Codebook expanded = ExpandCodebook(cb, SuggestTerms(ac, cb, {}));
    REQUIRE(expanded.codes[0].rules.size() == 1);
    const Condition& m = expanded.codes[0].rules[0].match;
    REQUIRE(m.kind == Condition::Kind::Any);
    std::vector<std::string> terms;
    for (const Condition& c : m.children) terms.push_back(c.term);
    CHECK(terms == std::vector<std::string>{"protest", "protests", "protesten"});
    // `within` on a term is accepted and means nothing; on the `any` the term becomes it is refused
    Codebook within = test::ParseCodebookOrFail(R"({"codes": [{"id": "P", "label": "p", "rules": [{"id": "P1", "lang": "en", "term": "protest", "within": 5}]}]})");
    Codebook carried = ExpandCodebook(within, SuggestTerms(ac, within, {}));
    REQUIRE(carried.codes[0].rules[0].match.kind == Condition::Kind::Any);
    CHECK(ValidateCodebook(carried).empty());
}
#endif
