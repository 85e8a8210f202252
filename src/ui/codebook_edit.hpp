// ui (model): the codebook workbench without ImGui: re-matching an edited codebook a slice per
// frame, editing the JSON text in place (only the claim or actor that a control changed is
// rewritten), undo and redo, and the live counts of single terms. No ImGui, SDL or GL here; the
// Codebook panel (codebook_panel.cpp) draws it, the unit tests drive it (test_codebook_edit.cpp).
//
// [SECTION] Finding values in the JSON text
// [SECTION] The editor's state
// [SECTION] Verbs on the app state
#pragma once
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/codebook.hpp"
#include "core/suggest.hpp"

namespace presslens {
struct LoadError;
}

namespace presslens::ui {

struct AppState;

// [SECTION] Finding values in the JSON text ----------------------------------------------------

// A byte range [begin, end) of the text.
struct TextRange {
    size_t begin = 0, end = 0;
};

// The byte ranges of the elements of the array under the top-level key `key` ("codes",
// "actors") of a JSON object text, in order; `array` gets the range of the array itself, from
// '[' to after ']'. Returns false when the text is not such an object or has no such key (the
// text is assumed valid JSON: the caller parsed it first).
bool FindArrayElements(std::string_view json, std::string_view key, std::vector<TextRange>& out, TextRange* array = nullptr);

// One claim (or actor) written as CodebookToJson writes it inside its array, its lines indented
// by `indent` (the opening '{' is not indented: it goes where the old object began).
std::string CodeObjectJson(const Code& code, const std::string& indent);
std::string ActorObjectJson(const Actor& actor, const std::string& indent);

// Rewrites `text` (a valid codebook whose parse is `before`) so that it reads as `after`,
// changing only what differs: a changed claim's or actor's object is replaced in place, an added
// one appended to its array, a removed one cut with its comma, reordered ones swapped; everything
// else stays byte-identical. The codebook's name and "lang" are not edited here. Returns false
// (text untouched) when the text's arrays do not line up with `before` (then the caller writes the
// whole codebook).
bool SpliceCodebook(std::string& text, const Codebook& before, const Codebook& after);

// The parse of an edited codebook text: when the edit lies inside one claim's object of
// `before_text` (whose parse is `before`), as a keystroke or a chip usually does, that claim alone is
// read again (io's ReparseClaimJson); otherwise, or when that fails, the whole text, whose errors
// say where. Either way the result is what ParseCodebookJson gives for `text`.
bool ParseEditedCodebook(std::string_view before_text, const Codebook& before, std::string_view text, Codebook& out,
                         LoadError& error);

// "line L, column C" of a parse error message ("... (line 8, column 6): ..."), 0 when it has none.
struct TextPlace {
    int line = 0, column = 0;
};
TextPlace ErrorPlace(std::string_view message);

// [SECTION] The editor's state ----------------------------------------------------------------

// The re-match of an edited codebook, a slice of articles per frame. The matrix keeps showing the
// last complete result until it is done; then the edited codebook becomes the current one.
struct RematchJob {
    std::unique_ptr<Codebook> codebook;  // what is being matched
    std::string text;                    // ...and its JSON text
    std::unique_ptr<CompiledCodebook> compiled;
    bool compiling = false;                        // compiled is still being compiled, a rule a step
    const CompiledCodebook* previous = nullptr;    // the compile whose terms it reuses (AppData::compiled then)
    MatchResult match;
    std::unique_ptr<MatchMemo> memo;
    size_t next = 0;                     // the next article to match
    std::unique_ptr<Matrix> matrix;      // built after the last article, in a step of its own
    long corpus_generation = -1;         // the corpus it is matching (restarts when it changes)
    long codebook_generation = -1;       // the codebook it edits (dropped when another replaced it)
    double started_ms = 0, compute_ms = 0;
};

// The corpus's own suggestions (core/suggest.hpp), made a slice at a time once the Codebook panel
// asks for them (AskSuggestions): the corpus's words read a few articles a step, once per corpus
// (DataState::suggest_index), then a rule a step.
struct SuggestJob {
    long corpus_generation = -1, codebook_generation = -1;  // what they are made for
    size_t next_unit = 0;
    std::vector<Suggestion> found;
};

// A term's live count in the loaded corpus: sentences and articles it alone matches in.
struct ChipCount {
    uint32_t sentences = 0, articles = 0;
};

// Counting one term (a chip) over the corpus, a slice at a time, after any re-match.
struct CountJob {
    std::string key;
    std::unique_ptr<CompiledCodebook> compiled;
    MatchResult match;
    std::unique_ptr<MatchMemo> memo;
    size_t next = 0;
};

// The codebook being edited (the Codebook panel's text and workbench): the text as typed, why it
// does not parse, edits being matched, undo/redo, chip counts.
struct CodebookEditor {
    RematchJob* pending() const { return rematch.get(); }
    std::string text;                     // the editor's text (may be invalid while typing)
    std::string error;                    // why the text is not (yet) a valid codebook
    bool typed = false;                   // text typed since the last parse (TypedCodebookText)
    std::unique_ptr<RematchJob> rematch;  // an edit being matched, or null
    // Undo and redo: whole texts of valid codebooks (most recent last). Typing coalesces into
    // one entry per pause of a second.
    std::vector<std::string> undo, redo;
    double last_typed_ms = -1e9;
    int selected = 0;                     // the claim shown in the workbench
    std::string refused;                  // the last chip refused, with why ("'*': ...")
    std::string add_terms_language;       // the language "add terms in a language" adds to ("*": every)
    bool focus_add_terms = false;         // give that box the keyboard in the next frame
    // chip counts, for the corpus generation they were made on
    std::map<std::string, ChipCount> counts;
    long counts_corpus = -1;
    std::vector<std::string> count_queue;
    std::unique_ptr<CountJob> counting;
    // What a commit replaced, freed a slice per frame (90,000 hits' token lists on 5,000 articles
    // take longer to free than a frame has).
    std::unique_ptr<MatchResult> discarded_match;
    std::unique_ptr<CompiledCodebook> discarded_compiled;
    std::vector<std::unique_ptr<RematchJob>> discarded_jobs;  // edits replaced mid-match, likewise
    std::unique_ptr<SuggestJob> suggesting;  // the suggestions being made, or null
    float suggestions_height = 0;         // the list's room under the claims, kept while it is remade
    double last_slice_ms = 0;             // the last frame's work (the state hook reports it)
    long rematches = 0;                   // re-matches completed (the state hook reports it)
};

// [SECTION] Verbs on the app state ---------------------------------------------------------------

// The codebook being edited: the one being matched, else the current one.
const Codebook& EditedCodebook(const AppState& s);
const std::string& EditedText(const AppState& s);

// Do two codebooks match the same sentences (the same language, actors and, code by code, rules)?
// Then an edit between them (a label, a colour, the name) needs no re-match.
bool SameMatching(const Codebook& a, const Codebook& b);

// Parses text typed in the JSON editor; if valid, starts re-matching it (StepCodebookWork does the
// work) and returns true; if not, keeps everything and sets s.editor.error. `typing`: coalesce
// with the previous typed edit for undo.
bool EditCodebookText(AppState& s, const std::string& text, bool typing = false);
// The JSON editor's text (s.editor.text) was typed into: it is parsed as EditCodebookText(s, text,
// true) would, as the first step of the next frame's codebook work, not in the frame that took the
// key (parsing the default codebook's claim costs 3-5 ms in the page: with the key's own work and a
// matching slice, more than a frame has). The verbs below parse a pending text first.
void TypedCodebookText(AppState& s);
// A control changed the codebook: the text is rewritten only where `after` differs from the edited
// codebook (SpliceCodebook), then re-matched like a typed edit. Refuses (false, s.editor.error
// untouched, editor.refused says why) a codebook that does not validate.
bool EditCodebook(AppState& s, const Codebook& after, bool typing = false);
// Re-match work and term counts for about budget_ms. Returns true while work remains.
bool StepCodebookWork(AppState& s, double budget_ms);
bool CodebookWorkPending(const AppState& s);
// The work a frame does: about an eighth of the last whole re-match, from 4 ms (a small corpus: a
// software-rendered frame stays inside 16 ms) to 12 ms (5,000 articles: drawing the panel takes
// some 20 ms more on a software canvas, and the frame should stay inside 50 ms).
double CodebookSliceBudget(const AppState& s);
// Runs the pending work to the end (tests, and before a synchronous change).
void FinishCodebookWork(AppState& s);

bool UndoCodebookEdit(AppState& s);
bool RedoCodebookEdit(AppState& s);

// Why a term cannot be a chip ("" when it can): a '*' alone, a phrase over 8 words, an unknown
// vocabulary, ... (the codebook validator's words).
std::string RefuseTerm(const std::string& term);

// The live count of a term under a rule's languages and stemming, or null while it is being
// counted (it is queued).
const ChipCount* CountChip(AppState& s, const std::string& term, const std::vector<std::string>& languages, bool stem);

}  // namespace presslens::ui
