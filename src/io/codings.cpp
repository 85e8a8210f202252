// io: the codings CSV (see codings.hpp).
#include "io/codings.hpp"

#include <map>

namespace presslens {

namespace {

// Splits CSV text into rows of fields (RFC 4180: quoted fields may hold commas, quotes doubled,
// line breaks). Returns false at an unterminated quote, with the row it began in.
bool SplitCsv(std::string_view text, std::vector<std::vector<std::string>>& rows, size_t& bad_row) {
    std::vector<std::string> row;
    std::string field;
    bool quoted = false, any = false;
    size_t row_start = 1, line = 1;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') { field += '"'; ++i; }
            else if (c == '"') quoted = false;
            else { if (c == '\n') ++line; field += c; }
            continue;
        }
        if (c == '"' && field.empty()) { quoted = true; any = true; }
        else if (c == ',') { row.push_back(std::move(field)); field.clear(); any = true; }
        else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            if (any || !field.empty()) { row.push_back(std::move(field)); rows.push_back(std::move(row)); }
            field.clear();
            row.clear();
            any = false;
            row_start = ++line;
        } else { field += c; any = true; }
    }
    if (quoted) { bad_row = row_start; return false; }
    if (any || !field.empty()) { row.push_back(std::move(field)); rows.push_back(std::move(row)); }
    return true;
}

std::string Trim(const std::string& s) {
    size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

}  // namespace

bool ParseCodingsCsv(std::string_view text, std::string_view name, std::vector<Coding>& out, LoadError& error) {
    error = {std::string(name), ""};
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    std::vector<std::vector<std::string>> rows;
    size_t bad = 0;
    if (!SplitCsv(text, rows, bad)) {
        error.message = "row " + std::to_string(bad) + ": a quoted field is never closed";
        return false;
    }
    if (rows.empty()) {
        error.message = "empty: expected a header \"article,code,value\" and one row per article and claim";
        return false;
    }
    int col_article = -1, col_code = -1, col_value = -1, col_coder = -1, col_evidence = -1;
    for (size_t i = 0; i < rows[0].size(); ++i) {
        const std::string h = Trim(rows[0][i]);
        if (h == "article") col_article = static_cast<int>(i);
        else if (h == "code") col_code = static_cast<int>(i);
        else if (h == "value") col_value = static_cast<int>(i);
        else if (h == "coder") col_coder = static_cast<int>(i);
        else if (h == "evidence") col_evidence = static_cast<int>(i);
    }
    if (col_article < 0 || col_code < 0 || col_value < 0) {
        std::string missing;
        for (auto [col, nm] : {std::pair{col_article, "article"}, std::pair{col_code, "code"}, std::pair{col_value, "value"}})
            if (col < 0) missing += (missing.empty() ? "" : ", ") + std::string(nm);
        error.message = "row 1: the header lacks " + missing + " (expected \"article,code,value[,coder]\")";
        return false;
    }
    std::vector<Coding> parsed;
    std::vector<std::string> problems;
    std::map<std::pair<std::string, std::string>, size_t> first_row;
    for (size_t r = 1; r < rows.size(); ++r) {
        const std::vector<std::string>& f = rows[r];
        const std::string where = "row " + std::to_string(r + 1);
        auto at = [&](int c) { return c >= 0 && static_cast<size_t>(c) < f.size() ? Trim(f[static_cast<size_t>(c)]) : std::string(); };
        Coding c{at(col_article), at(col_code), 0, at(col_coder), at(col_evidence)};
        const std::string v = at(col_value);
        if (c.article.empty() || c.code.empty()) {
            problems.push_back(where + ": the article or the code is empty");
            continue;
        }
        if (v != "0" && v != "1") {
            problems.push_back(where + ": value \"" + v + "\" is not 0 or 1");
            continue;
        }
        c.value = v == "1";
        auto [it, fresh] = first_row.emplace(std::pair{c.article, c.code}, r + 1);
        if (!fresh) {
            problems.push_back(where + " codes " + c.article + " x " + c.code + " again (first in row " +
                               std::to_string(it->second) + ")");
            continue;
        }
        parsed.push_back(std::move(c));
    }
    if (!problems.empty()) {
        error.message = problems.front() + (problems.size() > 1 ? " (and " + std::to_string(problems.size() - 1) +
                                                                      " more problem" + (problems.size() > 2 ? "s" : "") + ")"
                                                                : "");
        return false;
    }
    if (parsed.empty()) {
        error.message = "no codings: only a header";
        return false;
    }
    out = std::move(parsed);
    error = {};
    return true;
}

std::string CodingsToCsv(const std::vector<Coding>& codings) {
    bool coder = false, evidence = false;
    for (const Coding& c : codings) {
        coder |= !c.coder.empty();
        evidence |= !c.evidence.empty();
    }
    auto field = [](const std::string& s) {
        if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
        std::string q = "\"";
        for (char ch : s) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
        return q + "\"";
    };
    std::string out = std::string("article,code,value") + (coder ? ",coder" : "") + (evidence ? ",evidence" : "") + "\n";
    for (const Coding& c : codings)
        out += field(c.article) + "," + field(c.code) + "," + (c.value ? "1" : "0") + (coder ? "," + field(c.coder) : "") +
               (evidence ? "," + field(c.evidence) : "") + "\n";
    return out;
}

}  // namespace presslens
