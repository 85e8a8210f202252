// io/sniff: files that are not text, recognised by signature whatever their name, and refused by
// the input batch before any text parser sees them.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "io/inputs.hpp"
#include "io/sniff.hpp"

using namespace presslens;

namespace {

std::string Bytes(std::initializer_list<int> bytes, std::string tail = "") {
    std::string s;
    for (int b : bytes) s += static_cast<char>(b);
    return s + tail;
}

// A ZIP whose first entry is `first` (stored, as OpenDocument stores "mimetype"), followed by
// `content`, and a later entry name somewhere after it.
std::string Zip(const std::string& first, const std::string& content, const std::string& later = "") {
    std::string s = Bytes({'P', 'K', 3, 4, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    s += static_cast<char>(first.size());
    s += std::string(3, '\0');
    return s + first + content + "PK\x01\x02" + later;
}

FileKind KindOf(const std::string& bytes) { return SniffFile(bytes).kind; }

}  // namespace

TEST_CASE("sniff: text is text") {
    CHECK(KindOf("") == FileKind::Text);
    CHECK(KindOf("Title\n\nA plain article.") == FileKind::Text);
    CHECK(KindOf("<!DOCTYPE html><p>x</p>") == FileKind::Text);
    CHECK(KindOf("{\"articles\": []}") == FileKind::Text);
    CHECK(KindOf("BMW recalls 10,000 cars") == FileKind::Text);   // "BM" but no bitmap header
    CHECK(KindOf("MZ is a postcode") == FileKind::Text);          // "MZ" but no PE header
    CHECK(KindOf("ID") == FileKind::Text);
    CHECK(RefusalMessage("a.txt", SniffFile("text")).empty());
}

TEST_CASE("sniff: PDF, anywhere in the first 1024 bytes, with how to get its text") {
    Sniffed s = SniffFile("%PDF-1.5\n%\xE2\xE3\xCF\xD3\n1 0 obj");
    CHECK(s.kind == FileKind::Pdf);
    CHECK(RefusalMessage("report.txt", s) ==
          "report.txt is a PDF document, not text: open it in a PDF reader, select the text and copy it, then paste it "
          "into Presslens (Ctrl+V), or run pdftotext");
    CHECK(KindOf(std::string(500, ' ') + "%PDF-1.7") == FileKind::Pdf);
    CHECK(KindOf(std::string(1100, ' ') + "%PDF-1.7") == FileKind::Text);
}

TEST_CASE("sniff: ZIPs by the names inside: DOCX, XLSX, PPTX, ODT, EPUB, else a ZIP archive") {
    CHECK(SniffFile(Zip("[Content_Types].xml", "<Types/>", "word/document.xml")).what == "a Word document (DOCX)");
    CHECK(KindOf(Zip("[Content_Types].xml", "", "xl/workbook.xml")) == FileKind::Spreadsheet);
    CHECK(KindOf(Zip("[Content_Types].xml", "", "ppt/presentation.xml")) == FileKind::Presentation);
    CHECK(SniffFile(Zip("mimetype", "application/vnd.oasis.opendocument.text")).what == "an OpenDocument text (ODT)");
    CHECK(KindOf(Zip("mimetype", "application/vnd.oasis.opendocument.spreadsheet")) == FileKind::Spreadsheet);
    CHECK(KindOf(Zip("mimetype", "application/epub+zip")) == FileKind::Ebook);
    Sniffed zip = SniffFile(Zip("articles/one.txt", "text"));
    CHECK(zip.kind == FileKind::Archive);
    CHECK(RefusalMessage("batch.txt", zip) ==
          "batch.txt is a ZIP archive, not text: unpack it and load the articles inside (.txt, .html or .json files)");
    // a DOCX whose part names are only in the central directory at the end of a big file
    std::string big = Zip("[Content_Types].xml", std::string(200000, 'x'), "word/document.xml");
    CHECK(KindOf(big) == FileKind::WordProcessor);
}

TEST_CASE("sniff: documents, images, audio and video, programs, archives, databases") {
    struct Case {
        std::string bytes;
        FileKind kind;
        const char* what;
    };
    const std::vector<Case> cases = {
        {"{\\rtf1\\ansi Hello}", FileKind::WordProcessor, "a Rich Text document (RTF)"},
        {Bytes({0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}), FileKind::WordProcessor, nullptr},
        {Bytes({0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0}), FileKind::Image, "a PNG image"},
        {Bytes({0xFF, 0xD8, 0xFF, 0xE0}), FileKind::Image, "a JPEG image"},
        {"GIF89a\x01", FileKind::Image, "a GIF image"},
        {Bytes({'R', 'I', 'F', 'F', 0x10, 0, 0, 0}, "WEBPVP8 "), FileKind::Image, "a WebP image"},
        {Bytes({'B', 'M', 0x36, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 40, 0, 0, 0}), FileKind::Image, "a BMP image"},
        {Bytes({'I', 'I', '*', 0, 8, 0, 0, 0}), FileKind::Image, "a TIFF image"},
        {Bytes({'M', 'M', 0, '*', 0, 0, 0, 8}), FileKind::Image, "a TIFF image"},
        {Bytes({0, 0, 1, 0, 1, 0, 16, 16, 0, 0, 1, 0, 32, 0, 0, 0, 0, 0, 22, 0, 0, 0}), FileKind::Image, "an icon (ICO)"},
        {"ID3\x04", FileKind::Audio, "an MP3 audio file"},
        {Bytes({0xFF, 0xFB, 0x90, 0x44}), FileKind::Audio, "an MP3 audio file"},
        {Bytes({0, 0, 0, 0x18}, "ftypmp42"), FileKind::Video, "an MPEG-4 video (MP4)"},
        {Bytes({0, 0, 0, 0x14}, "ftypqt  "), FileKind::Video, "a QuickTime video (MOV)"},
        {Bytes({0, 0, 0, 0x20}, "ftypM4A "), FileKind::Audio, nullptr},
        {"OggS", FileKind::Audio, nullptr},
        {Bytes({'R', 'I', 'F', 'F', 0x24, 0, 0, 0}, "WAVEfmt "), FileKind::Audio, "a WAV audio file"},
        {Bytes({0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x82, 0x84}, "webm"), FileKind::Video, "a WebM video"},
        {"fLaC", FileKind::Audio, "a FLAC audio file"},
        {"\x7F" "ELF\x02\x01\x01", FileKind::Executable, nullptr},
        {Bytes({0xCF, 0xFA, 0xED, 0xFE, 7, 0, 0, 1}), FileKind::Executable, nullptr},
        {Bytes({0, 'a', 's', 'm', 1, 0, 0, 0}), FileKind::Executable, "a WebAssembly module"},
        {Bytes({0x1F, 0x8B, 8, 0}), FileKind::Archive, "a gzip-compressed file"},
        {"BZh91AY&SY", FileKind::Archive, "a bzip2-compressed file"},
        {Bytes({0xFD, '7', 'z', 'X', 'Z', 0}), FileKind::Archive, "an xz-compressed file"},
        {Bytes({'7', 'z', 0xBC, 0xAF, 0x27, 0x1C}), FileKind::Archive, "a 7-Zip archive"},
        {Bytes({'R', 'a', 'r', '!', 0x1A, 0x07, 0}), FileKind::Archive, "a RAR archive"},
        {std::string("SQLite format 3\0", 16), FileKind::Database, "an SQLite database"},
    };
    for (const Case& c : cases) {
        Sniffed s = SniffFile(c.bytes);
        CHECK_MESSAGE(s.kind == c.kind, c.bytes);
        if (c.what) CHECK(s.what == c.what);
        CHECK_FALSE(s.how.empty());
    }
    // a Windows program: "MZ", and "PE\0\0" where the header says
    std::string pe(128, '\0');
    pe[0] = 'M';
    pe[1] = 'Z';
    pe[0x3C] = 64;
    pe.replace(64, 4, std::string("PE\0\0", 4));
    CHECK(SniffFile(pe).what == "a Windows program (PE executable)");
    // tar: "ustar" at byte 257
    std::string tar(512, '\0');
    tar.replace(0, 8, "file.txt");
    tar.replace(257, 5, "ustar");
    CHECK(SniffFile(tar).what == "a tar archive");
}

TEST_CASE("sniff: the input batch refuses them before any parser, whatever the kind and name") {
    std::vector<Article> arts;
    std::vector<MetadataEntry> meta;
    std::vector<std::string> warnings;
    LoadError err;
    const std::string pdf = "%PDF-1.5\n%\xE2\xE3\xCF\xD3\nstream\nx\x9C\x03 compressed bytes without a NUL";
    for (InputKind kind : {InputKind::Article, InputKind::Html, InputKind::Corpus, InputKind::Metadata}) {
        CHECK_FALSE(ParseInput({"in/report.txt", pdf}, kind, arts, meta, warnings, err));
        CHECK(err.ToString().rfind("in/report.txt is a PDF document, not text: open it in a PDF reader", 0) == 0);
    }
    CHECK_FALSE(ParseInput({"photo.html", Bytes({0xFF, 0xD8, 0xFF, 0xE1}, "Exif")}, ClassifyInput({"photo.html", ""}),
                           arts, meta, warnings, err));
    CHECK(err.ToString().rfind("photo.html is a JPEG image, not text", 0) == 0);
    CHECK(arts.empty());
    CHECK(meta.empty());
}
