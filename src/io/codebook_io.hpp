// io: the codebook's JSON format (docs/formats.md): reading with errors that name the field and
// its line and column, writing, and the embedded default codebook. Bytes in, bytes out; no file
// access.
#pragma once
#include <string>
#include <string_view>

#include "core/codebook.hpp"
#include "io/corpus_io.hpp"

namespace presslens {

// Parses and validates a codebook. On failure fills `error` (where: "name (line L, column C)";
// message: "<JSON pointer>: <problem>", plus how many further problems there are) and leaves
// `out` untouched.
bool ParseCodebookJson(std::string_view json, std::string_view name, Codebook& out, LoadError& error);

// One claim's object, `object_json` (the text of element `index` of "codes"), read in place of
// that claim of `before`, and the result checked as ParseCodebookJson checks a whole file: what an
// edit inside one claim needs, without parsing the whole text again (typing into a large
// codebook costs the claim, not the file). False when the object does not parse or the result
// is not a valid codebook; ParseCodebookJson on the whole text then says what and where.
bool ReparseClaimJson(std::string_view object_json, size_t index, const Codebook& before, Codebook& out);

// Writes the codebook in the same format, two-space indented; ParseCodebookJson reads it back
// equal.
std::string CodebookToJson(const Codebook& cb);

// The embedded default codebook (assets/codebook/default.json).
std::string_view DefaultCodebookJson();
bool LoadDefaultCodebook(Codebook& out, LoadError& error);

}  // namespace presslens
