// io: analysis tables (see reports.hpp).
#include "io/reports.hpp"

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

Table FreqTable(const std::vector<TermCount>& rows) {
    Table t{{"term", "count"}, {}};
    for (const TermCount& c : rows) t.rows.push_back({c.term, static_cast<int64_t>(c.count)});
    return t;
}

Table KeynessTable(const std::vector<KeynessRow>& rows) {
    Table t{{"term", "outlet_count", "rest_count", "log_likelihood", "log_ratio"}, {}};
    for (const KeynessRow& r : rows)
        t.rows.push_back({r.term, static_cast<int64_t>(r.target), static_cast<int64_t>(r.reference), r.log_likelihood,
                          r.log_ratio});
    return t;
}

Table KwicTable(const AnalyzedCorpus& ac, const std::vector<KwicLine>& rows) {
    Table t{{"article", "source", "left", "keyword", "right", "start", "end"}, {}};
    for (const KwicLine& k : rows)
        t.rows.push_back({static_cast<int64_t>(k.article), ac.corpus->articles[k.article].source, k.left, k.keyword,
                          k.right, static_cast<int64_t>(k.match.begin), static_cast<int64_t>(k.match.end)});
    return t;
}

}  // namespace presslens
