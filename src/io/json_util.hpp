// io (internal): shared pieces of the JSON readers: parsing with a located error, and optional
// string fields. nlohmann/json; no file access.
#pragma once
#include <nlohmann/json.hpp>
#if !defined(__cpp_exceptions)
// io catches what nlohmann/json throws; a file compiled without exceptions would hold copies of its
// inline functions that abort instead, and the linker may keep those for io too (CMakeLists.txt).
#error "nlohmann/json is used in a file compiled with -fno-exceptions"
#endif
#include <optional>
#include <string>
#include <string_view>

#include "io/corpus_io.hpp"

namespace presslens::json_util {

// "line L, column C" (1-based, columns in bytes) of a byte offset in text.
std::string LineColumn(std::string_view text, size_t offset);

// nlohmann's parse error without its exception tag and its own (byte-based) position, which the
// caller gives as line and column: "invalid JSON: unexpected end of input; expected '}'".
std::string ParseErrorMessage(const nlohmann::json::parse_error& e);

// Parses any JSON text. On failure fills error with the file name, the line and column where
// nlohmann stopped (or where the offending number is) and what was wrong, and returns false.
// Catches every nlohmann exception, not only syntax errors: a number too large for a double
// ("1e999") is an out_of_range error.
bool ParseJson(std::string_view text, std::string_view name, nlohmann::json& doc, LoadError& error);

// Parses text as an object with an "articles" array. On failure fills error (file name with the
// line and column of a syntax error, or what the top level lacks) and returns false.
bool ParseArticlesDocument(std::string_view text, std::string_view name, nlohmann::json& doc, LoadError& error);

// Reads obj[key] into out when it is a string; absent or null leaves out unknown; any other type
// sets error to "<pointer>/<key>: expected a string or null, found <type>" and returns false.
bool ReadOptionalString(const nlohmann::json& obj, const char* key, const std::string& pointer,
                        std::optional<std::string>& out, std::string& error);

// The byte offset in text (valid JSON) of the value at a JSON pointer ("/codes/2/rules/0");
// where the pointer leads nowhere, the offset of the deepest value it reached. Iterative, so
// any nesting depth is safe.
size_t FindValueOffset(std::string_view text, std::string_view pointer);

// "name (line L, column C)" for the value at `pointer` in text.
std::string WhereInJson(std::string_view text, std::string_view name, std::string_view pointer);

}  // namespace presslens::json_util
