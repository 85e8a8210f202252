// ui: the model's verbs (declared in model.hpp) for the data and what is derived from it, loads,
// the codebook, the settings and the view: each keeps the derived state (analysis, matches,
// matrix, review, frequencies) in step. Projects: project_model.cpp; the review: review_model.cpp.
// No ImGui, SDL or emscripten.
//
// [SECTION] The data and what is derived from it
// [SECTION] Loading a batch a slice per frame
// [SECTION] The codebook and the settings
// [SECTION] The view
#include <algorithm>
#include <cstdlib>
#include <chrono>

#include "core/language.hpp"
#include "io/codebook_io.hpp"
#include "io/corpus_io.hpp"
#include "io/ingest.hpp"
#include "io/project.hpp"
#include "io/review_io.hpp"
#include "ui/model.hpp"
#include "ui/ui.hpp"

namespace presslens::ui {

const char* PanelName(Panel p) {
    switch (p) {
        case Panel::Matrix: return "matrix";
        case Panel::Articles: return "articles";
        case Panel::Words: return "words";
        case Panel::Codebook: return "codebook";
        case Panel::Review: return "review";
    }
    return "matrix";
}

// [SECTION] The data and what is derived from it ------------------------------------------------

namespace {
// After the corpus changed: keep the view where it still makes sense.
// `keep_undo`: the articles before were kept where they were (a load that added to them), so the
// undo steps still name the right positions.
void FixViewAfterCorpusChange(AppState& s, bool keep_undo = false) {
    if (s.view.selected_article >= static_cast<int>(s.data.corpus.articles.size())) s.view.selected_article = -1;
    if (s.words.article >= static_cast<int>(s.data.corpus.articles.size())) s.words.article = -1;
    if (s.words.outlet >= static_cast<int>(s.data.analysis.outlets.size())) s.words.outlet = -1;
    if (s.view.cell_row >= static_cast<int>(s.data.matrix.rows) || s.view.cell_col >= static_cast<int>(s.data.matrix.cols))
        s.view.cell_row = s.view.cell_col = -1;
    s.reader.focus = {};
    s.reader.focus_code = -1;
    s.words.dirty = true;
    ++s.data.corpus_generation;
    if (!keep_undo) {  // the undo steps name positions in the corpus that was replaced
        s.project.undo.clear();
        s.project.redo.clear();
        s.view.list_selection.clear();
    }
    RefreshProjectFacts(s);
    if (!s.words.word.empty()) ShowConcordance(s, s.words.word);
}

double NowMs() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
}  // namespace

void SetCorpus(AppState& s, Corpus corpus) {
    const double t0 = NowMs();
    s.data.corpus = std::move(corpus);
    s.data.analysis = AnalyzeCorpus(s.data.corpus);
    s.data.analysis_ms = NowMs() - t0;
    Rematch(s);
    FixViewAfterCorpusChange(s);
}

bool ShowDefaultCorpus(AppState& s) {
    Corpus corpus;
    LoadError err;
    if (!LoadDefaultCorpus(corpus, err)) {
        s.load.error = err.ToString();
        return false;
    }
    SetCorpus(s, std::move(corpus));
    s.data.corpus_is_default = true;
    return true;
}

void Rematch(AppState& s) {
    const double t0 = NowMs();
    // the compiled codebook depends on the codebook alone: a new corpus reuses it
    if (!s.data.compiled || s.data.compiled_generation != s.data.codebook_generation) {
        s.data.compiled = std::make_unique<CompiledCodebook>(s.data.codebook, s.data.compiled.get());  // its terms reused
        s.data.compiled_generation = s.data.codebook_generation;
    }
    s.data.match = MatchCorpus(s.data.analysis, *s.data.compiled);
    s.data.matrix = BuildMatrix(s.data.analysis, s.data.codebook, s.data.match);
    ReviewChanged(s, true);
    s.data.match_ms = NowMs() - t0;
    if (s.view.cell_row >= static_cast<int>(s.data.matrix.rows) || s.view.cell_col >= static_cast<int>(s.data.matrix.cols))
        s.view.cell_row = s.view.cell_col = -1;
}

bool SuggestionsCurrent(const AppState& s) {
    return s.data.suggestions_for_corpus == s.data.corpus_generation && s.data.suggestions_for_codebook == s.data.codebook_generation;
}

void AskSuggestions(AppState& s) {
    if (SuggestionsCurrent(s) || s.load.job) return;  // (a load: the corpus is still arriving)
    const SuggestJob* j = s.editor.suggesting.get();
    if (j && j->corpus_generation == s.data.corpus_generation && j->codebook_generation == s.data.codebook_generation) return;
    auto job = std::make_unique<SuggestJob>();
    job->corpus_generation = s.data.corpus_generation;
    job->codebook_generation = s.data.codebook_generation;
    s.editor.suggesting = std::move(job);
}

bool StepSuggestOnce(AppState& s) {
    std::unique_ptr<SuggestJob>& job = s.editor.suggesting;
    if (!job) return false;
    if (job->corpus_generation != s.data.corpus_generation || job->codebook_generation != s.data.codebook_generation) {
        job.reset();  // the corpus or the codebook changed: asked again when the panel shows them
        return false;
    }
    // the corpus's words, read once per corpus (the index reads `analysis`: never across a change)
    if (s.data.suggest_index_for != s.data.corpus_generation) {
        s.data.suggest_index = std::make_unique<SuggestIndex>(s.data.analysis);
        s.data.suggest_index_for = s.data.corpus_generation;
        s.data.suggest_index_read = false;
        return true;
    }
    if (!s.data.suggest_index_read) {
        s.data.suggest_index_read = !s.data.suggest_index->ReadSome(8);
        return true;
    }
    // The browser has no dictionary tables here (the suggestion worker has): same words, cognates
    // and shared vocabularies.
    if (job->next_unit < SuggestUnits(s.data.codebook)) {
        SuggestUnit(*s.data.suggest_index, s.data.codebook, {}, SuggestOptions{}, job->next_unit++, job->found);
        return true;
    }
    s.data.suggestions = std::move(job->found);
    s.data.suggestions_for_corpus = s.data.corpus_generation;
    s.data.suggestions_for_codebook = s.data.codebook_generation;
    job.reset();
    return true;
}

void RefreshSuggestions(AppState& s) {
    AskSuggestions(s);
    for (int guard = 0; s.editor.suggesting && guard < 100000000; ++guard) StepSuggestOnce(s);
}

void AcceptSuggestions(AppState& s) {
    if (s.data.suggestions.empty()) return;
    Codebook expanded = ExpandCodebook(s.data.codebook, s.data.suggestions);
    // only the claims (and actors) that gain terms are rewritten in the text
    std::string text = s.data.codebook_text;
    if (!SpliceCodebook(text, s.data.codebook, expanded)) text = CodebookToJson(expanded);
    const std::string before = s.data.codebook_text;
    if (SetCodebookText(s, text) && before != s.data.codebook_text) s.editor.undo.push_back(before);
    s.editor.text = s.data.codebook_text;
    s.data.suggestions.clear();  // taken; the next refresh lists what is left for the new codebook
}

void CheckSuggestion(AppState& s, size_t i, bool checked) {
    if (i < s.data.suggestions.size()) s.data.suggestions[i].accepted = checked;
}

void CheckAllSuggestions(AppState& s, bool checked) {
    for (Suggestion& x : s.data.suggestions) x.accepted = checked;
}

// [SECTION] Dictionary suggestions (the page's suggestion worker) ---------------------------------

namespace {
#ifndef PRESSLENS_DICTIONARY_LANGS
#define PRESSLENS_DICTIONARY_LANGS ""
#endif
// The languages the build makes dictionary tables for (CMakeLists.txt: "de fr es ...").
bool HasTable(std::string_view lang) {
    const std::string_view all = PRESSLENS_DICTIONARY_LANGS;
    for (size_t at = 0; at + lang.size() <= all.size(); at += 3)
        if (all.substr(at, lang.size()) == lang && (at + lang.size() == all.size() || all[at + lang.size()] == ' ')) return true;
    return false;
}
}  // namespace

std::vector<std::string> DictionaryLanguages(const AppState& s) {
    const Codebook& cb = s.data.codebook;
    std::vector<std::string> out;
    // the tables translate from English: only claims (and actors) with English terms use them
    bool english_actor = false;
    for (const Actor& a : cb.actors) english_actor = english_actor || a.terms.count("en") || a.weak_terms.count("en");
    for (const AnalyzedArticle& aa : s.data.analysis.articles) {
        const std::string& lang = aa.effective_language;
        if (lang == "en" || !HasTable(lang) || std::find(out.begin(), out.end(), lang) != out.end()) continue;
        bool wanted = false;
        for (const Code& code : cb.codes) {
            if (wanted || CodeCoversLanguage(cb, code, lang)) continue;
            for (const Rule& rule : code.rules) {
                const std::vector<std::string> from = RuleLanguages(cb, rule);
                wanted = wanted || (!from.empty() && from.front() == "en");
            }
        }
        for (const Actor& a : cb.actors) wanted = wanted || (english_actor && !a.terms.count(lang) && !a.terms.count("*"));
        if (wanted) out.push_back(lang);
    }
    std::sort(out.begin(), out.end());
    return out;
}

void ShowingSuggestions(AppState& s) { s.data.dictionaries.on_screen = true; }

namespace {
// What a lookup finds, for its status: "dictionaries (German, Spanish)", or, without a table, the
// forms and distinctive words in the rules' own languages.
std::string LookupName(const DictionaryLookup& d) {
    std::string names;
    for (const std::string& l : d.languages) names += (names.empty() ? "" : ", ") + LanguageName(l);
    return names.empty() ? "forms and distinctive words" : "dictionaries (" + names + ")";
}
}  // namespace

bool StartDictionaryLookup(AppState& s, std::string& codebook, std::vector<std::string>& languages) {
    DictionaryLookup& d = s.data.dictionaries;
    const bool shown = d.on_screen;
    d.on_screen = false;
    if (d.for_corpus != s.data.corpus_generation || d.for_codebook != s.data.codebook_generation) {
        if (!shown || s.load.job) return false;
        if (!SuggestionsCurrent(s)) return false;  // the corpus's own suggestions first
        if (s.data.analysis.articles.size() != s.data.corpus.articles.size()) return false;
        d.for_corpus = s.data.corpus_generation;
        d.for_codebook = s.data.codebook_generation;
        d.added = 0;
        d.failed = false;
        d.asked = false;
        d.languages = DictionaryLanguages(s);
        // with no table to read, the worker still finds the forms and distinctive words of each rule
        // in its own languages (the full engine's, not the page's); not of a rule for every language
        d.running = !d.languages.empty();
        for (const Code& code : s.data.codebook.codes)
            for (const Rule& rule : code.rules)
                if (const std::vector<std::string> in = RuleLanguages(s.data.codebook, rule); in.front() != "*") d.running = true;
        d.status.clear();
        if (!d.running) return false;
        d.status = "Looking up " + LookupName(d) + "\xE2\x80\xA6";
    }
    if (!d.running || d.asked) return false;
    // The worker analyses the articles itself, once per corpus: the corpus goes first, a slice
    // per frame (20 MB for 5,000 articles), then each lookup only names the codebook.
    if (d.corpus_sent != s.data.corpus_generation) {
        if (d.corpus_writing != s.data.corpus_generation) {
            d.corpus_writing = s.data.corpus_generation;
            d.corpus_next = 0;
            d.corpus_bytes = 0;
        }
        return false;
    }
    codebook = s.data.codebook_text;
    languages = d.languages;
    d.asked = true;
    return true;
}

bool WriteDictionaryCorpus(AppState& s, size_t max_bytes, DictionaryCorpusPiece& out) {
    DictionaryLookup& d = s.data.dictionaries;
    if (d.corpus_writing < 0) return false;
    const std::vector<Article>& articles = s.data.corpus.articles;
    if (d.corpus_writing != s.data.corpus_generation || s.data.analysis.articles.size() != articles.size()) {
        d.corpus_writing = -1;  // changed meanwhile
        return false;
    }
    out.generation = d.corpus_writing;
    out.first = d.corpus_next == 0;
    out.bytes = out.first ? std::string(kSavedCorpusHead) : std::string();
    // The worker has no CLD2: each article goes with the language it has here.
    for (size_t n = 0; d.corpus_next < articles.size() && (n == 0 || out.bytes.size() < max_bytes); ++n, ++d.corpus_next)
        AppendSavedArticle(out.bytes, articles[d.corpus_next], s.data.analysis.articles[d.corpus_next].effective_language);
    d.corpus_bytes += out.bytes.size();
    out.last = d.corpus_next == articles.size();
    if (out.last) {
        d.corpus_sent = d.corpus_writing;
        d.corpus_writing = -1;
    }
    return true;
}

namespace {
// Why a suggestion cannot be one of this codebook and corpus ("" when it can).
std::string NotOurs(const AppState& s, const Suggestion& x) {
    const Codebook& cb = s.data.codebook;
    if (x.actor >= 0 ? static_cast<size_t>(x.actor) >= cb.actors.size()
                     : x.code >= cb.codes.size() || x.rule >= cb.codes[x.code].rules.size())
        return x.actor >= 0 ? "actor " + std::to_string(x.actor) + " is not in the codebook"
                            : "claim " + std::to_string(x.code) + ", rule " + std::to_string(x.rule) + " is not in the codebook";
    if (x.example_article >= 0 &&
        (static_cast<size_t>(x.example_article) >= s.data.corpus.articles.size() || x.example.begin > x.example.end ||
         x.example.end > s.data.corpus.articles[static_cast<size_t>(x.example_article)].text.size()))
        return "its example (article " + std::to_string(x.example_article) + ", bytes " + std::to_string(x.example.begin) +
               "-" + std::to_string(x.example.end) + ") is not in the corpus";
    return "";
}
}  // namespace

void DictionarySuggestionsArrived(AppState& s, long corpus_generation, long codebook_generation,
                                  std::vector<Suggestion> found, const std::vector<std::string>& failures,
                                  const std::string& error) {
    DictionaryLookup& d = s.data.dictionaries;
    if (corpus_generation != s.data.corpus_generation || codebook_generation != s.data.codebook_generation) return;  // stale
    if (corpus_generation != d.for_corpus || codebook_generation != d.for_codebook) return;  // not the one asked for
    d.running = false;
    std::string why = error;
    for (size_t i = 0; i < found.size() && why.empty(); ++i)
        if (std::string no = NotOurs(s, found[i]); !no.empty()) why = "suggestion " + std::to_string(i + 1) + ": " + no;
    if (!why.empty()) {
        d.failed = true;
        d.status = "No dictionary suggestions: " + why + ". The suggestions listed come from the articles themselves.";
        s.load.notice = "Dictionary suggestions failed: " + why;
        return;
    }
    RefreshSuggestions(s);  // (a no-op when they are the current ones)
    auto same = [](const Suggestion& a, const Suggestion& b) {
        return a.actor == b.actor && a.weak == b.weak && a.code == b.code && a.rule == b.rule && a.language == b.language &&
               a.term == b.term && a.suggestion == b.suggestion;
    };
    auto same_term = [](const Suggestion& a, const Suggestion& b) {
        return a.actor == b.actor && a.weak == b.weak && a.code == b.code && a.rule == b.rule && a.language == b.language &&
               a.term == b.term;
    };
    std::vector<Suggestion>& list = s.data.suggestions;
    // The answer is made with the tables read backwards, which tell some words spelt like the term for
    // other words ("protesta" is "protest", not "protect*"): a cognate of the page's own list, in a
    // language looked up, that the answer does not hold for its term is taken out. So is a vocabulary
    // the answer does not hold (in any language: the worker weighs each vocabulary against the
    // codebook's other parts, which the page's list, made without that check, does not).
    std::erase_if(list, [&](const Suggestion& y) {
        return (y.source == "vocabulary" ||
                (y.source == "cognate" && std::find(d.languages.begin(), d.languages.end(), y.language) != d.languages.end())) &&
               std::none_of(found.begin(), found.end(), [&](const Suggestion& x) { return same(x, y); });
    });
    // Across the two lists the core's rule within each (PrefixCovers): a word, or a prefix, that a
    // prefix of the same term in the other list covers adds nothing ("salarios" from the articles
    // beside the dictionary's "salario*").
    auto covers = [&](const Suggestion& by, const Suggestion& x) {
        return by.parts.empty() && x.parts.empty() && same_term(by, x) && PrefixCovers(by.suggestion, x.suggestion);
    };
    std::erase_if(found, [&](const Suggestion& x) {
        return std::any_of(list.begin(), list.end(), [&](const Suggestion& y) { return covers(y, x); });
    });
    std::erase_if(list, [&](const Suggestion& y) {
        return std::any_of(found.begin(), found.end(), [&](const Suggestion& x) { return covers(x, y); });
    });
    d.added = 0;
    for (Suggestion& x : found) {
        if (std::any_of(list.begin(), list.end(), [&](const Suggestion& y) { return same(x, y); })) continue;
        auto last = std::find_if(list.rbegin(), list.rend(), [&](const Suggestion& y) { return same_term(x, y); });
        list.insert(last == list.rend() ? list.end() : last.base(), std::move(x));
        ++d.added;
    }
    d.status = LookupName(d) + ": " + std::to_string(d.added) + (d.added == 1 ? " suggestion" : " suggestions") + " added.";
    d.status[0] = static_cast<char>(d.status[0] - 'a' + 'A');  // ("dictionaries", "forms": ASCII)
    if (!failures.empty()) {
        std::string list_of;
        for (const std::string& f : failures) list_of += (list_of.empty() ? "" : "; ") + f;
        d.failed = true;
        d.status += " Not loaded: " + list_of + " (those languages' suggestions come from the articles themselves).";
        s.load.notice = "A dictionary did not load: " + list_of;
    }
}

// [SECTION] Loading a batch a slice per frame ---------------------------------------------------

namespace {

void BeginJob(AppState& s, std::unique_ptr<LoadJob> job) {
    if (s.load.job) {
        s.load.queued.push_back(std::move(job));  // one load at a time
        return;
    }
    job->started_ms = NowMs();
    s.load.job = std::move(job);
}

// Parsing is done: decide what the batch does, and build the new corpus if it has articles.
void FinishParsing(AppState& s) {
    LoadJob& j = *s.load.job;
    if (!j.codebook_text.empty()) {
        auto cb = std::make_unique<Codebook>();
        LoadError err;
        if (ParseCodebookJson(j.codebook_text, j.codebook_name, *cb, err)) j.codebook = std::move(cb);
        else j.problems.push_back(err.ToString());
    }
    j.corpus = std::make_unique<Corpus>();
    if (j.relanguage) {  // the corpus as it is now (edits wait while a job runs)
        *j.corpus = s.data.corpus;
        j.analysis.corpus = j.corpus.get();
        j.analysis.articles.reserve(j.corpus->articles.size());
        j.stage = LoadJob::Stage::Analyze;
    } else if (!j.articles.empty() || j.project) {
        if (!j.replace) j.corpus->articles = s.data.corpus.articles;
        size_t before = j.corpus->articles.size();
        j.replaced = MergeArticles(j.corpus->articles, std::move(j.articles));
        j.added = j.corpus->articles.size() - before;
        if (std::string w = UnmatchedMetadataWarning(ApplyMetadata(*j.corpus, j.metadata)); !w.empty())
            j.warnings.push_back(w);
        j.analysis = AnalyzedCorpus{};
        j.analysis.corpus = j.corpus.get();
        j.analysis.articles.reserve(j.corpus->articles.size());
        j.stage = LoadJob::Stage::Analyze;
    } else if (!j.metadata.empty()) {
        // metadata alone applies to the articles already loaded
        *j.corpus = s.data.corpus;
        if (std::string w = UnmatchedMetadataWarning(ApplyMetadata(*j.corpus, j.metadata)); !w.empty())
            j.warnings.push_back(w);
        j.analysis.corpus = j.corpus.get();
        j.stage = LoadJob::Stage::Analyze;
    } else {
        j.corpus.reset();
    }
}

std::string Plural(size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// The languages' news joins what the status bar says (a load that just finished, say).
void AddNotice(AppState& s, const std::string& what) { s.load.notice = s.load.notice.empty() ? what : s.load.notice + "; " + what; }

// The corpus analysed again with new languages: only the analyses and matches change; the view
// (open article, focus, panel, filter), the undo steps and the saved state stay.
void FinishRelanguage(AppState& s, LoadJob& j) {
    s.data.corpus = std::move(*j.corpus);  // the same articles (the analysis points into these texts)
    s.data.analysis = std::move(j.analysis);
    s.data.analysis.corpus = &s.data.corpus;
    if (j.compiled && j.codebook_generation == s.data.codebook_generation) {
        s.data.compiled = std::move(j.compiled);
        s.data.match = std::move(j.match);
        s.data.matrix = BuildMatrix(s.data.analysis, s.data.codebook, s.data.match);
        ReviewChanged(s, true);
    } else {
        Rematch(s);
    }
    // undo steps keep analyses made without the new languages: analysed again when redone
    for (auto* steps : {&s.project.undo, &s.project.redo})
        for (ArticleChange& c : *steps) c.analysed.clear();
    s.words.dirty = true;
    const bool saved = s.data.saved_corpus_generation == s.data.corpus_generation;
    ++s.data.corpus_generation;  // the panels' caches follow it
    if (saved) s.data.saved_corpus_generation = s.data.corpus_generation;  // the text is unchanged: nothing to store
    if (!s.words.word.empty()) ShowConcordance(s, s.words.word);
    AddNotice(s, "Languages: CLD2 arrived; " + Plural(s.data.corpus.articles.size(), "article", "articles") +
                     " analysed again in " + std::to_string(static_cast<long>(NowMs() - j.started_ms)) + " ms");
}

void FinishJob(AppState& s) {
    std::unique_ptr<LoadJob> job = std::move(s.load.job);
    LoadJob& j = *job;
    if (j.relanguage) {
        FinishRelanguage(s, j);  // (not a load: loads_finished stays)
        if (!s.load.queued.empty()) {
            auto next = std::move(s.load.queued.front());
            s.load.queued.erase(s.load.queued.begin());
            BeginJob(s, std::move(next));
        }
        return;
    }
    std::string did;
    if (j.project && j.corpus) StashProject(s);  // the project it replaces joins the recent ones
    if (j.codebook) {
        AdoptCodebook(s, std::move(*j.codebook), j.codebook_text);
        s.editor.text = s.data.codebook_text;  // the editor shows the dropped codebook
        if (!j.corpus) Rematch(s);
        did = "codebook " + j.codebook_name;
    } else if (j.project && !j.codebook_text.empty()) {
        // the project's codebook does not parse: its text waits in the editor with the reason
        s.editor.text = j.codebook_text;
        LoadError err;
        Codebook unused;
        ParseCodebookJson(j.codebook_text, j.codebook_name, unused, err);
        s.editor.error = err.ToString();
    }
    if (j.corpus) {
        s.data.corpus = std::move(*j.corpus);
        s.data.analysis = std::move(j.analysis);
        s.data.analysis.corpus = &s.data.corpus;
        s.data.analysis_ms = NowMs() - j.started_ms;
        if (j.compiled && j.codebook_generation == s.data.codebook_generation) {
            s.data.compiled = std::move(j.compiled);
            s.data.compiled_generation = s.data.codebook_generation;
            s.data.match = std::move(j.match);
            s.data.matrix = BuildMatrix(s.data.analysis, s.data.codebook, s.data.match);
            ReviewChanged(s, true);
        } else {
            Rematch(s);  // the codebook changed while loading
        }
        const bool added_to_user_project = !j.replace && !s.data.corpus_is_default;
        s.data.corpus_is_default = false;
        FixViewAfterCorpusChange(s, added_to_user_project);
        if (j.restore) s.data.saved_corpus_generation = s.data.corpus_generation;  // it came from storage
        std::string what = j.restore ? "restored " + Plural(s.data.corpus.articles.size(), "article", "articles") +
                                           " from the last session"
                                     : (j.replace ? "loaded " : "added ") + Plural(j.added, "article", "articles");
        if (j.project) {
            // the project's review (checked when the file was read), else none
            Review review;
            LoadError why;
            if (!j.project_review.empty() && !ParseReviewJson(j.project_review, "review", review, why))
                j.warnings.push_back(why.ToString());
            s.review.review = std::move(review);
            ++s.review.generation;
            ReviewChanged(s);
            s.project.name = j.project_name;
            s.project.codebook_name = j.codebook_name;
            ++s.project.generation;
            what = "opened the project \"" + ProjectTitle(s) + "\" (" + Plural(s.data.corpus.articles.size(), "article", "articles") + ")";
            // a link that was waiting for this project shows its view; else the view it was saved with
            if (!s.project.missing_link.empty() && s.project.missing_fingerprint == s.project.fingerprint) {
                std::string link = std::move(s.project.missing_link);
                s.project.missing_link.clear();
                ApplyViewLink(s, link);
            } else {
                s.project.missing_link.clear();
                ApplyViewLink(s, j.project_view);
            }
        }
        if (j.replaced) what += " (" + Plural(j.replaced, "file", "files") + " replaced)";
        did = did.empty() ? what : did + "; " + what;
    }
    s.load.warnings = std::move(j.warnings);
    s.load.compute_ms = j.compute_ms;
    ++s.load.finished;
    s.load.notice = did.empty() ? std::string() : did + " in " + std::to_string(static_cast<long>(NowMs() - j.started_ms)) + " ms";
    if (!j.problems.empty()) {
        std::string e = j.problems.size() == 1 ? "Not loaded: " : Plural(j.problems.size(), "file", "files") + " not loaded: ";
        for (size_t i = 0; i < j.problems.size(); ++i) e += (i ? "  |  " : "") + j.problems[i];
        s.load.error = e;
    } else {
        s.load.error.clear();
    }
    if (!s.load.queued.empty()) {
        auto next = std::move(s.load.queued.front());
        s.load.queued.erase(s.load.queued.begin());
        BeginJob(s, std::move(next));
    }
}

// One unit of work. Returns false when the job is finished (and committed).
bool StepOnce(AppState& s) {
    LoadJob& j = *s.load.job;
    switch (j.stage) {
        case LoadJob::Stage::Parse: {
            if (j.next_file < j.files.size()) {
                InputFile f = std::move(j.files[j.next_file++]);
                InputKind kind = ClassifyInput(f);
                if (kind == InputKind::Project) {
                    Project p;
                    LoadError err;
                    if (j.project) {
                        j.problems.push_back(f.name + ": a second project in one load; opened " + j.project_name);
                        return true;
                    }
                    if (!ParseProject(f.bytes, f.name, p, j.warnings, err)) {
                        j.problems.push_back(err.ToString());
                        return true;
                    }
                    // the project is the corpus, the codebook and the view; other files of the batch add to it
                    j.project = true;
                    j.replace = true;
                    j.project_name = p.name;
                    j.project_view = p.view;
                    j.project_review = std::move(p.review_text);
                    j.codebook_name = p.codebook_name.empty() ? f.name : p.codebook_name;
                    j.codebook_text = std::move(p.codebook_text);
                    j.articles.insert(j.articles.begin(), std::make_move_iterator(p.corpus.articles.begin()),
                                      std::make_move_iterator(p.corpus.articles.end()));
                    return true;
                }
                if (kind == InputKind::Codebook) {
                    if (!j.codebook_text.empty() || j.project)
                        j.problems.push_back(f.name + ": a second codebook in one load; kept " + j.codebook_name);
                    else {
                        j.codebook_name = f.name;
                        j.codebook_text = std::move(f.bytes);
                    }
                    return true;
                }
                if (f.bytes.size() > s.load.limits.max_file_bytes) {
                    j.problems.push_back(FileTooBigMessage(f.name, f.bytes.size(), s.load.limits));
                    return true;
                }
                // a saved page too: it is parsed in one step, in time linear in its size
                if ((kind == InputKind::Article || kind == InputKind::Html) && s.load.limits.max_article_bytes &&
                    f.bytes.size() > s.load.limits.max_article_bytes) {
                    j.problems.push_back(ArticleTooBigMessage(f.name, f.bytes.size(), s.load.limits));  // before decoding it
                    return true;
                }
                LoadError err;
                size_t before = j.articles.size();
                if (!ParseInput(f, kind, j.articles, j.metadata, j.warnings, err)) {
                    j.problems.push_back(err.ToString());
                    return true;
                }
                // An article is analysed in one step: a huge one would freeze the interface.
                size_t kept = before;
                for (size_t i = before; i < j.articles.size(); ++i) {
                    if (s.load.limits.max_article_bytes && j.articles[i].text.size() > s.load.limits.max_article_bytes)
                        j.problems.push_back(ArticleTooBigMessage(j.articles[i].source, j.articles[i].text.size(), s.load.limits));
                    else if (kept++ != i)
                        j.articles[kept - 1] = std::move(j.articles[i]);
                }
                j.articles.resize(kept);
                if (kind == InputKind::Corpus && kept > before) j.replace = true;
                return true;
            }
            FinishParsing(s);
            if (!j.corpus) {
                FinishJob(s);
                return false;
            }
            return true;
        }
        case LoadJob::Stage::Analyze: {
            if (j.analysis.articles.size() < j.corpus->articles.size()) {
                AnalyzeNext(j.analysis);
                return true;
            }
            // match with the codebook the batch brings, else the current one
            j.compiled = std::make_unique<CompiledCodebook>(j.codebook ? *j.codebook : s.data.codebook);
            j.codebook_generation = j.codebook ? s.data.codebook_generation + 1 : s.data.codebook_generation;
            j.stage = LoadJob::Stage::Match;
            return true;
        }
        case LoadJob::Stage::Match: {
            if (j.next_match < j.analysis.articles.size()) {
                size_t end = std::min(j.next_match + 16, j.analysis.articles.size());
                MatchArticles(j.analysis, *j.compiled, j.next_match, end, j.match, j.match_memo);
                j.next_match = end;
                return true;
            }
            FinishJob(s);
            return false;
        }
    }
    return false;
}

}  // namespace

void StartLoad(AppState& s, std::vector<InputFile> files, std::vector<std::string> problems) {
    // another coder's codings are imported into the review at once, not loaded as articles
    for (size_t i = 0; i < files.size();) {
        if (!IsCodingsFile(files[i])) {
            ++i;
            continue;
        }
        if (!ImportCodings(s, files[i])) problems.push_back(s.review.error);
        else s.view.panel = Panel::Review, s.view.panel_requested = true;
        files.erase(files.begin() + static_cast<long>(i));
    }
    if (files.empty() && problems.empty()) return;
    auto job = std::make_unique<LoadJob>();
    job->files = std::move(files);
    job->problems = std::move(problems);
    BeginJob(s, std::move(job));
}

void StartRestore(AppState& s, Corpus corpus) {
    auto job = std::make_unique<LoadJob>();
    job->restore = true;
    job->replace = true;
    job->articles = std::move(corpus.articles);
    BeginJob(s, std::move(job));
}

void LanguagesArrived(AppState& s, const std::string& data, const std::string& error) {
    std::string why = error.empty() ? LoadLanguageData(data.data(), data.size()) : error;
    if (!why.empty()) {
        AddNotice(s, "Languages: only the nine of the stopword identifier (en, nl, de, fr, es, it, pl, ru, pt); "
                     "the language module did not load: " + why);
        return;
    }
    auto job = std::make_unique<LoadJob>();
    job->relanguage = true;
    BeginJob(s, std::move(job));
}

bool StepLoad(AppState& s, double budget_ms) {
    if (!s.load.job) return false;
    const double t0 = NowMs();
    if (s.load.job->slice_end_ms >= 0) budget_ms = std::max(budget_ms, std::min(3 * (t0 - s.load.job->slice_end_ms), 100.0));
    do {
        LoadJob* j = s.load.job.get();
        double step0 = NowMs();
        bool more = StepOnce(s);
        if (j == s.load.job.get()) j->compute_ms += NowMs() - step0;
        if (!more) break;
    } while (NowMs() - t0 < budget_ms);
    if (s.load.job) s.load.job->slice_end_ms = NowMs();  // (a queued job that just began, too)
    return s.load.job != nullptr;
}

void CancelLoad(AppState& s) {
    if (!s.load.job) return;
    s.load.job.reset();
    s.load.queued.clear();
    s.load.notice = "load cancelled; nothing changed";
    ++s.load.finished;
}

float LoadProgress(const AppState& s, std::string& what) {
    if (!s.load.job) return 1.0f;
    const LoadJob& j = *s.load.job;
    auto frac = [](size_t a, size_t b) { return b ? static_cast<float>(a) / static_cast<float>(b) : 1.0f; };
    switch (j.stage) {
        case LoadJob::Stage::Parse:
            what = "reading file " + std::to_string(std::min(j.next_file + 1, j.files.size())) + " of " +
                   std::to_string(j.files.size());
            return 0.1f * frac(j.next_file, j.files.size());
        case LoadJob::Stage::Analyze:
            what = std::string(j.relanguage ? "identifying languages: " : "") + "analysing article " + std::to_string(j.analysis.articles.size()) + " of " +
                   std::to_string(j.corpus->articles.size());
            return 0.1f + 0.6f * frac(j.analysis.articles.size(), j.corpus->articles.size());
        case LoadJob::Stage::Match:
            what = "matching the codebook: article " + std::to_string(j.next_match) + " of " +
                   std::to_string(j.analysis.articles.size());
            return 0.7f + 0.3f * frac(j.next_match, j.analysis.articles.size());
    }
    return 1.0f;
}

// [SECTION] The codebook and the settings ---------------------------------------------------------

void AdoptCodebook(AppState& s, Codebook cb, const std::string& text) {
    s.data.codebook = std::move(cb);
    s.data.codebook_text = text;
    s.editor.error.clear();
    ++s.data.codebook_generation;
}

std::string SettingsText(const AppState& s) {
    std::string out;
    if (!s.view.dark_theme) out += "theme=light\n";
    if (s.load.limits.max_file_bytes != kViewerLimits.max_file_bytes)
        out += "max_file_mb=" + std::to_string(s.load.limits.max_file_bytes >> 20) + "\n";
    if (s.load.limits.max_article_bytes != kViewerLimits.max_article_bytes)
        out += "max_article_mb=" + std::to_string(s.load.limits.max_article_bytes >> 20) + "\n";
    out += ReviewSettingsLine(s);
    return out;
}

void ApplySettings(AppState& s, const std::string& text) {
    size_t pos = 0;
    while (pos < text.size()) {
        size_t nl = text.find('\n', pos);
        std::string line = text.substr(pos, (nl == std::string::npos ? text.size() : nl) - pos);
        pos = nl == std::string::npos ? text.size() : nl + 1;
        size_t eq = line.find('=');
        if (eq == std::string::npos) continue;
        std::string key = line.substr(0, eq), value = line.substr(eq + 1);
        if (key == "theme") s.view.dark_theme = value != "light";
        if (key == "coder") SetCoder(s, value);
        if (key != "max_file_mb" && key != "max_article_mb") continue;
        char* end = nullptr;
        long mb = std::strtol(value.c_str(), &end, 10);
        if (value.empty() || *end || mb < 1 || mb > 2047) continue;
        (key == "max_file_mb" ? s.load.limits.max_file_bytes : s.load.limits.max_article_bytes) = static_cast<size_t>(mb) << 20;
    }
}

void SetLimits(AppState& s, int file_mb, int article_mb) {
    s.load.limits.max_file_bytes = static_cast<size_t>(file_mb) << 20;
    s.load.limits.max_article_bytes = static_cast<size_t>(article_mb) << 20;
    s.load.notice = "limits: " + std::to_string(file_mb) + " MiB per file, " + std::to_string(article_mb) + " MiB per article";
}

bool ResetToDefaultCodebook(AppState& s) {
    const bool ok = SetCodebookText(s, std::string(DefaultCodebookJson()));
    s.editor.text = s.data.codebook_text;
    return ok;
}

bool IsDefaultCodebook(const AppState& s) { return s.data.codebook_text == DefaultCodebookJson(); }

void ChooseDefaultCodebook(AppState& s) {
    ResetToDefaultCodebook(s);
    s.load.notice = "back to the default codebook";
}

void SetCodeColour(AppState& s, size_t code, const std::string& colour) {
    if (code >= s.data.codebook.codes.size()) return;
    // in place: colours do not change what matches, so the compiled codebook and matrix stay
    Codebook after = s.data.codebook;
    after.codes[code].colour = colour;
    // only this claim's object is rewritten in the text; the rest stays as the user wrote it
    std::string text = s.data.codebook_text;
    if (!SpliceCodebook(text, s.data.codebook, after)) text = CodebookToJson(after);
    s.data.codebook = std::move(after);
    s.data.codebook_text = std::move(text);
    s.editor.text = s.data.codebook_text;
    ++s.data.codebook_generation;
}

bool SetCodebookText(AppState& s, const std::string& text) {
    Codebook cb;
    LoadError err;
    if (!ParseCodebookJson(text, "codebook", cb, err)) {
        s.editor.error = err.ToString();
        return false;
    }
    AdoptCodebook(s, std::move(cb), text);
    Rematch(s);
    return true;
}

// [SECTION] The view -------------------------------------------------------------------------------

void RefreshFrequencies(AppState& s) {
    TermOptions opt;
    opt.remove_stopwords = !s.words.keep_stopwords;
    opt.stem = s.words.stem;
    opt.min_length = static_cast<size_t>(s.words.min_length);
    s.words.compare.clear();
    if (s.words.compare_outlet >= static_cast<int>(s.data.analysis.outlets.size()) || s.words.outlet < 0 || s.words.article >= 0 ||
        s.words.compare_outlet == s.words.outlet)
        s.words.compare_outlet = -1;
    if (s.words.compare_outlet >= 0) {
        Scope a, b;
        a.outlet = s.words.outlet;
        b.outlet = s.words.compare_outlet;
        s.words.compare = CompareScopes(s.data.analysis, a, b, opt, static_cast<size_t>(s.words.top_n));
        s.words.counts.clear();
        for (const CompareRow& r : s.words.compare) s.words.counts.push_back({r.term, r.a, r.written});
        s.words.keyness_rows.clear();
    } else if (s.words.keyness && s.words.outlet >= 0) {
        s.words.keyness_rows = Keyness(s.data.analysis, s.words.outlet, opt, static_cast<size_t>(s.words.top_n));
        s.words.counts.clear();
        for (const KeynessRow& r : s.words.keyness_rows) s.words.counts.push_back({r.term, r.target, r.written});
    } else {
        Scope scope;
        scope.outlet = s.words.outlet;
        scope.article = s.words.article;
        s.words.counts = CountTerms(s.data.analysis, scope, opt, static_cast<size_t>(s.words.top_n));
        s.words.keyness_rows.clear();
    }
    s.words.dirty = false;
    if (!s.words.word.empty()) ShowConcordance(s, s.words.word);  // the concordance follows the scope
}

void SetWordsScope(AppState& s, int outlet, int article) {
    s.words.outlet = outlet;
    s.words.article = article;
    if (outlet < 0) s.words.keyness = false;
    s.words.dirty = true;
}

void CloseConcordance(AppState& s) {
    s.words.word.clear();
    s.words.kwic.clear();
}

void OpenArticle(AppState& s, int article, Span focus, int code) {
    if (article < 0 || article >= static_cast<int>(s.data.corpus.articles.size())) return;
    if (s.view.selected_article != article) {
        s.reader.scroll_to_top = 1;
        s.reader.selection = {};
        s.review.their_article = -1;
    }
    s.view.selected_article = article;
    s.reader.copied.clear();
    s.reader.explain_cell = false;
    s.reader.focus = focus;
    s.reader.focus_code = code;
    s.reader.scroll_to_focus = focus.end > focus.begin;
}

void ShowConcordance(AppState& s, const std::string& word) {
    s.words.word = word;
    Scope scope;
    scope.outlet = s.words.compare_outlet >= 0 ? -1 : s.words.outlet;
    scope.article = s.words.article;
    if (s.words.compare_outlet < 0) {
        s.words.kwic = Concordance(s.data.analysis, word, scope, 50, s.words.stem);
        return;
    }
    // comparing two outlets: the lines of those two, not of the rest
    std::vector<KwicLine> all = Concordance(s.data.analysis, word, scope, 50, s.words.stem);
    s.words.kwic.clear();
    for (KwicLine& l : all) {
        const int o = s.data.analysis.article_outlet[l.article];
        if (o == s.words.outlet || o == s.words.compare_outlet) s.words.kwic.push_back(std::move(l));
    }
}

}  // namespace presslens::ui
