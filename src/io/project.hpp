// io: the project file (.presslens): one story's articles as received, their metadata, the
// codebook as written, and the view, in one file a colleague can open to see the same matrix.
// Bytes in, bytes out; no file access. The layout is documented in docs/formats.md.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus.hpp"
#include "io/corpus_io.hpp"
#include "io/inputs.hpp"

namespace presslens {

inline constexpr std::string_view kProjectExtension = ".presslens";

struct Project {
    std::string name;            // the story's name ("" = untitled)
    std::string codebook_name;   // where the codebook came from ("codebook.json")
    std::string codebook_text;   // the codebook JSON exactly as written
    Corpus corpus;
    std::string review_text;     // the human review (io/review_io.hpp) as JSON, "" = none
    std::string view;            // the view link (ui/view_link.hpp), "" = none
};

// The file as pieces written one after another, never joined (io/inputs.hpp's SavedCorpusParts:
// the small record lines owned, the texts viewed), so a big corpus is written without a second
// copy of it in memory. The project's texts must outlive it.
using ProjectParts = SavedCorpusParts;
ProjectParts ProjectPieces(const Project& p);
std::string ProjectBytes(const Project& p);

// Does this look like a project file (its format line), whatever its name?
bool LooksLikeProject(std::string_view bytes);

// Reads a project file. A file that is not one, one made by a newer format, or one cut short
// (no end record, a text running past the end) is refused with a message naming the record and
// byte where it broke; `out` is then untouched. Records of kinds this version does not know are
// skipped with a warning (a later format's additions). Writing what was read gives the same bytes.
bool ParseProject(std::string_view bytes, std::string_view name, Project& out, std::vector<std::string>& warnings,
                  LoadError& error);

// A short fingerprint of a corpus's articles (their sources and texts, in order): 8 hex digits.
// A view link carries it so that a link opened where its project is absent can say so.
std::string CorpusFingerprint(const Corpus& corpus);

}  // namespace presslens
