// io: analysis tables (see reports.hpp).
#include "io/reports.hpp"

#include <set>

namespace presslens {

Table ArticlesTable(const AnalyzedCorpus& ac) {
    Table t{{"id", "source", "outlet", "title", "language", "words", "boilerplate_lines"}, {}};
    for (size_t i = 0; i < ac.articles.size(); ++i) {
        const Article& a = ac.corpus->articles[i];
        const AnalyzedArticle& aa = ac.articles[i];
        t.rows.push_back({static_cast<int64_t>(i), a.source, DisplayOutlet(a), DisplayTitle(a), aa.effective_language,
                          static_cast<int64_t>(aa.words), static_cast<int64_t>(aa.boilerplate_lines)});
    }
    return t;
}

Table BoilerplateTable(const AnalyzedCorpus& ac) {
    Table t{{"id", "source", "line", "start", "end", "reason", "text"}, {}};
    for (size_t i = 0; i < ac.articles.size(); ++i) {
        const Article& a = ac.corpus->articles[i];
        const auto& lines = ac.articles[i].lines;
        for (size_t l = 0; l < lines.size(); ++l) {
            if (lines[l].boilerplate == Boilerplate::None) continue;
            Span s = lines[l].span;
            t.rows.push_back({static_cast<int64_t>(i), a.source, static_cast<int64_t>(l + 1), static_cast<int64_t>(s.begin),
                              static_cast<int64_t>(s.end), std::string(BoilerplateName(lines[l].boilerplate)),
                              a.text.substr(s.begin, s.size())});
        }
    }
    return t;
}

Table SentencesTable(const AnalyzedCorpus& ac) {
    Table t{{"id", "source", "sentence", "start", "end", "language", "confidence", "text"}, {}};
    for (size_t i = 0; i < ac.articles.size(); ++i) {
        const Article& a = ac.corpus->articles[i];
        const AnalyzedArticle& aa = ac.articles[i];
        for (size_t k = 0; k < aa.sentences.size(); ++k) {
            const Span s = aa.sentences[k];
            const LanguageGuess& g = aa.sentence_languages[k];
            t.rows.push_back({static_cast<int64_t>(i), a.source, static_cast<int64_t>(k), static_cast<int64_t>(s.begin),
                              static_cast<int64_t>(s.end), g.code, g.confidence, a.text.substr(s.begin, s.size())});
        }
    }
    return t;
}

Table FreqTable(const std::vector<TermCount>& rows) {
    // term: the folded key counted (stable for a program); written: as people read it
    Table t{{"term", "count", "written"}, {}};
    for (const TermCount& c : rows) t.rows.push_back({c.term, static_cast<int64_t>(c.count), c.Shown()});
    return t;
}

Table CompareTable(const std::vector<CompareRow>& rows, const std::string& a, const std::string& b) {
    Table t{{"term", a + "_count", b + "_count", a + "_per_1000", b + "_per_1000", "written"}, {}};
    for (const CompareRow& r : rows)
        t.rows.push_back(
            {r.term, static_cast<int64_t>(r.a), static_cast<int64_t>(r.b), r.per_k_a, r.per_k_b, r.Shown()});
    return t;
}

Table KeynessTable(const std::vector<KeynessRow>& rows) {
    Table t{{"term", "outlet_count", "rest_count", "log_likelihood", "log_ratio", "written"}, {}};
    for (const KeynessRow& r : rows)
        t.rows.push_back({r.term, static_cast<int64_t>(r.target), static_cast<int64_t>(r.reference), r.log_likelihood,
                          r.log_ratio, r.Shown()});
    return t;
}

Table KwicTable(const AnalyzedCorpus& ac, const std::vector<KwicLine>& rows) {
    Table t{{"article", "source", "left", "keyword", "right", "start", "end"}, {}};
    for (const KwicLine& k : rows)
        t.rows.push_back({static_cast<int64_t>(k.article), ac.corpus->articles[k.article].source, k.left, k.keyword,
                          k.right, static_cast<int64_t>(k.match.begin), static_cast<int64_t>(k.match.end)});
    return t;
}

std::string RuleName(const Codebook& cb, uint32_t code, uint32_t rule) {
    const Code& c = cb.codes[code];
    const std::string& id = c.rules[rule].id;
    return id.empty() ? c.id + "#" + std::to_string(rule + 1) : id;
}

Table MatrixTable(const AnalyzedCorpus& ac, const Codebook& cb, const Matrix& mx, bool totals, bool labels) {
    Table t;
    t.columns.push_back("outlet");
    for (const Code& c : cb.codes) t.columns.push_back(labels && !c.label.empty() ? c.id + ": " + c.label : c.id);
    t.columns.push_back("codes");
    for (size_t r = 0; r < mx.rows; ++r) {
        std::vector<Cell> row{ac.outlets[r]};
        for (size_t c = 0; c < mx.cols; ++c) {
            const MatrixCell& cell = mx.at(r, c);
            if (cell.not_covered()) row.push_back(NoValue{});
            else row.push_back(static_cast<int64_t>(cell.hits));
        }
        row.push_back(static_cast<int64_t>(mx.row_codes[r]));
        t.rows.push_back(std::move(row));
    }
    if (totals) {
        std::vector<Cell> reporting{std::string("(outlets reporting)")}, covered{std::string("(outlets covered)")};
        for (size_t c = 0; c < mx.cols; ++c) {
            reporting.push_back(static_cast<int64_t>(mx.col_outlets[c]));
            covered.push_back(static_cast<int64_t>(mx.col_covered[c]));
        }
        reporting.push_back(std::string());
        covered.push_back(std::string());
        t.rows.push_back(std::move(reporting));
        t.rows.push_back(std::move(covered));
    }
    return t;
}

Table EvidenceTable(const AnalyzedCorpus& ac, const Codebook& cb, const MatchResult& m, const Matrix& mx,
                    const Review* review, const ReviewedUnits* units) {
    const bool reviewed = review && units && units->articles == ac.articles.size() && units->codes == cb.codes.size();
    Table t{{"outlet", "source", "code", "sentence", "start", "end", "language", "rule", "best"}, {}};
    if (reviewed) {
        t.columns.push_back("state");
        t.columns.push_back("coder");
    }
    std::set<int> best;
    for (const MatrixCell& cell : mx.cells)
        if (cell.best >= 0) best.insert(cell.best);
    // a hit's state: its sentence's decision, else its unit's (a whole-cell decision), else the rules'
    auto state_of = [&](size_t i, const Hit& h, const Article& a, std::string& coder) -> std::string {
        const UnitReview& u = units->at(h.article, h.code);
        if (const Decision* d = SentenceDecision(*review, a.source, cb.codes[h.code].id, h.sentence_span)) {
            coder = d->coder;
            return d->kind == Decision::Kind::Reject ? "rejected" : "confirmed";
        }
        if (units->hit_rejected[i] || (u.decision >= 0 && review->decisions[static_cast<size_t>(u.decision)].span.size() == 0)) {
            coder = units->Coder(*review, h.article, h.code);
            return units->hit_rejected[i] ? "rejected" : UnitStateName(u.state);
        }
        return "automatic";
    };
    for (size_t i = 0; i < m.hits.size(); ++i) {
        const Hit& h = m.hits[i];
        const Article& a = ac.corpus->articles[h.article];
        const AnalyzedArticle& aa = ac.articles[h.article];
        const std::string& sl = aa.sentence_languages[h.sentence].code;
        t.rows.push_back({DisplayOutlet(a), a.source, cb.codes[h.code].id,
                          a.text.substr(h.sentence_span.begin, h.sentence_span.size()),
                          static_cast<int64_t>(h.sentence_span.begin + a.source_offset),
                          static_cast<int64_t>(h.sentence_span.end + a.source_offset),
                          sl == "unknown" ? aa.effective_language : sl, RuleName(cb, h.code, h.rule),
                          static_cast<int64_t>(best.count(static_cast<int>(i)))});
        if (reviewed) {
            std::string coder;
            t.rows.back().push_back(state_of(i, h, a, coder));
            t.rows.back().push_back(coder);
        }
    }
    if (!reviewed) return t;
    // passages that stand for a 1 without a rule's sentence: coded by hand, or confirmed and no longer matched
    for (size_t ai = 0; ai < units->articles; ++ai)
        for (size_t c = 0; c < units->codes; ++c) {
            for (int k : units->Passages(ai, c)) {
                const Decision& d = review->decisions[static_cast<size_t>(k)];
                bool matched = false;
                for (const Hit& h : m.hits)
                    matched |= h.article == ai && h.code == c && h.sentence_span.begin == d.span.begin && h.sentence_span.end == d.span.end;
                if (matched) continue;
                const Article& a = ac.corpus->articles[ai];
                if (d.span.end > a.text.size()) continue;
                t.rows.push_back({DisplayOutlet(a), a.source, cb.codes[c].id, a.text.substr(d.span.begin, d.span.size()),
                                  static_cast<int64_t>(d.span.begin + a.source_offset),
                                  static_cast<int64_t>(d.span.end + a.source_offset), ac.articles[ai].effective_language,
                                  std::string("(by hand)"), int64_t{0},
                                  std::string(d.kind == Decision::Kind::Add ? "added by hand" : "confirmed, no longer matched"),
                                  d.coder});
            }
        }
    return t;
}

Table NearMissTable(const AnalyzedCorpus& ac, const Codebook& cb, const MatchResult& m, const Matrix& mx) {
    Table t{{"outlet", "code", "rules_tried", "source", "sentence", "rule", "missing"}, {}};
    const std::vector<std::vector<std::string>> outlet_languages = OutletLanguages(ac);  // once, not per cell
    for (size_t r = 0; r < mx.rows; ++r)
        for (size_t c = 0; c < mx.cols; ++c) {
            const MatrixCell& cell = mx.at(r, c);
            if (cell.present()) continue;
            auto tried = static_cast<int64_t>(cb.codes[c].rules.size());
            if (cell.not_covered()) {
                t.rows.push_back({ac.outlets[r], cb.codes[c].id, tried, std::string(), std::string(), std::string(),
                                  r < outlet_languages.size() ? NotCoveredReason(cb, outlet_languages[r], c) : ""});
                continue;
            }
            if (cell.near_misses.empty()) {
                std::string terms = cb.codes[c].rules.empty() ? std::string("the code has no rules")
                                    : "no sentence has any term of its rules (such as " +
                                          DescribeCondition(cb.codes[c].rules.front().match) + ")";
                t.rows.push_back({ac.outlets[r], cb.codes[c].id, tried, std::string(), std::string(), std::string(), terms});
                continue;
            }
            for (int i : cell.near_misses) {
                const NearMiss& nm = m.near_misses[static_cast<size_t>(i)];
                const Article& a = ac.corpus->articles[nm.article];
                t.rows.push_back({ac.outlets[r], cb.codes[c].id, tried, a.source,
                                  a.text.substr(nm.sentence_span.begin, nm.sentence_span.size()),
                                  RuleName(cb, nm.code, nm.rule), nm.missing});
            }
        }
    return t;
}

Table CodebookTable(const Codebook& cb) {
    Table t{{"id", "group", "label", "colour", "rules", "languages"}, {}};
    for (const Code& c : cb.codes) {
        std::set<std::string> langs;
        for (const Rule& r : c.rules) {
            std::vector<std::string> rl = RuleLanguages(cb, r);
            langs.insert(rl.begin(), rl.end());
        }
        std::string list;
        for (const std::string& l : langs) list += (list.empty() ? "" : " ") + l;
        t.rows.push_back({c.id, c.group, c.label, c.colour, static_cast<int64_t>(c.rules.size()), list});
    }
    return t;
}

}  // namespace presslens
