// core: the outlets x codes matrix built from the matcher's hits and near misses, with each
// cell's coverage and the reasons a cell is not covered (see codebook.hpp, "The matrix").
// std + the corpus core; no JSON, UI, platform or file access.
#include "core/codebook.hpp"

#include <algorithm>
#include <unordered_map>

namespace presslens {

Matrix BuildMatrix(const AnalyzedCorpus& ac, const Codebook& cb, const MatchResult& m, size_t near_misses_per_cell) {
    Matrix mx;
    mx.rows = ac.outlets.size();
    mx.cols = cb.codes.size();
    mx.cells.assign(mx.rows * mx.cols, {});
    for (size_t i = 0; i < m.hits.size(); ++i) {
        const Hit& h = m.hits[i];
        if (h.code >= mx.cols || h.article >= ac.article_outlet.size()) continue;
        MatrixCell& cell = mx.at(static_cast<size_t>(ac.article_outlet[h.article]), h.code);
        ++cell.hits;
        if (cell.best < 0 || h.score > m.hits[static_cast<size_t>(cell.best)].score) cell.best = static_cast<int>(i);
    }
    for (size_t i = 0; i < m.near_misses.size(); ++i) {
        const NearMiss& miss = m.near_misses[i];
        if (miss.code >= mx.cols || miss.article >= ac.article_outlet.size()) continue;
        MatrixCell& cell = mx.at(static_cast<size_t>(ac.article_outlet[miss.article]), miss.code);
        if (!cell.present()) cell.near_misses.push_back(static_cast<int>(i));
    }
    for (MatrixCell& cell : mx.cells) {
        std::stable_sort(cell.near_misses.begin(), cell.near_misses.end(), [&](int a, int b) {
            return m.near_misses[static_cast<size_t>(a)].closeness > m.near_misses[static_cast<size_t>(b)].closeness;
        });
        if (cell.near_misses.size() > near_misses_per_cell) cell.near_misses.resize(near_misses_per_cell);
    }
    // Coverage: a cell is covered when some article of the outlet is in a language one of the
    // code's rules applies in. Each distinct article language is looked up once per code.
    std::vector<std::vector<uint8_t>> row_seen(mx.rows);  // per row: covered flags per code, once set
    std::unordered_map<std::string, std::vector<uint8_t>> covers;  // language -> per code
    for (auto& c : mx.cells) c.covered = false;
    for (size_t ai = 0; ai < ac.articles.size() && ai < ac.article_outlet.size(); ++ai) {
        const std::string& lang = ac.articles[ai].effective_language;
        auto it = covers.find(lang);
        if (it == covers.end()) {
            std::vector<uint8_t> v(mx.cols);
            for (size_t c = 0; c < mx.cols; ++c) v[c] = CodeCoversLanguage(cb, cb.codes[c], lang);
            it = covers.emplace(lang, std::move(v)).first;
        }
        const size_t r = static_cast<size_t>(ac.article_outlet[ai]);
        if (r >= mx.rows) continue;
        for (size_t c = 0; c < mx.cols; ++c)
            if (it->second[c]) mx.at(r, c).covered = true;
    }
    mx.row_codes.assign(mx.rows, 0);
    mx.row_covered.assign(mx.rows, 0);
    mx.col_outlets.assign(mx.cols, 0);
    mx.col_covered.assign(mx.cols, 0);
    for (size_t r = 0; r < mx.rows; ++r)
        for (size_t c = 0; c < mx.cols; ++c) {
            MatrixCell& cell = mx.at(r, c);
            if (cell.present()) cell.covered = true;  // a hit in a sentence of a covered language
            if (cell.present()) { ++mx.row_codes[r]; ++mx.col_outlets[c]; }
            if (cell.covered) { ++mx.row_covered[r]; ++mx.col_covered[c]; }
        }
    return mx;
}

std::vector<std::vector<std::string>> OutletLanguages(const AnalyzedCorpus& ac) {
    std::vector<std::vector<std::string>> out(ac.outlets.size());
    for (size_t ai = 0; ai < ac.articles.size() && ai < ac.article_outlet.size(); ++ai) {
        const auto row = static_cast<size_t>(ac.article_outlet[ai]);
        if (row >= out.size()) continue;
        const std::string& lang = ac.articles[ai].effective_language;
        if (std::find(out[row].begin(), out[row].end(), lang) == out[row].end()) out[row].push_back(lang);
    }
    return out;
}

std::string NotCoveredReason(const AnalyzedCorpus& ac, const Codebook& cb, size_t row, size_t col) {
    const std::vector<std::vector<std::string>> langs = OutletLanguages(ac);
    return row < langs.size() ? NotCoveredReason(cb, langs[row], col) : "";
}

std::string NotCoveredReason(const Codebook& cb, const std::vector<std::string>& langs, size_t col) {
    if (col >= cb.codes.size()) return "";
    const Code& code = cb.codes[col];
    // not covered: no rule of the code sees any of the outlet's languages
    for (const std::string& lang : langs)
        if (CodeCoversLanguage(cb, code, lang)) return "";
    if (langs.empty()) return "";
    auto named = [](const std::string& l) {
        return l == "unknown" ? std::string("an unidentified language") : LanguageName(l) + " (" + l + ")";
    };
    std::string list;
    for (size_t i = 0; i < langs.size(); ++i)
        list += (i == 0 ? "" : i + 1 == langs.size() ? " or " : ", ") + named(langs[i]);
    if (langs.size() == 1 && langs[0] == "unknown")
        return "not covered: the outlet's language was not identified and no rule of " + code.id +
               " is marked for every language (\"*\"): set the article's language, or mark a rule for every language";
    std::string add = langs.size() == 1 && langs[0] != "unknown" ? "add " + LanguageName(langs[0]) + " terms"
                                                                  : "add terms in those languages";
    return "not covered: no rule of " + code.id + " is written for " + list + ": " + add +
           ", or mark a rule for every language";
}

std::string ColumnTotal(const Matrix& mx, size_t col) {
    if (col >= mx.cols) return "";
    return "reported by " + std::to_string(mx.col_outlets[col]) + " of " + std::to_string(mx.col_covered[col]) +
           " outlets covered (" + std::to_string(mx.rows) + " in all)";
}

}  // namespace presslens
