// tests: the human review (core/review, io/review_io, the project file's review record, and the
// viewer's verbs in ui/review_model.cpp): decisions applied in order, the matrix and its totals
// overridden, decisions surviving a codebook edit, the rules measured against the review,
// codings exported and another coder's imported (bad files refused whole), undo and redo.
#include <doctest/doctest.h>

#include <string>

#include "core/review.hpp"
#include "io/codings.hpp"
#include "io/project.hpp"
#include "io/review_io.hpp"
#include "test_articles.hpp"
#include "ui/model.hpp"

using namespace presslens;
using presslens::test::OutletArticle;
using namespace presslens::ui;

namespace {

// S: the strike (en and nl rules); P: pay (en only)
const char* kCodebook = R"({"name": "Dock strike", "codes": [
  {"id": "S", "label": "Strike", "rules": [{"id": "s-en", "lang": "en", "term": "strike*"},
                                           {"id": "s-nl", "lang": "nl", "term": "staking*"}]},
  {"id": "P", "label": "Pay", "rules": [{"id": "p-en", "lang": "en", "term": "wage*"}]}]})";

void MakeState(AppState& s) {
    REQUIRE(SetCodebookText(s, kCodebook));
    Corpus c;
    c.articles.push_back(OutletArticle("Wire", "en", "Dockers strike for a third day. The strike closed the port."));
    c.articles.push_back(OutletArticle("Daily", "en", "The port is quiet. Wages were not discussed."));
    c.articles.push_back(OutletArticle("Krant", "nl", "De staking in de haven duurt voort."));
    SetCorpus(s, std::move(c));
    s.data.corpus_is_default = false;
    s.review.coder = "Ann";
}

size_t Row(const AppState& s, const std::string& outlet) {
    for (size_t r = 0; r < s.data.analysis.outlets.size(); ++r)
        if (s.data.analysis.outlets[r] == outlet) return r;
    FAIL("no outlet " << outlet);
    return 0;
}

Span SentenceWith(const AppState& s, size_t article, const std::string& words) {
    const std::string& t = s.data.corpus.articles[article].text;
    size_t at = t.find(words);
    REQUIRE(at != std::string::npos);
    for (const Span& sp : s.data.analysis.articles[article].sentences)
        if (sp.begin <= at && at < sp.end) return sp;
    FAIL("no sentence holds " << words);
    return {};
}

}  // namespace

TEST_CASE("review: with no decision every unit is the rules' and the matrix is unchanged") {
    AppState s;
    MakeState(s);
    CHECK(s.review.units.reviewed == 0);
    CHECK(s.review.units.at(0, 0).value == 1);  // Wire reports the strike
    CHECK(s.review.units.at(0, 0).state == UnitState::Automatic);
    CHECK(s.data.matrix.at(Row(s, "Wire"), 0).hits == 2);
    CHECK(s.data.matrix.at(Row(s, "Wire"), 0).reviewed == -1);
}

TEST_CASE("review: rejecting a reported cell makes it not reported in the matrix and its totals") {
    AppState s;
    MakeState(s);
    const size_t wire = Row(s, "Wire");
    const uint32_t before = s.data.matrix.col_outlets[0];
    RejectCell(s, wire, 0);
    CHECK(s.review.review.decisions.size() == 1);
    CHECK(s.review.review.decisions[0].coder == "Ann");
    const std::string& time = s.review.review.decisions[0].time;  // ISO 8601, UTC, of now
    REQUIRE(time.size() == 20);
    CHECK(time[4] == '-');
    CHECK(time[10] == 'T');
    CHECK(time.back() == 'Z');
    CHECK(std::stoi(time.substr(0, 4)) >= 2024);
    CHECK(std::stoi(time.substr(5, 2)) >= 1);
    CHECK(std::stoi(time.substr(5, 2)) <= 12);
    CHECK(s.review.units.at(0, 0).value == 0);
    CHECK(s.review.units.at(0, 0).state == UnitState::Rejected);
    CHECK_FALSE(s.data.matrix.at(wire, 0).present());
    CHECK(s.data.matrix.at(wire, 0).state == static_cast<int>(UnitState::Rejected));
    CHECK(s.data.matrix.col_outlets[0] == before - 1);
    CHECK(s.data.matrix.row_codes[wire] == 0);
    // undo brings the rules' cell back; redo rejects it again
    REQUIRE(UndoArticles(s));
    CHECK(s.data.matrix.at(wire, 0).present());
    CHECK(s.data.matrix.col_outlets[0] == before);
    REQUIRE(RedoArticles(s));
    CHECK_FALSE(s.data.matrix.at(wire, 0).present());
}

TEST_CASE("review: sentences: rejecting one of two keeps the cell automatic; rejecting both rejects it") {
    AppState s;
    MakeState(s);
    const size_t wire = Row(s, "Wire");
    Span first = SentenceWith(s, 0, "Dockers strike"), second = SentenceWith(s, 0, "The strike closed");
    RejectSentence(s, 0, 0, first);
    CHECK(s.review.units.at(0, 0).state == UnitState::Automatic);
    CHECK(s.review.units.at(0, 0).value == 1);
    CHECK(s.data.matrix.at(wire, 0).hits == 1);  // the rejected sentence no longer counts
    const Hit& best = s.data.match.hits[static_cast<size_t>(s.data.matrix.at(wire, 0).best)];
    CHECK(best.sentence_span.begin == second.begin);
    RejectSentence(s, 0, 0, second);
    CHECK(s.review.units.at(0, 0).state == UnitState::Rejected);
    CHECK_FALSE(s.data.matrix.at(wire, 0).present());
    // confirming one again: the latest decision on a sentence wins
    ConfirmSentence(s, 0, 0, first);
    CHECK(s.review.units.at(0, 0).state == UnitState::Confirmed);
    CHECK(s.data.matrix.at(wire, 0).present());
}

TEST_CASE("review: a whole-cell decision after sentence decisions wins; a sentence decided later reopens it") {
    AppState s;
    MakeState(s);
    ConfirmSentence(s, 0, 0, SentenceWith(s, 0, "Dockers strike"));
    RejectCell(s, Row(s, "Wire"), 0);
    CHECK(s.review.units.at(0, 0).value == 0);
    ConfirmSentence(s, 0, 0, SentenceWith(s, 0, "The strike closed"));
    CHECK(s.review.units.at(0, 0).value == 1);
    CHECK(s.review.units.at(0, 0).state == UnitState::Confirmed);
}

TEST_CASE("review: a passage coded by hand reports the claim; confirming an empty cell keeps it empty but reviewed") {
    AppState s;
    MakeState(s);
    const size_t daily = Row(s, "Daily");
    REQUIRE_FALSE(s.data.matrix.at(daily, 0).present());
    // nothing selected: refused, said
    s.view.selected_article = 1;
    s.reader.selection = {};
    CHECK_FALSE(CodeSelection(s, 0));
    CHECK_FALSE(s.review.error.empty());
    CHECK(s.review.review.decisions.empty());
    s.reader.selection = SentenceWith(s, 1, "The port is quiet");
    REQUIRE(CodeSelection(s, 0));
    CHECK(s.review.units.at(1, 0).state == UnitState::Added);
    CHECK(s.review.review.decisions.back().quote == "The port is quiet.");
    const MatrixCell& cell = s.data.matrix.at(daily, 0);
    CHECK(cell.present());
    CHECK(cell.hits == 1);  // the passage
    CHECK(cell.best == -1);
    CHECK(cell.hand == 0);
    CHECK(cell.state == static_cast<int>(UnitState::Added));
    // P for Wire: empty and confirmed so
    const size_t wire = Row(s, "Wire");
    REQUIRE_FALSE(s.data.matrix.at(wire, 1).present());
    ConfirmCell(s, wire, 1);
    CHECK(s.review.units.at(0, 1).state == UnitState::Confirmed);
    CHECK(s.review.units.at(0, 1).value == 0);
    CHECK(s.data.matrix.at(wire, 1).state == static_cast<int>(UnitState::Confirmed));
    CHECK_FALSE(s.data.matrix.at(wire, 1).present());
}

TEST_CASE("review: a reviewed cell the codebook cannot see is covered, by a coder") {
    AppState s;
    MakeState(s);
    const size_t krant = Row(s, "Krant");
    REQUIRE(s.data.matrix.at(krant, 1).not_covered());  // P has no Dutch rule
    const uint32_t covered = s.data.matrix.col_covered[1];
    ConfirmCell(s, krant, 1);
    CHECK_FALSE(s.data.matrix.at(krant, 1).not_covered());
    CHECK(s.data.matrix.col_covered[1] == covered + 1);
}

TEST_CASE("review: a confirmed sentence the rules no longer find stays, as confirmed, no longer matched") {
    AppState s;
    MakeState(s);
    ConfirmSentence(s, 0, 0, SentenceWith(s, 0, "Dockers strike"));
    // the strike rule now looks for another word
    std::string cb = kCodebook;
    cb.replace(cb.find("strike*"), 7, "walkout*");
    REQUIRE(SetCodebookText(s, cb));
    const UnitReview& u = s.review.units.at(0, 0);
    CHECK(u.auto_value == 0);
    CHECK(u.value == 1);
    CHECK(u.state == UnitState::Confirmed);
    CHECK(u.stale);
    CHECK(s.data.matrix.at(Row(s, "Wire"), 0).present());
}

TEST_CASE("review: without a coder's name the name is asked first and the decision waits") {
    AppState s;
    MakeState(s);
    s.review.coder.clear();
    RejectCell(s, Row(s, "Wire"), 0);
    CHECK(s.review.ask_coder);
    CHECK(s.review.review.decisions.empty());
    SetCoder(s, "  Bob, the coder \n");
    CHECK(s.review.coder == "Bob the coder");
    REQUIRE(s.review.review.decisions.size() == 1);
    CHECK(s.review.review.decisions[0].coder == "Bob the coder");
    CHECK(SettingsText(s).find("coder=Bob the coder\n") != std::string::npos);
    AppState t;
    ApplySettings(t, SettingsText(s));
    CHECK(t.review.coder == "Bob the coder");
}

TEST_CASE("review: the coder's name not given: the waiting decisions are dropped, nothing decided") {
    AppState s;
    MakeState(s);
    s.review.coder.clear();
    RejectCell(s, Row(s, "Wire"), 0);
    REQUIRE_FALSE(s.review.pending.empty());
    DropPendingDecisions(s);
    CHECK(s.review.pending.empty());
    SetCoder(s, "Bob");
    CHECK(s.review.review.decisions.empty());
}

TEST_CASE("review: a disagreement opens the article at my evidence, else at theirs, with theirs outlined") {
    AppState s;
    MakeState(s);
    const Span mine = SentenceWith(s, 0, "The strike closed");
    const Span theirs = SentenceWith(s, 0, "Dockers strike");
    OpenDisagreement(s, 0, 0, mine, theirs);
    CHECK(s.view.selected_article == 0);
    CHECK(s.reader.focus == mine);
    CHECK(s.reader.focus_code == 0);
    CHECK(s.review.their_article == 0);
    CHECK(s.review.their_focus == theirs);
    CHECK(s.reader.scroll_to_focus);
    s.reader.scroll_to_focus = false;
    OpenDisagreement(s, 1, 0, Span{}, SentenceWith(s, 1, "The port is quiet"));
    CHECK(s.view.selected_article == 1);
    CHECK(s.reader.focus == s.review.their_focus);  // no evidence of mine: theirs is shown
    CHECK(s.review.their_article == 1);
    CHECK(s.reader.scroll_to_focus);
}

TEST_CASE("review: the rules against the review: precision, recall, F1 and kappa per claim") {
    AppState s;
    MakeState(s);
    // S: Wire 1 (rules 1, confirmed), Daily 1 by hand (rules 0), Krant 0 (rules 1, rejected)
    ConfirmCell(s, Row(s, "Wire"), 0);
    s.view.selected_article = 1;
    s.reader.selection = SentenceWith(s, 1, "The port is quiet");
    REQUIRE(CodeSelection(s, 0));
    RejectCell(s, Row(s, "Krant"), 0);
    std::vector<RulesVsReview> rows = CompareRulesWithReview(s.data.codebook, s.review.units);
    REQUIRE(rows.size() == 3);
    const RulesVsReview& S = rows[0];
    CHECK(S.code == "S");
    CHECK(S.n == 3);
    CHECK(S.tp == 1);
    CHECK(S.fn == 1);
    CHECK(S.fp == 1);
    CHECK(S.tn == 0);
    CHECK(*S.precision == doctest::Approx(0.5));
    CHECK(*S.recall == doctest::Approx(0.5));
    CHECK(*S.f1 == doctest::Approx(0.5));
    CHECK(*S.agreement.agreement == doctest::Approx(1.0 / 3));
    // kappa by hand: po 1/3; rules give 1 to 2 of 3, the review 2 of 3: pe = 4/9 + 1/9 = 5/9
    CHECK(*S.agreement.kappa == doctest::Approx((1.0 / 3 - 5.0 / 9) / (1 - 5.0 / 9)));
    CHECK(rows[1].n == 0);  // P: nothing reviewed
    CHECK_FALSE(rows[1].precision);
    CHECK(rows[2].code == "(all)");
    CHECK(rows[2].n == 3);
}

TEST_CASE("review: the review's JSON reads back equal; a wrong field is named and nothing is applied") {
    Review r;
    r.decisions.push_back({Decision::Kind::Add, "a.txt", "S", {4, 9}, "quote \"x\"", 1, "Ann", "2026-11-29T10:00:00Z"});
    r.decisions.push_back({Decision::Kind::Reject, "b.txt", "P", {}, "", 0, "Ann", ""});
    r.others.push_back({"Bob", "bob.csv", {{"a.txt", "S", 1, "Bob", "a sentence"}, {"b.txt", "P", 0, "Bob", ""}}});
    const std::string text = ReviewJson(r);
    Review back;
    LoadError err;
    REQUIRE(ParseReviewJson(text, "review", back, err));
    CHECK(ReviewJson(back) == text);
    REQUIRE(back.decisions.size() == 2);
    CHECK(back.decisions[0].kind == Decision::Kind::Add);
    CHECK(back.decisions[0].span.begin == 4);
    CHECK(back.decisions[0].quote == "quote \"x\"");
    CHECK(back.others[0].codings[0].evidence == "a sentence");

    std::string bad = text;
    bad.replace(bad.find("\"add\""), 5, "\"maybe\"");
    Review untouched = back;
    CHECK_FALSE(ParseReviewJson(bad, "review", untouched, err));
    CHECK(err.message.find("/decisions/0/kind") != std::string::npos);
    CHECK(untouched.decisions.size() == 2);
    std::string value = text;
    value.replace(value.find("\"value\":0"), 9, "\"value\":2");
    CHECK_FALSE(ParseReviewJson(value, "review", untouched, err));
    CHECK(err.message.find("/value: expected 0 or 1") != std::string::npos);
}

TEST_CASE("review: kept in the project file (byte-exact), opened again with the project") {
    AppState s;
    MakeState(s);
    RejectCell(s, Row(s, "Wire"), 0);
    const std::string bytes = ProjectFileBytes(s, "");
    CHECK(bytes.find("\"record\":\"review\"") != std::string::npos);
    Project p;
    std::vector<std::string> warnings;
    LoadError err;
    REQUIRE(ParseProject(bytes, "p.presslens", p, warnings, err));
    CHECK(warnings.empty());
    CHECK(ProjectBytes(p) == bytes);
    // a damaged review record refuses the file, naming the record
    std::string damaged = bytes;
    damaged.replace(damaged.find("\"reject\""), 8, "\"nope!!\"");
    Project q;
    CHECK_FALSE(ParseProject(damaged, "p.presslens", q, warnings, err));
    CHECK(err.ToString().find("review record") != std::string::npos);

    AppState t;
    REQUIRE(SetCodebookText(t, kCodebook));
    StartLoad(t, {InputFile{"p.presslens", bytes}});
    while (StepLoad(t, 1e9)) {
    }
    REQUIRE(t.review.review.decisions.size() == 1);
    CHECK_FALSE(t.data.matrix.at(Row(t, "Wire"), 0).present());
    // a new project starts without a review
    NewProject(t);
    CHECK(t.review.review.empty());
}

TEST_CASE("review: my codings exported; another coder's imported; agreement and disagreements") {
    AppState s;
    MakeState(s);
    ExportCodings(s);  // nothing reviewed: said, nothing exported
    CHECK(s.host.exports.empty());
    CHECK_FALSE(s.review.error.empty());
    ConfirmCell(s, Row(s, "Wire"), 0);
    RejectCell(s, Row(s, "Krant"), 0);
    ExportCodings(s);
    REQUIRE(s.host.exports.size() == 1);
    const std::string csv = s.host.exports[0].bytes;
    CHECK(csv.rfind("article,code,value,coder,evidence\n", 0) == 0);
    CHECK(csv.find("Wire.txt,S,1,Ann,Dockers strike for a third day.\n") != std::string::npos);
    CHECK(csv.find("Krant.txt,S,0,Ann,\n") != std::string::npos);

    // another coder: agrees on Wire, not on Krant
    InputFile bob{"bob.csv", "article,code,value,coder,evidence\nWire.txt,S,1,Bob,\nKrant.txt,S,1,Bob,De staking in de haven duurt voort.\n"};
    REQUIRE(IsCodingsFile(bob));
    REQUIRE(ImportCodings(s, bob));
    REQUIRE(s.review.review.others.size() == 1);
    CHECK(s.review.review.others[0].name == "Bob");
    std::vector<Coding> mine = ReviewCodings(s.data.corpus, s.data.codebook, s.review.review, s.review.units);
    std::vector<Disagreement> dis = Disagreements(mine, s.review.review.others[0].codings);
    REQUIRE(dis.size() == 1);
    CHECK(dis[0].article == "Krant.txt");
    CHECK(dis[0].mine == 0);
    CHECK(dis[0].theirs == 1);
    CHECK(dis[0].their_evidence == "De staking in de haven duurt voort.");
    std::vector<AgreementRow> rows = Agreement(mine, s.review.review.others[0].codings);
    CHECK(rows.back().n == 2);
    CHECK(*rows.back().agreement == doctest::Approx(0.5));
    // the import is undoable
    REQUIRE(UndoArticles(s));
    CHECK(s.review.review.others.empty());
}

TEST_CASE("review: a codings file with unknown articles or claims, or of another project, is refused whole") {
    AppState s;
    MakeState(s);
    InputFile unknown{"c.csv", "article,code,value\nWire.txt,S,1\nGone.txt,S,0\nWire.txt,Q,1\n"};
    CHECK_FALSE(ImportCodings(s, unknown));
    CHECK(s.review.error.find("row 3: no article \"Gone.txt\"") != std::string::npos);
    CHECK(s.review.error.find("row 4: no claim \"Q\"") != std::string::npos);
    CHECK(s.review.review.others.empty());
    InputFile other{"o.csv", "article,code,value\nx.txt,S,1\ny.txt,S,0\n"};
    CHECK_FALSE(ImportCodings(s, other));
    CHECK(s.review.error.find("another project") != std::string::npos);
    InputFile twice{"t.csv", "article,code,value\nWire.txt,S,1\nWire.txt,S,0\n"};
    CHECK_FALSE(ImportCodings(s, twice));
    CHECK(s.review.error.find("row 3") != std::string::npos);
    CHECK(s.review.review.others.empty());
    CHECK(s.project.undo.empty());
    // dropped with articles: the codings go to the review, the load reports the refusal
    StartLoad(s, {unknown});
    while (StepLoad(s, 1e9)) {
    }
    CHECK(s.load.error.find("Gone.txt") != std::string::npos);
    CHECK(s.data.corpus.articles.size() == 3);
}

TEST_CASE("review: decisions on articles no longer present are counted and kept") {
    AppState s;
    MakeState(s);
    RejectCell(s, Row(s, "Krant"), 0);
    DeleteArticles(s, {2});
    CHECK(s.review.units.orphans == 1);
    CHECK(s.review.review.decisions.size() == 1);
    REQUIRE(UndoArticles(s));
    CHECK(s.review.units.orphans == 0);
    CHECK_FALSE(s.data.matrix.at(Row(s, "Krant"), 0).present());
}
