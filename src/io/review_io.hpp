// io: a review (core/review.hpp) as JSON, the form it takes in a project file's "review" record
// (docs/formats.md). Bytes in, bytes out; no files.
#pragma once
#include <string>
#include <string_view>

#include "core/review.hpp"
#include "io/corpus_io.hpp"

namespace presslens {

// Sorted keys, one decision per line: the same review always gives the same bytes.
std::string ReviewJson(const Review& r);

// Reads it back. A field of the wrong type, an unknown kind, a span past its end or a value other
// than 0 or 1 is refused, naming the field ("/decisions/3/kind: expected confirm, reject or add");
// `out` is then untouched.
bool ParseReviewJson(std::string_view text, std::string_view name, Review& out, LoadError& error);

}  // namespace presslens
