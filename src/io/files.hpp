// io: the file system, for the two hosts that have one (the CLI and the desktop viewer). Reads
// paths into InputFiles; parsing stays in inputs/ingest.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "io/inputs.hpp"

namespace presslens {

// Reads one file (at most limits.max_file_bytes; a bigger one is refused before it is read).
// On failure `error` names the path and the reason.
bool ReadInputFile(const std::string& path, InputFile& out, std::string& error, const Limits& limits = {});

// A file, or every .txt, .json and .html/.htm/.xhtml/.shtml under a directory (recursively,
// sorted by path), appended to `out`; the folder of a saved page's assets (page_files/ beside
// page.html) is left out. An empty directory or a missing path is an error naming it.
bool CollectInputs(const std::string& path, std::vector<InputFile>& out, std::string& error,
                   const Limits& limits = {});

// Writes bytes to a file atomically (a temporary beside it, then rename), creating parent folders.
bool WriteFileAtomic(const std::string& path, const std::string& bytes, std::string& error);
// The same for pieces written one after another.
bool WriteFileAtomic(const std::string& path, const std::vector<std::string_view>& pieces, std::string& error);

}  // namespace presslens
