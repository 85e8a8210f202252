// io: reading corpora. Parses from bytes (string_view), never from paths: callers in the CLI,
// the viewer and the tests do their own file access. Uses nlohmann/json; no UI, no platform.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus.hpp"

namespace presslens {

// Where and what went wrong with an input. `where` names the input (file name) and, when known,
// the place in it ("line 3, column 7" or a JSON pointer such as "/articles/2/title").
struct LoadError {
    std::string where;
    std::string message;
    std::string ToString() const { return where.empty() ? message : where + ": " + message; }
};

// Metadata for one article file, as listed in a metadata.json (docs/formats.md).
struct MetadataEntry {
    std::string file;
    ArticleMeta meta;
};

// Parses a metadata.json document. On success fills `out` and returns true; on failure fills
// `error` (naming `name` and the line/column or field) and leaves `out` untouched.
bool ParseMetadataJson(std::string_view json, std::string_view name, std::vector<MetadataEntry>& out,
                       LoadError& error);

// The embedded default corpus: five articles with their metadata, in file-name order.
// Fails only if the embedded tables themselves are broken (a build defect), reported in `error`.
bool LoadDefaultCorpus(Corpus& out, LoadError& error);

}  // namespace presslens
