// tests: languages beyond the first nine. Identification of whole texts and of sentences (CLD2
// with the stopword evidence) in 31 languages, segmentation of Chinese and Japanese (CJK bigrams),
// stopword lists and Snowball stemmers per language family, words shown as written, codebook
// matching on segmented text, and bad language data refused with a reason.
#include <doctest/doctest.h>

#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <vector>

#include "core/analysis.hpp"
#include "core/codebook.hpp"
#include "core/language.hpp"
#include "core/stopwords.hpp"
#include "language_samples.hpp"
#include "test_codebooks.hpp"

#ifdef PRESSLENS_TEST_LANGUAGE_DATA
#include "core/embedded.hpp"
namespace presslens {
std::span<const EmbeddedFile> TestLanguageData();
}
#endif

using namespace presslens;

namespace {

#ifdef PRESSLENS_TEST_LANGUAGE_DATA
// Under node the detector has no tables until it is given the page's language data, as the page
// gives it: loaded once, before any test, from a copy compiled into the test binary (8-byte
// aligned, as the page's buffer is).
const bool kLanguageDataLoaded = [] {
    std::string_view bytes = TestLanguageData()[0].bytes;
    static std::vector<uint64_t> aligned((bytes.size() + 7) / 8);
    std::memcpy(aligned.data(), bytes.data(), bytes.size());
    return LoadLanguageData(aligned.data(), bytes.size()).empty();
}();
#endif

AnalyzedArticle Analyze(std::string_view text, TermTable& terms, std::string lang = "") {
    static std::vector<std::unique_ptr<Article>> keep;  // the analysis points into the text
    auto a = std::make_unique<Article>();
    a->text = std::string(text);
    if (!lang.empty()) a->meta.language = lang;
    keep.push_back(std::move(a));
    return AnalyzeArticle(*keep.back(), terms);
}

// Two English sentences quoting a German and a Swedish one.
constexpr std::string_view kMixed =
    "Amazon employees wrote a letter to chief executive Jeff Bezos about face recognition.\n"
    "They quoted the demands of workers in Germany and Sweden, who wrote in their own languages.\n"
    "Die Mitarbeiter fordern, dass das Unternehmen den Verkauf an die Polizei sofort stoppt.\n"
    "De anställda kräver att företaget slutar sälja programvaran till polisen.\n";

std::vector<std::string> Words(std::string_view text) {
    std::vector<std::string> out;
    for (const Token& t : TokenizeAll(text))
        if (t.kind == TokenKind::Word) out.emplace_back(text.substr(t.span.begin, t.span.size()));
    return out;
}

bool Has(const std::vector<std::string>& v, std::string_view w) {
    for (const std::string& s : v)
        if (s == w) return true;
    return false;
}

}  // namespace

TEST_CASE("language: the detector's tables are there (natively linked in, under node loaded)") {
    REQUIRE(LanguageTablesLoaded());
    CHECK(DetectLanguage("", false).code == "unknown");
    CHECK(DetectLanguage("12345 67 89 -- !!", true).code == "unknown");
}

TEST_CASE("language: two-sentence news texts in 31 languages, each identified as a whole") {
    std::set<std::string_view> codes;
    for (const samples::LanguageSample& s : samples::kLanguageSamples) {
        codes.insert(s.code);
        TermTable terms;
        AnalyzedArticle a = Analyze(s.text, terms);
        INFO(s.code << ": " << s.text);
        CHECK(a.language.code == s.code);
        CHECK(a.language.confidence > 0.5);
        CHECK(a.effective_language == s.code);
        // IdentifyLanguage on the same text agrees with the analysis
        CHECK(IdentifyLanguage(s.text, {Span{0, static_cast<uint32_t>(s.text.size())}}).code == s.code);
    }
    CHECK(codes.size() == 31);
}

TEST_CASE("language: the issue's twelve were misread by the stopword identifier alone") {
    // the peer the detector replaced: Swedish as English, Czech as Polish, Ukrainian as Russian, the
    // rest unknown (so the test above measures an improvement, not a text every identifier gets)
    std::map<std::string_view, std::string> old;
    for (const samples::LanguageSample& s : samples::kLanguageSamples)
        old[s.code] = IdentifyStopwordLanguage(s.text, {Span{0, static_cast<uint32_t>(s.text.size())}}).code;
    CHECK(old["sv"] == "en");
    CHECK(old["cs"] == "pl");
    CHECK(old["uk"] == "ru");
    for (std::string_view c : {"el", "tr", "ar", "he", "hi", "zh", "ja", "ko"}) CHECK(old[c] == "unknown");
    for (std::string_view c : {"en", "nl", "de", "fr", "es", "it", "pl", "ru", "pt"}) CHECK(old[c] == c);
}

TEST_CASE("language: each sentence of the 31 texts, split where its script ends sentences") {
    size_t sentences = 0, right = 0;
    std::vector<std::string> wrong;
    for (const samples::LanguageSample& s : samples::kLanguageSamples) {
        TermTable terms;
        AnalyzedArticle a = Analyze(s.text, terms);
        INFO(s.code);
        // two sentences each (Thai marks none: one), split at 。 । ؟ and a caseless letter after ". "
        CHECK(a.sentences.size() == (s.code == "th" ? 1u : 2u));
        REQUIRE(a.sentence_languages.size() == a.sentences.size());
        for (size_t i = 0; i < a.sentences.size(); ++i) {
            ++sentences;
            if (a.sentence_languages[i].code == s.code) ++right;
            else wrong.push_back(std::string(s.code) + " sentence " + std::to_string(i + 1) + " as " +
                                 a.sentence_languages[i].code);
        }
    }
    // the misses are neighbours CLD2 cannot tell apart in one short sentence (Danish read as
    // Norwegian, Indonesian as Malay, Croatian as Bosnian) or a Polish sentence that is mostly names
    INFO(sentences << " sentences, wrong: " << [&] { std::string w; for (auto& x : wrong) w += x + "; "; return w; }());
    CHECK(sentences == 61);
    CHECK(right >= 59);  // 57 when each sentence was asked about alone; 60 since CLD2's stretches decide
}

TEST_CASE("language: a given language the text contradicts keeps its sentences with the stopword evidence") {
    TermTable terms;
    AnalyzedArticle a = Analyze("Medewerkers van Amazon hebben een brief geschreven aan topman Jeff Bezos.", terms, "en");
    CHECK(a.effective_language == "en");
    CHECK(a.language.code == "nl");  // identified all the same
    AnalyzedArticle b = Analyze("Anställda på Amazon har skrivit ett brev till vd:n Jeff Bezos.", terms, "sv");
    CHECK(b.effective_language == "sv");
    REQUIRE(b.sentence_languages.size() == 1);
    CHECK(b.sentence_languages[0].code == "sv");
    CHECK(IdentifyLanguage("Rekognition AWS ICE", {Span{0, 19}}).code == "unknown");  // too little text
}

TEST_CASE("language: a mixed article is in the language most of its sentences are in") {
    TermTable terms;
    AnalyzedArticle a = Analyze(kMixed, terms);
    REQUIRE(a.sentence_languages.size() == 4);
    CHECK(a.sentence_languages[0].code == "en");
    CHECK(a.sentence_languages[1].code == "en");
    CHECK(a.sentence_languages[2].code == "de");
    CHECK(a.sentence_languages[3].code == "sv");
    CHECK(a.language.code == "en");  // CLD2's summary alone says sv
    CHECK(DetectLanguage(kMixed, false).code == "sv");
}

TEST_CASE("language: CLD2's stretches of a text by language, and the sentences they decide") {
    // one call on the whole text gives its stretches, in order, covering it, each with a language
    std::vector<LanguageSpan> spans;
    const DetectedLanguage d = DetectLanguage(kMixed, false, &spans);
    REQUIRE(!spans.empty());
    std::set<std::string> codes;
    size_t at = 0;
    for (const LanguageSpan& x : spans) {
        CHECK(x.begin == at);  // contiguous
        CHECK(x.end > x.begin);
        at = x.end;
        codes.insert(x.code);
    }
    CHECK(at == std::string_view(kMixed).size());
    CHECK(codes.count("en") == 1);
    CHECK(codes.count("de") == 1);
    CHECK(d.other_percent > 0);  // more than one language seen
    std::vector<LanguageSpan> none;
    CHECK(DetectLanguage("Jeff Bezos kreeg een brief van zijn medewerkers over gezichtsherkenning.", false, &none).other_percent == 0);

    // A Dutch article quoting one English sentence: the Dutch sentences are decided by the
    // stretches, the quote is asked about alone and stays English; a line of numbers keeps the
    // stopword evidence (no words: no language).
    const std::string text =
        "Medewerkers van Amazon hebben topman Jeff Bezos in een brief gevraagd te stoppen met de verkoop van "
        "gezichtsherkenning aan de politie. Zij willen ook dat het bedrijf geen diensten meer levert aan Palantir. "
        "\"We refuse to build the platform that powers ICE, and we refuse to contribute to tools that violate "
        "human rights,\" the employees wrote to their chief executive. De brief werd door honderden mensen "
        "ondertekend en intern verspreid. 2018.";
    TermTable terms;
    AnalyzedArticle a = Analyze(text, terms);
    CHECK(a.language.code == "nl");
    REQUIRE(a.sentence_languages.size() == 5);
    CHECK(a.sentence_languages[0].code == "nl");
    CHECK(a.sentence_languages[1].code == "nl");
    CHECK(a.sentence_languages[2].code == "en");
    CHECK(a.sentence_languages[3].code == "nl");
    CHECK(a.sentence_languages[4].code == "unknown");
}

TEST_CASE("language: metadata codes and names") {
    CHECK(SupportedLanguage("sv") == "sv");
    CHECK(SupportedLanguage("SV-se") == "sv");
    CHECK(SupportedLanguage("iw") == "he");
    CHECK(SupportedLanguage("he") == "he");
    CHECK(SupportedLanguage("zh-TW") == "zh");
    CHECK(SupportedLanguage("xx").empty());
    CHECK(SupportedLanguage("klingon").empty());
    CHECK(SupportedLanguage("tlh").empty());  // three letters: not ISO 639-1
    CHECK(KnownLanguage("swedish") == "sv");
    CHECK(KnownLanguage("") == "");
    CHECK(LanguageName("sv") == "Swedish");
    CHECK(LanguageName("ko") == "Korean");
    CHECK(LanguageName("tl") == "Tagalog");  // not in Presslens's own table: CLD2's name
    CHECK(LanguageName("qq") == "qq");
}

TEST_CASE("segmentation: Chinese and Japanese become words, not clauses") {
    // the issue's example: one "word" before
    std::vector<std::string> zh = Words("亚马逊员工致信贝索斯");
    CHECK(zh == std::vector<std::string>{"亚马", "马逊", "逊员", "员工", "工致", "致信", "信贝", "贝索", "索斯"});
    // Japanese: katakana loanwords whole, kanji in bigrams, a lone kana particle alone
    std::vector<std::string> ja = Words("アマゾンの従業員は、ベゾス最高経営責任者に書簡を送った。");
    CHECK(Has(ja, "アマゾン"));
    CHECK(Has(ja, "の"));
    CHECK(Has(ja, "従業"));
    CHECK(Has(ja, "業員"));
    CHECK(Has(ja, "ベゾス"));
    CHECK(Has(ja, "書簡"));
    CHECK(Has(ja, "送"));
    CHECK(Has(ja, "った"));
    CHECK(Words("ソフトウェア") == std::vector<std::string>{"ソフトウェア"});
    CHECK(Words("人") == std::vector<std::string>{"人"});
    // mixed with Latin and digits: the runs are cut where the script changes
    CHECK(Words("Amazon公司2018年") == std::vector<std::string>{"Amazon", "公司", "年"});
    // no token of the samples is longer than a short phrase
    for (const samples::LanguageSample& s : samples::kLanguageSamples) {
        if (s.code != "zh" && s.code != "ja") continue;
        for (const std::string& w : Words(s.text)) {
            INFO(s.code << ": " << w);
            CHECK(CountCodePoints(w) <= 6);
        }
    }
    // Korean is written with spaces: its words stay whole
    CHECK(Words("아마존 직원들이") == std::vector<std::string>{"아마존", "직원들이"});
}

TEST_CASE("segmentation: a Chinese and a Japanese codebook rule match the segmented text") {
    Codebook cb = test::ParseCodebookOrFail(R"json({"codes": [
      {"id": "Z", "label": "face recognition (zh)", "rules": [{"lang": "zh", "all": ["人脸识别", "警方"]}]},
      {"id": "J", "label": "face recognition (ja)", "rules": [{"lang": "ja", "all": ["顔認識", "警察"]}]},
      {"id": "K", "label": "not in the text", "rules": [{"lang": "zh", "term": "脸部识别"}]}]})json");
    Corpus c;
    for (std::string_view code : {"zh", "ja"})
        for (const samples::LanguageSample& s : samples::kLanguageSamples)
            if (s.code == code) {
                Article a;
                a.source = std::string(code) + ".txt";
                a.text = std::string(s.text);
                c.articles.push_back(std::move(a));
            }
    REQUIRE(c.articles.size() == 2);
    AnalyzedCorpus ac = AnalyzeCorpus(c);
    CHECK(ac.articles[0].effective_language == "zh");
    CHECK(ac.articles[1].effective_language == "ja");
    CompiledCodebook compiled(cb);
    MatchResult m = MatchCorpus(ac, compiled);
    std::set<std::pair<size_t, size_t>> hits;  // (article, code)
    std::string seen;
    for (const Hit& h : m.hits) {
        hits.insert({h.article, h.code});
        seen += "(" + std::to_string(h.article) + "," + std::to_string(h.code) + ")";
    }
    INFO("hits: " << seen);
    CHECK(hits == std::set<std::pair<size_t, size_t>>{{0, 0}, {1, 1}});
}

TEST_CASE("stopwords: every language of stopwords-iso") {
    std::vector<std::string_view> langs = ListedStopwordLanguages();
    CHECK(langs.size() == 58);
    CHECK(IsStopword("och", "sv"));
    CHECK_FALSE(IsStopword("polisen", "sv"));
    CHECK(IsStopword("που", "el"));
    CHECK(IsStopword("ve", "tr"));
    CHECK(IsStopword("في", "ar"));
    CHECK(IsStopword("的", "zh"));
    CHECK(IsStopword("の", "ja"));
    CHECK(IsStopword("вони", "uk"));
    CHECK(IsStopword("और", "hi"));
    CHECK_FALSE(IsStopword("och", "en"));
    CHECK_FALSE(IsStopword("och", "unknown"));
    // word lists of a Swedish article leave them out
    Corpus c;
    Article a;
    a.text = std::string(samples::kLanguageSamples[9].text);
    REQUIRE(samples::kLanguageSamples[9].code == "sv");
    c.articles.push_back(std::move(a));
    AnalyzedCorpus ac = AnalyzeCorpus(c);
    TermOptions opt;
    std::vector<TermCount> rows = CountTerms(ac, Scope{}, opt);
    std::set<std::string> words;
    for (const TermCount& r : rows) words.insert(r.term);
    CHECK(words.count("polisen") == 1);
    CHECK(words.count("till") == 0);
    CHECK(words.count("att") == 0);
    opt.remove_stopwords = false;
    rows = CountTerms(ac, Scope{}, opt);
    words.clear();
    for (const TermCount& r : rows) words.insert(r.term);
    CHECK(words.count("till") == 1);
}

TEST_CASE("stemming: a Snowball stemmer for every language libstemmer has") {
    for (std::string_view l : {"ar", "ca", "da", "de", "el", "en", "es", "eu", "fi", "fr", "ga", "hi", "hu", "hy",
                               "id", "it", "lt", "ne", "nl", "no", "pt", "ro", "ru", "sr", "sv", "ta", "tr", "yi"}) {
        INFO(l);
        CHECK(HasStemmer(l));
    }
    for (std::string_view l : {"pl", "cs", "zh", "ja", "ko", "he", "unknown", ""}) CHECK_FALSE(HasStemmer(l));
    // Germanic
    CHECK(Stem("polisen", "sv") == Stem("polis", "sv"));
    CHECK(Stem("politiet", "da") == Stem("politi", "da"));
    CHECK(Stem("selskapet", "no") == Stem("selskap", "no"));
    // Finno-Ugric
    CHECK(Stem("poliisille", "fi") == Stem("poliisin", "fi"));
    CHECK(Stem("rendőrségnek", "hu") == Stem("rendőrség", "hu"));
    // Turkic
    CHECK(Stem("çalışanları", "tr") == Stem("çalışanlar", "tr"));
    // Greek
    CHECK(Stem("εργαζόμενοι", "el") == Stem("εργαζόμενος", "el"));
    // Semitic
    CHECK(Stem("للشركة", "ar") == Stem("الشركة", "ar"));
    // Indo-Aryan
    CHECK(Stem("कर्मचारियों", "hi") == Stem("कर्मचारी", "hi"));
    // Romance and Slavic (beyond the first nine)
    CHECK(Stem("angajații", "ro") == Stem("angajaților", "ro"));
    CHECK(Stem("zaposlenici", "sr") != "zaposlenici");
    // Austronesian: Indonesian takes prefixes off too
    CHECK(Stem("perusahaan", "id") == Stem("usaha", "id"));
    // a language without a stemmer: the word as it is
    CHECK(Stem("pracownicy", "pl") == "pracownicy");
}

TEST_CASE("language data: bad bytes are refused with a reason, nothing loaded") {
    CHECK(LoadLanguageData(nullptr, 0) == "not a Presslens language data file (presslens-languages.bin)");
    std::string junk = "PLLANG2\n\x10\0\0\0\x02\0\0\0";
    junk.resize(32);
    junk += "short";
    std::string err = LoadLanguageData(junk.data(), junk.size());
    CHECK(err.find("truncated or not of this build") != std::string::npos);
    CHECK(LanguageTablesLoaded());  // what was loaded stays
}

TEST_CASE("words as written: counted on folded keys, shown as most often written") {
    Corpus c;
    for (std::string_view text : {
             "Ο Μπέζος απάντησε στους εργαζόμενους. Ο Μπέζος δεν είπε τίποτα άλλο.",        // el
             "İstanbul'da çalışanlar toplandı. İstanbul ve Ankara'da eylem yapıldı.",      // tr
             "Die Straße ist gesperrt. Auf der Straße und in der Strasse stehen Leute.",   // de
         }) {
        Article a;
        a.text = std::string(text);
        c.articles.push_back(std::move(a));
    }
    AnalyzedCorpus ac = AnalyzeCorpus(c);
    std::map<std::string, TermCount> rows;
    for (TermCount& r : CountTerms(ac, Scope{}, TermOptions{})) rows[r.term] = r;
    REQUIRE(rows.count("μπέζοσ"));  // the folded key (final sigma folds to σ)
    CHECK(rows["μπέζοσ"].count == 2);
    CHECK(rows["μπέζοσ"].written == "Μπέζος");
    REQUIRE(rows.count("i̇stanbul"));  // i + combining dot above: the full case fold of İ
    CHECK(rows["i̇stanbul"].written == "İstanbul");
    REQUIRE(rows.count("strasse"));
    CHECK(rows["strasse"].count == 3);  // Straße, Straße, Strasse: one word
    CHECK(rows["strasse"].written == "Straße");
    // the more frequent form wins, capital or not
    Corpus d;
    Article a;
    a.text = "The port is open. The port is busy. the port at night.";
    d.articles.push_back(std::move(a));
    AnalyzedCorpus ad = AnalyzeCorpus(d);
    TermOptions keep;
    keep.remove_stopwords = false;
    for (const TermCount& r : CountTerms(ad, Scope{}, keep)) {
        if (r.term == "the") CHECK(r.written == "The");
        if (r.term == "port") CHECK(r.written == "port");
    }
    // stemmed rows show the most often written word of the stem
    TermOptions stem;
    stem.stem = true;
    bool seen = false;
    for (const TermCount& r : CountTerms(ac, Scope{.article = 0}, stem))
        if (r.written == "Μπέζος") seen = true;
    CHECK(seen);
}

TEST_CASE("words as written: the term table's written forms, short and long tokens") {
    TermTable t;
    std::string text = "Straße STRASSE straße Straße Internationale internationale Internationale";
    std::vector<uint32_t> ids;
    for (const Token& tok : TokenizeAll(text)) ids.push_back(t.InternToken(text, tok));
    REQUIRE(ids.size() == 7);
    CHECK(ids[0] == ids[1]);
    CHECK(ids[4] == ids[5]);
    std::vector<TermTable::Written> w = t.WrittenForms({ids[0], ids[4], t.Find("the"), ids[0]});
    CHECK(w[0].form == "Straße");
    CHECK(w[0].count == 2);
    CHECK(w[1].form == "Internationale");  // 13 bytes: the long-token path
    CHECK(w[1].count == 2);
    CHECK(w[2].form == "the");  // a stopword never seen in a token: its folded text
    CHECK(w[2].count == 0);
    CHECK(w[3].form == "Straße");  // a repeated id
}
