// ui: the human review in the viewer (see model.hpp, "Verbs: the review"): decisions made on
// matrix cells and reader sentences, undoable with the article changes, the coder's name, and
// other coders' codings imported for agreement.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>

#include "io/codings.hpp"
#include "ui/model.hpp"

namespace presslens::ui {

namespace {

// The time now, "2026-11-29T10:00:00Z". The calendar is computed here (days since 1970 to a
// proleptic Gregorian date, by 400-year eras) rather than with the C library's time formatting,
// which the web build would otherwise carry only for this.
std::string NowIso() {
    const long long secs = std::chrono::duration_cast<std::chrono::seconds>(
                               std::chrono::system_clock::now().time_since_epoch()).count();
    long long days = secs / 86400, rest = secs % 86400;
    if (rest < 0) {
        rest += 86400;
        --days;
    }
    days += 719468;  // from 1970-01-01 to 0000-03-01
    const long long era = (days >= 0 ? days : days - 146096) / 146097;
    const long long doe = days - era * 146097;                                 // day of the era
    const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // year of the era
    const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);             // day of the year from March
    const long long mp = (5 * doy + 2) / 153;                                  // month from March
    const long long day = doy - (153 * mp + 2) / 5 + 1;
    const long long month = mp < 10 ? mp + 3 : mp - 9;
    const long long year = yoe + era * 400 + (month <= 2);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lldZ", year, month, day, rest / 3600,
                  rest / 60 % 60, rest % 60);
    return buf;
}

// The review as it is, as an undo step.
void PushUndo(AppState& s) {
    ArticleChange c;
    c.kind = ArticleChange::Kind::Review;
    c.review = s.review.review;
    s.project.undo.push_back(std::move(c));
    s.project.redo.clear();
    constexpr size_t kMaxUndo = 100;
    if (s.project.undo.size() > kMaxUndo) s.project.undo.erase(s.project.undo.begin());
}

void Changed(AppState& s) {
    ++s.review.generation;
    ReviewChanged(s);
}

// The articles of a matrix row (an outlet).
std::vector<size_t> ArticlesOfRow(const AppState& s, size_t row) {
    std::vector<size_t> out;
    for (size_t a = 0; a < s.data.analysis.article_outlet.size(); ++a)
        if (static_cast<size_t>(s.data.analysis.article_outlet[a]) == row) out.push_back(a);
    return out;
}

Decision Whole(const AppState& s, size_t article, size_t code, Decision::Kind kind, int value) {
    Decision d;
    d.kind = kind;
    d.article = s.data.corpus.articles[article].source;
    d.code = s.data.codebook.codes[code].id;
    d.value = value;
    return d;
}

Decision OnSpan(const AppState& s, size_t article, size_t code, Decision::Kind kind, Span span) {
    Decision d = Whole(s, article, code, kind, kind == Decision::Kind::Reject ? 0 : 1);
    d.span = span;
    const std::string& text = s.data.corpus.articles[article].text;
    if (span.end <= text.size()) d.quote = text.substr(span.begin, span.size());
    return d;
}

bool Valid(const AppState& s, size_t article, size_t code) {
    return article < s.data.corpus.articles.size() && code < s.data.codebook.codes.size();
}

}  // namespace

void ReviewChanged(AppState& s, bool matrix_fresh) {
    // the override is applied to the rules' matrix, never on top of an earlier override
    if (!matrix_fresh) s.data.matrix = BuildMatrix(s.data.analysis, s.data.codebook, s.data.match);
    s.review.units = ApplyReview(s.data.corpus, s.data.codebook, s.data.match, s.review.review);
    ApplyReviewToMatrix(s.data.analysis, s.data.match, s.review.units, s.data.matrix);
}

void SetCoder(AppState& s, const std::string& name) {
    std::string n = name;
    n.erase(std::remove_if(n.begin(), n.end(), [](char c) { return c == '\n' || c == '\r' || c == ','; }), n.end());
    while (!n.empty() && n.back() == ' ') n.pop_back();
    while (!n.empty() && n.front() == ' ') n.erase(n.begin());
    if (n.empty()) return;
    s.review.coder = n;
    if (!s.review.pending.empty()) {
        std::vector<Decision> waiting = std::move(s.review.pending);
        s.review.pending.clear();
        Decide(s, std::move(waiting));
    }
}

void DropPendingDecisions(AppState& s) { s.review.pending.clear(); }

void OpenDisagreement(AppState& s, int article, int code, Span mine, Span theirs) {
    OpenArticle(s, article, mine.size() ? mine : theirs, code);
    s.review.their_article = article;
    s.review.their_focus = theirs;
    if (mine.size() == 0 && theirs.size()) s.reader.scroll_to_focus = true;
}

void Decide(AppState& s, std::vector<Decision> decisions) {
    if (decisions.empty()) return;
    if (s.review.coder.empty()) {
        s.review.pending = std::move(decisions);
        s.review.ask_coder = true;
        return;
    }
    PushUndo(s);
    const std::string now = NowIso();
    for (Decision& d : decisions) {
        d.coder = s.review.coder;
        d.time = now;
        s.review.review.decisions.push_back(std::move(d));
    }
    s.review.error.clear();
    Changed(s);
}

void ConfirmCell(AppState& s, size_t row, size_t col) {
    if (row >= s.data.matrix.rows || col >= s.data.matrix.cols) return;
    const MatrixCell& cell = s.data.matrix.at(row, col);
    std::vector<Decision> ds;
    if (cell.present() && cell.best >= 0) {
        const Hit& h = s.data.match.hits[static_cast<size_t>(cell.best)];
        ds.push_back(OnSpan(s, h.article, col, Decision::Kind::Confirm, h.sentence_span));
    } else if (cell.present()) {
        return;  // reported by hand already: nothing more to confirm
    } else {
        for (size_t a : ArticlesOfRow(s, row)) ds.push_back(Whole(s, a, col, Decision::Kind::Confirm, 0));
    }
    Decide(s, std::move(ds));
}

void RejectCell(AppState& s, size_t row, size_t col) {
    if (row >= s.data.matrix.rows || col >= s.data.matrix.cols || !s.data.matrix.at(row, col).present()) return;
    std::vector<Decision> ds;
    for (size_t a : ArticlesOfRow(s, row))
        if (s.review.units.at(a, col).value == 1) ds.push_back(Whole(s, a, col, Decision::Kind::Reject, 0));
    Decide(s, std::move(ds));
}

void ClearCell(AppState& s, size_t row, size_t col) {
    if (row >= s.data.matrix.rows || col >= s.data.matrix.cols) return;
    std::set<std::string> articles;
    for (size_t a : ArticlesOfRow(s, row)) articles.insert(s.data.corpus.articles[a].source);
    const std::string& code = s.data.codebook.codes[col].id;
    auto& ds = s.review.review.decisions;
    auto mine = [&](const Decision& d) { return d.code == code && articles.count(d.article); };
    if (std::none_of(ds.begin(), ds.end(), mine)) return;
    PushUndo(s);
    ds.erase(std::remove_if(ds.begin(), ds.end(), mine), ds.end());
    Changed(s);
}

void ConfirmSentence(AppState& s, size_t article, size_t code, Span sentence) {
    if (!Valid(s, article, code) || sentence.size() == 0) return;
    Decide(s, {OnSpan(s, article, code, Decision::Kind::Confirm, sentence)});
}

void RejectSentence(AppState& s, size_t article, size_t code, Span sentence) {
    if (!Valid(s, article, code) || sentence.size() == 0) return;
    Decide(s, {OnSpan(s, article, code, Decision::Kind::Reject, sentence)});
}

bool CodeSelection(AppState& s, size_t code) {
    const int a = s.view.selected_article;
    if (a < 0 || !Valid(s, static_cast<size_t>(a), code)) return false;
    Span sel = s.reader.selection;
    const std::string& text = s.data.corpus.articles[static_cast<size_t>(a)].text;
    if (sel.size() == 0 || sel.end > text.size()) {
        s.review.error = "Select a passage in the reader first (drag over it with the mouse).";
        return false;
    }
    Decide(s, {OnSpan(s, static_cast<size_t>(a), code, Decision::Kind::Add, sel)});
    s.reader.focus = sel;
    s.reader.focus_code = static_cast<int>(code);
    return true;
}

bool IsCodingsFile(const InputFile& f) {
    const std::string& n = f.name;
    if (n.size() < 4) return false;
    std::string ext = n.substr(n.size() - 4);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext != ".csv") return false;
    std::string head = f.bytes.substr(0, f.bytes.find('\n'));
    return head.find("article") != std::string::npos && head.find("code") != std::string::npos &&
           head.find("value") != std::string::npos;
}

bool ImportCodings(AppState& s, const InputFile& file) {
    std::vector<Coding> codings;
    LoadError err;
    if (!ParseCodingsCsv(file.bytes, file.name, codings, err)) {
        s.review.error = err.ToString() + "; nothing imported";
        return false;
    }
    std::set<std::string> articles, codes;
    for (const Article& a : s.data.corpus.articles) articles.insert(a.source);
    for (const Code& c : s.data.codebook.codes) codes.insert(c.id);
    std::vector<std::string> problems;
    size_t known_articles = 0;
    for (size_t i = 0; i < codings.size(); ++i) {
        const Coding& c = codings[i];
        const std::string row = "row " + std::to_string(i + 2);  // the header is row 1
        const bool ka = articles.count(c.article) > 0;
        known_articles += ka;
        if (!ka) problems.push_back(row + ": no article \"" + c.article + "\" in this project");
        else if (!codes.count(c.code)) problems.push_back(row + ": no claim \"" + c.code + "\" in this codebook");
    }
    if (known_articles == 0) {
        s.review.error = file.name + ": none of its articles is in this project (are these codings of another project?); nothing imported";
        return false;
    }
    if (!problems.empty()) {
        std::string msg = file.name + ": ";
        for (size_t i = 0; i < problems.size() && i < 3; ++i) msg += (i ? "; " : "") + problems[i];
        if (problems.size() > 3) msg += " (and " + std::to_string(problems.size() - 3) + " more)";
        s.review.error = msg + "; nothing imported";
        return false;
    }
    OtherCoder oc;
    oc.file = file.name;
    oc.name = codings.front().coder.empty() ? file.name : codings.front().coder;
    oc.codings = std::move(codings);
    PushUndo(s);
    auto& others = s.review.review.others;
    auto same = std::find_if(others.begin(), others.end(), [&](const OtherCoder& o) { return o.name == oc.name; });
    const size_t n = oc.codings.size();
    const std::string name = oc.name;
    if (same != others.end()) *same = std::move(oc);
    else others.push_back(std::move(oc));
    s.review.other = static_cast<int>(std::find_if(others.begin(), others.end(), [&](const OtherCoder& o) { return o.name == name; }) -
                                      others.begin());
    s.review.error.clear();
    s.review.notice = "imported " + std::to_string(n) + " codings of " + name;
    Changed(s);
    return true;
}

void ExportCodings(AppState& s) {
    std::vector<Coding> mine = ReviewCodings(s.data.corpus, s.data.codebook, s.review.review, s.review.units);
    if (mine.empty()) {
        s.review.error = "Nothing reviewed yet: confirm or reject cells first (right-click a matrix cell).";
        return;
    }
    std::string name = s.review.coder.empty() ? "codings" : "codings-" + s.review.coder;
    for (char& c : name)
        if (c == ' ' || c == '/' || c == '\\') c = '-';
    s.host.exports.push_back({name + ".csv", "text/csv", CodingsToCsv(mine)});
}

std::string ReviewSettingsLine(const AppState& s) {
    return s.review.coder.empty() ? std::string() : "coder=" + s.review.coder + "\n";
}

}  // namespace presslens::ui
