// tests: cleaning, sentences, language identification, stopwords, stemming, frequencies,
// keyness and concordance. Edge cases first, then the default corpus against golden files.
#include <doctest/doctest.h>

#include <cmath>

#include "core/analysis.hpp"
#include "core/embedded.hpp"
#include "io/corpus_io.hpp"
#include "io/reports.hpp"

namespace presslens {
std::span<const EmbeddedFile> TestFixtureFiles();
}
using namespace presslens;

namespace {

std::string Fixture(std::string_view name) {
    for (const EmbeddedFile& f : TestFixtureFiles())
        if (f.name == name) return std::string(f.bytes);
    FAIL("missing fixture " << name);
    return {};
}

Article MakeArticle(std::string text, std::string lang = "") {
    Article a;
    a.source = "t.txt";
    a.text = std::move(text);
    if (!lang.empty()) a.meta.language = lang;
    return a;
}

std::vector<std::string> Sentences(const std::string& text) {
    Article a = MakeArticle(text, "en");
    TermTable terms;
    AnalyzedArticle aa = AnalyzeArticle(a, terms);
    std::vector<std::string> out;
    for (const Span& s : aa.sentences) out.push_back(text.substr(s.begin, s.size()));
    return out;
}

std::string Lang(const std::string& text) {
    return IdentifyLanguage(text, {Span{0, static_cast<uint32_t>(text.size())}}).code;
}

// Two one-article outlets, "A"-text and "B"-text, both English.
Corpus MakeTwoOutletCorpus(std::string a_text, std::string b_text, std::string a = "A", std::string b = "B") {
    Corpus c;
    c.articles.push_back(MakeArticle(std::move(a_text), "en"));
    c.articles.back().meta.outlet = std::move(a);
    c.articles.push_back(MakeArticle(std::move(b_text), "en"));
    c.articles.back().meta.outlet = std::move(b);
    return c;
}

const Corpus& DefaultCorpus() {
    static Corpus c = [] {
        Corpus c;
        LoadError e;
        REQUIRE(LoadDefaultCorpus(c, e));
        return c;
    }();
    return c;
}

}  // namespace

TEST_CASE("analysis: empty and whitespace-only articles") {
    for (const char* text : {"", " ", "\n\n\n", " \t \r\n "}) {
        TermTable terms;
        AnalyzedArticle a = AnalyzeArticle(MakeArticle(text), terms);
        CHECK(a.sentences.empty());
        CHECK(a.words == 0);
        CHECK(a.boilerplate_lines == 0);
        CHECK(a.language.code == "unknown");
    }
}

TEST_CASE("sentences: abbreviations, quotes, bullets, line layout") {
    using V = std::vector<std::string>;
    CHECK(Sentences("Mr. Bezos stayed silent. The U.S. policy is immoral. Dr. No agreed.") ==
          V{"Mr. Bezos stayed silent.", "The U.S. policy is immoral.", "Dr. No agreed."});
    CHECK(Sentences("“We will not let that happen again.” The time to act is now!") ==
          V{"“We will not let that happen again.”", "The time to act is now!"});
    CHECK(Sentences("He said: \"stop it.\" Then left.") == V{"He said: \"stop it.\"", "Then left."});
    CHECK(Sentences("We call on you to:\n\n  • Stop selling it\n  • Stop providing it.\nDone") ==
          V{"We call on you to:", "Stop selling it", "Stop providing it.", "Done"});
    CHECK(Sentences("Updated June 22 at 7:20 a.m. PT: Adds that Amazon declined.") ==
          V{"Updated June 22 at 7:20 a.m. PT: Adds that Amazon declined."});
    CHECK(Sentences("It costs 3.5 dollars. Really… Yes?") == V{"It costs 3.5 dollars.", "Really…", "Yes?"});
    CHECK(Sentences("no end punctuation and a lowercase. start") == V{"no end punctuation and a lowercase. start"});
}

TEST_CASE("language identification: eight languages and unknown") {
    CHECK(Lang("The employees asked him to stop selling the software to the police and they wrote a letter.") == "en");
    CHECK(Lang("De medewerkers vragen het bedrijf om te stoppen met de verkoop van de software aan de politie.") == "nl");
    CHECK(Lang("Die Mitarbeiter fordern, dass das Unternehmen den Verkauf der Software an die Polizei stoppt.") == "de");
    CHECK(Lang("Les employés demandent à l'entreprise d'arrêter la vente du logiciel à la police et aux agences.") == "fr");
    CHECK(Lang("Los empleados piden a la empresa que deje de vender el software a la policía y al gobierno.") == "es");
    CHECK(Lang("I dipendenti chiedono all'azienda di smettere di vendere il software alla polizia e al governo.") == "it");
    CHECK(Lang("Pracownicy wzywają firmę, aby przestała sprzedawać oprogramowanie policji i nie współpracowała z rządem.") == "pl");
    CHECK(Lang("Сотрудники просят компанию прекратить продажу программы полиции и государственным органам.") == "ru");
    CHECK(Lang("Rekognition AWS ICE") == "unknown");
    CHECK(Lang("12345 67 89") == "unknown");
    LanguageGuess g = IdentifyLanguage("The letter and the demands of the employees", {Span{0, 43}});
    CHECK(g.confidence > 0.5);
    CHECK(g.confidence <= 1.0);
}

TEST_CASE("cleaning: mixed scripts and prompts are quarantined, never altered") {
    std::string text = "A headline here\nThe employees wrote a letter to the boss.\nREAD MORE: Something else\n"
                       "log in or register\nЗаголовок открываемого материала\n";
    Article art = MakeArticle(text, "en");
    TermTable terms;
    AnalyzedArticle a = AnalyzeArticle(art, terms);
    REQUIRE(a.lines.size() >= 5);
    CHECK(a.lines[0].boilerplate == Boilerplate::None);
    CHECK(a.lines[1].boilerplate == Boilerplate::None);
    CHECK(a.lines[2].boilerplate == Boilerplate::ReadMore);
    CHECK(a.lines[3].boilerplate == Boilerplate::LoginPrompt);
    CHECK(a.lines[4].boilerplate == Boilerplate::OtherScript);
    CHECK(a.boilerplate_lines == 3);
    CHECK(art.text == text);  // untouched
    for (const Span& s : a.sentences) CHECK(s.end <= 75);  // no sentence from the quarantined lines
    // A Russian article keeps its Russian lines: "other script" is relative to the language.
    AnalyzedArticle ru = AnalyzeArticle(MakeArticle("Сотрудники написали письмо.\nЗаголовок открываемого материала", "ru"), terms);
    CHECK(ru.boilerplate_lines == 0);
}

TEST_CASE("cleaning: an article given a language of another script keeps that script's lines") {
    // the language from the article's metadata (front matter, a page's lang): its lines are the text
    const std::pair<const char*, const char*> samples[] = {
        {"ja", "アマゾンの社員は、顔認識技術の販売を止めるよう求めた。\n社員たちは反対している。"},
        {"zh", "亚马逊员工要求公司停止出售面部识别技术。\n员工们表示反对。"},
        {"ko", "아마존 직원들은 얼굴 인식 기술 판매를 중단하라고 요구했다.\n직원들은 반대했다."},
        {"ar", "طالب موظفو أمازون الشركة بالتوقف عن بيع تقنية التعرف على الوجه.\nوعارض الموظفون ذلك."},
        {"he", "עובדי אמזון דרשו מהחברה להפסיק למכור את הטכנולוגיה.\nהעובדים התנגדו."},
        {"hi", "अमेज़न के कर्मचारियों ने कंपनी से तकनीक की बिक्री रोकने को कहा।\nकर्मचारियों ने विरोध किया।"},
        {"sr", "Zaposleni su tražili da kompanija prestane da prodaje tehnologiju.\nRadnici su se usprotivili."},
    };
    TermTable terms;
    for (const auto& sample : samples) {
        const std::string lang = sample.first;  // (a structured binding cannot be captured by CAPTURE in C++20)
        CAPTURE(lang);
        AnalyzedArticle a = AnalyzeArticle(MakeArticle(sample.second, lang), terms);
        CHECK(a.boilerplate_lines == 0);
        CHECK(a.sentences.size() == 2);
    }
    // a line of another script in such an article is still quarantined; a line holding Chinese
    // characters or kana is the article's however many Latin letters it has (a character is often a word)
    AnalyzedArticle ja = AnalyzeArticle(MakeArticle("アマゾンの社員は、顔認識技術の販売を止めるよう求めた。\nЗаголовок открываемого\n"
                                                    "Amazon Web ServicesのCEO、Adam Selipsky氏が語った。", "ja"), terms);
    REQUIRE(ja.lines.size() == 3);
    CHECK(ja.lines[1].boilerplate == Boilerplate::OtherScript);
    CHECK(ja.lines[2].boilerplate == Boilerplate::None);
    // Hindi: a script the rule does not tell apart, so it is off; the Latin menu and front matter
    // around a short article do not make its Hindi lines "another script"
    std::string hindi = "Home News World Business Technology Sports\nअमेज़न के कर्मचारियों ने विरोध किया।";
    AnalyzedArticle hi = AnalyzeArticle(MakeArticle(hindi, "hi"), terms);
    REQUIRE(hi.lines.size() == 2);
    CHECK(hi.lines[1].boilerplate == Boilerplate::None);
}

TEST_CASE("cleaning: breadcrumbs are navigation when two ' > ' or ' » ' separators stand apart") {
    const std::string_view lines[] = {
        "Home > News > Tech",            // navigation
        "Home \xC2\xBB News \xC2\xBB Tech",  // navigation
        "Home > News \xC2\xBB Tech",      // one of each: navigation
        "Home > > Tech",                 // the two share a space: one separator, not navigation
        "Home >> News >> Tech",          // not separators
        "Home>News>Tech",                // not separators
        "x > y > z ends like a sentence.",  // a sentence, not navigation
        "> a > b",                       // the first lacks its space before: one separator
    };
    const Boilerplate want[] = {Boilerplate::Navigation, Boilerplate::Navigation, Boilerplate::Navigation,
                                Boilerplate::None,       Boilerplate::None,       Boilerplate::None,
                                Boilerplate::None,       Boilerplate::None};
    for (size_t i = 0; i < std::size(lines); ++i) {
        // after a sentence line, so no line is taken for the page title
        std::string text = "The employees wrote a letter to the boss about it.\n" + std::string(lines[i]);
        std::vector<Line> ls = ClassifyLines(text, ArticleMeta{}, "en");
        REQUIRE(ls.size() == 2);
        CAPTURE(lines[i]);
        CHECK(ls[1].boilerplate == want[i]);
    }
}

TEST_CASE("stopwords and stemming") {
    CHECK(IsStopword("the", "en"));
    CHECK(IsStopword("het", "nl"));
    CHECK_FALSE(IsStopword("amazon", "en"));
    CHECK_FALSE(IsStopword("the", "xx"));
    CHECK(IsStopword("don't", "en"));  // stored with a straight apostrophe, matched after folding
    CHECK(Stem("employees", "en") == "employe");
    CHECK(Stem("medewerkers", "nl") == Stem("medewerker", "nl"));
    CHECK(Stem("mitarbeiter", "de") == "mitarbeit");
    CHECK(Stem("сотрудники", "ru") == Stem("сотрудников", "ru"));
    CHECK_FALSE(HasStemmer("pl"));
    CHECK(Stem("pracownicy", "pl") == "pracownicy");
}

TEST_CASE("frequencies: stable ties, scopes, options") {
    Corpus c = MakeTwoOutletCorpus("Zebra apple. Apple zebra mango.", "Mango the mango. Amazon’s and Amazon's.");
    AnalyzedCorpus ac = AnalyzeCorpus(c);
    REQUIRE(ac.outlets == std::vector<std::string>{"A", "B"});
    TermOptions opt;
    auto all = CountTerms(ac, Scope{}, opt);
    REQUIRE(all.size() == 4);
    CHECK(all[0].term == "mango");
    CHECK(all[0].count == 3);
    CHECK(all[1].term == "amazon's");  // both apostrophes, one word
    CHECK(all[1].count == 2);
    CHECK(all[2].term == "apple");     // ties in term order
    CHECK(all[3].term == "zebra");
    auto top1 = CountTerms(ac, Scope{}, opt, 1);
    REQUIRE(top1.size() == 1);
    CHECK(top1[0].term == "mango");
    auto a_only = CountTerms(ac, Scope{0, -1}, opt);
    CHECK(a_only.size() == 3);
    auto art1 = CountTerms(ac, Scope{-1, 1}, opt);
    REQUIRE(art1.size() == 2);
    CHECK(art1[0].term == "amazon's");  // 2 each: the tie goes to term order
    CHECK(art1[1].term == "mango");
    CHECK(art1[1].count == 2);
    opt.remove_stopwords = false;
    auto with = CountTerms(ac, Scope{-1, 1}, opt);
    bool has_the = false;
    for (auto& t : with) has_the |= t.term == "the";
    CHECK(has_the);
    opt.remove_stopwords = true;
    opt.min_length = 6;
    CHECK(CountTerms(ac, Scope{}, opt).size() == 1);  // only amazon's (8 code points)
}

TEST_CASE("keyness: log-likelihood and effect size") {
    Corpus c = MakeTwoOutletCorpus("palantir palantir palantir palantir rekognition",
                                   "rekognition rekognition rekognition rekognition palantir", "X", "Y");
    AnalyzedCorpus ac = AnalyzeCorpus(c);
    auto rows = Keyness(ac, 0, TermOptions{});
    REQUIRE(rows.size() == 1);  // only over-used terms
    CHECK(rows[0].term == "palantir");
    CHECK(rows[0].target == 4);
    CHECK(rows[0].reference == 1);
    // G² by hand: a=4 b=1 c=5 d=5, E1=E2=2.5 -> 2*(4 ln(4/2.5) + 1 ln(1/2.5))
    double g2 = 2 * (4 * std::log(4 / 2.5) + 1 * std::log(1 / 2.5));
    CHECK(rows[0].log_likelihood == doctest::Approx(g2));
    CHECK(rows[0].log_ratio == doctest::Approx(std::log2((4.5 / 5) / (1.5 / 5))));
}

TEST_CASE("concordance: word and stem, byte offsets, context width") {
    Corpus c;
    c.articles.push_back(MakeArticle("Employees wrote. The employee’s letter reached an employee.", "en"));
    AnalyzedCorpus ac = AnalyzeCorpus(c);
    auto exact = Concordance(ac, "EMPLOYEE", Scope{}, 10);
    REQUIRE(exact.size() == 1);
    CHECK(exact[0].keyword == "employee");
    CHECK(c.articles[0].text.substr(exact[0].match.begin, exact[0].match.size()) == "employee");
    CHECK(exact[0].left == "eached an ");
    CHECK(exact[0].right == ".");
    auto stemmed = Concordance(ac, "employees", Scope{}, 10, true);
    CHECK(stemmed.size() == 3);
    CHECK(Concordance(ac, "nothing", Scope{}).empty());
}

TEST_CASE("default corpus: languages identified from the text match the metadata") {
    const Corpus& c = DefaultCorpus();
    AnalyzedCorpus ac = AnalyzeCorpus(c);
    for (size_t i = 0; i < c.articles.size(); ++i) {
        CAPTURE(c.articles[i].source);
        CHECK(ac.articles[i].language.code == c.articles[i].meta.language.value());
        CHECK(ac.articles[i].language.confidence > 0.5);
        CHECK(ac.articles[i].utf8.invalid_sequences == 0);
    }
}

TEST_CASE("default corpus golden: articles, boilerplate lines, top 30 words") {
    AnalyzedCorpus ac = AnalyzeCorpus(DefaultCorpus());
    CHECK(RenderTable(ArticlesTable(ac), TableFormat::Json) == Fixture("default_articles.json"));
    CHECK(RenderTable(BoilerplateTable(ac), TableFormat::Json) == Fixture("default_boilerplate.json"));
    CHECK(RenderTable(FreqTable(CountTerms(ac, Scope{}, TermOptions{}, 30)), TableFormat::Json) ==
          Fixture("default_freq_top30.json"));
    // and the properties the golden file must have, checked independently of it
    auto top = CountTerms(ac, Scope{}, TermOptions{}, 30);
    for (const TermCount& t : top) {
        CAPTURE(t.term);
        CHECK_FALSE(IsStopword(t.term, "en"));
        CHECK_FALSE(IsStopword(t.term, "nl"));
        CHECK(t.term.find("\xE2\x80\x99") == std::string::npos);  // no curly apostrophe variant
        int32_t cp;
        DecodeUtf8(t.term, 0, cp);
        CHECK(ScriptOf(cp) != Script::Cyrillic);
    }
}
