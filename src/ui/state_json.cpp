// ui: the state hook (see ui.hpp, StateJson): what the app shows, as JSON, for scripts and tests.
// The one UI file that uses nlohmann/json, so the one compiled with exceptions (CMakeLists.txt).
#include <nlohmann/json.hpp>

#include "core/language.hpp"
#include "ui/ui.hpp"
#include "ui/widgets.hpp"

namespace presslens::ui {

namespace {
nlohmann::json RectJson(const Rect& r) { return {{"x", r.x}, {"y", r.y}, {"w", r.w}, {"h", r.h}}; }
// The codebook suggestions (the first 200) and where the "Add" button is.
nlohmann::json SuggestionsJson(const AppState& state) {
    nlohmann::json rows = nlohmann::json::array();
    for (size_t i = 0; i < state.data.suggestions.size() && i < 200; ++i) {
        const Suggestion& x = state.data.suggestions[i];
        // (the last ones made, while new ones are made, may name a claim since removed)
        const Codebook& cb = state.data.codebook;
        const bool named = x.actor >= 0 ? static_cast<size_t>(x.actor) < cb.actors.size() : x.code < cb.codes.size();
        rows.push_back({{"code", !named ? std::string("?") : x.actor >= 0 ? "actor:" + cb.actors[static_cast<size_t>(x.actor)].id : cb.codes[x.code].id},
                        {"language", x.language}, {"term", x.term}, {"suggestion", x.suggestion},
                        {"source", x.source}, {"articles", x.articles}, {"accepted", x.accepted}});
    }
    nlohmann::json j = {{"count", state.data.suggestions.size()}, {"rows", std::move(rows)}, {"current", SuggestionsCurrent(state)}};
    if (state.layout.accept_suggestions.h > 0) j["add_rect"] = RectJson(state.layout.accept_suggestions);
    const DictionaryLookup& d = state.data.dictionaries;
    j["dictionaries"] = {{"running", d.running}, {"status", d.status}, {"failed", d.failed}, {"added", d.added},
                         {"languages", d.languages},
                         {"current", d.for_corpus == state.data.corpus_generation && d.for_codebook == state.data.codebook_generation}};
    return j;
}

void CollectTerms(const Condition& c, nlohmann::json& out) {
    if (c.kind == Condition::Kind::Term) out.push_back(c.term);
    for (const Condition& k : c.children) CollectTerms(k, out);
}

// The codebook workbench: what is being edited and matched, undo depth, where its controls are.
nlohmann::json EditorJson(const AppState& s) {
    const CodebookEditor& e = s.editor;
    nlohmann::json rects = nlohmann::json::object();
    for (const auto& [name, r] : s.layout.editor_rects) rects[name] = RectJson(r);
    nlohmann::json codes = nlohmann::json::array();
    for (const Code& c : EditedCodebook(s).codes) {
        nlohmann::json rules = nlohmann::json::array();
        for (const Rule& r : c.rules) {
            nlohmann::json terms = nlohmann::json::array();
            CollectTerms(r.match, terms);
            rules.push_back({{"id", r.id}, {"match", DescribeCondition(r.match, 50)}, {"terms", std::move(terms)}});
        }
        codes.push_back({{"id", c.id}, {"label", c.label}, {"group", c.group}, {"rules", std::move(rules)}});
    }
    return {{"matching", e.rematch != nullptr || e.typed}, {"rematches", e.rematches}, {"undo", e.undo.size()},
            {"redo", e.redo.size()}, {"selected", e.selected}, {"refused", e.refused}, {"codes", std::move(codes)},
            {"text_bytes", EditedText(s).size()}, {"slice_ms", e.last_slice_ms}, {"rects", std::move(rects)}};
}

nlohmann::json MenuJson(const AppState& s) {
    nlohmann::json m = nlohmann::json::object();
    for (const auto& [name, r] : s.layout.menu_items) m[name] = RectJson(r);
    return m;
}
}  // namespace

namespace {
// The review: who codes, the decisions, the units reviewed, other coders, the rules' agreement.
nlohmann::json ReviewJsonState(const AppState& state) {
    using nlohmann::json;
    const ReviewState& r = state.review;
    json decisions = json::array();
    for (const Decision& d : r.review.decisions)
        decisions.push_back({{"kind", DecisionKindName(d.kind)}, {"article", d.article}, {"code", d.code}, {"value", d.value},
                             {"quote", d.quote}, {"coder", d.coder}});
    json others = json::array();
    for (const OtherCoder& o : r.review.others) others.push_back({{"name", o.name}, {"codings", o.codings.size()}});
    std::vector<RulesVsReview> rules = CompareRulesWithReview(state.data.codebook, r.units);
    json rules_rows = json::array();
    for (const RulesVsReview& x : rules) {
        json row = {{"code", x.code}, {"n", x.n}, {"tp", x.tp}, {"fp", x.fp}, {"fn", x.fn}, {"tn", x.tn}};
        if (x.f1) row["f1"] = *x.f1;
        if (x.agreement.kappa) row["kappa"] = *x.agreement.kappa;
        rules_rows.push_back(std::move(row));
    }
    json j = {{"coder", r.coder},
              {"ask_coder", r.ask_coder},
              {"pending", r.pending.size()},
              {"decisions", std::move(decisions)},
              {"reviewed", r.units.reviewed},
              {"orphans", r.units.orphans},
              {"others", std::move(others)},
              {"rules", std::move(rules_rows)},
              {"unreviewed_only", r.unreviewed_only},
              {"error", r.error},
              {"notice", r.notice}};
    if (!r.review.others.empty() && r.other >= 0 && r.other < static_cast<int>(r.review.others.size())) {
        std::vector<Coding> mine = ReviewCodings(state.data.corpus, state.data.codebook, r.review, r.units);
        const OtherCoder& o = r.review.others[static_cast<size_t>(r.other)];
        json rows = json::array();
        for (const AgreementRow& a : Agreement(mine, o.codings)) {
            json row = {{"code", a.code}, {"n", a.n}, {"note", a.note}};
            if (a.agreement) row["agreement"] = *a.agreement;
            if (a.kappa) row["kappa"] = *a.kappa;
            if (a.alpha) row["alpha"] = *a.alpha;
            rows.push_back(std::move(row));
        }
        j["agreement"] = std::move(rows);
        j["disagreements"] = Disagreements(mine, o.codings).size();
    }
    return j;
}
}  // namespace

std::string StateJson(const AppState& state, long frame) {
    using nlohmann::json;
    json articles = json::array();
    // The first rows (and any on screen): a 200,000-article corpus must not cost a frame its time.
    constexpr size_t kStateArticles = 2000;
    for (size_t i = 0; i < state.data.corpus.articles.size(); ++i) {
        bool on_screen = i < state.layout.article_rows.size() && state.layout.article_rows[i].h > 0;
        if (i >= kStateArticles && !on_screen) continue;
        const Article& a = state.data.corpus.articles[i];
        json row = {{"source", a.source},
                    {"outlet", DisplayOutlet(a)},
                    {"title", DisplayTitle(a)},
                    {"language", i < state.data.analysis.articles.size() ? state.data.analysis.articles[i].effective_language
                                                                   : std::string("unknown")}};
        if (a.meta.date) row["date"] = *a.meta.date;
        if (a.meta.url) row["url"] = *a.meta.url;
        if (i < state.project.duplicate_of.size() && state.project.duplicate_of[i] >= 0)
            row["duplicate_of"] = state.project.duplicate_of[i];
        if (on_screen) row["rect"] = RectJson(state.layout.article_rows[i]);
        if (i >= kStateArticles) row["index"] = i;
        articles.push_back(std::move(row));
    }
    json codes = json::array();
    for (const Code& c : state.data.codebook.codes) codes.push_back(c.id);
    json cells = json::array();
    for (size_t r = 0; r < state.data.matrix.rows; ++r) {
        json row = json::array();
        for (size_t c = 0; c < state.data.matrix.cols; ++c) {
            const MatrixCell& mc = state.data.matrix.at(r, c);
            json cell = {{"hits", mc.hits},
                         {"state", mc.present() ? "reported" : mc.not_covered() ? "not_covered" : "not_reported"},
                         {"review", UnitStateName(static_cast<UnitState>(mc.state))}};
            size_t k = r * state.data.matrix.cols + c;
            if (k < state.layout.matrix_cells.size() && state.layout.matrix_cells[k].h > 0) cell["rect"] = RectJson(state.layout.matrix_cells[k]);
            row.push_back(std::move(cell));
        }
        cells.push_back(std::move(row));
    }
    json bars = json::array();
    for (size_t i = 0; i < state.words.counts.size(); ++i) {
        json b = {{"term", state.words.counts[i].term}, {"count", state.words.counts[i].count}};
        if (i < state.words.compare.size()) b["count_b"] = state.words.compare[i].b;
        if (i < state.layout.bars.size() && state.layout.bars[i].h > 0) b["rect"] = RectJson(state.layout.bars[i]);
        bars.push_back(std::move(b));
    }
    json kwic = json::array();
    for (size_t i = 0; i < state.words.kwic.size() && i < 200; ++i) {
        json k = {{"article", state.words.kwic[i].article}, {"keyword", state.words.kwic[i].keyword}};
        if (i < state.layout.kwic_rows.size() && state.layout.kwic_rows[i].h > 0) k["rect"] = RectJson(state.layout.kwic_rows[i]);
        kwic.push_back(std::move(k));
    }
    json j = {{"frame", frame},
              {"panel", PanelName(state.view.panel)},
              {"articles", std::move(articles)},
              {"article_count", state.data.corpus.articles.size()},
              {"outlets", state.data.analysis.outlets},
              {"codes", std::move(codes)},
              {"matrix", std::move(cells)},
              {"bars", std::move(bars)},
              {"word", state.words.word},
              {"kwic", std::move(kwic)},
              {"selected", state.view.selected_article},
              {"error", state.load.error},
              {"notice", state.load.notice},
              {"tooltip", LastTooltip()},
              {"suggestions", SuggestionsJson(state)},
              {"warnings", state.load.warnings},
              {"loads", state.load.finished},
              {"limits", {{"max_file_mb", state.load.limits.max_file_bytes >> 20},
                          {"max_article_mb", state.load.limits.max_article_bytes >> 20}}},
              {"filter", state.view.filter},
              {"loading", state.load.job != nullptr},
              // who names languages: CLD2 (83), or only the stopword identifier (the page before
              // its language module arrived, or if it did not)
              {"detector", LanguageTablesLoaded() ? "cld2" : "stopwords"},
              {"corpus_default", state.data.corpus_is_default},
              {"theme", state.view.dark_theme ? "dark" : "light"},
              {"compare", state.words.compare_outlet},
              {"chart_rect", RectJson(state.layout.chart_rect)},
              {"menu", MenuJson(state)},
              {"codebook_error", state.editor.error},
              {"editor", EditorJson(state)},
              {"analysis_ms", state.data.analysis_ms},
              {"load_compute_ms", state.load.compute_ms},
              {"match_ms", state.data.match_ms},
              {"project", {{"title", ProjectTitle(state)},
                           {"fingerprint", state.project.fingerprint},
                           {"missing", state.project.missing_link.empty() ? std::string() : state.project.missing_name},
                           {"undo", state.project.undo.size()},
                           {"redo", state.project.redo.size()},
                           {"recent", [&] {
                                json r = json::array();
                                for (const RecentProject& p : state.project.recent) r.push_back(p.name);
                                return r;
                            }()}}},
              {"selection", state.view.list_selection},
              {"explain_cell", state.reader.explain_cell},
              {"copied", state.reader.copied},
              {"paste_open", state.paste.open},
              {"review", ReviewJsonState(state)}};
    if (state.view.selected_article >= 0 && state.view.selected_article < static_cast<int>(state.data.corpus.articles.size())) {
        const Article& a = state.data.corpus.articles[static_cast<size_t>(state.view.selected_article)];
        json reader = {{"source", a.source}, {"title", DisplayTitle(a)}, {"bytes", a.text.size()},
                       {"scroll", state.reader.scroll},
                       {"text_selection", {state.reader.selection.begin, state.reader.selection.end}}};
        const Span sel = state.reader.selection;
        if (sel.end > sel.begin && sel.end <= a.text.size())
            reader["selection"] = {{"begin", sel.begin}, {"end", sel.end}, {"text", a.text.substr(sel.begin, sel.size())}};
        const Span their = state.review.their_focus;
        if (state.review.their_article == state.view.selected_article && their.end > their.begin && their.end <= a.text.size())
            reader["their_focus"] = a.text.substr(their.begin, their.size());
        if (state.reader.focus.end > state.reader.focus.begin && state.reader.focus.end <= a.text.size()) {
            reader["focus"] = a.text.substr(state.reader.focus.begin, state.reader.focus.size());
            if (state.reader.focus_code >= 0 && state.reader.focus_code < static_cast<int>(state.data.codebook.codes.size()))
                reader["focus_code"] = state.data.codebook.codes[static_cast<size_t>(state.reader.focus_code)].id;
            if (state.layout.reader_focus.h > 0) reader["focus_rect"] = RectJson(state.layout.reader_focus);
        }
        j["reader"] = std::move(reader);
    }
    // the fonts merged for other scripts, and whether any character the panels draw is a box
    const PanelFontState& f = state.fonts;
    j["fonts"] = {{"requested", f.requested}, {"loaded", f.loaded}, {"failed", f.failed}, {"chars", f.chars},
                  {"missing_glyphs", f.missing_glyphs}, {"atlas_glyphs", f.atlas_glyphs},
                  {"atlas", {f.atlas_width, f.atlas_height}}, {"builds", f.builds}};
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace presslens::ui
