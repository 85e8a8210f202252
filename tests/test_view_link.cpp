// tests: the view link (src/ui/view_link.cpp), the URL hash that reopens a view: what is written
// reads back to the same view; values that do not fit the corpus or the codebook are ignored.
#include <doctest/doctest.h>

#include <string>

#include "test_articles.hpp"
#include "ui/ui.hpp"

using namespace presslens;
using namespace presslens::ui;
using presslens::test::OutletArticle;

namespace {

// Two outlets, two codes: a 2 x 2 matrix.
void MakeTinyState(AppState& s) {
    REQUIRE(SetCodebookText(s, R"({"codes": [
        {"id": "S&P", "label": "Strikes", "rules": [{"id": "s", "lang": "en", "term": "strike"}]},
        {"id": "W", "label": "Wages", "rules": [{"id": "w", "lang": "en", "term": "wages"}]}]})"));
    Corpus c;
    c.articles.push_back(OutletArticle("Wire", "en", "The strike goes on. Wages are the issue, and wages only."));
    c.articles.push_back(OutletArticle("Daily", "en", "A strike, they say."));
    SetCorpus(s, std::move(c));
}

int Outlet(const AppState& s, const std::string& name) {
    for (size_t i = 0; i < s.data.analysis.outlets.size(); ++i)
        if (s.data.analysis.outlets[i] == name) return static_cast<int>(i);
    FAIL("no outlet " << name);
    return -1;
}

}  // namespace

TEST_CASE("view link: the default view is the project and the panel") {
    AppState s;
    MakeTinyState(s);
    RenameProject(s, "Strike & wages");
    CHECK(ViewLink(s) == "project=" + s.project.fingerprint + "&story=Strike %26 wages&panel=matrix");
    CHECK(s.project.fingerprint.size() == 8);
}

TEST_CASE("view link: a link of another project is not applied; the viewer knows which project it wants") {
    AppState s;
    MakeTinyState(s);
    OpenArticle(s, 1);
    CHECK(LinkValue("project=0badf00d&story=City%20vote&panel=words&article=0", "story") == "City vote");
    ApplyViewLink(s, "project=0badf00d&story=City%20vote&panel=words&article=0");
    CHECK(s.project.missing_fingerprint == "0badf00d");
    CHECK(s.project.missing_name == "City vote");
    CHECK(s.view.panel == Panel::Matrix);    // the view is kept
    CHECK(s.view.selected_article == 1);
    // a link of this project applies, and forgets the missing one
    ApplyViewLink(s, "project=" + s.project.fingerprint + "&panel=words&article=0");
    CHECK(s.project.missing_link.empty());
    CHECK(s.view.panel == Panel::Words);
    CHECK(s.view.selected_article == 0);
    // an old link without a project applies as before
    ApplyViewLink(s, "panel=articles");
    CHECK(s.view.panel == Panel::Articles);
}

TEST_CASE("view link: panel, cell, article, focus, code, scope and word round-trip") {
    AppState s;
    MakeTinyState(s);
    s.view.panel = Panel::Words;
    s.view.cell_row = 1;
    s.view.cell_col = 0;
    OpenArticle(s, 0, Span{20, 39}, 1);
    const int wire = Outlet(s, "Wire");
    s.words.outlet = wire;
    s.words.keyness = true;
    ShowConcordance(s, "wages");
    const std::string link = ViewLink(s);
    CHECK(link == "project=" + s.project.fingerprint + "&story=Untitled project&panel=words&article=0&focus=20-39&code=W&cell=1,0&scope=outlet:" + std::to_string(wire) +
                      "&keyness=1&word=wages");

    AppState t;
    MakeTinyState(t);
    ApplyViewLink(t, link);
    CHECK(t.view.panel == Panel::Words);
    CHECK(t.view.panel_requested);
    CHECK(t.view.cell_row == 1);
    CHECK(t.view.cell_col == 0);
    CHECK(t.view.selected_article == 0);
    CHECK(t.reader.focus.begin == 20);
    CHECK(t.reader.focus.end == 39);
    CHECK(t.reader.focus_code == 1);
    CHECK(t.words.outlet == wire);
    CHECK(t.words.keyness);
    CHECK(t.words.word == "wages");
    CHECK(t.words.kwic.size() == 2);  // both "wages" of the Wire article
    CHECK(ViewLink(t) == link);
}

TEST_CASE("view link: a code id and a word with & = % # are escaped and read back") {
    AppState s;
    MakeTinyState(s);
    OpenArticle(s, 1, Span{2, 8}, 0);
    s.words.word = "a&b=c%d#e";
    const std::string link = ViewLink(s);
    CHECK(link.find("code=S%26P") != std::string::npos);
    CHECK(link.find("word=a%26b%3Dc%25d%23e") != std::string::npos);
    AppState t;
    MakeTinyState(t);
    ApplyViewLink(t, link);
    CHECK(t.reader.focus_code == 0);
    CHECK(t.words.word == "a&b=c%d#e");
}

TEST_CASE("view link: values that do not fit the corpus or the codebook are ignored") {
    AppState s;
    MakeTinyState(s);
    s.view.selected_article = 1;
    s.view.cell_row = 0;
    s.view.cell_col = 1;
    ApplyViewLink(s, "panel=articles&article=7&cell=2,0&scope=outlet:5&compare=9&code=NOPE");
    CHECK(s.view.panel == Panel::Articles);
    CHECK(s.view.selected_article == -1);
    CHECK(s.view.cell_row == -1);
    CHECK(s.view.cell_col == -1);
    CHECK(s.words.outlet == -1);
    CHECK(s.words.compare_outlet == -1);
    CHECK(s.reader.focus_code == -1);

    // a focus past the article's end is dropped, the article still opens
    ApplyViewLink(s, "panel=articles&article=1&focus=5-4000");
    CHECK(s.view.selected_article == 1);
    CHECK(s.reader.focus.end == 0);
    // numbers that are not numbers, an unknown panel and unknown keys
    ApplyViewLink(s, "panel=nowhere&article=1x&cell=a,b&scope=article:-1&x=y&&=");
    CHECK(s.view.panel == Panel::Matrix);
    CHECK(s.view.selected_article == -1);
    CHECK(s.view.cell_row == -1);
    CHECK(s.words.article == -1);
}

TEST_CASE("view link: an empty link resets the view") {
    AppState s;
    MakeTinyState(s);
    ApplyViewLink(s, "panel=codebook&article=1&word=strike");
    REQUIRE(s.view.selected_article == 1);
    REQUIRE(s.words.word == "strike");
    ApplyViewLink(s, "");
    CHECK(s.view.panel == Panel::Matrix);
    CHECK(s.view.selected_article == -1);
    CHECK(s.words.word.empty());
    CHECK(s.words.kwic.empty());
}
