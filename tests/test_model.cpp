// tests: the viewer's model (src/ui/model.cpp) without ImGui: the codebook verbs (typed text,
// the default, colours, suggestions accepted), the default corpus, loads a slice at a time and
// the kept settings. The fixtures are a few outlets in two languages and a one-code codebook.
#include <doctest/doctest.h>

#include <string>

#include "io/codebook_io.hpp"
#include "test_articles.hpp"
#include "ui/model.hpp"

using namespace presslens;
using presslens::test::OutletArticle;
using namespace presslens::ui;

namespace {

// Two English outlets and a Spanish one that the English-only codebook does not cover.
Corpus MakeTinyCorpus() {
    Corpus c;
    c.articles.push_back(OutletArticle("Wire", "en", "The workers demand transparency on arbitration."));
    c.articles.push_back(OutletArticle("Daily", "en", "Nothing about that here."));
    c.articles.push_back(OutletArticle("El País", "es", "Los trabajadores exigen transparencia sobre el arbitraje."));
    return c;
}

const char* kTransparency = R"({"name": "Walkout", "codes": [{"id": "T1", "label": "Transparency", "rules": [
    {"id": "T1-en", "lang": "en", "term": "transparency"}]}]})";

// A state with the tiny corpus and the one-code codebook, matched.
void MakeTinyState(AppState& s) {
    REQUIRE(SetCodebookText(s, kTransparency));
    SetCorpus(s, MakeTinyCorpus());
    s.data.corpus_is_default = false;
}

// The matrix row of an outlet (rows follow AnalyzedCorpus::outlets).
size_t Row(const AppState& s, const std::string& outlet) {
    for (size_t i = 0; i < s.data.analysis.outlets.size(); ++i)
        if (s.data.analysis.outlets[i] == outlet) return i;
    FAIL("no outlet " << outlet);
    return 0;
}

void LoadAll(AppState& s, std::vector<InputFile> files) {
    StartLoad(s, std::move(files));
    int steps = 0;
    while (StepLoad(s, 1e9) && ++steps < 1000) {
    }
    REQUIRE(s.load.job == nullptr);
}

}  // namespace

TEST_CASE("model: a codebook typed as text re-matches; broken JSON keeps the last codebook and says why") {
    AppState s;
    MakeTinyState(s);
    REQUIRE(s.data.codebook.codes.size() == 1);
    REQUIRE(s.data.matrix.rows == 3);
    REQUIRE(s.data.matrix.cols == 1);
    CHECK(s.data.matrix.at(Row(s, "Wire"), 0).hits == 1);
    CHECK(s.data.matrix.at(Row(s, "Daily"), 0).hits == 0);
    const long generation = s.data.codebook_generation;
    const std::string text = s.data.codebook_text;

    CHECK_FALSE(SetCodebookText(s, R"({"codes": [{"id": "X", "rules": [)"));
    CHECK_FALSE(s.editor.error.empty());
    CHECK(s.data.codebook.codes.size() == 1);
    CHECK(s.data.codebook.codes[0].id == "T1");
    CHECK(s.data.codebook_text == text);
    CHECK(s.data.codebook_generation == generation);
    CHECK(s.data.matrix.at(Row(s, "Wire"), 0).hits == 1);

    // a valid text clears the error and is matched at once
    CHECK(SetCodebookText(s, R"({"codes": [{"id": "N", "label": "Nothing", "rules": [
        {"id": "n", "lang": "en", "term": "nothing"}]}]})"));
    CHECK(s.editor.error.empty());
    CHECK(s.data.codebook_generation == generation + 1);
    REQUIRE(s.data.codebook.codes.size() == 1);
    CHECK(s.data.codebook.codes[0].id == "N");
    CHECK(s.data.matrix.at(Row(s, "Wire"), 0).hits == 0);
    CHECK(s.data.matrix.at(Row(s, "Daily"), 0).hits == 1);
}

TEST_CASE("model: Reset to the default codebook puts the embedded one in the state and the editor") {
    AppState s;
    MakeTinyState(s);
    s.editor.text = "half-typed";
    CHECK_FALSE(IsDefaultCodebook(s));
    Codebook embedded;
    LoadError err;
    REQUIRE(LoadDefaultCodebook(embedded, err));
    const long generation = s.data.codebook_generation;
    CHECK(ResetToDefaultCodebook(s));
    CHECK(IsDefaultCodebook(s));
    CHECK(s.data.codebook_text == DefaultCodebookJson());
    CHECK(s.editor.text == s.data.codebook_text);
    CHECK(s.data.codebook_generation == generation + 1);
    CHECK(s.data.codebook.codes.size() == embedded.codes.size());
    CHECK(s.data.matrix.cols == embedded.codes.size());
}

TEST_CASE("model: the default corpus replaces the corpus and is marked as the default") {
    AppState s;
    MakeTinyState(s);
    s.view.selected_article = 2;
    const long generation = s.data.corpus_generation;
    Corpus embedded;
    LoadError err;
    REQUIRE(LoadDefaultCorpus(embedded, err));
    REQUIRE(ShowDefaultCorpus(s));
    CHECK(s.data.corpus_is_default);
    CHECK(s.data.corpus_generation == generation + 1);
    REQUIRE(s.data.corpus.articles.size() == embedded.articles.size());
    CHECK(s.data.corpus.articles.front().source == embedded.articles.front().source);
    CHECK(s.data.analysis.articles.size() == embedded.articles.size());
    CHECK(s.data.matrix.rows == s.data.analysis.outlets.size());
}

TEST_CASE("model: a new corpus is matched with the codebook compiled before; a new codebook is compiled again") {
    AppState s;
    MakeTinyState(s);
    const CompiledCodebook* before = s.data.compiled.get();
    REQUIRE(before != nullptr);
    SetCorpus(s, MakeTinyCorpus());  // same codebook: compiled once (start-up loads the codebook, then the corpus)
    CHECK(s.data.compiled.get() == before);
    CHECK(s.data.matrix.rows == s.data.analysis.outlets.size());
    CHECK(s.data.matrix.cells[Row(s, "Wire") * s.data.matrix.cols].present());
    REQUIRE(SetCodebookText(s, R"({"codes": [{"id": "A1", "label": "Arbitration", "rules": [
        {"id": "A1-en", "lang": "en", "term": "arbitration"}, {"id": "A1-x", "lang": "en", "term": "nothing"}]}]})"));
    REQUIRE(s.data.compiled != nullptr);
    CHECK(s.data.compiled->codebook().codes.front().id == "A1");  // the new codebook, not the old one
    CHECK(s.data.matrix.cells[Row(s, "Daily") * s.data.matrix.cols].present());
}

TEST_CASE("model: a colour edit rewrites the codebook's JSON through the model, without a re-match") {
    AppState s;
    MakeTinyState(s);
    const long generation = s.data.codebook_generation;
    const uint32_t hits = s.data.matrix.at(Row(s, "Wire"), 0).hits;
    const CompiledCodebook* compiled = s.data.compiled.get();
    SetCodeColour(s, 0, "#12ab34");
    CHECK(s.data.compiled.get() == compiled);  // not re-matched (Rematch would build a new one)
    CHECK(s.data.codebook.codes[0].colour == "#12ab34");
    CHECK(s.data.codebook_text.find("#12ab34") != std::string::npos);
    CHECK(s.editor.text == s.data.codebook_text);
    CHECK(s.data.codebook_generation == generation + 1);
    CHECK(s.data.matrix.at(Row(s, "Wire"), 0).hits == hits);
    // what is written reads back as the same codebook
    Codebook back;
    LoadError err;
    REQUIRE(ParseCodebookJson(s.data.codebook_text, "back", back, err));
    CHECK(back == s.data.codebook);
    // a code that does not exist changes nothing
    const std::string text = s.data.codebook_text;
    SetCodeColour(s, 5, "#000000");
    CHECK(s.data.codebook_text == text);
    CHECK(s.data.codebook_generation == generation + 1);
}

TEST_CASE("model: accepting the suggestions adds rules for a language the codebook did not cover") {
    AppState s;
    MakeTinyState(s);
    REQUIRE(s.data.matrix.at(Row(s, "El País"), 0).not_covered());  // El País: Spanish, and the rules are English
    CHECK_FALSE(CodeCoversLanguage(s.data.codebook, s.data.codebook.codes[0], "es"));
    RefreshSuggestions(s);
    REQUIRE_FALSE(s.data.suggestions.empty());
    CHECK(s.data.suggestions_for_codebook == s.data.codebook_generation);
    const long generation = s.data.codebook_generation;
    AcceptSuggestions(s);
    CHECK(s.data.suggestions.empty());
    CHECK(s.data.codebook_generation == generation + 1);
    CHECK(s.editor.text == s.data.codebook_text);
    CHECK(CodeCoversLanguage(s.data.codebook, s.data.codebook.codes[0], "es"));
    CHECK(s.data.matrix.at(Row(s, "El País"), 0).hits == 1);  // "transparencia" now matches
    CHECK(s.data.matrix.at(Row(s, "Wire"), 0).hits == 1);  // and the English rule still does
}

TEST_CASE("model: a load adds .txt articles, one with the same file name replaces its namesake") {
    AppState s;
    MakeTinyState(s);
    const long generation = s.data.corpus_generation;
    LoadAll(s, {{"Wire.txt", "Outlet: Wire\n\nA new text on transparency and more transparency."},
                {"Extra.txt", "Outlet: Extra\n\nSomething else entirely."}});
    CHECK(s.load.error.empty());
    CHECK(s.load.finished == 1);
    CHECK(s.data.corpus_generation == generation + 1);
    REQUIRE(s.data.corpus.articles.size() == 4);
    int wires = 0;
    for (const Article& a : s.data.corpus.articles)
        if (a.source == "Wire.txt") {
            ++wires;
            CHECK(a.text.find("A new text") != std::string::npos);
        }
    CHECK(wires == 1);
    CHECK(s.load.notice.find("1 file replaced") != std::string::npos);
    CHECK(s.data.matrix.rows == s.data.analysis.outlets.size());
}

TEST_CASE("model: a load with a broken file loads the rest and names the broken one") {
    AppState s;
    MakeTinyState(s);
    s.load.limits.max_file_bytes = 64;
    LoadAll(s, {{"big.txt", std::string(100, 'a')}, {"small.txt", "Outlet: Small\n\nshort"}});
    CHECK(s.data.corpus.articles.size() == 4);
    CHECK(s.load.error.find("big.txt") != std::string::npos);
    CHECK(s.load.error.find("small.txt") == std::string::npos);
}

TEST_CASE("model: settings are written only where they differ from the defaults and read back") {
    AppState s;
    CHECK(SettingsText(s).empty());
    CHECK(s.load.limits.max_file_bytes == kMaxFileBytes);
    s.view.dark_theme = false;
    s.load.limits.max_file_bytes = size_t{100} << 20;
    const std::string text = SettingsText(s);
    CHECK(text == "theme=light\nmax_file_mb=100\n");
    AppState t;
    ApplySettings(t, text + "max_article_mb=0\nmax_article_mb=x\nnonsense\n");
    CHECK_FALSE(t.view.dark_theme);
    CHECK(t.load.limits.max_file_bytes == size_t{100} << 20);
    CHECK(t.load.limits.max_article_bytes == kViewerLimits.max_article_bytes);  // malformed lines ignored
}

TEST_CASE("model: File > Limits sets both limits, says so, and they are kept with the settings") {
    AppState s;
    SetLimits(s, 100, 8);
    CHECK(s.load.limits.max_file_bytes == size_t{100} << 20);
    CHECK(s.load.limits.max_article_bytes == size_t{8} << 20);
    CHECK(s.load.notice == "limits: 100 MiB per file, 8 MiB per article");
    CHECK(SettingsText(s) == "max_file_mb=100\nmax_article_mb=8\n");
}

TEST_CASE("model: choosing the default codebook replaces a typed one and says so") {
    AppState s;
    MakeTinyState(s);
    REQUIRE_FALSE(IsDefaultCodebook(s));
    const long generation = s.data.codebook_generation;
    ChooseDefaultCodebook(s);
    CHECK(IsDefaultCodebook(s));
    CHECK(s.editor.text == s.data.codebook_text);
    CHECK(s.data.codebook_generation > generation);
    CHECK(s.load.notice == "back to the default codebook");
    CHECK(s.data.matrix.cols == s.data.codebook.codes.size());
}

TEST_CASE("model: suggestions are checked one by one or all at once; an index out of range does nothing") {
    AppState s;
    MakeTinyState(s);
    RefreshSuggestions(s);
    REQUIRE_FALSE(s.data.suggestions.empty());
    CheckAllSuggestions(s, false);
    for (const Suggestion& x : s.data.suggestions) CHECK_FALSE(x.accepted);
    CheckSuggestion(s, 0, true);
    CHECK(s.data.suggestions[0].accepted);
    CheckSuggestion(s, s.data.suggestions.size(), true);  // out of range
    size_t checked = 0;
    for (const Suggestion& x : s.data.suggestions) checked += x.accepted;
    CHECK(checked == 1);
    CheckAllSuggestions(s, true);
    for (const Suggestion& x : s.data.suggestions) CHECK(x.accepted);
}

TEST_CASE("model: the Words panel's scope: an article or the corpus turns keyness off, an outlet keeps it") {
    AppState s;
    MakeTinyState(s);
    RefreshFrequencies(s);
    REQUIRE_FALSE(s.words.dirty);
    SetWordsScope(s, 1, -1);
    CHECK(s.words.outlet == 1);
    CHECK(s.words.article == -1);
    CHECK(s.words.dirty);
    s.words.keyness = true;
    SetWordsScope(s, 0, -1);
    CHECK(s.words.keyness);  // still an outlet
    SetWordsScope(s, -1, 2);
    CHECK(s.words.article == 2);
    CHECK(s.words.outlet == -1);
    CHECK_FALSE(s.words.keyness);
    RefreshFrequencies(s);
    CHECK_FALSE(s.words.dirty);
    s.words.keyness = true;
    SetWordsScope(s, -1, -1);
    CHECK_FALSE(s.words.keyness);
    ShowConcordance(s, "transparency");
    REQUIRE_FALSE(s.words.kwic.empty());
    CloseConcordance(s);
    CHECK(s.words.word.empty());
    CHECK(s.words.kwic.empty());
}
