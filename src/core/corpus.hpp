// core: the corpus model. Articles keep their bytes exactly as published; everything derived
// from them refers back by byte range. No UI, platform or file access here.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace presslens {

// What is known about an article. A missing value is unknown, never guessed.
struct ArticleMeta {
    std::optional<std::string> outlet;
    std::optional<std::string> title;
    std::optional<std::string> author;
    std::optional<std::string> date;      // as stated, ISO 8601 when the text gives a full date
    std::optional<std::string> language;  // ISO 639-1 code, e.g. "en", "nl"
    std::optional<std::string> url;
};

struct Article {
    std::string source;     // where it came from: a file name (the default corpus: its file name)
    std::string text;       // the article's bytes, unaltered (UTF-16 input: decoded to UTF-8)
    ArticleMeta meta;
    uint32_t body_begin = 0;  // bytes before this are front matter ("Key: value" lines)
    uint32_t source_offset = 0;  // bytes of the source file before text[0] (a UTF-8 BOM: 3)
    // An article read from another format (a saved web page, HTML pasted): `text` is what was
    // extracted from it, `received` the bytes exactly as received and `received_format` their
    // format ("html"); `received_map` gives, for each run of `text`, where it came from in
    // `received`. All empty for plain text, whose `text` is itself the bytes as received.
    struct ReceivedRun {
        uint32_t text_begin = 0, received_begin = 0, length = 0;
    };
    std::string received;
    std::string received_format;
    std::vector<ReceivedRun> received_map;
};

struct Corpus {
    std::vector<Article> articles;
};

// The title to show: the known title, else the first non-empty line, cut at a word boundary to
// at most max_bytes (never inside a UTF-8 sequence) with "…" appended when cut.
std::string DisplayTitle(const Article& article, size_t max_bytes = 90);

// The outlet to show: the known outlet, else the article's title cut to 48 bytes (its own row,
// never invented, and never a file name: a browser's saved file is often named by a hash), else
// the source name when the article has no text at all.
std::string DisplayOutlet(const Article& article);

}  // namespace presslens
