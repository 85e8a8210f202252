// core: the human review applied to the automatic coding (see review.hpp).
#include "core/review.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace presslens {

const char* DecisionKindName(Decision::Kind k) {
    switch (k) {
        case Decision::Kind::Confirm: return "confirm";
        case Decision::Kind::Reject: return "reject";
        case Decision::Kind::Add: return "add";
    }
    return "confirm";
}

const char* UnitStateName(UnitState s) {
    switch (s) {
        case UnitState::Automatic: return "automatic";
        case UnitState::Confirmed: return "confirmed";
        case UnitState::Rejected: return "rejected";
        case UnitState::Added: return "added by hand";
    }
    return "automatic";
}

namespace {

bool SameSpan(Span a, Span b) { return a.begin == b.begin && a.end == b.end; }

// Per unit, the decisions on it, folded in order: the latest whole-unit decision (cleared by a
// later sentence decision) and the latest decision per sentence.
struct Fold {
    int whole = -1;
    std::vector<int> sentences;  // latest per span, in first-decided order
};

}  // namespace

const std::vector<int>& ReviewedUnits::Passages(size_t a, size_t c) const {
    static const std::vector<int> kNone;
    auto it = passages.find(a * codes + c);
    return it == passages.end() ? kNone : it->second;
}

const std::string& ReviewedUnits::Coder(const Review& r, size_t a, size_t c) const {
    static const std::string kRules;
    const int d = at(a, c).decision;
    return d >= 0 && static_cast<size_t>(d) < r.decisions.size() ? r.decisions[static_cast<size_t>(d)].coder : kRules;
}

ReviewedUnits ApplyReview(const Corpus& corpus, const Codebook& cb, const MatchResult& m, const Review& r) {
    ReviewedUnits u;
    u.articles = corpus.articles.size();
    u.codes = cb.codes.size();
    u.units.assign(u.articles * u.codes, UnitReview{});
    u.hit_rejected.assign(m.hits.size(), 0);
    for (const Hit& h : m.hits)
        if (h.article < u.articles && h.code < u.codes) u.units[h.article * u.codes + h.code].auto_value = 1;
    for (UnitReview& x : u.units) x.value = x.auto_value;
    if (r.decisions.empty()) return u;

    std::unordered_map<std::string, size_t> article_of, code_of;
    for (size_t i = 0; i < corpus.articles.size(); ++i) article_of.emplace(corpus.articles[i].source, i);
    for (size_t i = 0; i < cb.codes.size(); ++i) code_of.emplace(cb.codes[i].id, i);
    std::map<size_t, Fold> folds;  // by unit
    for (size_t di = 0; di < r.decisions.size(); ++di) {
        const Decision& d = r.decisions[di];
        auto a = article_of.find(d.article);
        auto c = code_of.find(d.code);
        if (a == article_of.end() || c == code_of.end()) {
            ++u.orphans;
            continue;
        }
        Fold& f = folds[a->second * u.codes + c->second];
        const int idx = static_cast<int>(di);
        if (d.span.size() == 0) {
            f.whole = idx;
            continue;
        }
        f.whole = -1;  // a sentence decided after the whole unit reopens it
        auto same = std::find_if(f.sentences.begin(), f.sentences.end(),
                                 [&](int k) { return SameSpan(r.decisions[static_cast<size_t>(k)].span, d.span); });
        if (same != f.sentences.end()) *same = idx;
        else f.sentences.push_back(idx);
    }
    // the rules' sentences per unit, to tell which are rejected and which confirmed ones are stale
    std::unordered_map<size_t, std::vector<size_t>> hits_of;
    for (size_t hi = 0; hi < m.hits.size(); ++hi) {
        const Hit& h = m.hits[hi];
        const size_t unit = h.article * u.codes + h.code;
        if (folds.count(unit)) hits_of[unit].push_back(hi);
    }
    for (const auto& [unit, f] : folds) {
        UnitReview& x = u.units[unit];
        const std::vector<size_t>& hits = hits_of[unit];
        size_t kept = 0;
        for (size_t hi : hits) {
            bool rejected = false;
            if (f.whole >= 0) {
                rejected = r.decisions[static_cast<size_t>(f.whole)].value == 0;
            } else {
                for (int k : f.sentences) {
                    const Decision& d = r.decisions[static_cast<size_t>(k)];
                    if (d.kind == Decision::Kind::Reject && SameSpan(d.span, m.hits[hi].sentence_span)) rejected = true;
                }
            }
            u.hit_rejected[hi] = rejected;
            kept += !rejected;
        }
        for (int k : f.sentences) {
            const Decision& d = r.decisions[static_cast<size_t>(k)];
            if (d.kind != Decision::Kind::Reject) u.passages[unit].push_back(k);
        }
        if (f.whole >= 0) {
            const Decision& d = r.decisions[static_cast<size_t>(f.whole)];
            x.decision = f.whole;
            x.value = d.value ? 1 : 0;
            x.state = d.kind == Decision::Kind::Reject ? UnitState::Rejected
                      : d.kind == Decision::Kind::Add  ? UnitState::Added
                                                       : UnitState::Confirmed;
        } else {
            int confirmed = -1, added = -1, rejected = -1;
            for (int k : f.sentences) {
                const Decision& d = r.decisions[static_cast<size_t>(k)];
                (d.kind == Decision::Kind::Confirm ? confirmed : d.kind == Decision::Kind::Add ? added : rejected) = k;
            }
            if (confirmed >= 0 || added >= 0) {
                x.value = 1;
                x.state = confirmed >= 0 ? UnitState::Confirmed : UnitState::Added;
                x.decision = std::max(confirmed, added);
            } else if (rejected >= 0 && kept == 0) {
                x.value = 0;
                x.state = UnitState::Rejected;
                x.decision = rejected;
            } else {
                x.value = kept > 0 ? 1 : x.auto_value;  // some sentences rejected, the rest left to the rules
            }
            // a confirmed sentence the rules no longer find
            for (int k : f.sentences) {
                const Decision& d = r.decisions[static_cast<size_t>(k)];
                if (d.kind != Decision::Kind::Confirm) continue;
                bool found = std::any_of(hits.begin(), hits.end(),
                                         [&](size_t hi) { return SameSpan(m.hits[hi].sentence_span, d.span); });
                if (!found) x.stale = true;
            }
        }
        if (x.state != UnitState::Automatic) ++u.reviewed;
    }
    return u;
}

const Decision* SentenceDecision(const Review& r, const std::string& article, const std::string& code, Span span) {
    for (size_t i = r.decisions.size(); i-- > 0;) {
        const Decision& d = r.decisions[i];
        if (d.article != article || d.code != code) continue;
        if (d.span.size() == 0) return nullptr;  // a later whole-unit decision settles every sentence
        if (SameSpan(d.span, span)) return &d;
    }
    return nullptr;
}

void ApplyReviewToMatrix(const AnalyzedCorpus& ac, const MatchResult& m, const ReviewedUnits& u, Matrix& mx) {
    if (u.reviewed == 0 && std::none_of(u.hit_rejected.begin(), u.hit_rejected.end(), [](char c) { return c; })) return;
    if (mx.rows == 0 || mx.cols != u.codes) return;
    // per cell: the reviewed units of its outlet's articles
    struct Tally {
        int value = 0;
        bool any_reviewed = false, all_reviewed = true, confirmed1 = false, added1 = false, rejected = false;
        int hand = -1;
        uint32_t passages = 0;  // of units valued 1
    };
    std::vector<Tally> tally(mx.rows * mx.cols);
    for (size_t a = 0; a < u.articles && a < ac.article_outlet.size(); ++a) {
        const size_t row = static_cast<size_t>(ac.article_outlet[a]);
        for (size_t c = 0; c < u.codes; ++c) {
            const UnitReview& x = u.at(a, c);
            Tally& t = tally[row * mx.cols + c];
            t.value |= x.value;
            const bool reviewed = x.state != UnitState::Automatic;
            t.any_reviewed |= reviewed;
            t.all_reviewed &= reviewed;
            t.confirmed1 |= x.state == UnitState::Confirmed && x.value == 1;
            t.added1 |= x.state == UnitState::Added && x.value == 1;
            t.rejected |= x.state == UnitState::Rejected;
            if (x.state == UnitState::Automatic || x.value != 1) continue;
            const std::vector<int>& passages = u.Passages(a, c);
            if (t.hand < 0 && !passages.empty()) t.hand = passages.front();
            t.passages += static_cast<uint32_t>(passages.size());
        }
    }
    // hits: the rejected ones no longer count; the best is the best kept one
    // (the rules' best stays the best unless it was rejected)
    for (MatrixCell& cell : mx.cells) {
        cell.hits = 0;
        if (cell.best >= 0 && u.hit_rejected[static_cast<size_t>(cell.best)]) cell.best = -1;
    }
    std::vector<char> kept_best(mx.cells.size(), 0);
    for (size_t i = 0; i < mx.cells.size(); ++i) kept_best[i] = mx.cells[i].best >= 0;
    for (size_t hi = 0; hi < m.hits.size(); ++hi) {
        if (u.hit_rejected[hi]) continue;
        const Hit& h = m.hits[hi];
        const size_t i = static_cast<size_t>(ac.article_outlet[h.article]) * mx.cols + h.code;
        MatrixCell& cell = mx.cells[i];
        ++cell.hits;
        if (!kept_best[i] && (cell.best < 0 || h.score > m.hits[static_cast<size_t>(cell.best)].score))
            cell.best = static_cast<int>(hi);
    }
    for (size_t i = 0; i < mx.cells.size(); ++i) {
        MatrixCell& cell = mx.cells[i];
        const Tally& t = tally[i];
        cell.reviewed = -1;
        cell.state = static_cast<int>(UnitState::Automatic);
        cell.hand = t.hand;
        if (!t.any_reviewed) continue;  // the rules' (less any sentences rejected)
        cell.reviewed = t.value;
        cell.covered = true;  // a coder read it
        // reported by a coder's passages alone: they are its sentences (exports count them)
        if (t.value == 1 && cell.hits == 0) cell.hits = std::max<uint32_t>(1, t.passages);
        if (t.value == 1) {
            cell.state = static_cast<int>(t.confirmed1 ? UnitState::Confirmed
                                          : t.added1   ? UnitState::Added
                                                       : UnitState::Automatic);
        } else {
            cell.state = static_cast<int>(t.rejected ? UnitState::Rejected
                                          : t.all_reviewed ? UnitState::Confirmed
                                                           : UnitState::Automatic);
        }
    }
    std::fill(mx.row_codes.begin(), mx.row_codes.end(), 0);
    std::fill(mx.row_covered.begin(), mx.row_covered.end(), 0);
    std::fill(mx.col_outlets.begin(), mx.col_outlets.end(), 0);
    std::fill(mx.col_covered.begin(), mx.col_covered.end(), 0);
    for (size_t r = 0; r < mx.rows; ++r)
        for (size_t c = 0; c < mx.cols; ++c) {
            const MatrixCell& cell = mx.at(r, c);
            if (cell.present()) {
                ++mx.row_codes[r];
                ++mx.col_outlets[c];
            }
            if (cell.covered) {
                ++mx.row_covered[r];
                ++mx.col_covered[c];
            }
        }
}

std::vector<Coding> ReviewCodings(const Corpus& corpus, const Codebook& cb, const Review& r, const ReviewedUnits& u) {
    std::vector<Coding> out;
    for (size_t a = 0; a < u.articles; ++a)
        for (size_t c = 0; c < u.codes; ++c) {
            const UnitReview& x = u.at(a, c);
            if (x.state == UnitState::Automatic) continue;
            Coding k{corpus.articles[a].source, cb.codes[c].id, x.value, u.Coder(r, a, c), {}};
            const std::vector<int>& passages = u.Passages(a, c);
            if (x.value == 1 && !passages.empty()) k.evidence = r.decisions[static_cast<size_t>(passages.front())].quote;
            out.push_back(std::move(k));
        }
    return out;
}

std::vector<Coding> AutomaticCodings(const Corpus& corpus, const Codebook& cb, const ReviewedUnits& u) {
    std::vector<Coding> out;
    out.reserve(u.units.size());
    for (size_t a = 0; a < u.articles; ++a)
        for (size_t c = 0; c < u.codes; ++c)
            out.push_back({corpus.articles[a].source, cb.codes[c].id, u.at(a, c).auto_value, "presslens", {}});
    return out;
}

std::vector<RulesVsReview> CompareRulesWithReview(const Codebook& cb, const ReviewedUnits& u) {
    std::vector<RulesVsReview> rows;
    std::vector<int> all_rules, all_review;
    auto finish = [](RulesVsReview& row, const std::vector<int>& rules, const std::vector<int>& review) {
        row.agreement = AgreementOf(rules, review);
        row.agreement.code = row.code;
        row.n = rules.size();
        if (row.tp + row.fp > 0) row.precision = static_cast<double>(row.tp) / static_cast<double>(row.tp + row.fp);
        if (row.tp + row.fn > 0) row.recall = static_cast<double>(row.tp) / static_cast<double>(row.tp + row.fn);
        if (row.precision && row.recall && *row.precision + *row.recall > 0)
            row.f1 = 2 * *row.precision * *row.recall / (*row.precision + *row.recall);
        else if (row.precision && row.recall)
            row.f1 = 0.0;
    };
    RulesVsReview all;
    all.code = "(all)";
    for (size_t c = 0; c < u.codes; ++c) {
        RulesVsReview row;
        row.code = cb.codes[c].id;
        std::vector<int> rules, review;
        for (size_t a = 0; a < u.articles; ++a) {
            const UnitReview& x = u.at(a, c);
            if (x.state == UnitState::Automatic) continue;
            rules.push_back(x.auto_value);
            review.push_back(x.value);
            size_t& cellcount = x.auto_value ? (x.value ? row.tp : row.fp) : (x.value ? row.fn : row.tn);
            ++cellcount;
        }
        all.tp += row.tp;
        all.fp += row.fp;
        all.fn += row.fn;
        all.tn += row.tn;
        all_rules.insert(all_rules.end(), rules.begin(), rules.end());
        all_review.insert(all_review.end(), review.begin(), review.end());
        finish(row, rules, review);
        rows.push_back(std::move(row));
    }
    finish(all, all_rules, all_review);
    rows.push_back(std::move(all));
    return rows;
}

std::vector<Disagreement> Disagreements(const std::vector<Coding>& mine, const std::vector<Coding>& theirs) {
    std::map<std::pair<std::string, std::string>, const Coding*> other;
    for (const Coding& c : theirs) other[{c.article, c.code}] = &c;
    std::vector<Disagreement> out;
    for (const Coding& c : mine) {
        auto it = other.find({c.article, c.code});
        if (it == other.end() || it->second->value == c.value) continue;
        out.push_back({c.article, c.code, c.value, it->second->value, c.evidence, it->second->evidence});
    }
    return out;
}

}  // namespace presslens
