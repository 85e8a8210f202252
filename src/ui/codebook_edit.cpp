// ui (model): the codebook workbench's model (see codebook_edit.hpp). No ImGui, SDL or GL.
//
// [SECTION] A small JSON scanner
// [SECTION] Splicing edits into the text
// [SECTION] Re-matching a slice at a time
// [SECTION] Edits, undo and redo
// [SECTION] Chip counts
#include "ui/codebook_edit.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <set>

#include "io/codebook_io.hpp"
#include "ui/model.hpp"

namespace presslens::ui {

namespace {
double NowMs() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
}  // namespace

// [SECTION] A small JSON scanner ------------------------------------------------------------------

namespace {

size_t SkipSpace(std::string_view t, size_t i) {
    while (i < t.size() && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r')) ++i;
    return i;
}

// From an opening quote to after the closing one; the raw contents (escapes kept) in *raw.
size_t SkipString(std::string_view t, size_t i, std::string_view* raw = nullptr) {
    const size_t open = i++;
    while (i < t.size() && t[i] != '"') i += (t[i] == '\\') ? 2 : 1;
    if (raw) *raw = t.substr(open + 1, std::min(i, t.size()) - open - 1);
    return std::min(i + 1, t.size());
}

// From the first byte of a value to after it.
size_t SkipValue(std::string_view t, size_t i) {
    if (i >= t.size()) return i;
    if (t[i] == '"') return SkipString(t, i);
    if (t[i] == '{' || t[i] == '[') {
        size_t depth = 0;
        while (i < t.size()) {
            const char c = t[i];
            if (c == '"') {
                i = SkipString(t, i);
                continue;
            }
            if (c == '{' || c == '[') ++depth;
            else if ((c == '}' || c == ']') && --depth == 0) return i + 1;
            ++i;
        }
        return i;
    }
    while (i < t.size() && t[i] != ',' && t[i] != '}' && t[i] != ']' && t[i] != ' ' && t[i] != '\n' && t[i] != '\r' &&
           t[i] != '\t')
        ++i;
    return i;
}

// The whitespace that begins the line holding byte i.
std::string LineIndent(std::string_view t, size_t i) {
    size_t start = t.rfind('\n', i == 0 ? 0 : i - 1);
    start = start == std::string_view::npos ? 0 : start + 1;
    size_t end = start;
    while (end < t.size() && (t[end] == ' ' || t[end] == '\t')) ++end;
    return std::string(t.substr(start, end - start));
}

}  // namespace

bool FindArrayElements(std::string_view json, std::string_view key, std::vector<TextRange>& out, TextRange* array) {
    out.clear();
    size_t i = SkipSpace(json, 0);
    if (i >= json.size() || json[i] != '{') return false;
    i = SkipSpace(json, i + 1);
    while (i < json.size() && json[i] == '"') {
        std::string_view name;
        i = SkipSpace(json, SkipString(json, i, &name));
        if (i >= json.size() || json[i] != ':') return false;
        i = SkipSpace(json, i + 1);
        if (name == key) {
            if (i >= json.size() || json[i] != '[') return false;
            const size_t open = i;
            i = SkipSpace(json, i + 1);
            while (i < json.size() && json[i] != ']') {
                const size_t end = SkipValue(json, i);
                out.push_back({i, end});
                i = SkipSpace(json, end);
                if (i < json.size() && json[i] == ',') i = SkipSpace(json, i + 1);
            }
            if (i >= json.size()) return false;
            if (array) *array = {open, i + 1};
            return true;
        }
        i = SkipSpace(json, SkipValue(json, i));
        if (i < json.size() && json[i] == ',') i = SkipSpace(json, i + 1);
    }
    return false;
}

TextPlace ErrorPlace(std::string_view message) {
    TextPlace p;
    const size_t at = message.find("(line ");
    if (at == std::string_view::npos) return p;
    const std::string rest(message.substr(at + 6, 40));
    char* end = nullptr;
    p.line = static_cast<int>(std::strtol(rest.c_str(), &end, 10));
    const std::string_view tail(end);
    if (tail.rfind(", column ", 0) == 0) p.column = static_cast<int>(std::strtol(end + 9, nullptr, 10));
    return p;
}

// [SECTION] Splicing edits into the text ------------------------------------------------------------

namespace {

// The first element of `key`'s array in CodebookToJson's output for a one-element codebook, its
// lines re-indented from the writer's depth to `indent`.
std::string ElementJson(const Codebook& one, std::string_view key, const std::string& indent) {
    const std::string text = CodebookToJson(one);
    std::vector<TextRange> els;
    if (!FindArrayElements(text, key, els) || els.empty()) return "{}";
    const std::string writer_indent = LineIndent(text, els[0].begin);
    std::string out;
    std::string_view body(text.data() + els[0].begin, els[0].end - els[0].begin);
    size_t pos = 0;
    while (pos <= body.size()) {
        size_t nl = body.find('\n', pos);
        std::string_view line = body.substr(pos, (nl == std::string_view::npos ? body.size() : nl) - pos);
        if (pos > 0) {
            out += '\n';
            if (line.rfind(writer_indent, 0) == 0) {
                out += indent;
                line.remove_prefix(writer_indent.size());
            }
        }
        out += line;
        if (nl == std::string_view::npos) break;
        pos = nl + 1;
    }
    return out;
}

// The indentation a new element of the array gets: its last element's, else its key's plus two.
std::string ElementIndent(std::string_view text, const std::vector<TextRange>& els, TextRange array) {
    if (!els.empty()) return LineIndent(text, els.back().begin);
    return LineIndent(text, array.begin) + "  ";
}

// Edits one array of the text from `before` to `after` (elements compared with ==, written by
// `write`). Returns false when the text's array does not have before.size() elements.
template <typename T, typename Write>
bool SpliceArray(std::string& text, std::string_view key, const std::vector<T>& before, const std::vector<T>& after,
                 Write write, const std::function<std::string(const T&)>& id) {
    if (before == after) return true;
    std::vector<TextRange> els;
    TextRange array;
    const bool found = FindArrayElements(text, key, els, &array);
    if (!found && !before.empty()) return false;
    if (found && els.size() != before.size()) return false;
    if (!found) {
        // no such key yet: add it after the opening brace
        const size_t brace = text.find('{');
        if (brace == std::string::npos) return false;
        std::string block = "\n  \"" + std::string(key) + "\": [";
        for (size_t i = 0; i < after.size(); ++i) block += (i ? ",\n    " : "\n    ") + write(after[i], std::string("    "));
        block += "\n  ]";
        const size_t next = SkipSpace(text, brace + 1);
        block += (next < text.size() && text[next] == '}') ? "\n" : ",";
        text.insert(brace + 1, block);
        return true;
    }
    // Pair the elements by id: kept ones keep their text unless changed; the order is `after`'s.
    std::vector<std::string> pieces;
    for (const T& a : after) {
        auto it = std::find_if(before.begin(), before.end(), [&](const T& b) { return id(b) == id(a); });
        if (it != before.end() && *it == a) {
            const TextRange r = els[static_cast<size_t>(it - before.begin())];
            pieces.push_back(text.substr(r.begin, r.end - r.begin));
        } else {
            const std::string indent = it != before.end() ? LineIndent(text, els[static_cast<size_t>(it - before.begin())].begin)
                                                          : ElementIndent(text, els, array);
            pieces.push_back(write(a, indent));
        }
    }
    // Same count and the same positions: replace element by element, keeping the separators.
    if (pieces.size() == els.size()) {
        for (size_t k = els.size(); k-- > 0;) text.replace(els[k].begin, els[k].end - els[k].begin, pieces[k]);
        return true;
    }
    // Otherwise keep the text between the first element and the array's separators' style.
    const std::string indent = ElementIndent(text, els, array);
    std::string separator = ",\n" + indent;
    if (els.size() >= 2) separator = text.substr(els[0].end, els[1].begin - els[0].end);
    std::string joined;
    for (size_t k = 0; k < pieces.size(); ++k) joined += (k ? separator : std::string()) + pieces[k];
    if (!els.empty()) {
        if (pieces.empty()) text.replace(array.begin, array.end - array.begin, "[]");
        else text.replace(els.front().begin, els.back().end - els.front().begin, joined);
    } else {
        const std::string closing = LineIndent(text, array.begin);
        text.replace(array.begin, array.end - array.begin, "[\n" + indent + joined + "\n" + closing + "]");
    }
    return true;
}

}  // namespace

std::string CodeObjectJson(const Code& code, const std::string& indent) {
    Codebook one;
    one.codes.push_back(code);
    return ElementJson(one, "codes", indent);
}

std::string ActorObjectJson(const Actor& actor, const std::string& indent) {
    Codebook one;
    one.actors.push_back(actor);
    return ElementJson(one, "actors", indent);
}

bool SpliceCodebook(std::string& text, const Codebook& before, const Codebook& after) {
    std::string edited = text;
    if (!SpliceArray<Actor>(edited, "actors", before.actors, after.actors, ActorObjectJson,
                            [](const Actor& a) { return a.id; }))
        return false;
    if (!SpliceArray<Code>(edited, "codes", before.codes, after.codes, CodeObjectJson, [](const Code& c) { return c.id; }))
        return false;
    text = std::move(edited);
    return true;
}

// [SECTION] Re-matching a slice at a time -----------------------------------------------------------

const Codebook& EditedCodebook(const AppState& s) { return s.editor.rematch ? *s.editor.rematch->codebook : s.data.codebook; }
const std::string& EditedText(const AppState& s) { return s.editor.rematch ? s.editor.rematch->text : s.data.codebook_text; }

namespace {

// The text typed into the JSON editor since the last parse, parsed (true) or nothing pending.
bool ParseTypedText(AppState& s) {
    if (!s.editor.typed) return false;
    s.editor.typed = false;
    EditCodebookText(s, s.editor.text, true);
    return true;
}

void StartRematch(AppState& s, Codebook cb, const std::string& text) {
    s.editor.error.clear();
    if (SameMatching(cb, s.data.codebook) && !s.load.job) {  // a label, a colour: the matches stand
        if (s.editor.rematch) s.editor.discarded_jobs.push_back(std::move(s.editor.rematch));
        AdoptCodebook(s, std::move(cb), text);
        ++s.editor.rematches;
        return;
    }
    auto job = std::make_unique<RematchJob>();
    job->codebook = std::make_unique<Codebook>(std::move(cb));
    job->text = text;
    job->codebook_generation = s.data.codebook_generation;
    job->started_ms = NowMs();
    // a newer edit replaces one still being matched; what that one matched so far is freed later
    if (s.editor.rematch) s.editor.discarded_jobs.push_back(std::move(s.editor.rematch));
    s.editor.rematch = std::move(job);
    s.editor.error.clear();
}

// One unit of re-match work; false when the job is finished (and committed) or dropped.
bool StepRematchOnce(AppState& s) {
    RematchJob& j = *s.editor.rematch;
    if (j.codebook_generation != s.data.codebook_generation) {  // a load or a reset replaced the codebook
        s.editor.rematch.reset();
        return false;
    }
    // (re)start on this corpus; the compile reuses the current one's terms, so it restarts if that
    // one was replaced meanwhile
    if (j.corpus_generation != s.data.corpus_generation || !j.compiled || (j.compiling && j.previous != s.data.compiled.get())) {
        j.corpus_generation = s.data.corpus_generation;
        j.previous = s.data.compiled.get();
        j.compiled = std::make_unique<CompiledCodebook>(*j.codebook, j.previous, CompiledCodebook::Staged{});
        j.compiling = true;
        j.memo = std::make_unique<MatchMemo>();
        j.match = MatchResult{};
        j.next = 0;
        return true;
    }
    if (j.compiling) {  // a rule a step
        j.compiling = j.compiled->CompileSome();
        return true;
    }
    if (j.next < s.data.analysis.articles.size()) {
        MatchArticles(s.data.analysis, *j.compiled, j.next, j.next + 1, j.match, *j.memo);
        ++j.next;
        return true;
    }
    if (!j.matrix) {
        j.matrix = std::make_unique<Matrix>(BuildMatrix(s.data.analysis, *j.codebook, j.match));
        return true;
    }
    std::unique_ptr<RematchJob> done = std::move(s.editor.rematch);
    AdoptCodebook(s, std::move(*done->codebook), done->text);
    // the old result is freed in later slices, not in this frame
    s.editor.discarded_match = std::make_unique<MatchResult>(std::move(s.data.match));
    s.editor.discarded_compiled = std::move(s.data.compiled);
    s.data.compiled = std::move(done->compiled);
    s.data.compiled_generation = s.data.codebook_generation;
    s.data.match = std::move(done->match);
    s.data.matrix = std::move(*done->matrix);
    ReviewChanged(s, true);
    s.data.match_ms = done->compute_ms;
    if (s.view.cell_row >= static_cast<int>(s.data.matrix.rows) || s.view.cell_col >= static_cast<int>(s.data.matrix.cols))
        s.view.cell_row = s.view.cell_col = -1;
    if (s.reader.focus_code >= static_cast<int>(s.data.codebook.codes.size())) s.reader.focus_code = -1;
    ++s.editor.rematches;
    return false;
}

bool StepCountOnce(AppState& s);

// Frees a slice of what the last commit replaced.
void StepDiscardOnce(CodebookEditor& e) {
    if (!e.discarded_jobs.empty()) {
        RematchJob& j = *e.discarded_jobs.back();
        for (int k = 0; k < 2000 && !j.match.hits.empty(); ++k) j.match.hits.pop_back();
        if (!j.match.hits.empty() || (j.compiled && j.compiled->ReleaseSome())) return;
        e.discarded_jobs.pop_back();
        return;
    }
    if (e.discarded_match) {
        std::deque<Hit>& hits = e.discarded_match->hits;
        std::vector<NearMiss>& misses = e.discarded_match->near_misses;
        for (int k = 0; k < 2000 && !hits.empty(); ++k) hits.pop_back();
        if (hits.empty()) misses.resize(misses.size() - std::min<size_t>(misses.size(), 1000));
        if (hits.empty() && misses.empty()) e.discarded_match.reset();
        return;
    }
    if (!e.discarded_compiled->ReleaseSome()) e.discarded_compiled.reset();
}

}  // namespace

bool SameMatching(const Codebook& a, const Codebook& b) {
    if (a.language != b.language || a.actors != b.actors || a.codes.size() != b.codes.size()) return false;
    for (size_t i = 0; i < a.codes.size(); ++i)
        if (a.codes[i].rules != b.codes[i].rules) return false;
    return true;
}

bool CodebookWorkPending(const AppState& s) {
    const CodebookEditor& e = s.editor;
    return e.typed || e.rematch != nullptr || e.counting != nullptr || !e.count_queue.empty() || e.discarded_match != nullptr ||
           e.discarded_compiled != nullptr || !e.discarded_jobs.empty() || e.suggesting != nullptr;
}

double CodebookSliceBudget(const AppState& s) { return std::clamp(s.data.match_ms / 8.0, 4.0, 12.0); }

bool StepCodebookWork(AppState& s, double budget_ms) {
    const double t0 = NowMs();
    // the text typed in the last frame first (also while a load is under way: the editor says at
    // once what is wrong); it is this frame's first step
    bool stepped = ParseTypedText(s);
    double last_step_ms = NowMs() - t0;
    if (s.load.job) return CodebookWorkPending(s);  // a load is under way: it goes first
    // a step at least; then a step only if it will likely end within the budget (steps of a kind
    // take alike: an article, a rule's compile), so that one long step does not overrun the frame
    while (CodebookWorkPending(s)) {
        if (stepped && NowMs() - t0 + last_step_ms > budget_ms) break;
        stepped = true;
        const double step0 = NowMs();
        if (s.editor.rematch) {
            RematchJob* j = s.editor.rematch.get();
            const bool more = StepRematchOnce(s);
            if (more) j->compute_ms += NowMs() - step0;
        } else if (s.editor.discarded_match || s.editor.discarded_compiled || !s.editor.discarded_jobs.empty()) {
            StepDiscardOnce(s.editor);
        } else if (s.editor.counting || !s.editor.count_queue.empty()) {
            StepCountOnce(s);
        } else {
            StepSuggestOnce(s);
        }
        last_step_ms = NowMs() - step0;
    }
    s.editor.last_slice_ms = NowMs() - t0;
    return CodebookWorkPending(s);
}

void FinishCodebookWork(AppState& s) {
    int guard = 0;
    while (StepCodebookWork(s, 1e9) && ++guard < 1000000) {
    }
}

// [SECTION] Edits, undo and redo -------------------------------------------------------------------

namespace {

void PushUndo(AppState& s, const std::string& before, bool typing) {
    CodebookEditor& e = s.editor;
    const double now = NowMs();
    const bool coalesce = typing && now - e.last_typed_ms < 1000.0 && !e.undo.empty();
    e.last_typed_ms = typing ? now : -1e9;
    e.redo.clear();
    if (coalesce) return;
    if (e.undo.empty() || e.undo.back() != before) e.undo.push_back(before);
    if (e.undo.size() > 200) e.undo.erase(e.undo.begin());
}

bool ApplyText(AppState& s, const std::string& text) {
    s.editor.typed = false;  // (replaced)
    Codebook cb;
    LoadError err;
    if (!ParseCodebookJson(text, "codebook", cb, err)) {
        s.editor.error = err.ToString();
        return false;
    }
    StartRematch(s, std::move(cb), text);
    s.editor.text = text;
    return true;
}

}  // namespace

bool ParseEditedCodebook(std::string_view before_text, const Codebook& before, std::string_view text, Codebook& out,
                         LoadError& error) {
    // the changed bytes: after the common prefix, before the common suffix
    const size_t n0 = before_text.size(), n1 = text.size();
    size_t prefix = 0;
    while (prefix < n0 && prefix < n1 && before_text[prefix] == text[prefix]) ++prefix;
    size_t suffix = 0;
    while (suffix < n0 - prefix && suffix < n1 - prefix && before_text[n0 - 1 - suffix] == text[n1 - 1 - suffix]) ++suffix;
    std::vector<TextRange> claims;
    if (prefix < std::max(n0, n1) && FindArrayElements(before_text, "codes", claims)) {
        for (size_t i = 0; i < claims.size(); ++i) {
            const TextRange c = claims[i];
            // inside the claim's braces: the text around it is unchanged, so it is still valid JSON
            // if the object is
            if (prefix > c.begin && n0 - suffix < c.end) {
                const size_t end = c.end + n1 - n0;  // where the object ends now (never before prefix)
                if (ReparseClaimJson(text.substr(c.begin, end - c.begin), i, before, out)) return true;
                break;
            }
        }
    }
    return ParseCodebookJson(text, "codebook", out, error);
}

void TypedCodebookText(AppState& s) {
    s.editor.typed = true;
    s.host.redraw = std::max(s.host.redraw, 1);  // a frame to parse it in
}

bool EditCodebookText(AppState& s, const std::string& text, bool typing) {
    s.editor.typed = false;  // (what was typed is `text`, or replaced by it)
    const std::string before = EditedText(s);
    Codebook cb;
    LoadError err;
    if (!ParseEditedCodebook(before, EditedCodebook(s), text, cb, err)) {
        s.editor.error = err.ToString();
        return false;
    }
    if (text == before) {
        s.editor.error.clear();
        return true;
    }
    PushUndo(s, before, typing);
    StartRematch(s, std::move(cb), text);
    return true;
}

bool EditCodebook(AppState& s, const Codebook& after, bool typing) {
    ParseTypedText(s);
    const Codebook& now = EditedCodebook(s);
    std::string text = EditedText(s);
    const std::vector<CodebookError> problems = ValidateCodebook(after);
    if (!problems.empty()) {
        s.editor.refused = problems.front().message;
        return false;
    }
    s.editor.refused.clear();
    if (!SpliceCodebook(text, now, after)) text = CodebookToJson(after);  // said in the header
    const std::string before = EditedText(s);
    if (text == before) return true;
    Codebook parsed;
    LoadError err;
    if (!ParseEditedCodebook(before, now, text, parsed, err)) {  // e.g. the last claim deleted
        s.editor.refused = "Not done: " + err.message;
        return false;
    }
    PushUndo(s, before, typing);
    StartRematch(s, std::move(parsed), text);
    s.editor.text = text;
    return true;
}

bool UndoCodebookEdit(AppState& s) {
    ParseTypedText(s);
    CodebookEditor& e = s.editor;
    if (e.undo.empty()) return false;
    std::string text = e.undo.back();
    e.undo.pop_back();
    const std::string now = EditedText(s);
    if (!ApplyText(s, text)) return false;
    e.redo.push_back(now);
    e.last_typed_ms = -1e9;
    return true;
}

bool RedoCodebookEdit(AppState& s) {
    ParseTypedText(s);
    CodebookEditor& e = s.editor;
    if (e.redo.empty()) return false;
    std::string text = e.redo.back();
    e.redo.pop_back();
    const std::string now = EditedText(s);
    if (!ApplyText(s, text)) return false;
    e.undo.push_back(now);
    e.last_typed_ms = -1e9;
    return true;
}

// [SECTION] Chip counts -----------------------------------------------------------------------------

std::string RefuseTerm(const std::string& term) {
    Codebook one;
    Code c;
    c.id = "T";
    c.label = "T";
    Rule r;
    r.match.term = term;
    c.rules.push_back(r);
    one.codes.push_back(c);
    const std::vector<CodebookError> problems = ValidateCodebook(one);
    if (problems.empty()) return "";
    std::string why = problems.front().message;
    // the validator names the place ("term \"*\": ..."); the chip shows only why
    const size_t colon = why.find("\": ");
    if (why.rfind("term \"", 0) == 0 && colon != std::string::npos) why = why.substr(colon + 3);
    return why;
}

namespace {

std::string CountKey(const std::string& term, const std::vector<std::string>& languages, bool stem) {
    std::string key = term + "|" + (stem ? "s" : "-");
    for (const std::string& l : languages) key += "|" + l;
    return key;
}

bool StepCountOnce(AppState& s) {
    CodebookEditor& e = s.editor;
    if (!e.counting) {
        if (e.count_queue.empty()) return false;
        const std::string key = e.count_queue.front();
        e.count_queue.erase(e.count_queue.begin());
        if (e.counts.count(key)) return true;
        // key: term|s-|lang|lang...
        std::vector<std::string> parts;
        size_t pos = 0;
        for (;;) {
            size_t bar = key.find('|', pos);
            parts.push_back(key.substr(pos, bar == std::string::npos ? std::string::npos : bar - pos));
            if (bar == std::string::npos) break;
            pos = bar + 1;
        }
        Codebook one;
        one.language = s.data.codebook.language;
        Code c;
        c.id = "T";
        c.label = "T";
        Rule r;
        r.match.term = parts[0];
        r.stem = parts.size() > 1 && parts[1] == "s";
        for (size_t k = 2; k < parts.size(); ++k) r.languages.push_back(parts[k]);
        c.rules.push_back(r);
        one.codes.push_back(c);
        auto job = std::make_unique<CountJob>();
        job->key = key;
        job->compiled = std::make_unique<CompiledCodebook>(one, s.data.compiled.get());
        job->memo = std::make_unique<MatchMemo>();
        e.counting = std::move(job);
        return true;
    }
    CountJob& j = *e.counting;
    if (j.next < s.data.analysis.articles.size()) {
        const size_t end = std::min(j.next + 4, s.data.analysis.articles.size());
        MatchArticles(s.data.analysis, *j.compiled, j.next, end, j.match, *j.memo, 0);
        j.next = end;
        return true;
    }
    ChipCount n;
    std::set<uint32_t> articles;
    for (const Hit& h : j.match.hits) {
        ++n.sentences;
        articles.insert(h.article);
    }
    n.articles = static_cast<uint32_t>(articles.size());
    e.counts[j.key] = n;
    e.counting.reset();
    return true;
}

}  // namespace

const ChipCount* CountChip(AppState& s, const std::string& term, const std::vector<std::string>& languages, bool stem) {
    CodebookEditor& e = s.editor;
    if (e.counts_corpus != s.data.corpus_generation) {
        e.counts.clear();
        e.count_queue.clear();
        e.counting.reset();
        e.counts_corpus = s.data.corpus_generation;
    }
    const std::string key = CountKey(term, languages, stem);
    auto it = e.counts.find(key);
    if (it != e.counts.end()) return &it->second;
    if (!RefuseTerm(term).empty()) return nullptr;
    if (std::find(e.count_queue.begin(), e.count_queue.end(), key) == e.count_queue.end() &&
        !(e.counting && e.counting->key == key))
        e.count_queue.push_back(key);
    return nullptr;
}

}  // namespace presslens::ui
