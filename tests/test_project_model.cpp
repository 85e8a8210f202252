// tests: projects in the viewer's model (src/ui/project_model.cpp) without ImGui: a new empty
// project, the example, deleting / editing / pasting articles with undo and redo, duplicates, and
// a project file saved and opened again (with its view, and a link that waited for it).
#include <doctest/doctest.h>

#include <string>

#include "io/codebook_io.hpp"
#include "io/project.hpp"
#include "test_articles.hpp"
#include "ui/model.hpp"
#include "ui/ui.hpp"

using namespace presslens;
using presslens::test::OutletArticle;
using namespace presslens::ui;

namespace {

const char* kStrike = R"({"name": "Dock strike", "codes": [{"id": "S", "label": "Strike", "rules": [
    {"id": "s-en", "lang": "en", "term": "strike*"}, {"id": "s-nl", "lang": "nl", "term": "staking*"}]}]})";

void MakeState(AppState& s) {
    REQUIRE(SetCodebookText(s, kStrike));
    Corpus c;
    c.articles.push_back(OutletArticle("Wire", "en", "Dockers strike for a third day."));
    c.articles.push_back(OutletArticle("Daily", "en", "The port is quiet."));
    c.articles.push_back(OutletArticle("Krant", "nl", "De staking in de haven duurt voort."));
    SetCorpus(s, std::move(c));
    s.data.corpus_is_default = false;
}

size_t Reported(const AppState& s) {
    size_t n = 0;
    for (const MatrixCell& c : s.data.matrix.cells) n += c.hits > 0;
    return n;
}

void LoadAll(AppState& s, std::vector<InputFile> files) {
    StartLoad(s, std::move(files));
    while (StepLoad(s, 1e9)) {
    }
}

}  // namespace

TEST_CASE("a new project is empty, with a valid one-claim starter codebook, and nothing to undo") {
    AppState s;
    MakeState(s);
    DeleteArticles(s, {0});
    REQUIRE(!s.project.undo.empty());
    NewProject(s);
    CHECK(s.data.corpus.articles.empty());
    CHECK(s.data.analysis.articles.empty());
    CHECK(s.data.matrix.rows == 0);
    CHECK(s.data.codebook.codes.size() == 1);
    CHECK(s.editor.error.empty());
    CHECK(s.project.undo.empty());
    CHECK_FALSE(s.data.corpus_is_default);
    CHECK(ProjectTitle(s) == "Untitled project");
    Codebook cb;
    LoadError err;
    CHECK(ParseCodebookJson(StarterCodebookJson(), "starter", cb, err));
    // and the example is one call away
    REQUIRE(ShowExampleProject(s));
    CHECK(s.data.corpus.articles.size() == 5);
    CHECK(s.data.corpus_is_default);
    CHECK(IsDefaultCodebook(s));
    CHECK(ProjectTitle(s).find("Amazon") != std::string::npos);
}

TEST_CASE("deleting articles takes them out of the matrix and the words; undo puts them back where they were") {
    AppState s;
    MakeState(s);
    const size_t reported = Reported(s);
    REQUIRE(reported == 2);  // Wire and Krant
    DeleteArticles(s, {2, 0, 2, 99});
    REQUIRE(s.data.corpus.articles.size() == 1);
    CHECK(s.data.corpus.articles[0].meta.outlet == "Daily");
    CHECK(s.data.analysis.articles.size() == 1);
    CHECK(s.data.analysis.outlets == std::vector<std::string>{"Daily"});
    CHECK(Reported(s) == 0);
    CHECK(s.load.notice.find("Deleted 2 articles") == 0);
    const long generation = s.data.corpus_generation;

    REQUIRE(UndoArticles(s));
    REQUIRE(s.data.corpus.articles.size() == 3);
    CHECK(s.data.corpus.articles[0].meta.outlet == "Wire");
    CHECK(s.data.corpus.articles[2].meta.outlet == "Krant");
    CHECK(s.data.analysis.outlets.size() == 3);
    CHECK(Reported(s) == reported);
    CHECK(s.data.corpus_generation > generation);  // the host keeps the change

    REQUIRE(RedoArticles(s));
    CHECK(s.data.corpus.articles.size() == 1);
    REQUIRE(UndoArticles(s));
    CHECK(s.data.corpus.articles.size() == 3);
    REQUIRE(RedoArticles(s));
    CHECK_FALSE(RedoArticles(s));  // one step to redo only
}

TEST_CASE("editing an outlet merges rows; editing the language analyses the article again; undo restores both") {
    AppState s;
    MakeState(s);
    ArticleMeta m = s.data.corpus.articles[1].meta;
    m.outlet = "Wire";
    EditArticle(s, 1, m);
    CHECK(s.data.analysis.outlets.size() == 2);
    CHECK(s.data.matrix.rows == 2);
    // the Dutch article read as English: the Dutch rule no longer applies, the cell is not covered
    m = s.data.corpus.articles[2].meta;
    m.language = " EN ";
    EditArticle(s, 2, m);
    CHECK(s.data.corpus.articles[2].meta.language == "en");
    CHECK(s.data.analysis.articles[2].effective_language == "en");
    CHECK(Reported(s) == 1);
    // empty fields become unknown; an edit that changes nothing is no step
    m.title = "De haven";
    EditArticle(s, 2, m);
    CHECK(s.data.corpus.articles[2].meta.title == "De haven");
    m.title = "   ";
    EditArticle(s, 2, m);
    CHECK_FALSE(s.data.corpus.articles[2].meta.title.has_value());
    const size_t steps = s.project.undo.size();
    EditArticle(s, 2, m);
    CHECK(s.project.undo.size() == steps);
    REQUIRE(UndoArticles(s));
    CHECK(s.data.corpus.articles[2].meta.title == "De haven");
    REQUIRE(UndoArticles(s));
    REQUIRE(UndoArticles(s));
    CHECK(s.data.analysis.articles[2].effective_language == "nl");
    CHECK(Reported(s) == 2);
    REQUIRE(UndoArticles(s));
    CHECK(s.data.analysis.outlets.size() == 3);
    CHECK_FALSE(UndoArticles(s));
}

TEST_CASE("a paste becomes an article with the form's metadata; the same text twice is flagged") {
    AppState s;
    MakeState(s);
    BeginPaste(s, "Strike ends at the port\nPublished 2026-03-04 at https://example.org/port.\nDockers went back to work.");
    CHECK(s.paste.request_open);
    CHECK(s.paste.title == "Strike ends at the port");
    CHECK(s.paste.date == "2026-03-04");
    CHECK(s.paste.url == "https://example.org/port");
    s.paste.outlet = "Courier";
    REQUIRE(CommitPaste(s));
    REQUIRE(s.data.corpus.articles.size() == 4);
    const Article& a = s.data.corpus.articles[3];
    CHECK(a.meta.outlet == "Courier");
    CHECK(a.source == "pasted-4.txt");
    CHECK(a.text.rfind("Strike ends", 0) == 0);  // as pasted
    CHECK(s.view.selected_article == 3);
    CHECK(s.project.duplicate_of[3] == -1);
    CHECK(Reported(s) == 3);

    BeginPaste(s, s.data.corpus.articles[0].text);
    REQUIRE(CommitPaste(s));
    CHECK(s.project.duplicate_of[4] == 0);
    CHECK(s.load.notice.find("same text as article 1") != std::string::npos);

    BeginPaste(s, " \n\t");
    CHECK_FALSE(CommitPaste(s));
    CHECK(s.paste.error.find("empty") != std::string::npos);
    CHECK(s.data.corpus.articles.size() == 5);
}

TEST_CASE("HTML on the clipboard is read as a saved page: the form gets its article and details, the article keeps the HTML") {
    AppState s;
    MakeState(s);
    const std::string html =
        "<html lang=\"en\"><head><title>Port strike | Courier</title>"
        "<meta property=\"og:site_name\" content=\"Courier\">"
        "<meta property=\"article:published_time\" content=\"2026-03-04T08:00:00Z\"></head><body>"
        "<nav><a href=\"/\">Home</a> <a href=\"/sport\">Sport</a></nav>"
        "<article><h1>Port strike</h1><p>Dockers went on strike on Monday for higher wages and safer cranes, the "
        "union said in a statement to the press.</p><p>The strike is the first at the port in twenty years, and "
        "shipping lines have begun to divert their vessels to other harbours along the coast.</p></article>"
        "<footer>Copyright Courier</footer></body></html>";
    s.paste.clipboard_html = html;
    BeginPaste(s, "Port strike Dockers went on strike");
    CHECK(s.paste.from_html);
    CHECK(s.paste.outlet == "Courier");
    CHECK(s.paste.date.rfind("2026-03-04", 0) == 0);
    CHECK(s.paste.text.find("Dockers went on strike") != std::string::npos);
    CHECK(s.paste.text.find("Sport") == std::string::npos);  // the navigation is not the article
    CHECK(s.paste.clipboard_html.empty());
    REQUIRE(CommitPaste(s));
    const Article& a = s.data.corpus.articles.back();
    CHECK(a.source == "pasted-4.html");
    CHECK(a.received_format == "html");
    CHECK(a.received == html);
    CHECK(!a.received_map.empty());
    // the next paste without HTML is plain text again
    BeginPaste(s, "Plain words");
    CHECK_FALSE(s.paste.from_html);
    CHECK(s.paste.text == "Plain words");
}

TEST_CASE("a project saved and opened again gives the same articles, codebook, name and view") {
    AppState s;
    MakeState(s);
    RenameProject(s, "Port of Rotterdam strike");
    ArticleMeta m = s.data.corpus.articles[1].meta;
    m.date = "2026-03-01";
    EditArticle(s, 1, m);
    OpenArticle(s, 2);
    s.view.panel = Panel::Articles;
    const std::string view = ViewLink(s);
    const std::string bytes = ProjectFileBytes(s, view);
    CHECK(s.data.corpus.articles.size() == 3);  // lent, not lost
    CHECK(s.data.analysis.corpus == &s.data.corpus);
    CHECK(ProjectFileName(s) == "Port of Rotterdam strike.presslens");

    AppState t;
    NewProject(t);
    LoadAll(t, {{"port.presslens", bytes}});
    CHECK(t.load.error.empty());
    REQUIRE(t.data.corpus.articles.size() == 3);
    CHECK(t.data.corpus.articles[1].meta.date == "2026-03-01");
    CHECK(t.data.codebook_text == s.data.codebook_text);
    CHECK(ProjectTitle(t) == "Port of Rotterdam strike");
    CHECK(t.view.selected_article == 2);
    CHECK(t.view.panel == Panel::Articles);
    CHECK(ProjectFileBytes(t, ViewLink(t)) == bytes);

    // a truncated file is refused, and the project open stays as it was
    LoadAll(t, {{"cut.presslens", bytes.substr(0, bytes.size() / 2)}});
    CHECK(t.load.error.find("cut.presslens") != std::string::npos);
    CHECK(t.load.error.find("truncated") != std::string::npos);
    CHECK(t.data.corpus.articles.size() == 3);
}

TEST_CASE("a view link of a project that is not open waits; opening the project shows that view") {
    AppState s;
    MakeState(s);
    OpenArticle(s, 1);
    s.view.panel = Panel::Words;
    const std::string link = ViewLink(s);
    const std::string bytes = ProjectFileBytes(s, "");

    AppState t;
    REQUIRE(ShowExampleProject(t));
    ApplyViewLink(t, link);
    CHECK(t.project.missing_name == "Dock strike");
    CHECK(t.view.selected_article == -1);
    LoadAll(t, {{"strike.presslens", bytes}});
    CHECK(t.project.missing_link.empty());
    CHECK(t.view.selected_article == 1);
    CHECK(t.view.panel == Panel::Words);
}

TEST_CASE("a link of the example project, opened over another project, waits until the example is opened") {
    AppState e;
    REQUIRE(ShowExampleProject(e));
    CHECK(e.project.fingerprint == ExampleFingerprint());
    OpenArticle(e, 3);
    const std::string link = ViewLink(e);
    AppState s;
    MakeState(s);
    ApplyViewLink(s, link);
    CHECK(s.project.missing_fingerprint == ExampleFingerprint());
    CHECK(s.view.selected_article == -1);
    REQUIRE(ShowExampleProject(s));
    CHECK(s.project.missing_link.empty());
    CHECK(s.view.selected_article == 3);
}

TEST_CASE("an empty project saves and opens as empty, not as the example") {
    AppState s;
    NewProject(s);
    RenameProject(s, "Nothing yet");
    const std::string bytes = ProjectFileBytes(s, ViewLink(s));
    AppState t;
    REQUIRE(ShowExampleProject(t));
    LoadAll(t, {{"empty.presslens", bytes}});
    CHECK(t.load.error.empty());
    CHECK(t.data.corpus.articles.empty());
    CHECK_FALSE(t.data.corpus_is_default);
    CHECK(ProjectTitle(t) == "Nothing yet");
}
