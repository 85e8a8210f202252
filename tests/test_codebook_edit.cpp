// tests: the codebook workbench's model (src/ui/codebook_edit.cpp) without ImGui: edits spliced
// into the user's JSON (the rest byte-identical), re-matching a slice at a time, undo and redo,
// refused chips and live term counts. Fixtures: a hand-laid-out two-claim codebook and three
// short articles in two languages.
#include <doctest/doctest.h>

#include <string>

#include "io/codebook_io.hpp"
#include "test_articles.hpp"
#include "ui/model.hpp"

using namespace presslens;
using presslens::test::OutletArticle;
using namespace presslens::ui;

namespace {

// Laid out as a person would type it: one line per rule, a comment-like name, odd spacing.
const char* kTwoClaims = R"({"name": "Walkout",   "lang": "en",
 "codes": [
   {"id": "T1", "label": "Transparency", "rules": [{"id": "T1-en", "term": "transparency"}]},
   {"id": "A1", "label": "Arbitration",  "rules": [{"id": "A1-en", "any": ["arbitration", "forced arbitration"]}]}
 ]
}
)";

Corpus MakeTinyCorpus() {
    Corpus c;
    c.articles.push_back(OutletArticle("Wire", "en", "The workers demand transparency on arbitration. They want transparency now."));
    c.articles.push_back(OutletArticle("Daily", "en", "Nothing about that here."));
    c.articles.push_back(OutletArticle("El País", "es", "Los trabajadores exigen transparencia sobre el arbitraje."));
    return c;
}

void MakeState(AppState& s) {
    REQUIRE(SetCodebookText(s, kTwoClaims));
    SetCorpus(s, MakeTinyCorpus());
    s.editor.text = s.data.codebook_text;
}

Codebook Parse(const std::string& text) {
    Codebook cb;
    LoadError err;
    REQUIRE_MESSAGE(ParseCodebookJson(text, "t", cb, err), err.ToString());
    return cb;
}

std::string Slice(const std::string& text, TextRange r) { return text.substr(r.begin, r.end - r.begin); }

}  // namespace

TEST_CASE("codebook edit: the scanner finds each claim's object, strings with brackets and escapes included") {
    const std::string text = R"({"name": "a [tricky] \"one\"", "codes": [ {"id": "X", "label": "}]"} , {"id": "Y", "label": "y"}]})";
    std::vector<TextRange> els;
    TextRange array;
    REQUIRE(FindArrayElements(text, "codes", els, &array));
    REQUIRE(els.size() == 2);
    CHECK(Slice(text, els[0]) == R"({"id": "X", "label": "}]"})");
    CHECK(Slice(text, els[1]) == R"({"id": "Y", "label": "y"})");
    CHECK(text[array.begin] == '[');
    CHECK(text[array.end - 1] == ']');
    CHECK_FALSE(FindArrayElements(text, "actors", els));
    CHECK_FALSE(FindArrayElements("", "codes", els));
    CHECK_FALSE(FindArrayElements("[1, 2]", "codes", els));
    CHECK(FindArrayElements(R"({"codes": []})", "codes", els));
    CHECK(els.empty());
}

TEST_CASE("codebook edit: a control's edit rewrites only its claim; the rest stays byte-identical") {
    const std::string text = kTwoClaims;
    const Codebook before = Parse(text);

    SUBCASE("relabel the second claim") {
        Codebook after = before;
        after.codes[1].label = "Forced arbitration";
        std::string edited = text;
        REQUIRE(SpliceCodebook(edited, before, after));
        CHECK(Parse(edited) == after);
        // everything up to the second claim's object is as typed, odd spacing included
        const size_t second = text.find(R"({"id": "A1")");
        CHECK(edited.substr(0, second) == text.substr(0, second));
        CHECK(edited.find(R"("Transparency", "rules": [{"id": "T1-en", "term": "transparency"}]},)") != std::string::npos);
        CHECK(edited.substr(edited.size() - 6) == "\n ]\n}\n");
    }
    SUBCASE("add a claim: appended after the last, the others untouched") {
        Codebook after = before;
        Code c;
        c.id = "C3";
        c.label = "New claim";
        after.codes.push_back(c);
        std::string edited = text;
        REQUIRE(SpliceCodebook(edited, before, after));
        CHECK(Parse(edited) == after);
        const size_t end_of_second = text.find("]}\n ]") + 2;
        CHECK(edited.substr(0, end_of_second) == text.substr(0, end_of_second));
    }
    SUBCASE("delete the first claim: its object and its comma go") {
        Codebook after = before;
        after.codes.erase(after.codes.begin());
        std::string edited = text;
        REQUIRE(SpliceCodebook(edited, before, after));
        CHECK(Parse(edited) == after);
        CHECK(edited.find("T1") == std::string::npos);
        CHECK(edited.find(R"({"id": "A1", "label": "Arbitration",  "rules")") != std::string::npos);
    }
    SUBCASE("swap the two claims: both objects keep their own text") {
        Codebook after = before;
        std::swap(after.codes[0], after.codes[1]);
        std::string edited = text;
        REQUIRE(SpliceCodebook(edited, before, after));
        CHECK(Parse(edited) == after);
        CHECK(edited.find(R"({"id": "A1", "label": "Arbitration",  "rules")") < edited.find(R"({"id": "T1")"));
        CHECK(edited.size() == text.size());
    }
    SUBCASE("a claim added to a one-claim list, and the first actor of a codebook with none") {
        const std::string empty = "{\"codes\": [{\"id\": \"A\", \"label\": \"a\"}]}";
        Codebook b = Parse(empty), after = b;
        Code c;
        c.id = "N";
        c.label = "n";
        after.codes.push_back(c);
        Actor a;
        a.id = "staff";
        a.terms["en"] = {"employee*"};
        after.actors.push_back(a);
        std::string edited = empty;
        REQUIRE(SpliceCodebook(edited, b, after));
        CHECK(Parse(edited) == after);
        CHECK(edited.find(R"([{"id": "A", "label": "a"},)") != std::string::npos);
    }
    SUBCASE("a text whose claims do not line up with the codebook is refused, untouched") {
        Codebook other = before;
        other.codes.pop_back();
        Codebook after = other;
        after.codes[0].label = "x";
        std::string edited = text;
        CHECK_FALSE(SpliceCodebook(edited, other, after));
        CHECK(edited == text);
    }
}

TEST_CASE("codebook edit: a typed codebook re-matches a slice at a time; the matrix shows the last result meanwhile") {
    AppState s;
    MakeState(s);
    REQUIRE(s.data.matrix.cols == 2);
    const long generation = s.data.codebook_generation;
    std::string text = kTwoClaims;
    text.replace(text.find(R"("term": "transparency")"), 22, R"("term": "nothing")");
    REQUIRE(EditCodebookText(s, text, true));
    // nothing matched yet: the current codebook and matrix are the old ones
    CHECK(CodebookWorkPending(s));
    CHECK(s.data.codebook_generation == generation);
    CHECK(s.data.matrix.at(0, 0).present());
    CHECK(EditedCodebook(s).codes[0].rules[0].match.term == "nothing");
    // one small slice does not finish it (compile, 3 articles, commit)
    StepCodebookWork(s, 0.0);
    CHECK(CodebookWorkPending(s));
    FinishCodebookWork(s);
    CHECK_FALSE(CodebookWorkPending(s));
    CHECK(s.data.codebook_generation == generation + 1);
    CHECK(s.data.codebook_text == text);
    CHECK_FALSE(s.data.matrix.at(0, 0).present());
    CHECK(s.editor.rematches == 1);

    SUBCASE("broken JSON keeps everything and says where") {
        CHECK_FALSE(EditCodebookText(s, "{\"codes\": [\n  {\"id\": }", true));
        CHECK_FALSE(CodebookWorkPending(s));
        CHECK(s.data.codebook_text == text);
        const TextPlace p = ErrorPlace(s.editor.error);
        CHECK(p.line == 2);
        CHECK(p.column > 0);
    }
    SUBCASE("a newer edit replaces one still being matched") {
        std::string a = text, b = text;
        a.replace(a.find("\"nothing\""), 9, "\"workers\"");
        b.replace(b.find("\"nothing\""), 9, "\"demand\"");
        REQUIRE(EditCodebookText(s, a));
        StepCodebookWork(s, 0.0);
        REQUIRE(EditCodebookText(s, b));
        FinishCodebookWork(s);
        CHECK(s.data.codebook_text == b);
        CHECK(s.editor.rematches == 2);
    }
    SUBCASE("a corpus replaced mid-match restarts the match on the new corpus") {
        std::string a = text;
        a.replace(a.find("\"nothing\""), 9, "\"arbitraje\"");
        a.replace(a.find("\"lang\": \"en\""), 12, "\"lang\": \"*\"");
        REQUIRE(EditCodebookText(s, a));
        StepCodebookWork(s, 0.0);
        Corpus c;
        c.articles.push_back(OutletArticle("Solo", "es", "Nada sobre el arbitraje."));
        SetCorpus(s, c);
        FinishCodebookWork(s);
        REQUIRE(s.data.matrix.rows == 1);
        CHECK(s.data.matrix.at(0, 0).present());
    }
    SUBCASE("a codebook replaced by a reset drops the edit in progress") {
        REQUIRE(EditCodebookText(s, kTwoClaims));
        REQUIRE(ResetToDefaultCodebook(s));
        FinishCodebookWork(s);
        CHECK(IsDefaultCodebook(s));
    }
}

TEST_CASE("codebook edit: text typed in the JSON editor is parsed in the next frame's work, not in the key's frame") {
    AppState s;
    MakeState(s);
    const std::string original = s.data.codebook_text;
    const long generation = s.data.codebook_generation;
    std::string typed = original;
    typed.replace(typed.find(R"("term": "transparency")"), 22, R"("term": "transparenc")");
    s.editor.text = typed;
    TypedCodebookText(s);
    // the key's frame: nothing parsed, nothing started; the work is pending and a frame is asked for
    CHECK(s.editor.typed);
    CHECK(CodebookWorkPending(s));
    CHECK(s.editor.rematch == nullptr);
    CHECK(EditedText(s) == original);
    CHECK(s.host.redraw >= 1);

    SUBCASE("the next slice parses it as its first step, and the re-match follows") {
        StepCodebookWork(s, 0.0);
        CHECK_FALSE(s.editor.typed);
        REQUIRE(s.editor.rematch != nullptr);
        CHECK(EditedText(s) == typed);
        CHECK(EditedCodebook(s).codes[0].rules[0].match.term == "transparenc");
        CHECK(s.data.codebook_generation == generation);  // a budget of 0: the parse was the slice
        FinishCodebookWork(s);
        CHECK(s.data.codebook_text == typed);
        CHECK(s.editor.undo.size() == 1);
    }
    SUBCASE("broken JSON: the next slice says where, and keeps everything") {
        s.editor.text = "{\"codes\": [\n  {\"id\": }";
        StepCodebookWork(s, 0.0);
        CHECK_FALSE(s.editor.typed);
        CHECK_FALSE(CodebookWorkPending(s));
        CHECK(ErrorPlace(s.editor.error).line == 2);
        CHECK(s.data.codebook_text == original);
        CHECK(s.editor.text == "{\"codes\": [\n  {\"id\": }");  // the user's text stays
    }
    SUBCASE("an undo before that frame undoes the typed edit, not the one before it") {
        REQUIRE(UndoCodebookEdit(s));
        CHECK_FALSE(s.editor.typed);
        FinishCodebookWork(s);
        CHECK(s.data.codebook_text == original);
        CHECK(s.editor.text == original);
        CHECK(s.editor.redo.size() == 1);
    }
    SUBCASE("a control's edit before that frame keeps the typed edit") {
        Codebook after = Parse(typed);
        after.codes[1].label = "Arbitrage";
        REQUIRE(EditCodebook(s, after));
        FinishCodebookWork(s);
        CHECK(s.data.codebook.codes[0].rules[0].match.term == "transparenc");
        CHECK(s.data.codebook.codes[1].label == "Arbitrage");
    }
}

TEST_CASE("codebook edit: a slice always makes progress: with a budget no step fits, the work ends a step a slice") {
    AppState s;
    MakeState(s);
    std::string text = kTwoClaims;
    text.replace(text.find(R"("term": "transparency")"), 22, R"("term": "nothing")");
    REQUIRE(EditCodebookText(s, text, true));
    // a budget no step can fit: one step a slice, so the work still ends
    int slices = 0;
    while (StepCodebookWork(s, 1e-9) && ++slices < 1000) {
    }
    CHECK(slices > 3);  // compile, three articles, the matrix, the commit: a slice each
    CHECK(s.data.codebook_text == text);
    CHECK(s.editor.rematches == 1);
}

TEST_CASE("codebook edit: undo and redo walk the edits; typing coalesces into one step") {
    AppState s;
    MakeState(s);
    const std::string original = s.data.codebook_text;
    std::string t1 = original, t2 = original;
    t1.replace(t1.find("\"Walkout\""), 9, "\"Walkou\"");
    t2.replace(t2.find("\"Walkout\""), 9, "\"Walko\"");
    REQUIRE(EditCodebookText(s, t1, true));
    REQUIRE(EditCodebookText(s, t2, true));  // within a second of the last key: the same step
    FinishCodebookWork(s);
    Codebook after = s.data.codebook;
    after.codes[0].label = "Openness";
    REQUIRE(EditCodebook(s, after));
    FinishCodebookWork(s);
    CHECK(s.data.codebook.codes[0].label == "Openness");
    REQUIRE(s.editor.undo.size() == 2);

    REQUIRE(UndoCodebookEdit(s));
    FinishCodebookWork(s);
    CHECK(s.data.codebook_text == t2);
    REQUIRE(UndoCodebookEdit(s));
    FinishCodebookWork(s);
    CHECK(s.data.codebook_text == original);
    CHECK(s.editor.text == original);
    CHECK_FALSE(UndoCodebookEdit(s));
    REQUIRE(RedoCodebookEdit(s));
    REQUIRE(RedoCodebookEdit(s));
    FinishCodebookWork(s);
    CHECK(s.data.codebook.codes[0].label == "Openness");
    CHECK_FALSE(RedoCodebookEdit(s));
    // a new edit clears what could be redone
    REQUIRE(UndoCodebookEdit(s));
    after = EditedCodebook(s);
    after.codes[1].group = "Demands";
    REQUIRE(EditCodebook(s, after));
    CHECK(s.editor.redo.empty());
}

TEST_CASE("codebook edit: a chip refuses a bare '*', a long phrase, an unknown vocabulary; counts are live") {
    CHECK(RefuseTerm("palantir").empty());
    CHECK(RefuseTerm("recogni*").empty());
    CHECK(RefuseTerm("@demand").empty());
    CHECK_FALSE(RefuseTerm("*").empty());
    CHECK(RefuseTerm("*").find("two letters") != std::string::npos);
    CHECK(RefuseTerm("one two three four five six seven eight nine").find("8 words") != std::string::npos);
    CHECK_FALSE(RefuseTerm("@nonsense").empty());

    AppState s;
    MakeState(s);
    // EditCodebook refuses a claim with a bad term and keeps the codebook
    Codebook bad = s.data.codebook;
    bad.codes[0].rules[0].match.term = "*";
    CHECK_FALSE(EditCodebook(s, bad));
    CHECK_FALSE(s.editor.refused.empty());
    CHECK_FALSE(CodebookWorkPending(s));

    CHECK(CountChip(s, "transparency", {"en"}, false) == nullptr);  // queued
    CHECK(CountChip(s, "transparencia", {"es"}, false) == nullptr);
    FinishCodebookWork(s);
    const ChipCount* en = CountChip(s, "transparency", {"en"}, false);
    REQUIRE(en != nullptr);
    CHECK(en->sentences == 2);
    CHECK(en->articles == 1);
    const ChipCount* es = CountChip(s, "transparencia", {"es"}, false);
    REQUIRE(es != nullptr);
    CHECK(es->sentences == 1);
    // a Spanish term under an English rule holds nowhere
    CHECK(CountChip(s, "transparencia", {"en"}, false) == nullptr);
    FinishCodebookWork(s);
    REQUIRE(CountChip(s, "transparencia", {"en"}, false) != nullptr);
    CHECK(CountChip(s, "transparencia", {"en"}, false)->sentences == 0);
}

TEST_CASE("codebook edit: a colour picked rewrites only that claim's object") {
    AppState s;
    MakeState(s);
    const std::string before = s.data.codebook_text;
    SetCodeColour(s, 1, "#12ab34");
    const size_t second = before.find(R"({"id": "A1")");
    CHECK(s.data.codebook_text.substr(0, second) == before.substr(0, second));
    CHECK(Parse(s.data.codebook_text).codes[1].colour == "#12ab34");
}

TEST_CASE("codebook edit: a label or the name changes without a re-match; a term change re-matches") {
    AppState s;
    MakeState(s);
    Codebook relabelled = s.data.codebook;
    relabelled.codes[0].label = "Openness";
    relabelled.name = "Renamed";
    CHECK(SameMatching(s.data.codebook, relabelled));
    Codebook reworded = s.data.codebook;
    reworded.codes[0].rules[0].match.term = "openness";
    CHECK_FALSE(SameMatching(s.data.codebook, reworded));
    Codebook reordered = s.data.codebook;
    std::swap(reordered.codes[0], reordered.codes[1]);
    CHECK_FALSE(SameMatching(s.data.codebook, reordered));  // hits name codes by their place

    const CompiledCodebook* compiled = s.data.compiled.get();
    REQUIRE(EditCodebook(s, relabelled));
    CHECK_FALSE(CodebookWorkPending(s));              // committed at once
    CHECK(s.data.codebook.codes[0].label == "Openness");
    CHECK(s.data.compiled.get() == compiled);
    REQUIRE(EditCodebook(s, reworded));
    CHECK(CodebookWorkPending(s));
    CHECK(s.data.codebook.codes[0].label == "Openness");   // the last complete result meanwhile
    FinishCodebookWork(s);
    CHECK(s.data.compiled.get() != compiled);
    CHECK(s.data.codebook.codes[0].rules[0].match.term == "openness");
}

TEST_CASE("codebook edit: a frame's share of the work follows the size of a whole re-match") {
    AppState s;
    s.data.match_ms = 10;
    CHECK(CodebookSliceBudget(s) == 4.0);
    s.data.match_ms = 80;
    CHECK(CodebookSliceBudget(s) == 10.0);
    s.data.match_ms = 1600;
    CHECK(CodebookSliceBudget(s) == 12.0);
}

TEST_CASE("codebook edit: an edit inside one claim is read from that claim alone, with the whole parse's result") {
    // Random edits of the embedded codebook (its actors, claims and shared vocabularies) and of a
    // small one whose language is proposed from its terms: reading the edited claim alone must
    // accept exactly what the whole parse accepts, and give the same codebook.
    const std::string kNoLang = R"({"codes": [
  {"id": "T1", "label": "Transparency", "rules": [{"id": "T1-x", "term": "transparency"}]},
  {"id": "A1", "label": "Arbitration", "rules": [{"id": "A1-x", "any": ["arbitration", "forced arbitration"]}]}
]}
)";
    const std::string pieces[] = {"a", "e", "\"", "{", "}", ",", "[", "]", ":", "1", " ", "\\", "\"x\"", "\"lang\": \"nl\", ",
                                  "\"term\": \"de staking\"", "\"none\": [\"x\"], ", "\"within\": 3, "};
    for (const std::string& base : {std::string(DefaultCodebookJson()), kNoLang}) {
        Codebook before;
        LoadError err;
        REQUIRE(ParseCodebookJson(base, "codebook", before, err));
        uint32_t seed = 12345;
        auto next = [&](uint32_t n) {
            seed = seed * 1664525u + 1013904223u;
            return (seed >> 8) % n;
        };
        int accepted = 0;
        for (int k = 0; k < 400; ++k) {
            std::string text = base;
            const size_t at = next(static_cast<uint32_t>(text.size()));
            if (next(3) == 0) text.erase(at, 1 + next(3));
            else text.insert(at, pieces[next(static_cast<uint32_t>(std::size(pieces)))]);
            Codebook whole, edited;
            LoadError e1, e2;
            const bool ok_whole = ParseCodebookJson(text, "codebook", whole, e1);
            const bool ok_edited = ParseEditedCodebook(base, before, text, edited, e2);
            CHECK_MESSAGE(ok_whole == ok_edited, "edit at byte ", at, ": ", text.substr(at > 20 ? at - 20 : 0, 50));
            if (ok_whole && ok_edited) {
                ++accepted;
                CHECK(CodebookToJson(edited) == CodebookToJson(whole));
                CHECK(edited.language == whole.language);
                CHECK(edited.language_proposed == whole.language_proposed);
            } else if (!ok_whole && !ok_edited) {
                CHECK(e2.ToString() == e1.ToString());
            }
        }
        CHECK(accepted > 40);  // the edits that keep a valid codebook were exercised too
    }
    // a term typed inside a claim is read from the claim alone
    Codebook before, out;
    LoadError err;
    REQUIRE(ParseCodebookJson(kTwoClaims, "codebook", before, err));
    const std::string text = kTwoClaims;
    std::vector<TextRange> claims;
    REQUIRE(FindArrayElements(text, "codes", claims));
    REQUIRE(claims.size() == 2);
    std::string object = text.substr(claims[1].begin, claims[1].end - claims[1].begin);
    object.replace(object.find("forced arbitration"), 18, "binding arbitration");
    REQUIRE(ReparseClaimJson(object, 1, before, out));
    CHECK(out.codes[1].rules[0].match.children[1].term == "binding arbitration");
    CHECK(out.codes[0].rules[0].match.term == "transparency");
    CHECK_FALSE(ReparseClaimJson(object + ",", 1, before, out));  // not one object
    CHECK_FALSE(ReparseClaimJson(R"({"id": "T1", "label": "Dup", "rules": []})", 1, before, out));  // a duplicate id
}

TEST_CASE("codebook edit: the compile is a rule a step, and matches as the compile made at once") {
    AppState s;
    MakeState(s);
    std::string text = kTwoClaims;
    text.replace(text.find(R"("term": "transparency")"), 22, R"("term": "demand")");
    REQUIRE(EditCodebookText(s, text, true));
    // the first step makes the job, then one step for the actors, one per rule (two rules) and one
    // that ends the compile
    int compile_steps = 0;
    StepCodebookWork(s, 0.0);
    while (s.editor.rematch && s.editor.rematch->compiling) {
        StepCodebookWork(s, 0.0);
        ++compile_steps;
    }
    CHECK(compile_steps == 4);
    FinishCodebookWork(s);
    const CompiledCodebook at_once(s.data.codebook);
    const MatchResult direct = MatchCorpus(s.data.analysis, at_once);
    REQUIRE(direct.hits.size() == s.data.match.hits.size());
    for (size_t i = 0; i < direct.hits.size(); ++i) {
        CHECK(direct.hits[i].article == s.data.match.hits[i].article);
        CHECK(direct.hits[i].code == s.data.match.hits[i].code);
        CHECK(direct.hits[i].sentence_span.begin == s.data.match.hits[i].sentence_span.begin);
    }
    CHECK(s.data.matrix.at(0, 0).present());  // "demand" in Wire
    // the compile it replaced is freed in steps too: nothing is left pending
    CHECK_FALSE(CodebookWorkPending(s));
}

TEST_CASE("codebook edit: suggestions are made a slice at a time after the panel asks; meanwhile the last ones stay") {
    AppState s;
    MakeState(s);
    RefreshSuggestions(s);  // at once: Spanish cognates for the English rules
    REQUIRE_FALSE(s.data.suggestions.empty());
    REQUIRE(SuggestionsCurrent(s));
    const size_t before = s.data.suggestions.size();
    // a third claim: its rule needs Spanish suggestions too
    std::string text = kTwoClaims;
    text.replace(text.find("\n ]"), 3, R"(,
   {"id": "D1", "label": "Arbitration again", "rules": [{"id": "D1-en", "term": "arbitration"}]}
 ])");
    REQUIRE(EditCodebookText(s, text));
    FinishCodebookWork(s);
    CHECK_FALSE(SuggestionsCurrent(s));
    CHECK(s.data.suggestions.size() == before);  // the last ones, shown while new ones are made
    AskSuggestions(s);
    REQUIRE(s.editor.suggesting);
    CHECK(CodebookWorkPending(s));
    int steps = 0;
    while (StepSuggestOnce(s) && ++steps < 1000) {
    }
    CHECK(steps > 3);  // the index (a few articles a step), then a rule a step
    CHECK(SuggestionsCurrent(s));
    CHECK(s.data.suggestions.size() > before);
    // an edit while they are being made: that job is dropped, and asked for anew
    text.replace(text.find(R"("term": "arbitration")"), 21, R"("term": "trabajadores")");
    AskSuggestions(s);  // (current: nothing to do)
    CHECK_FALSE(s.editor.suggesting);
    REQUIRE(EditCodebookText(s, text));
    FinishCodebookWork(s);
    AskSuggestions(s);
    StepSuggestOnce(s);
    REQUIRE(s.editor.suggesting);
    REQUIRE(EditCodebookText(s, kTwoClaims));
    FinishCodebookWork(s);  // the stale job is dropped on its next step
    CHECK_FALSE(s.editor.suggesting);
    CHECK_FALSE(SuggestionsCurrent(s));
}

