// tests: the codebook format (validation errors with line and column, round trip), the matcher
// (terms, phrases, prefixes, groups, exclusions, proximity, attribution), articles about the
// letter in eight languages with the shareholders' and the ACLU's demands as distractors, the
// default corpus as a golden matrix with its evidence sentences, and near-miss explanations.
#include <doctest/doctest.h>

#include <set>

#include "core/codebook.hpp"
#include "io/codebook_io.hpp"
#include "test_codebooks.hpp"
#include "io/corpus_io.hpp"
#include "io/reports.hpp"

using namespace presslens;

namespace {

LoadError ParseError(const std::string& json) {
    Codebook cb;
    cb.name = "previous";
    LoadError err;
    CHECK_FALSE(ParseCodebookJson(json, "cb.json", cb, err));
    CHECK(cb.name == "previous");  // untouched on failure
    return err;
}

const Codebook& DefaultCodebook() {
    static Codebook cb = [] {
        Codebook c;
        LoadError err;
        bool ok = LoadDefaultCodebook(c, err);
        INFO(err.ToString());
        REQUIRE(ok);
        return c;
    }();
    return cb;
}

struct Coded {
    Corpus corpus;
    AnalyzedCorpus ac;
    MatchResult m;
    Matrix mx;
    const Codebook* cb = nullptr;
};

// Analyses and matches; the corpus is kept alive inside the result.
std::unique_ptr<Coded> RunCodebook(Corpus corpus, const Codebook& cb) {
    auto c = std::make_unique<Coded>();
    c->corpus = std::move(corpus);
    c->ac = AnalyzeCorpus(c->corpus);
    CompiledCodebook compiled(cb);
    c->m = MatchCorpus(c->ac, compiled);
    c->mx = BuildMatrix(c->ac, cb, c->m);
    c->cb = &cb;
    return c;
}

Corpus OneArticle(std::string text, std::string lang = "") {
    Corpus c;
    Article a;
    a.source = "t.txt";
    a.text = std::move(text);
    if (!lang.empty()) a.meta.language = lang;
    c.articles.push_back(std::move(a));
    return c;
}

size_t CodeIndex(const Codebook& cb, std::string_view id) {
    for (size_t i = 0; i < cb.codes.size(); ++i)
        if (cb.codes[i].id == id) return i;
    FAIL("no code " << id);
    return 0;
}

// The codes present in the matrix row, as "D1 D2 …".
std::string RowCodes(const Coded& c, size_t row, std::string_view group = "") {
    std::string out;
    for (size_t k = 0; k < c.mx.cols; ++k)
        if (c.mx.at(row, k).present() && (group.empty() || c.cb->codes[k].group == group))
            out += (out.empty() ? "" : " ") + c.cb->codes[k].id;
    return out;
}

// Every hit's sentence for a code.
std::vector<std::string> HitSentences(const Coded& c, std::string_view code) {
    std::vector<std::string> out;
    size_t k = CodeIndex(*c.cb, code);
    for (const Hit& h : c.m.hits)
        if (h.code == k) out.push_back(c.corpus.articles[h.article].text.substr(h.sentence_span.begin, h.sentence_span.size()));
    return out;
}

std::string BestSentence(const Coded& c, size_t row, std::string_view code) {
    const MatrixCell& cell = c.mx.at(row, CodeIndex(*c.cb, code));
    if (cell.best < 0) return "(empty)";
    const Hit& h = c.m.hits[static_cast<size_t>(cell.best)];
    std::string s = c.corpus.articles[h.article].text.substr(h.sentence_span.begin, h.sentence_span.size());
    // no-break spaces (Sputnik's text has them) compare as spaces
    for (size_t i; (i = s.find("\xC2\xA0")) != std::string::npos;) s.replace(i, 2, " ");
    return s;
}

bool Contains(const std::vector<std::string>& v, std::string_view needle) {
    for (const std::string& s : v)
        if (s.find(needle) != std::string::npos) return true;
    return false;
}

const char* kSmall = R"({
  "actors": [
    {"id": "staff", "label": "the staff", "terms": {"*": ["employee*", "workers"]}, "weak_terms": {"en": ["we"]}},
    {"id": "owners", "label": "the owners", "terms": {"*": ["shareholder*"]}}
  ],
  "codes": [
    {"id": "A", "label": "phrase", "rules": [{"id": "A1", "term": "law enforcement"}]},
    {"id": "B", "label": "prefix and groups", "rules": [
      {"id": "B1", "all": ["recogni*", ["police", "cops"]], "none": ["not about"]}]},
    {"id": "C", "label": "proximity", "rules": [{"id": "C1", "all": ["stop", "selling"], "within": 3}]},
    {"id": "D", "label": "attributed", "rules": [
      {"id": "D1", "all": ["stop", "selling"], "attribution": {"actor": "staff", "not": ["owners"], "context": 1}}]},
    {"id": "E", "label": "stemmed", "rules": [{"id": "E1", "lang": "en", "stem": true, "term": "protesting employees"}]}
  ]
})";

}  // namespace

TEST_CASE("codebook: the default codebook is valid and round-trips") {
    const Codebook& cb = DefaultCodebook();
    REQUIRE(cb.codes.size() >= 10);
    CHECK(cb.codes[0].id == "D1");
    CHECK(cb.codes[1].id == "D2");
    CHECK(cb.codes[2].id == "D3");
    CHECK(ValidateCodebook(cb).empty());
    // rules for the demands in every supported language
    for (size_t d = 0; d < 3; ++d) {
        std::set<std::string> langs;
        for (const Rule& r : cb.codes[d].rules) langs.insert(r.languages.begin(), r.languages.end());
        for (const char* l : {"en", "nl", "de", "fr", "es", "it", "pl", "ru"}) {
            INFO(cb.codes[d].id << " " << l);
            CHECK(langs.count(l) == 1);
        }
    }
    std::string saved = CodebookToJson(cb);
    Codebook again = test::ParseCodebookOrFail(saved);
    CHECK(again == cb);
    CHECK(CodebookToJson(again) == saved);
    Codebook small = test::ParseCodebookOrFail(kSmall);
    CHECK(test::ParseCodebookOrFail(CodebookToJson(small)) == small);
}

TEST_CASE("codebook: errors name the field, its line and column, and keep the previous codebook") {
    // broken JSON
    LoadError e = ParseError("{\n  \"codes\": [\n    {\"id\": \"X\",}\n  ]\n}");
    CHECK(e.where == "cb.json (line 3, column 16)");
    CHECK(e.message.find("invalid JSON") != std::string::npos);
    // a wrong type: the pointer and the place of the value
    e = ParseError("{\n  \"codes\": [\n    {\"id\": \"X\", \"label\": \"x\",\n     \"rules\": [{\"term\": \"a\", \"within\": \"five\"}]}\n  ]\n}");
    CHECK(e.where == "cb.json (line 4, column 40)");
    CHECK(e.message == "/codes/0/rules/0/within: expected a whole number from 1 to 1000, found string");
    // a misspelt field
    e = ParseError(R"({"codes": [{"id": "X", "label": "x", "colour": "#aabbcc", "rulez": []}]})");
    CHECK(e.message.find("/codes/0/rulez: unknown field \"rulez\"") == 0);
    CHECK(e.where == "cb.json (line 1, column 68)");
    // a missing field
    e = ParseError(R"({"codes": [{"label": "x"}]})");
    CHECK(e.message == "/codes/0/id: required field \"id\" is missing");
    // not a codebook at all
    e = ParseError(R"([1, 2])");
    CHECK(e.message.find("expected a codebook object") != std::string::npos);
    e = ParseError(R"({"name": "x"})");
    CHECK(e.message == "/codes: required field \"codes\" is missing");
    // semantic problems: bad wildcards, unknown actors, duplicates, colours, counted
    e = ParseError(R"({"codes": [{"id": "X", "label": "x", "rules": [{"term": "re*cog"}]}]})");
    CHECK(e.message.find("/codes/0/rules/0: term \"re*cog\": '*' is only allowed at the end of a word") == 0);
    e = ParseError(R"({"codes": [{"id": "X", "label": "x", "rules": [{"any": ["*", "a*", "ok"]}]}]})");
    CHECK(e.message.find("/codes/0/rules/0/any/0: term \"*\"") == 0);
    CHECK(e.message.find("(and 1 more problem)") != std::string::npos);
    e = ParseError(R"J({"codes": [{"id": "X", "label": "x", "rules": [{"term": "a(b)"}]}]})J");
    CHECK(e.message.find("unexpected character") != std::string::npos);
    e = ParseError(R"({"codes": [{"id": "X", "label": "x", "rules": [{"term": "ab", "attribution": {"actor": "nobody"}}]}]})");
    CHECK(e.message == "/codes/0/rules/0/attribution/actor: unknown actor \"nobody\" (define it under \"actors\")");
    e = ParseError(R"({"codes": [{"id": "X", "label": "x"}, {"id": "X", "label": "y"}]})");
    CHECK(e.message == "/codes/1/id: duplicate code id \"X\"");
    CHECK(e.where == "cb.json (line 1, column 46)");
    e = ParseError(R"({"codes": [{"id": "X", "label": "x", "colour": "red"}]})");
    CHECK(e.message.find("/codes/0/colour: expected a colour as \"#rrggbb\"") == 0);
    e = ParseError(R"({"codes": []})");
    CHECK(e.message == "/codes: a codebook needs at least one code");
    e = ParseError(R"({"codes": [{"id": "X", "label": "x", "rules": [{"all": ["ab"], "any": ["cd"]}]}]})");
    CHECK(e.message.find("more than one of") != std::string::npos);
    e = ParseError(R"({"presslens_codebook": 2, "codes": [{"id": "X", "label": "x"}]})");
    CHECK(e.message.find("unsupported format version 2") != std::string::npos);
}

TEST_CASE("codebook: deeply nested conditions are refused, not a stack overflow") {
    std::string deep;
    for (int i = 0; i < 5000; ++i) deep += "[";
    deep += "\"ab\"";
    for (int i = 0; i < 5000; ++i) deep += "]";
    LoadError e = ParseError(R"({"codes": [{"id": "X", "label": "x", "rules": [{"any": )" + deep + "}]}]}");
    CHECK(e.message.find("nested deeper than 32 levels") != std::string::npos);
}

TEST_CASE("matcher: phrases, prefixes, groups, exclusions, proximity, hyphens and apostrophes") {
    Codebook cb = test::ParseCodebookOrFail(kSmall);
    auto c = RunCodebook(OneArticle("Police use law-enforcement tools.\n"
                             "Law enforcement uses Recognition software; cops agree.\n"
                             "Recognition by police is not about this.\n"
                             "We say stop the sale of it and stop selling now.\n"
                             "Stop all of the many things and then start selling.\n"
                             "Protesting employees met.\n",
                             "en"),
                  cb);
    auto a = HitSentences(*c, "A");
    REQUIRE(a.size() == 2);  // "law-enforcement" and "Law enforcement" are the same phrase
    CHECK(a[0] == "Police use law-enforcement tools.");
    auto b = HitSentences(*c, "B");
    REQUIRE(b.size() == 1);  // the third line is excluded by "not about"
    CHECK(b[0] == "Law enforcement uses Recognition software; cops agree.");
    auto cc = HitSentences(*c, "C");
    REQUIRE(cc.size() == 1);  // line 5 has both words, 9 words apart
    CHECK(cc[0] == "We say stop the sale of it and stop selling now.");
    // the tokens of the hit are byte ranges of the matched words
    for (const Hit& h : c->m.hits) {
        if (h.code != CodeIndex(cb, "C")) continue;
        REQUIRE(h.tokens.size() == 2);
        CHECK(c->corpus.articles[0].text.substr(h.tokens[0].begin, h.tokens[0].size()) == "stop");
        CHECK(c->corpus.articles[0].text.substr(h.tokens[1].begin, h.tokens[1].size()) == "selling");
    }
    // stemming: "protesting employees" matches "Protesting employees" and "protested employee"
    CHECK(HitSentences(*c, "E").size() == 1);
    auto c2 = RunCodebook(OneArticle("The protested employee left.", "en"), cb);
    CHECK(HitSentences(*c2, "E").size() == 1);
    // French elision: l'ACLU is "l aclu"
    Codebook fr = test::ParseCodebookOrFail(R"({"codes": [{"id": "X", "label": "x", "rules": [{"term": "aclu"}]}]})");
    auto c3 = RunCodebook(OneArticle("Selon l'ACLU et l’ACLU, rien.", "fr"), fr);
    CHECK(HitSentences(*c3, "X").size() == 1);
    CHECK(c3->m.hits[0].tokens.size() == 2);
}

TEST_CASE("matcher: attribution to the right actor, in the sentence, before it, or by sign-off") {
    Codebook cb = test::ParseCodebookOrFail(kSmall);
    auto c = RunCodebook(OneArticle("The employees ask Amazon to stop selling it.\n"
                             "The shareholders also want Amazon to stop selling it.\n"
                             "Shareholders wrote first, but the employees now say: stop selling it.\n"
                             "A letter went out. It says stop selling it.\n"
                             "We want them to stop selling it. – Jane Doe, shareholder\n"
                             "We demand: stop selling it.\n",
                             "en"),
                  cb);
    auto d = HitSentences(*c, "D");
    REQUIRE(d.size() == 3);
    CHECK(d[0] == "The employees ask Amazon to stop selling it.");
    CHECK(d[1] == "Shareholders wrote first, but the employees now say: stop selling it.");  // the nearest actor
    CHECK(d[2] == "We demand: stop selling it.");  // a weak term when no actor is named
}

TEST_CASE("near misses: why a cell is empty") {
    Codebook cb = test::ParseCodebookOrFail(kSmall);
    auto c = RunCodebook(OneArticle("The shareholders also want Amazon to stop selling it.\n"
                             "A letter went out. It says stop selling it.\n"
                             "We want them to stop selling it. – Jane Doe, shareholder\n"
                             "Stop now, it is selling.\n"
                             "Police recognition is not about this.\n",
                             "en"),
                  cb);
    CHECK(HitSentences(*c, "D").empty());
    CHECK(HitSentences(*c, "B").empty());
    const MatrixCell& d = c->mx.at(0, CodeIndex(cb, "D"));
    REQUIRE(d.near_misses.size() == 3);
    std::vector<std::string> why;
    for (int i : d.near_misses) why.push_back(c->m.near_misses[static_cast<size_t>(i)].missing);
    CHECK(Contains(why, "attributed to the owners (\"shareholders\"), not the staff"));
    CHECK(Contains(why, "attributed to the owners (\"shareholder\"), not the staff"));  // the sign-off
    CHECK(Contains(why, "no mention of the staff in the sentence or the 1 before it"));
    const MatrixCell& b = c->mx.at(0, CodeIndex(cb, "B"));
    REQUIRE(b.near_misses.size() == 1);
    CHECK(c->m.near_misses[static_cast<size_t>(b.near_misses[0])].missing == "excluded by: not about");
    auto w = RunCodebook(OneArticle("Stop now, it is selling.", "en"), cb);
    const MatrixCell& cc = w->mx.at(0, CodeIndex(cb, "C"));
    REQUIRE(cc.near_misses.size() == 1);
    CHECK(w->m.near_misses[static_cast<size_t>(cc.near_misses[0])].missing == "the terms are more than 3 words apart");
    // a partial match names what is missing
    auto p = RunCodebook(OneArticle("Recognition is everywhere.", "en"), cb);
    const MatrixCell& pb = p->mx.at(0, CodeIndex(cb, "B"));
    REQUIRE(pb.near_misses.size() == 1);
    const NearMiss& nm = p->m.near_misses[static_cast<size_t>(pb.near_misses[0])];
    CHECK(nm.missing == "missing: police, cops");
    CHECK(nm.satisfied == 1);
    CHECK(nm.total == 2);
    // the table explains every empty cell
    Table t = NearMissTable(p->ac, cb, p->m, p->mx);
    CHECK(t.rows.size() == 5);  // A, B (near miss), C, D, E: all empty
}

// ---- eight languages, with the shareholders' and the ACLU's demands as distractors -----------

namespace {

struct LanguageCase {
    const char* lang;
    const char* text;
    const char* d1;  // the sentence that must prove each demand
    const char* d2;
    const char* d3;
};

const LanguageCase kLanguages[] = {
    {"es",
     "Un grupo de empleados de Amazon envió una carta al director ejecutivo Jeff Bezos. "
     "Los empleados piden que la empresa deje de vender la tecnología de reconocimiento facial Rekognition a la policía y a las agencias del gobierno. "
     "También exigen que Amazon deje de proporcionar servicios en la nube de AWS a Palantir, que trabaja para el ICE. "
     "Además reclaman medidas de transparencia y rendición de cuentas.\n"
     "La semana pasada, los accionistas de Amazon pidieron a la empresa que dejara de vender reconocimiento facial a los gobiernos. "
     "La ACLU exige que Amazon deje de vender Rekognition a la policía.\n",
     "Los empleados piden", "También exigen", "Además reclaman"},
    {"de",
     "Mitarbeiter von Amazon haben einen offenen Brief an Firmenchef Jeff Bezos geschrieben. "
     "Sie fordern, dass Amazon den Verkauf der Gesichtserkennungssoftware Rekognition an Polizei und Behörden einstellt. "
     "Außerdem soll Amazon aufhören, die Cloud-Infrastruktur von AWS für Palantir bereitzustellen, weil Palantir die Einwanderungsbehörde ICE unterstützt. "
     "Die Beschäftigten verlangen zudem mehr Transparenz und Rechenschaftspflicht.\n"
     "Bereits zuvor hatten Aktionäre gefordert, den Verkauf der Gesichtserkennung an Regierungsbehörden zu stoppen. "
     "Auch die Bürgerrechtsorganisation ACLU fordert von Amazon, die Gesichtserkennung nicht mehr an die Polizei zu verkaufen.\n",
     "Sie fordern", "Außerdem soll", "Die Beschäftigten"},
    {"fr",
     "Des employés d'Amazon ont adressé une lettre ouverte au patron Jeff Bezos. "
     "Ils demandent à l'entreprise de cesser de vendre son logiciel de reconnaissance faciale Rekognition à la police et aux agences gouvernementales. "
     "Ils exigent aussi qu'Amazon arrête de fournir l'infrastructure cloud d'AWS à Palantir, qui travaille pour l'agence ICE. "
     "Les salariés réclament enfin des mesures de transparence et de responsabilisation.\n"
     "Des actionnaires avaient déjà demandé à Amazon d'arrêter de vendre la reconnaissance faciale aux gouvernements. "
     "L'ACLU exige elle aussi qu'Amazon cesse de vendre Rekognition à la police.\n",
     "Ils demandent", "Ils exigent", "Les salariés"},
    {"it",
     "I dipendenti di Amazon hanno scritto una lettera all'amministratore delegato Jeff Bezos. "
     "Chiedono all'azienda di smettere di vendere il software di riconoscimento facciale Rekognition alla polizia e alle agenzie governative. "
     "Chiedono inoltre di interrompere la fornitura dell'infrastruttura cloud di AWS a Palantir, che lavora per l'agenzia ICE. "
     "I lavoratori esigono anche misure di trasparenza e di rendicontazione.\n"
     "Alcuni azionisti avevano già chiesto ad Amazon di smettere di vendere il riconoscimento facciale ai governi. "
     "Anche l'ACLU chiede ad Amazon di smettere di vendere Rekognition alla polizia.\n",
     "Chiedono all'azienda", "Chiedono inoltre", "I lavoratori"},
    {"pl",
     "Pracownicy Amazona napisali list otwarty do prezesa Jeffa Bezosa. "
     "Domagają się, aby firma zaprzestała sprzedaży oprogramowania do rozpoznawania twarzy Rekognition policji i agencjom rządowym. "
     "Żądają także, aby Amazon przestał dostarczać infrastrukturę chmurową AWS firmie Palantir, która współpracuje z agencją ICE. "
     "Pracownicy wzywają również do wprowadzenia przejrzystości i rozliczalności.\n"
     "Wcześniej akcjonariusze Amazona zażądali, by firma zaprzestała sprzedaży technologii rozpoznawania twarzy rządom. "
     "Również ACLU domaga się, by Amazon przestał sprzedawać Rekognition policji.\n",
     "Domagają się", "Żądają także", "Pracownicy wzywają"},
    {"ru",
     "Сотрудники Amazon написали открытое письмо главе компании Джеффу Безосу. "
     "Они требуют прекратить продажу технологии распознавания лиц Rekognition полиции и государственным ведомствам. "
     "Кроме того, они призывают перестать предоставлять облачную инфраструктуру AWS компании Palantir, которая помогает иммиграционной службе ICE. "
     "Сотрудники также требуют прозрачности и подотчётности.\n"
     "Ранее акционеры Amazon потребовали прекратить продажу технологии распознавания лиц правительству. "
     "ACLU также требует, чтобы Amazon перестал продавать Rekognition полиции.\n",
     "Они требуют", "Кроме того", "Сотрудники также"},
    {"nl",
     "Medewerkers van Amazon hebben een brief gestuurd aan topman Jeff Bezos. "
     "Ze eisen dat het bedrijf stopt met de verkoop van gezichtsherkenningssoftware aan de politie en overheden. "
     "Ook vragen ze Amazon te stoppen met het leveren van AWS-clouddiensten aan Palantir, dat voor ICE werkt. "
     "Verder willen de werknemers meer transparantie en verantwoording.\n"
     "Eerder riepen aandeelhouders Amazon al op om te stoppen met de verkoop van gezichtsherkenning aan overheden. "
     "Ook de ACLU eist dat Amazon stopt met de verkoop van Rekognition aan de politie.\n",
     "Ze eisen", "Ook vragen", "Verder willen"},
    {"en",
     "Amazon employees have written to chief executive Jeff Bezos. "
     "They ask the company to stop selling its Rekognition face recognition software to police and government agencies. "
     "They also want Amazon to stop providing AWS cloud services to Palantir, which works for ICE. "
     "The workers call for transparency and accountability.\n"
     "Earlier, shareholders urged Amazon to stop selling facial recognition to governments. "
     "The ACLU also demands that Amazon stop selling Rekognition to police.\n",
     "They ask", "They also want", "The workers call"},
};

}  // namespace

TEST_CASE("default codebook: articles about the letter in eight languages are coded as a reader would") {
    const Codebook& cb = DefaultCodebook();
    for (const LanguageCase& lc : kLanguages) {
        CAPTURE(lc.lang);
        auto c = RunCodebook(OneArticle(lc.text), cb);  // the language is identified, not given
        CHECK(c->ac.articles[0].effective_language == lc.lang);
        CHECK(RowCodes(*c, 0, "Demands") == "D1 D2 D3");
        // each demand is proved by the employees' sentence, never by the distractors
        auto starts = [&](std::string_view code, const char* prefix) {
            auto hits = HitSentences(*c, code);
            for (const std::string& h : hits) {
                CAPTURE(h);
                CHECK(h.rfind(prefix, 0) == 0);
            }
            return !hits.empty();
        };
        CHECK(starts("D1", lc.d1));
        CHECK(starts("D2", lc.d2));
        CHECK(starts("D3", lc.d3));
        // the distractors are the context codes they are
        CHECK(RowCodes(*c, 0, "Context").find("SH") != std::string::npos);
        CHECK(RowCodes(*c, 0, "Context").find("ACLU") != std::string::npos);
    }
}

TEST_CASE("default codebook: a report without the demands gets none of them") {
    const Codebook& cb = DefaultCodebook();
    auto c = RunCodebook(OneArticle("Amazon sells its Rekognition software to police departments in Oregon and Florida. "
                             "The ACLU asked Amazon to stop selling facial recognition to the government. "
                             "Shareholders also urged the company to stop selling the technology to law enforcement.\n"),
                  cb);
    CHECK(RowCodes(*c, 0, "Demands") == "");
    CHECK(RowCodes(*c, 0, "Context") == "SH ACLU");
    // the empty D1 cell says why: the demand is attributed to someone else
    const MatrixCell& d1 = c->mx.at(0, 0);
    REQUIRE(!d1.near_misses.empty());
    const NearMiss& nm = c->m.near_misses[static_cast<size_t>(d1.near_misses[0])];
    CHECK(nm.missing.find("attributed to") == 0);
}

TEST_CASE("default corpus golden: the matrix and the evidence a reader would cite") {
    Corpus corpus;
    LoadError err;
    REQUIRE(LoadDefaultCorpus(corpus, err));
    const Codebook& cb = DefaultCodebook();
    auto c = RunCodebook(std::move(corpus), cb);
    REQUIRE(c->ac.outlets.size() == 5);
    // every outlet reports D1 and D2; only CNET (003) and Metro US (004) report D3
    CHECK(c->ac.outlets[3] == "CNET");
    CHECK(c->ac.outlets[4] == "Metro US");
    CHECK(RowCodes(*c, 0, "Demands") == "D1 D2");
    CHECK(RowCodes(*c, 1, "Demands") == "D1 D2");
    CHECK(RowCodes(*c, 2, "Demands") == "D1 D2");
    CHECK(RowCodes(*c, 3, "Demands") == "D1 D2 D3");
    CHECK(RowCodes(*c, 4, "Demands") == "D1 D2 D3");
    CHECK(c->mx.col_outlets[0] == 5);
    CHECK(c->mx.col_outlets[1] == 5);
    CHECK(c->mx.col_outlets[2] == 2);
    // the best evidence of each demand cell
    CHECK(BestSentence(*c, 0, "D1") == "Allereerst gaat het om de verkoop van gezichtsherkenningssoftware aan overheden.");
    CHECK(BestSentence(*c, 0, "D2") ==
          "Op de tweede plek zou het bedrijf moeten stoppen met de verkoop van AWS clouddiensten aan Palantir.");
    CHECK(BestSentence(*c, 1, "D1") ==
          "An internal letter in Amazon by employees to CEO Jeff Bezos is being circulated asking him to not sell the "
          "Amazon Rekognition software to law enforcement.");
    CHECK(BestSentence(*c, 1, "D2") ==
          "It also asks Bezos to end contracts with Palantir, the data-mining firm from Amazon’s cloud services.");
    CHECK(BestSentence(*c, 2, "D1").find("a group of over 450 employees presented an open letter") != std::string::npos);
    CHECK(BestSentence(*c, 2, "D2").rfind("The letter also contained calls to kick the company Palantir off Amazon Web Services", 0) == 0);
    CHECK(BestSentence(*c, 3, "D1") ==
          "Amazon workers reportedly wrote to their boss asking him to stop selling facial recognition software to US law enforcement.");
    CHECK(BestSentence(*c, 3, "D2") ==
          "The Amazon workers also demanded that Bezos stop supporting data analytics company Palantir, which is used by ICE.");
    CHECK(BestSentence(*c, 3, "D3").rfind("Implement strong transparency and accountability measures", 0) == 0);
    CHECK(BestSentence(*c, 4, "D1").find("facial-recognition technology for police departments") != std::string::npos);
    CHECK(BestSentence(*c, 4, "D2").rfind("The Amazon workers’ letter lists three demands", 0) == 0);
    CHECK(BestSentence(*c, 4, "D3").rfind("The Amazon workers’ letter lists three demands", 0) == 0);
    // the distractors never prove a demand
    auto d1 = HitSentences(*c, "D1");
    auto d2 = HitSentences(*c, "D2");
    CHECK_FALSE(Contains(d1, "Vorige week schreven aandeelhouders"));            // the shareholders' letter
    CHECK_FALSE(Contains(d1, "Amazon must stop providing dangerous face surveillance"));  // the ACLU's call
    CHECK_FALSE(Contains(d1, "19 Amazon shareholders wrote a similar letter"));
    CHECK_FALSE(Contains(d2, "driehonderd medewerkers van Microsoft"));          // Microsoft staff
    // context codes
    CHECK(RowCodes(*c, 0, "Context") == "SH ACLU IBM MAVEN MSFT KIDS");
    CHECK(RowCodes(*c, 2, "Context") == "MAVEN MSFT RESP");
    CHECK(RowCodes(*c, 4, "Context").find("IBM") != std::string::npos);
    CHECK_FALSE(Contains(HitSentences(*c, "SH"), "shareholder value"));
    // the evidence table: byte offsets point at the sentence in the article
    Table ev = EvidenceTable(c->ac, cb, c->m, c->mx);
    REQUIRE(!ev.rows.empty());
    for (const auto& row : ev.rows) {
        const std::string& source = std::get<std::string>(row[1]);
        const std::string& sentence = std::get<std::string>(row[3]);
        auto start = static_cast<size_t>(std::get<int64_t>(row[4]));
        auto end = static_cast<size_t>(std::get<int64_t>(row[5]));
        for (const Article& a : c->corpus.articles)
            if (a.source == source) CHECK(a.text.substr(start, end - start) == sentence);
    }
    // every hit's tokens lie inside its sentence and outside boilerplate
    for (const Hit& h : c->m.hits)
        for (const Span& t : h.tokens) {
            CHECK(t.begin >= h.sentence_span.begin);
            CHECK(t.end <= h.sentence_span.end);
        }
}

TEST_CASE("matching in slices (as the viewer does per frame) gives what matching at once gives") {
    Corpus corpus;
    LoadError err;
    REQUIRE(LoadDefaultCorpus(corpus, err));
    auto whole = RunCodebook(std::move(corpus), DefaultCodebook());
    REQUIRE(whole->m.hits.size() > 10);
    CompiledCodebook compiled(DefaultCodebook());
    MatchResult sliced;
    MatchMemo memo, fresh;
    MatchArticles(whole->ac, compiled, 0, 2, sliced, memo);
    MatchArticles(whole->ac, compiled, 2, 3, sliced, memo);
    MatchArticles(whole->ac, compiled, 3, 99, sliced, fresh);  // past the end is clamped; a new memo works too
    REQUIRE(sliced.hits.size() == whole->m.hits.size());
    for (size_t i = 0; i < sliced.hits.size(); ++i) {
        const Hit& a = sliced.hits[i];
        const Hit& b = whole->m.hits[i];
        CHECK(a.article == b.article);
        CHECK(a.sentence == b.sentence);
        CHECK(a.code == b.code);
        CHECK(a.score == b.score);
        CHECK(a.tokens.size() == b.tokens.size());
    }
    REQUIRE(sliced.near_misses.size() == whole->m.near_misses.size());
    for (size_t i = 0; i < sliced.near_misses.size(); ++i) {
        CHECK(sliced.near_misses[i].article == whole->m.near_misses[i].article);
        CHECK(sliced.near_misses[i].missing == whole->m.near_misses[i].missing);
    }
    // The memo learnt the default corpus's words; given another corpus (another term table, where
    // the same ids name other words) it starts afresh instead of answering for the old words.
    auto other = RunCodebook(OneArticle("Employees asked Amazon to stop selling Rekognition to police.\n"
                                        "They demand that AWS stop hosting Palantir for ICE.", "en"),
                             DefaultCodebook());
    REQUIRE_FALSE(other->m.hits.empty());
    MatchResult again;
    MatchArticles(other->ac, compiled, 0, 1, again, memo);
    REQUIRE(again.hits.size() == other->m.hits.size());
    for (size_t i = 0; i < again.hits.size(); ++i) {
        CHECK(again.hits[i].code == other->m.hits[i].code);
        CHECK(again.hits[i].sentence_span == other->m.hits[i].sentence_span);
    }
}

TEST_CASE("a codebook compiled with the terms of an earlier compile matches as one compiled afresh") {
    Corpus corpus;
    LoadError err;
    REQUIRE(LoadDefaultCorpus(corpus, err));
    auto fresh = RunCodebook(std::move(corpus), DefaultCodebook());
    REQUIRE(fresh->m.hits.size() > 10);
    // the earlier compile: another codebook sharing most terms (a claim gone, a term changed, a
    // rule's stemming switched), as typing would leave it
    Codebook earlier = DefaultCodebook();
    earlier.codes.pop_back();
    earlier.codes[0].rules[0].stem = !earlier.codes[0].rules[0].stem;
    earlier.codes[0].rules[0].match.children.clear();
    earlier.codes[0].rules[0].match.kind = Condition::Kind::Term;
    earlier.codes[0].rules[0].match.term = "something else entirely";
    CompiledCodebook before(earlier);
    CompiledCodebook reused(DefaultCodebook(), &before);
    MatchResult m = MatchCorpus(fresh->ac, reused);
    REQUIRE(m.hits.size() == fresh->m.hits.size());
    for (size_t i = 0; i < m.hits.size(); ++i) {
        CHECK(m.hits[i].article == fresh->m.hits[i].article);
        CHECK(m.hits[i].sentence == fresh->m.hits[i].sentence);
        CHECK(m.hits[i].code == fresh->m.hits[i].code);
        CHECK(m.hits[i].score == fresh->m.hits[i].score);
        CHECK(m.hits[i].tokens.size() == fresh->m.hits[i].tokens.size());
    }
    REQUIRE(m.near_misses.size() == fresh->m.near_misses.size());
    for (size_t i = 0; i < m.near_misses.size(); ++i) CHECK(m.near_misses[i].missing == fresh->m.near_misses[i].missing);
}

TEST_CASE("attribution: measured from the tightest match, and a mention past a comma after it starts another clause") {
    Codebook cb = test::ParseCodebookOrFail(R"({"lang": "en",
      "actors": [{"id": "staff", "terms": {"en": ["employee*"]}},
                 {"id": "rivals", "terms": {"en": ["google employee*", "microsoft employee*"]}}],
      "codes": [{"id": "S", "label": "stop selling to police", "rules": [
        {"all": [["stop", "cancel"], "police"], "attribution": {"actor": "staff", "not": ["rivals"]}}]}]})");
    // the stance words "stop" and "cancel" span the whole sentence; the claim is "stop ... police"
    auto c = RunCodebook(OneArticle("It followed a push by Amazon employees to stop selling the software to the police, "
                                    "Google employees pressuring the company to cancel a contract.", "en"), cb);
    CHECK(c->mx.at(0, 0).present());
    auto d = RunCodebook(OneArticle("Google employees want the firm to stop selling the software to the police.", "en"), cb);
    CHECK_FALSE(d->mx.at(0, 0).present());
}
