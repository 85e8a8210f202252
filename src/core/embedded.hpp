// core: a file compiled into the binary (the default corpus, the UI font).
// Plain data, no I/O. The tables are generated at build time by cmake/embed_files.py.
#pragma once
#include <span>
#include <string_view>

namespace presslens {

struct EmbeddedFile {
    std::string_view name;   // base name, e.g. "000_f08923bbbf1d2df1.txt"
    std::string_view bytes;  // the file's bytes, unchanged; static storage
};

// The default corpus: assets/corpus/metadata.json and the five article files.
std::span<const EmbeddedFile> DefaultCorpusFiles();
// The default codebook: assets/codebook/default.json.
std::span<const EmbeddedFile> DefaultCodebookFiles();
// The UI font (DejaVu Sans from Debian's fonts-dejavu-core); linked by the viewer only.
std::span<const EmbeddedFile> UiFontFiles();

}  // namespace presslens
