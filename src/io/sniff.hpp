// io: files that are not text, recognised by their first bytes (their signature) whatever their
// name: PDF, office documents and other ZIPs, RTF, images, audio and video, executables,
// archives, databases. Bytes in, a verdict out; no files, no UI.
#pragma once
#include <string>
#include <string_view>

namespace presslens {

enum class FileKind {
    Text,        // nothing recognised: a text format may read it (.txt, .html, .json)
    Pdf,
    WordProcessor,  // DOCX, ODT, RTF, the old binary .doc
    Spreadsheet,    // XLSX, ODS
    Presentation,   // PPTX, ODP
    Ebook,          // EPUB
    Archive,        // ZIP, gzip, bzip2, xz, zstd, 7z, RAR, tar
    Image,
    Audio,
    Video,
    Executable,
    Database,       // SQLite
};

struct Sniffed {
    FileKind kind = FileKind::Text;
    std::string what;  // "a PDF document", "a Word document (DOCX)", "a PNG image", …; "" for Text
    std::string how;   // how to get its text into Presslens (one sentence, no final stop)
};

// Looks at the signature (and for ZIPs at the names of the files inside, when they are at hand
// in the first or last 64 KiB). Cost: a few comparisons, plus two bounded searches for a ZIP.
Sniffed SniffFile(std::string_view bytes);

// "NAME is a PDF document, not text: open it in a PDF reader, …" ("" for text).
std::string RefusalMessage(std::string_view name, const Sniffed& s);

}  // namespace presslens
