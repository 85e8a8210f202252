// io: the codings CSV (docs/formats.md): one row per article x claim, "article,code,value[,coder]",
// value 0 or 1, as a coder exports them and another imports them; an optional evidence column
// quotes the sentence that proves a 1. Bytes in, bytes out; no files.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/agreement.hpp"
#include "io/corpus_io.hpp"

namespace presslens {

// Parses a codings CSV (RFC 4180; a header naming at least article, code and value, in any order;
// an optional coder column). On any problem fills `error` naming the rows ("row 7: value "2" is
// not 0 or 1"; duplicates, empty fields, a missing column), counts further problems, and leaves
// `out` untouched: nothing is applied half-way.
bool ParseCodingsCsv(std::string_view text, std::string_view name, std::vector<Coding>& out, LoadError& error);

// Writes codings in the same format (with a coder column when any coding names one).
std::string CodingsToCsv(const std::vector<Coding>& codings);

}  // namespace presslens
