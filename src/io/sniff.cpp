// io: signatures of files that are not text (see sniff.hpp). The magic numbers are the formats'
// own published ones (each format's specification, as the file(1) database also lists them).
#include "io/sniff.hpp"

#include <cstdint>

namespace presslens {

namespace {

bool StartsWith(std::string_view b, std::string_view sig, size_t at = 0) {
    return b.size() >= at + sig.size() && b.compare(at, sig.size(), sig) == 0;
}

uint32_t Le32(std::string_view b, size_t at) {
    if (b.size() < at + 4) return 0;
    return static_cast<uint32_t>(static_cast<unsigned char>(b[at])) |
           static_cast<uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8 |
           static_cast<uint32_t>(static_cast<unsigned char>(b[at + 2])) << 16 |
           static_cast<uint32_t>(static_cast<unsigned char>(b[at + 3])) << 24;
}

constexpr std::string_view kWordHow =
    "open it in a word processor and save it as plain text (.txt), or select the text, copy it and paste it into "
    "Presslens (Ctrl+V)";
constexpr std::string_view kArchiveHow = "unpack it and load the articles inside (.txt, .html or .json files)";
constexpr std::string_view kNotArticleHow = "it is not an article; load article files (.txt, .html or .json)";

Sniffed Make(FileKind kind, std::string what, std::string_view how) { return {kind, std::move(what), std::string(how)}; }

// A ZIP's contents by the names of its files: the office formats keep fixed part names, and
// OpenDocument and EPUB store their media type uncompressed as the first file ("mimetype").
Sniffed SniffZip(std::string_view b) {
    std::string_view head = b.substr(0, 65536);
    std::string_view tail = b.size() > 65536 ? b.substr(b.size() - 65536) : std::string_view{};
    auto has = [&](std::string_view name) {
        return head.find(name) != std::string_view::npos || tail.find(name) != std::string_view::npos;
    };
    if (StartsWith(b, "mimetype", 30)) {
        if (has("application/epub+zip"))
            return Make(FileKind::Ebook, "an e-book (EPUB)",
                        "open it in an e-book reader, select the chapter's text, copy it and paste it into Presslens (Ctrl+V)");
        if (has("application/vnd.oasis.opendocument.text")) return Make(FileKind::WordProcessor, "an OpenDocument text (ODT)", kWordHow);
        if (has("application/vnd.oasis.opendocument.spreadsheet"))
            return Make(FileKind::Spreadsheet, "an OpenDocument spreadsheet (ODS)",
                        "open it in a spreadsheet program, copy the articles' text and paste it into Presslens (Ctrl+V)");
        if (has("application/vnd.oasis.opendocument.presentation"))
            return Make(FileKind::Presentation, "an OpenDocument presentation (ODP)",
                        "open it in a presentation program, copy the text and paste it into Presslens (Ctrl+V)");
    }
    if (has("word/document.xml")) return Make(FileKind::WordProcessor, "a Word document (DOCX)", kWordHow);
    if (has("xl/workbook.xml"))
        return Make(FileKind::Spreadsheet, "an Excel workbook (XLSX)",
                    "open it in a spreadsheet program, copy the articles' text and paste it into Presslens (Ctrl+V)");
    if (has("ppt/presentation.xml"))
        return Make(FileKind::Presentation, "a PowerPoint presentation (PPTX)",
                    "open it in a presentation program, copy the text and paste it into Presslens (Ctrl+V)");
    return Make(FileKind::Archive, "a ZIP archive", kArchiveHow);
}

}  // namespace

Sniffed SniffFile(std::string_view b) {
    // PDF readers accept the header anywhere in the first 1024 bytes
    if (b.substr(0, 1024).find("%PDF-") != std::string_view::npos)
        return Make(FileKind::Pdf, "a PDF document",
                    "open it in a PDF reader, select the text and copy it, then paste it into Presslens (Ctrl+V), "
                    "or run pdftotext");
    if (StartsWith(b, "PK\x03\x04") || StartsWith(b, "PK\x05\x06") || StartsWith(b, "PK\x07\x08")) return SniffZip(b);
    if (StartsWith(b, "{\\rtf")) return Make(FileKind::WordProcessor, "a Rich Text document (RTF)", kWordHow);
    if (StartsWith(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
        return Make(FileKind::WordProcessor, "an old Microsoft Office document (.doc, .xls or .ppt)", kWordHow);

    constexpr std::string_view kImageHow =
        "an image holds no text Presslens can read; if it is a scanned article, run it through OCR (for example "
        "tesseract) and load the text";
    if (StartsWith(b, "\x89PNG\r\n\x1A\n")) return Make(FileKind::Image, "a PNG image", kImageHow);
    if (StartsWith(b, "\xFF\xD8\xFF")) return Make(FileKind::Image, "a JPEG image", kImageHow);
    if (StartsWith(b, "GIF87a") || StartsWith(b, "GIF89a")) return Make(FileKind::Image, "a GIF image", kImageHow);
    if (StartsWith(b, "RIFF") && StartsWith(b, "WEBP", 8)) return Make(FileKind::Image, "a WebP image", kImageHow);
    if (StartsWith(b, "II*\0", 0) || StartsWith(b, std::string_view("MM\0*", 4)))
        return Make(FileKind::Image, "a TIFF image", kImageHow);
    if (StartsWith(b, "BM") && b.size() >= 18 && Le32(b, 6) == 0) {
        uint32_t header = Le32(b, 14);  // the DIB header's size tells the BMP versions apart
        if (header == 12 || header == 40 || header == 52 || header == 56 || header == 64 || header == 108 || header == 124)
            return Make(FileKind::Image, "a BMP image", kImageHow);
    }
    if (StartsWith(b, std::string_view("\0\0\1\0", 4)) && b.size() >= 22 && b[4] != 0 && b[5] == 0)
        return Make(FileKind::Image, "an icon (ICO)", kImageHow);

    constexpr std::string_view kAvHow = "Presslens reads text; load a transcript of it instead";
    if (StartsWith(b, "ID3")) return Make(FileKind::Audio, "an MP3 audio file", kAvHow);
    if (b.size() >= 4 && static_cast<unsigned char>(b[0]) == 0xFF && (static_cast<unsigned char>(b[1]) & 0xE6) == 0xE2 &&
        (static_cast<unsigned char>(b[2]) & 0xF0) != 0xF0)  // an MPEG audio frame header
        return Make(FileKind::Audio, "an MP3 audio file", kAvHow);
    if (StartsWith(b, "ftyp", 4)) {
        std::string_view brand = b.substr(8, 4);
        if (brand == "M4A " || brand == "M4B " || brand == "M4P ") return Make(FileKind::Audio, "an MPEG-4 audio file (M4A)", kAvHow);
        if (brand == "heic" || brand == "heix" || brand == "mif1" || brand == "avif")
            return Make(FileKind::Image, "a HEIF/AVIF image", kImageHow);
        if (brand == "qt  ") return Make(FileKind::Video, "a QuickTime video (MOV)", kAvHow);
        return Make(FileKind::Video, "an MPEG-4 video (MP4)", kAvHow);
    }
    if (StartsWith(b, "OggS")) return Make(FileKind::Audio, "an Ogg audio or video file", kAvHow);
    if (StartsWith(b, "RIFF") && StartsWith(b, "WAVE", 8)) return Make(FileKind::Audio, "a WAV audio file", kAvHow);
    if (StartsWith(b, "RIFF") && StartsWith(b, "AVI ", 8)) return Make(FileKind::Video, "an AVI video", kAvHow);
    if (StartsWith(b, "\x1A\x45\xDF\xA3"))
        return Make(FileKind::Video, b.substr(0, 64).find("webm") != std::string_view::npos ? "a WebM video" : "a Matroska video (MKV)",
                    kAvHow);
    if (StartsWith(b, "fLaC")) return Make(FileKind::Audio, "a FLAC audio file", kAvHow);

    if (StartsWith(b, "\x7F" "ELF")) return Make(FileKind::Executable, "a program (ELF executable)", kNotArticleHow);
    if (StartsWith(b, "MZ") && b.size() >= 64) {
        uint32_t pe = Le32(b, 0x3C);
        if (pe + 4 <= b.size() && StartsWith(b, std::string_view("PE\0\0", 4), pe))
            return Make(FileKind::Executable, "a Windows program (PE executable)", kNotArticleHow);
    }
    if (StartsWith(b, "\xFE\xED\xFA\xCE") || StartsWith(b, "\xFE\xED\xFA\xCF") || StartsWith(b, "\xCE\xFA\xED\xFE") ||
        StartsWith(b, "\xCF\xFA\xED\xFE"))
        return Make(FileKind::Executable, "a macOS program (Mach-O executable)", kNotArticleHow);
    if (StartsWith(b, "\xCA\xFE\xBA\xBE"))
        return Make(FileKind::Executable, "a program (Mach-O universal binary or Java class)", kNotArticleHow);
    if (StartsWith(b, std::string_view("\0asm", 4))) return Make(FileKind::Executable, "a WebAssembly module", kNotArticleHow);

    if (StartsWith(b, "\x1F\x8B")) return Make(FileKind::Archive, "a gzip-compressed file", kArchiveHow);
    if (StartsWith(b, "BZh") && b.size() > 3 && b[3] >= '1' && b[3] <= '9')
        return Make(FileKind::Archive, "a bzip2-compressed file", kArchiveHow);
    if (StartsWith(b, std::string_view("\xFD" "7zXZ\0", 6))) return Make(FileKind::Archive, "an xz-compressed file", kArchiveHow);
    if (StartsWith(b, "\x28\xB5\x2F\xFD")) return Make(FileKind::Archive, "a zstd-compressed file", kArchiveHow);
    if (StartsWith(b, "7z\xBC\xAF\x27\x1C")) return Make(FileKind::Archive, "a 7-Zip archive", kArchiveHow);
    if (StartsWith(b, "Rar!\x1A\x07")) return Make(FileKind::Archive, "a RAR archive", kArchiveHow);
    if (StartsWith(b, "ustar", 257)) return Make(FileKind::Archive, "a tar archive", kArchiveHow);
    if (StartsWith(b, std::string_view("SQLite format 3\0", 16)))
        return Make(FileKind::Database, "an SQLite database",
                    "export the articles' text from it (for example with sqlite3) as .txt files or a JSON corpus");
    return {};
}

std::string RefusalMessage(std::string_view name, const Sniffed& s) {
    if (s.kind == FileKind::Text) return "";
    return std::string(name) + " is " + s.what + ", not text: " + s.how;
}

}  // namespace presslens
