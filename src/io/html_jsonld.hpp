// io: the JSON-LD of saved web pages (schema.org Article and its kin), for io/html. Apart from
// html.cpp because it uses nlohmann/json, which needs exceptions: html.cpp itself is compiled
// without them in the page (see CMakeLists.txt). No UI, no files.
#pragma once
#include <string>
#include <string_view>

namespace presslens {

// What the first objects of an article type give; a value not given stays empty.
struct JsonLdArticle {
    std::string headline, date, author, publisher, language, url;
};

// Reads one <script type="application/ld+json"> body into `into`, filling only empty fields:
// objects of type Article, NewsArticle, BlogPosting, … at the top, in arrays or in a @graph;
// `author` and `publisher` by their "name" (several authors joined by ", ", a reference by @id
// looked up in the document). Broken JSON is ignored. Never throws.
void ReadJsonLd(std::string_view text, JsonLdArticle& into);

// White space runs collapsed to one space, trimmed (metadata values; html.cpp uses it too).
std::string CollapseSpace(std::string_view s);

}  // namespace presslens
