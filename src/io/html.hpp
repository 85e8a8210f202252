// io: saved web pages and pasted HTML into articles. Parses bytes with gumbo (an HTML5 parser);
// never opens paths, no UI. docs/formats.md describes what is taken as the article and why.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus.hpp"
#include "io/corpus_io.hpp"

namespace presslens {

// What a page gives: the article body and what the page says about it.
struct HtmlExtraction {
    std::string body;      // the article's paragraphs, headings, lists and quotes as plain UTF-8
                           // text, one block per line group, blocks separated by a blank line
    ArticleMeta meta;      // title, outlet, author, date, language (ISO 639-1), canonical URL;
                           // a value the page does not give stays unknown
    std::string encoding;  // how the bytes were read: "utf-8", "utf-16le", "windows-1252", …
    // Runs of `body` and where they are in the bytes as received (equal length on both sides:
    // text that entities, collapsed white space or a legacy encoding changed has no run).
    std::vector<Article::ReceivedRun> body_map;
    std::vector<std::string> notes;  // things worth knowing (an encoding that is not decoded, …)
    std::string refused;  // why the page was not parsed at all ("" when it was): see kMaxHtmlDepth
};

// HTML parsers (gumbo as browsers) check the open elements at each tag, so a page nested deeper
// costs time quadratic in its depth: a page that nests more than this is refused unparsed.
// Real pages stay below a few hundred.
inline constexpr size_t kMaxHtmlDepth = 10000;

// Extracts the article from a page or a fragment (HTML with no <html> or <body>, as pasted).
// Navigation, related links, comments, cookie banners, forms, scripts, styles, headers and
// footers are left out. The encoding comes from a BOM, else <meta charset> / http-equiv (or an
// XML declaration), else UTF-8; the common single-byte encodings are decoded. Never fails and
// never throws on any input; `body` is empty when the page holds no article text.
// Linear in the size of the page.
void ExtractHtml(std::string_view bytes, HtmlExtraction& out);

// All the text of a page outside scripts, styles and templates, one line per block: what a
// "get all the text" reader gives (the naive peer in bench/html).
std::string ExtractAllHtmlText(std::string_view bytes);

// A saved web page (or pasted HTML: name "pasted HTML") as an Article: `text` is the title line
// (when the page names a title), a blank line and the body; `received` the page's bytes,
// `received_format` "html", `received_map` the runs of `text` found in them. `source` is `name`.
// Returns false, with `error` naming `name`, when the page holds no article text.
bool ParseHtmlArticle(std::string_view bytes, std::string_view name, Article& out, std::vector<std::string>& warnings,
                      LoadError& error);

// The article text of pasted HTML (the body, no title line): ExtractHtml's body.
std::string ExtractHtmlText(std::string_view bytes);

// Does this look like an HTML document: after white space and a BOM it starts with
// "<!DOCTYPE html" or "<html" (any case)? (For .txt files and unknown names.)
bool LooksLikeHtml(std::string_view bytes);

}  // namespace presslens
