// io: tabular output in three formats (aligned text, CSV, JSON), shared by the CLI and the
// viewer's exports. Pure formatting; no file access.
#pragma once
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace presslens {

// A value that cannot be given (a matrix cell the codebook cannot see): `text` in the aligned
// table ("n/c"), NA in CSV, null in JSON.
struct NoValue {
    const char* text = "n/c";
    bool operator==(const NoValue&) const = default;
};

using Cell = std::variant<std::string, int64_t, double, NoValue>;

struct Table {
    std::vector<std::string> columns;
    std::vector<std::vector<Cell>> rows;  // each row has columns.size() cells
};

enum class TableFormat { Text, Csv, Json };

// Parses "table", "csv" or "json"; false for anything else.
bool ParseTableFormat(std::string_view name, TableFormat& out);

// Text: columns padded to their widest cell (in code points), numbers right-aligned, long text
// cells cut at max_width code points with "…". CSV: RFC 4180 (quotes doubled, CRLF-free: "\n"
// rows). JSON: an array of objects, one per row, keys = column names, numbers as numbers.
// Invalid UTF-8 in a cell is replaced by U+FFFD in CSV and JSON output.
std::string RenderTable(const Table& t, TableFormat format, size_t max_width = 80);

}  // namespace presslens
