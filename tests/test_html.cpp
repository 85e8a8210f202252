// io/html: saved web pages and pasted HTML into articles (metadata, what is not the article,
// fragments, encodings, the map back to the page, refusals).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "io/html.hpp"
#include "io/inputs.hpp"

using namespace presslens;

namespace {

// A news page as sites write them: a header with navigation, the article with its headline and
// byline, a share box, related links, comments, a cookie banner and a footer.
std::string MakeNewsPage() {
    return R"(<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Council approves the new bridge | The Riverside Courier</title>
<meta property="og:site_name" content="The Riverside Courier">
<meta property="og:title" content="Council approves the new bridge">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<link rel="canonical" href="https://courier.example/news/bridge">
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Council approves the new bridge",
 "author": [{"@type": "Person", "name": "Ana Ruiz"}, {"@type": "Person", "name": "Tom Berg"}],
 "publisher": {"@type": "Organization", "name": "Riverside Courier Ltd"}}
</script>
<style>.x { color: red }</style>
</head>
<body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<main>
<article>
<h1>Council approves the new bridge</h1>
<div class="byline">By Ana Ruiz and Tom Berg</div>
<div class="article-body">
<p>The city council voted on Tuesday to build a new bridge over the river, ending a debate that has lasted for more than ten years.</p>
<p>The bridge, which will cost an estimated 40 million euros, is expected to open in 2027, the mayor said after the vote.</p>
<h2>What happens next</h2>
<p>Construction will begin next spring, once the contracts have been signed and the plans approved by the province.</p>
<ul><li>Tenders open in June.</li><li>Work starts in March.</li></ul>
<blockquote>We have waited long enough for this bridge, said a resident who attended the meeting.</blockquote>
<div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
</div>
</article>
<section class="related-stories"><h3>Related</h3><ul><li><a href="/a">Bridge plans revealed in a long report</a></li><li><a href="/b">Mayor speaks about traffic in the old town</a></li></ul></section>
<section id="comments"><p>Comment by Reader: This is a terrible waste of money, in my opinion, and nobody asked us.</p></section>
</main>
<footer><p>Copyright 2024 The Riverside Courier, all rights reserved, registered in England.</p></footer>
<script>document.write("<p>not the article</p>")</script>
</body>
</html>
)";
}

bool Has(const std::string& text, const char* what) { return text.find(what) != std::string::npos; }

}  // namespace

TEST_CASE("html: the article's paragraphs, headings, lists and quotes; the rest of the page is not the article") {
    HtmlExtraction x;
    ExtractHtml(MakeNewsPage(), x);
    CHECK(Has(x.body, "The city council voted on Tuesday"));
    CHECK(Has(x.body, "What happens next"));
    CHECK(Has(x.body, "Tenders open in June."));
    CHECK(Has(x.body, "We have waited long enough"));
    // paragraphs separated by a blank line, white space collapsed inside them
    CHECK(Has(x.body, "ten years.\n\nThe bridge, which"));
    for (const char* boilerplate : {"Home", "Sport", "cookies", "Share on Facebook", "Related", "Bridge plans revealed",
                                    "terrible waste", "Copyright", "not the article", "color: red", "By Ana Ruiz"})
        CHECK_MESSAGE(!Has(x.body, boilerplate), boilerplate);
    CHECK(x.encoding == "utf-8");
}

TEST_CASE("html: metadata from Open Graph, article:published_time, JSON-LD, <html lang> and the canonical link") {
    HtmlExtraction x;
    ExtractHtml(MakeNewsPage(), x);
    CHECK(x.meta.title == "Council approves the new bridge");
    CHECK(x.meta.outlet == "The Riverside Courier");  // og:site_name before JSON-LD's publisher
    CHECK(x.meta.author == "Ana Ruiz, Tom Berg");      // JSON-LD authors, in order
    CHECK(x.meta.date == "2024-03-05T10:00:00Z");
    CHECK(x.meta.language == "en");  // en-GB normalised to ISO 639-1
    CHECK(x.meta.url == "https://courier.example/news/bridge");
}

TEST_CASE("html: JSON-LD in a @graph, <time datetime>, a <title> with the site's name, a three-letter language") {
    const std::string page = R"(<html lang="nld"><head>
<title>Raad stemt in met brug - Het Dagblad</title>
<script type="application/ld+json">{"@graph": [
  {"@type": "WebSite", "@id": "#site", "name": "Site"},
  {"@type": "Organization", "@id": "#org", "name": "Het Dagblad"},
  {"@type": ["Article"], "datePublished": "2024-01-02", "publisher": {"@id": "#org"}}]}</script>
<script type="application/ld+json">{ broken json</script>
</head><body><article><time datetime="2023-12-31">gisteren</time>
<p>De gemeenteraad heeft dinsdag ingestemd met de bouw van een nieuwe brug over de rivier.</p></article></body></html>)";
    HtmlExtraction x;
    ExtractHtml(page, x);
    CHECK(x.meta.outlet == "Het Dagblad");        // the publisher, found by its @id
    CHECK(x.meta.date == "2024-01-02");           // JSON-LD before <time>
    CHECK(x.meta.title == "Raad stemt in met brug");  // " - Het Dagblad" cut from <title>
    CHECK(x.meta.language == "nl");
    CHECK_FALSE(x.meta.author.has_value());       // not given: unknown, never guessed
    CHECK_FALSE(x.meta.url.has_value());
    CHECK(Has(x.body, "De gemeenteraad heeft dinsdag"));

    HtmlExtraction y;
    ExtractHtml("<body><article><time datetime=\"2020-05-06\">May</time><p>A paragraph of the article that is long "
                "enough to count as running text.</p></article></body>",
                y);
    CHECK(y.meta.date == "2020-05-06");
    CHECK_FALSE(y.meta.language.has_value());
}

TEST_CASE("html: a fragment as pasted (no <html>, no <body>), and pasted text in a few inline elements") {
    CHECK(ExtractHtmlText("<p>First paragraph of a pasted article, with enough words to read.</p><p>Second "
                          "paragraph, also with <b>bold</b> and <a href=\"x\">a link</a> inside it.</p>") ==
          "First paragraph of a pasted article, with enough words to read.\n\nSecond paragraph, also with bold and a "
          "link inside it.");
    CHECK(ExtractHtmlText("<span>Short <i>note</i></span>") == "Short note");  // no running text: all of it
    Article a;
    std::vector<std::string> warnings;
    LoadError err;
    REQUIRE(ParseHtmlArticle("<p>Pasted <em>text</em> from a news site.</p>", "pasted HTML", a, warnings, err));
    CHECK(a.source == "pasted HTML");
    CHECK(a.text == "Pasted text from a news site.");  // no title: no title line
    CHECK(a.received_format == "html");
    CHECK(a.received == "<p>Pasted <em>text</em> from a news site.</p>");
}

TEST_CASE("html: entities are decoded; <br> breaks a line; <pre> keeps its lines") {
    CHECK(ExtractHtmlText("<p>Caf&eacute; &amp; cr&#232;me &lt;b&gt; &#x2014; &nbsp;AT&T&hellip;</p>") ==
          "Café & crème <b> — \xC2\xA0" "AT&T…");
    CHECK(ExtractHtmlText("<p>Line one<br>Line two<br/>Line three</p>") == "Line one\nLine two\nLine three");
    CHECK(ExtractHtmlText("<pre>a  b\n  c</pre>") == "a  b\n  c");
}

TEST_CASE("html: the title heads the text; the map leads from the text back to the page's bytes") {
    const std::string page = MakeNewsPage();
    Article a;
    std::vector<std::string> warnings;
    LoadError err;
    REQUIRE(ParseHtmlArticle(page, "bridge.html", a, warnings, err));
    CHECK(a.text.rfind("Council approves the new bridge\n\nThe city council voted", 0) == 0);
    CHECK(a.meta.title == "Council approves the new bridge");
    CHECK(a.received == page);
    REQUIRE_FALSE(a.received_map.empty());
    size_t mapped = 0;
    for (const Article::ReceivedRun& r : a.received_map) {
        REQUIRE(r.text_begin + r.length <= a.text.size());
        REQUIRE(r.received_begin + r.length <= a.received.size());
        // a run is the same bytes on both sides
        CHECK(a.text.compare(r.text_begin, r.length, a.received, r.received_begin, r.length) == 0);
        mapped += r.length;
    }
    CHECK(mapped * 10 > a.text.size() * 9);  // nearly all of it: only collapsed white space is not
    // the first paragraph starts where the page has it
    size_t in_text = a.text.find("The city council");
    size_t in_page = page.find("The city council");
    bool found = false;
    for (const Article::ReceivedRun& r : a.received_map)
        if (r.text_begin <= in_text && in_text < r.text_begin + r.length)
            found = r.received_begin + (in_text - r.text_begin) == in_page;
    CHECK(found);
}

TEST_CASE("html: a legacy encoding declared by <meta charset> or http-equiv is decoded to UTF-8") {
    // windows-1252: 0xE9 é, 0x93/0x94 curly quotes, 0x80 euro
    std::string page = "<html><head><meta charset=\"windows-1252\"><title>Caf\xE9</title></head><body>"
                       "<p>Le caf\xE9 co\xFBte 2 \x80, a dit le gar\xE7on: \x93 c'est cher \x94.</p></body></html>";
    HtmlExtraction x;
    ExtractHtml(page, x);
    CHECK(x.encoding == "windows-1252");
    CHECK(x.body == "Le café coûte 2 €, a dit le garçon: “ c'est cher ”.");
    CHECK(x.meta.title == "Café");
    // the map covers only ASCII stretches (bytes equal on both sides)
    for (const Article::ReceivedRun& r : x.body_map)
        CHECK(x.body.compare(r.text_begin, r.length, page, r.received_begin, r.length) == 0);
    CHECK_FALSE(x.body_map.empty());

    // "iso-8859-1" means windows-1252 to browsers; KOI8-R through http-equiv
    HtmlExtraction y;
    ExtractHtml("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=KOI8-R\"><p>\xF0\xD2\xC9\xD7\xC5\xD4</p>", y);
    CHECK(y.encoding == "koi8-r");
    CHECK(y.body == "Привет");

    // a multi-byte encoding we do not decode: read as UTF-8, with a note
    HtmlExtraction z;
    ExtractHtml("<meta charset=\"shift_jis\"><p>ascii only</p>", z);
    CHECK(z.encoding == "utf-8");
    REQUIRE(z.notes.size() == 1);
    CHECK(Has(z.notes[0], "shift_jis"));

    // a UTF-8 BOM wins, and offsets in the map count it
    std::string bom = "\xEF\xBB\xBF<p>Na\xC3\xAFve</p>";
    HtmlExtraction b;
    ExtractHtml(bom, b);
    CHECK(b.body == "Naïve");
    REQUIRE(b.body_map.size() == 1);
    CHECK(b.body_map[0].received_begin == 6);
}

TEST_CASE("html: no article text is an error naming the file; bad input never crashes") {
    Article a;
    std::vector<std::string> warnings;
    LoadError err;
    CHECK_FALSE(ParseHtmlArticle("<html><head><title>T</title><script>x()</script></head></html>", "empty.html", a,
                                 warnings, err));
    CHECK(err.ToString() == "no article text found in empty.html");
    CHECK_FALSE(ParseHtmlArticle("", "zero.html", a, warnings, err));
    CHECK_FALSE(ParseHtmlArticle("<nav><a href=/>Home</a></nav><footer>(c) 2024</footer>", "nav.html", a, warnings, err));
    // broken markup, stray bytes, NULs, unclosed everything: text out, no crash
    std::string junk = "<p>Broken <b><i>markup</b></i> and \xFF\xFE bytes ";
    junk += std::string("\0", 1);
    junk += "<div><table><tr><td>cell<p>unclosed <a href='x";
    HtmlExtraction x;
    ExtractHtml(junk, x);
    CHECK(Has(x.body, "Broken markup"));
    // nesting deeper than kMaxHtmlDepth: refused unparsed (quadratic in the parser otherwise)
    std::string deep;
    for (int i = 0; i < 20000; ++i) deep += "<div>";
    deep += "deep";
    CHECK_FALSE(ParseHtmlArticle(deep, "deep.html", a, warnings, err));
    CHECK(Has(err.ToString(), "deep.html: the page nests its elements 20000 deep"));
    // just under the limit: parsed
    std::string nested;
    for (int i = 0; i < 2000; ++i) nested += "<div>";
    nested += "<p>Deep but readable text of an article.</p>";
    CHECK(ExtractHtmlText(nested) == "Deep but readable text of an article.");
}

TEST_CASE("html: all the text of a page (the benchmark's naive peer)") {
    std::string all = ExtractAllHtmlText(MakeNewsPage());
    CHECK(Has(all, "The city council voted"));
    CHECK(Has(all, "Home"));
    CHECK(Has(all, "terrible waste"));
    CHECK_FALSE(Has(all, "color: red"));  // styles and scripts are not text
    CHECK_FALSE(Has(all, "not the article"));
    CHECK_FALSE(Has(all, "Riverside Courier Ltd"));  // nor the head's JSON-LD
}

TEST_CASE("html: inputs take .html/.htm and HTML in a .txt or a file with no extension") {
    CHECK(ClassifyInput({"page.HTML", "anything"}) == InputKind::Html);
    CHECK(ClassifyInput({"page.htm", ""}) == InputKind::Html);
    CHECK(ClassifyInput({"saved.txt", "\xEF\xBB\xBF \n <!doctype html><p>x</p>"}) == InputKind::Html);
    CHECK(ClassifyInput({"clip", "<HTML><body>x"}) == InputKind::Html);
    CHECK(ClassifyInput({"notes.txt", "About <html> tags\n\nA text about markup."}) == InputKind::Article);
    CHECK(std::string(InputKindName(InputKind::Html)) == "html");
    CHECK(LooksLikeHtml("  <!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">"));
    CHECK_FALSE(LooksLikeHtml("<!DOCTYPE svg>"));

    std::vector<Article> arts;
    std::vector<MetadataEntry> meta;
    std::vector<std::string> warnings;
    LoadError err;
    REQUIRE(ParseInput({"dir/bridge.html", MakeNewsPage()}, InputKind::Html, arts, meta, warnings, err));
    REQUIRE(arts.size() == 1);
    CHECK(arts[0].source == "bridge.html");
    CHECK(arts[0].meta.outlet == "The Riverside Courier");
    CHECK_FALSE(ParseInput({"dir/none.html", "<title>x</title>"}, InputKind::Html, arts, meta, warnings, err));
    CHECK(err.ToString() == "no article text found in dir/none.html");
    CHECK(arts.size() == 1);
}

TEST_CASE("html: a box per paragraph, text in a box named paywall, a wrapper named like an ad") {
    // each paragraph wrapped twice, as some publishing platforms do: many candidates of about the
    // same score, whose common ancestor is the article
    std::string page = "<body><div class=\"page-ad-margins\"><nav><a href=/>Home</a></nav><div id=\"article-body\">";
    for (const char* p : {"First paragraph of the story, which says what happened, where, and to whom it happened.",
                          "Second paragraph, with the reaction of the council, the mayor, and the residents nearby.",
                          "Third paragraph, with the background: the plan, its cost, and the years of debate before.",
                          "Fourth paragraph, with what comes next, when the work starts, and who will pay for it."}) {
        page += "<div class=\"card\"><div class=\"card-content\"><p>";
        page += p;
        page += "</p></div></div>";
    }
    page += "<div class=\"paywall\"><p>The rest of the article, sent to every reader, hidden by a script, read here.</p></div>";
    page += "</div><div class=\"related\"><a href=/x>Another story with a long headline here</a></div></div></body>";
    std::string body = ExtractHtmlText(page);
    CHECK(Has(body, "First paragraph of the story"));
    CHECK(Has(body, "Second paragraph"));
    CHECK(Has(body, "Fourth paragraph"));
    CHECK(Has(body, "The rest of the article"));  // "paywall" is not a boilerplate name
    CHECK_FALSE(Has(body, "Home"));
    CHECK_FALSE(Has(body, "Another story"));
}
