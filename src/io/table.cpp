// io: table rendering (see table.hpp).
#include "io/table.hpp"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/text.hpp"

namespace presslens {
namespace {

std::string CellText(const Cell& c) {
    if (const auto* s = std::get_if<std::string>(&c)) return *s;
    if (const auto* i = std::get_if<int64_t>(&c)) return std::to_string(*i);
    if (const auto* n = std::get_if<NoValue>(&c)) return n->text;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", std::get<double>(c));
    return buf;
}

size_t Width(std::string_view s) {
    size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

std::string Cut(const std::string& s, size_t max) {
    if (Width(s) <= max) return s;
    size_t i = 0, seen = 0;
    while (i < s.size()) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && seen++ == max - 1) break;
        ++i;
    }
    return s.substr(0, i) + "\xE2\x80\xA6";
}

std::string OneLine(std::string s) {
    for (char& c : s)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return s;
}

}  // namespace

bool ParseTableFormat(std::string_view name, TableFormat& out) {
    if (name == "table") out = TableFormat::Text;
    else if (name == "csv") out = TableFormat::Csv;
    else if (name == "json") out = TableFormat::Json;
    else return false;
    return true;
}

std::string RenderTable(const Table& t, TableFormat format, size_t max_width) {
    std::string out;
    if (format == TableFormat::Json) {
        nlohmann::ordered_json arr = nlohmann::ordered_json::array();
        for (const auto& row : t.rows) {
            nlohmann::ordered_json obj = nlohmann::ordered_json::object();
            for (size_t c = 0; c < t.columns.size() && c < row.size(); ++c) {
                const Cell& cell = row[c];
                if (const auto* s = std::get_if<std::string>(&cell)) obj[t.columns[c]] = ReplaceInvalidUtf8(*s);
                else if (const auto* i = std::get_if<int64_t>(&cell)) obj[t.columns[c]] = *i;
                else if (std::holds_alternative<NoValue>(cell)) obj[t.columns[c]] = nullptr;
                else obj[t.columns[c]] = std::get<double>(cell);
            }
            arr.push_back(std::move(obj));
        }
        return arr.dump(2) + "\n";
    }
    if (format == TableFormat::Csv) {
        auto field = [](const std::string& raw) {
            std::string s = ReplaceInvalidUtf8(raw);
            if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
            std::string q = "\"";
            for (char c : s) {
                if (c == '"') q += '"';
                q += c;
            }
            return q + "\"";
        };
        for (size_t c = 0; c < t.columns.size(); ++c) out += (c ? "," : "") + field(t.columns[c]);
        out += "\n";
        for (const auto& row : t.rows) {
            for (size_t c = 0; c < row.size(); ++c)
                out += (c ? "," : "") + (std::holds_alternative<NoValue>(row[c]) ? std::string("NA") : field(CellText(row[c])));
            out += "\n";
        }
        return out;
    }
    std::vector<std::vector<std::string>> cells;
    std::vector<size_t> width(t.columns.size());
    for (size_t c = 0; c < t.columns.size(); ++c) width[c] = Width(t.columns[c]);
    for (const auto& row : t.rows) {
        std::vector<std::string> r;
        for (size_t c = 0; c < row.size(); ++c) {
            r.push_back(Cut(OneLine(ReplaceInvalidUtf8(CellText(row[c]))), max_width));
            width[c] = std::max(width[c], Width(r.back()));
        }
        cells.push_back(std::move(r));
    }
    auto emit = [&](const std::vector<std::string>& r, const std::vector<Cell>* types) {
        std::string line;
        for (size_t c = 0; c < r.size(); ++c) {
            bool num = types && !std::holds_alternative<std::string>((*types)[c]);
            std::string pad(width[c] - Width(r[c]), ' ');
            bool last = c + 1 == r.size();
            line += num ? pad + r[c] : r[c] + (last ? "" : pad);
            if (!last) line += "  ";
        }
        out += line + "\n";
    };
    emit(t.columns, nullptr);
    for (size_t i = 0; i < cells.size(); ++i) emit(cells[i], &t.rows[i]);
    return out;
}

}  // namespace presslens
