// io: saved web pages and pasted HTML (see html.hpp). gumbo builds the tree; this file decides
// what is the article. No UI, no files. The approach follows the published principles of
// Readability.js and trafilatura (score the blocks of running text, prefer the container that
// holds them, leave out what is marked or shaped as navigation); the code is our own.
//
// Index
// [SECTION] Decoding the page (BOM, <meta charset>, single-byte encodings)
// [SECTION] The parse: gumbo with an allocator we free in one sweep
// [SECTION] A flat tree in document order
// [SECTION] Metadata: <head>, Open Graph, JSON-LD, <time>
// [SECTION] What is not the article: tags, hidden, class and id names
// [SECTION] Scoring: where the running text is
// [SECTION] Writing the blocks, with the map back to the page
// [SECTION] Public functions
#include "io/html.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <unordered_map>

#include "io/charsets.hpp"
#include "io/html_jsonld.hpp"
#include "io/ingest.hpp"

extern "C" {
#include <gumbo.h>
}

namespace presslens {

namespace {

bool IsSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string LowerCopy(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = LowerAscii(c);
    return out;
}

std::string_view TrimView(std::string_view s) {
    while (!s.empty() && IsSpace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && IsSpace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}


// Case-insensitive search for an ASCII needle.
size_t FindNoCase(std::string_view hay, std::string_view needle, size_t from = 0) {
    if (needle.empty() || hay.size() < needle.size()) return std::string_view::npos;
    for (size_t i = from; i + needle.size() <= hay.size(); ++i) {
        size_t k = 0;
        while (k < needle.size() && LowerAscii(hay[i + k]) == needle[k]) ++k;
        if (k == needle.size()) return i;
    }
    return std::string_view::npos;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Decoding the page (BOM, <meta charset>, single-byte encodings)
// ---------------------------------------------------------------------------------------------

// The page as UTF-8 for gumbo, and the way back from its offsets to the bytes as received.
struct DecodedPage {
    std::string storage;    // the decoded page when it had to be decoded
    std::string_view utf8;  // the page as UTF-8: a view of the received bytes or of `storage`
    std::string encoding = "utf-8";
    enum class Map { Identity, SingleByte, None } map = Map::Identity;
    size_t prefix = 0;  // Identity: received offset = utf8 offset + prefix (a UTF-8 BOM: 3)
    // SingleByte: the UTF-8 offsets where a character of two or three bytes starts, and the
    // bytes the decoding added up to and including it (received offset = utf8 offset - added
    // before it)
    std::vector<uint32_t> wide_at, added;
    // What gumbo parses: `utf8` less the bodies of scripts and styles (half the bytes of a news
    // page, which the parser would otherwise read character by character for nothing). `cut_at`
    // are the offsets in `parsed` where bytes were cut out, `cut` the bytes cut up to there.
    std::string parsed_storage;
    std::string_view parsed;
    std::vector<uint32_t> cut_at, cut;

    // The received offset of an offset in `parsed` that starts an ASCII character.
    size_t ReceivedOffset(size_t p) const {
        size_t u = p;
        if (auto it = std::upper_bound(cut_at.begin(), cut_at.end(), static_cast<uint32_t>(p)); it != cut_at.begin())
            u += cut[static_cast<size_t>(it - cut_at.begin()) - 1];
        if (map == Map::Identity) return u + prefix;
        auto it = std::upper_bound(wide_at.begin(), wide_at.end(), static_cast<uint32_t>(u));
        if (it == wide_at.begin()) return u;
        return u - added[static_cast<size_t>(it - wide_at.begin()) - 1];
    }
};

// The label of a charset declared in the first bytes: <meta charset=…>, <meta http-equiv
// content="…; charset=…">, or <?xml … encoding="…"?>. Browsers look at the first 1024 bytes; we
// look a little further, since some pages put kilobytes of comments and scripts first.
std::string DeclaredCharset(std::string_view bytes) {
    std::string_view head = bytes.substr(0, 8192);
    auto value_after = [&](size_t pos, size_t end) -> std::string {
        while (pos < end && (IsSpace(static_cast<unsigned char>(head[pos])))) ++pos;
        if (pos >= end || head[pos] != '=') return "";
        ++pos;
        while (pos < end && (IsSpace(static_cast<unsigned char>(head[pos])) || head[pos] == '"' || head[pos] == '\''))
            ++pos;
        size_t b = pos;
        while (pos < end && !IsSpace(static_cast<unsigned char>(head[pos])) && head[pos] != '"' && head[pos] != '\'' &&
               head[pos] != ';' && head[pos] != '>' && head[pos] != '/')
            ++pos;
        return std::string(head.substr(b, pos - b));
    };
    if (head.substr(0, 5) == "<?xml") {
        size_t end = head.find("?>");
        if (end != std::string_view::npos) {
            size_t e = FindNoCase(head.substr(0, end), "encoding");
            if (e != std::string_view::npos) {
                std::string v = value_after(e + 8, end);
                if (!v.empty()) return v;
            }
        }
    }
    for (size_t m = FindNoCase(head, "<meta"); m != std::string_view::npos; m = FindNoCase(head, "<meta", m + 5)) {
        size_t end = head.find('>', m);
        if (end == std::string_view::npos) break;
        size_t c = FindNoCase(head.substr(0, end), "charset", m);
        if (c != std::string_view::npos) {
            std::string v = value_after(c + 7, end);
            if (!v.empty()) return v;
        }
    }
    return "";
}

void DecodePage(std::string_view bytes, DecodedPage& page, std::vector<std::string>& notes) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        page.utf8 = bytes.substr(3);
        page.prefix = 3;
        return;
    }
    if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
        // UTF-16 with a BOM: ingest's decoder; offsets then refer to the UTF-8 text (no map)
        std::vector<std::string> ignored;
        LoadError error;
        DecodeText(bytes, "", page.storage, ignored, error);
        page.utf8 = page.storage;
        page.encoding = bytes[0] == '\xFF' ? "utf-16le" : "utf-16be";
        page.map = DecodedPage::Map::None;
        return;
    }
    page.utf8 = bytes;
    std::string label = DeclaredCharset(bytes);
    if (label.empty()) return;
    std::string canonical = CanonicalCharset(label);
    if (canonical == "utf-8") return;
    const SingleByteCharset* cs = FindSingleByteCharset(canonical);
    if (!cs) {
        notes.push_back("the page declares the encoding '" + label + "', which Presslens does not decode: read as UTF-8");
        return;
    }
    page.encoding = cs->name;
    page.map = DecodedPage::Map::SingleByte;
    DecodeSingleByte(bytes, *cs, page.storage);
    page.utf8 = page.storage;
    // where the decoding widened a byte, to map offsets back (only for pages up to 4 GiB)
    uint32_t added = 0;
    for (size_t i = 0; i < page.storage.size();) {
        unsigned char b = static_cast<unsigned char>(page.storage[i]);
        size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : 3;
        if (len > 1) {
            added += static_cast<uint32_t>(len - 1);
            page.wide_at.push_back(static_cast<uint32_t>(i));
            page.added.push_back(added);
        }
        i += len;
    }
}

// One pass over the tags without parsing. Returns how deep the page nests its elements (an
// estimate: elements that are void, self-closed or usually left open — p, li, td, …: the parser
// closes them — do not count), and appends to `cuts` the byte ranges of script bodies (not
// JSON-LD, which holds metadata) and style bodies. The content of textarea, title and xmp is
// skipped too.
size_t ScanTags(std::string_view b, std::vector<std::pair<size_t, size_t>>& cuts) {
    static constexpr std::string_view kNotCounted[] = {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
        "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot",
        "colgroup", "rb", "rt", "rp", "html", "head", "body", "!doctype", "image", "keygen", "basefont", "bgsound",
        "frame", "isindex", "menuitem"};
    static constexpr std::string_view kRawText[] = {"script", "style", "textarea", "title", "xmp", "plaintext"};
    size_t depth = 0, max_depth = 0;
    std::string name;
    for (size_t i = b.find('<'); i != std::string_view::npos && i + 1 < b.size(); i = b.find('<', i + 1)) {
        if (b.compare(i, 4, "<!--") == 0) {
            size_t e = b.find("-->", i + 4);
            if (e == std::string_view::npos) break;
            i = e + 2;
            continue;
        }
        bool end_tag = b[i + 1] == '/';
        size_t tag_begin = i;
        size_t k = i + (end_tag ? 2 : 1);
        name.clear();
        while (k < b.size() && name.size() < 16 && !IsSpace(static_cast<unsigned char>(b[k])) && b[k] != '>' && b[k] != '/')
            name += LowerAscii(b[k++]);
        if (name.empty() || !((name[0] >= 'a' && name[0] <= 'z') || name[0] == '!')) continue;
        // the end of the tag, past quoted attribute values
        char quote = 0;
        while (k < b.size() && (quote || b[k] != '>')) {
            if (quote && b[k] == quote) quote = 0;
            else if (!quote && (b[k] == '"' || b[k] == '\'')) quote = b[k];
            ++k;
        }
        if (k >= b.size()) break;
        bool self_closed = b[k - 1] == '/';
        i = k;
        if (std::find(std::begin(kNotCounted), std::end(kNotCounted), name) != std::end(kNotCounted)) continue;
        if (end_tag) {
            if (depth) --depth;
            continue;
        }
        if (std::find(std::begin(kRawText), std::end(kRawText), name) != std::end(kRawText)) {
            size_t e = FindNoCase(b, "</" + name, i);
            if (e == std::string_view::npos) break;
            bool json_ld = name == "script" && FindNoCase(b.substr(tag_begin, i - tag_begin), "ld+json") != std::string_view::npos;
            if ((name == "script" && !json_ld) || name == "style")
                if (e > i + 1) cuts.emplace_back(i + 1, e);
            i = e;
            continue;
        }
        if (self_closed) continue;
        max_depth = std::max(max_depth, ++depth);
    }
    return max_depth;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] The parse: gumbo with an allocator we free in one sweep
// ---------------------------------------------------------------------------------------------

// gumbo frees its tree recursively, so a page nested a million elements deep would overflow the
// stack. Every block it allocates is linked into one list instead, and freed in one loop.
class GumboHeap {
public:
    GumboHeap() { head_.prev = head_.next = &head_; }
    ~GumboHeap() {
        for (Header* h = head_.next; h != &head_;) {
            Header* next = h->next;
            std::free(h);
            h = next;
        }
    }
    GumboHeap(const GumboHeap&) = delete;
    GumboHeap& operator=(const GumboHeap&) = delete;

    static void* Allocate(void* self, size_t n) {
        auto* heap = static_cast<GumboHeap*>(self);
        auto* h = static_cast<Header*>(std::malloc(sizeof(Header) + n));
        if (!h) std::abort();  // as gumbo itself would (it does not check)
        h->prev = &heap->head_;
        h->next = heap->head_.next;
        heap->head_.next->prev = h;
        heap->head_.next = h;
        return h + 1;
    }
    static void Free(void*, void* p) {
        if (!p) return;
        Header* h = static_cast<Header*>(p) - 1;
        h->prev->next = h->next;
        h->next->prev = h->prev;
        std::free(h);
    }

private:
    struct alignas(alignof(std::max_align_t)) Header {
        Header* prev;
        Header* next;
    };
    Header head_;
};

// ---------------------------------------------------------------------------------------------
// [SECTION] A flat tree in document order
// ---------------------------------------------------------------------------------------------

// Each element and text node once, in document order; a node's descendants are the nodes after it
// up to `end`. Loops over ranges replace recursion (depth is unbounded in HTML).
struct Node {
    const GumboNode* g = nullptr;
    int32_t parent = -1;
    uint32_t end = 0;
    GumboTag tag = GUMBO_TAG_UNKNOWN;
    bool text = false;
    bool dropped = false;    // not the article wherever it is: scripts, navigation, hidden, …
    bool negative = false;   // named like boilerplate (related, share, …) but not dropped outright
    bool positive = false;   // named like an article body
    bool bulk = false;       // would have been dropped, but holds the bulk of the page or the article
    uint32_t chars = 0;      // visible characters in the subtree (not dropped)
    uint32_t link_chars = 0; // of which inside links
    uint32_t inline_chars = 0;  // block elements: characters of their own inline content
    uint32_t line_breaks = 0;   // block elements: <br> in their own inline content
    float score = 0;         // the text that its blocks give it (Readability's idea)
};

struct Page {
    std::string_view utf8;
    std::vector<Node> nodes;
};

bool IsSkippedContainer(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
        case GUMBO_TAG_TITLE: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH:
        case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_SELECT:
            return true;
        default:
            return false;
    }
}

// Elements whose text flows inside a block; everything else (div, p, li, custom elements, …) ends
// one block and starts another.
bool IsInline(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_A: case GUMBO_TAG_ABBR: case GUMBO_TAG_B: case GUMBO_TAG_BDI: case GUMBO_TAG_BDO:
        case GUMBO_TAG_CITE: case GUMBO_TAG_CODE: case GUMBO_TAG_DATA: case GUMBO_TAG_DFN: case GUMBO_TAG_EM:
        case GUMBO_TAG_FONT: case GUMBO_TAG_I: case GUMBO_TAG_KBD: case GUMBO_TAG_MARK: case GUMBO_TAG_Q:
        case GUMBO_TAG_S: case GUMBO_TAG_SAMP: case GUMBO_TAG_SMALL: case GUMBO_TAG_SPAN: case GUMBO_TAG_STRONG:
        case GUMBO_TAG_SUB: case GUMBO_TAG_SUP: case GUMBO_TAG_TIME: case GUMBO_TAG_U: case GUMBO_TAG_VAR:
        case GUMBO_TAG_DEL: case GUMBO_TAG_INS: case GUMBO_TAG_LABEL: case GUMBO_TAG_BIG: case GUMBO_TAG_TT:
        case GUMBO_TAG_STRIKE: case GUMBO_TAG_NOBR: case GUMBO_TAG_WBR: case GUMBO_TAG_IMG: case GUMBO_TAG_ACRONYM:
        case GUMBO_TAG_RUBY: case GUMBO_TAG_RT: case GUMBO_TAG_RP:
            return true;
        default:
            return false;
    }
}

bool IsHeading(GumboTag t) {
    return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4 || t == GUMBO_TAG_H5 ||
           t == GUMBO_TAG_H6;
}

void BuildTree(const GumboNode* root, Page& page) {
    struct Frame {
        const GumboNode* g;
        unsigned next_child;
        uint32_t index;
    };
    std::vector<Frame> stack;
    auto add = [&](const GumboNode* g, int32_t parent) -> uint32_t {
        Node n;
        n.g = g;
        n.parent = parent;
        if (g->type == GUMBO_NODE_ELEMENT) n.tag = g->v.element.tag;
        else n.text = true;
        page.nodes.push_back(n);
        return static_cast<uint32_t>(page.nodes.size() - 1);
    };
    stack.push_back({root, 0, add(root, -1)});
    while (!stack.empty()) {
        Frame& f = stack.back();
        const GumboVector& children = f.g->v.element.children;
        if (IsSkippedContainer(f.g->v.element.tag) || f.next_child >= children.length) {
            page.nodes[f.index].end = static_cast<uint32_t>(page.nodes.size());
            stack.pop_back();
            continue;
        }
        const auto* child = static_cast<const GumboNode*>(children.data[f.next_child++]);
        int32_t parent = static_cast<int32_t>(f.index);
        switch (child->type) {
            case GUMBO_NODE_ELEMENT: {
                uint32_t i = add(child, parent);
                stack.push_back({child, 0, i});
                break;
            }
            case GUMBO_NODE_TEXT: case GUMBO_NODE_WHITESPACE: case GUMBO_NODE_CDATA: {
                uint32_t i = add(child, parent);
                page.nodes[i].end = i + 1;
                break;
            }
            default:  // comments, templates
                break;
        }
    }
}

const char* Attr(const Node& n, const char* name) {
    if (n.text) return nullptr;
    const GumboAttribute* a = gumbo_get_attribute(&n.g->v.element.attributes, name);
    return a ? a->value : nullptr;
}

// Visible characters of a text: code points that are not white space.
uint32_t VisibleChars(std::string_view s) {
    uint32_t n = 0;
    for (char c : s) {
        unsigned char b = static_cast<unsigned char>(c);
        if ((b & 0xC0) != 0x80 && !IsSpace(b)) ++n;
    }
    return n;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Metadata: <head>, Open Graph, JSON-LD, <time>
// ---------------------------------------------------------------------------------------------

std::string NormaliseLanguage(std::string_view tag) {
    std::string t = LowerCopy(TrimView(tag));
    size_t cut = t.find_first_of("-_");
    if (cut != std::string::npos) t.resize(cut);
    if (t.size() == 2 && std::all_of(t.begin(), t.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return t;
    static constexpr const char* kThree[][2] = {
        {"eng", "en"}, {"nld", "nl"}, {"dut", "nl"}, {"deu", "de"}, {"ger", "de"}, {"fra", "fr"}, {"fre", "fr"},
        {"spa", "es"}, {"ita", "it"}, {"por", "pt"}, {"rus", "ru"}, {"pol", "pl"}, {"swe", "sv"}, {"dan", "da"},
        {"nor", "no"}, {"fin", "fi"}, {"ces", "cs"}, {"cze", "cs"}, {"tur", "tr"}, {"ell", "el"}, {"gre", "el"},
        {"hun", "hu"}, {"ukr", "uk"}, {"ara", "ar"}, {"zho", "zh"}, {"chi", "zh"}, {"jpn", "ja"}};
    for (const auto& p : kThree)
        if (t == p[0]) return p[1];
    return "";
}

struct PageMeta {
    std::string title_tag, og_title, og_site, og_url, canonical, meta_author, article_author, published, meta_date,
        html_lang, content_language, og_locale, time_datetime, h1;
    JsonLdArticle ld;  // from <script type="application/ld+json">
};

std::string NodeText(const Page& page, uint32_t i) {
    std::string out;
    for (uint32_t k = i; k < page.nodes[i].end; ++k)
        if (page.nodes[k].text) out += page.nodes[k].g->v.text.text;
    return CollapseSpace(out);
}

void ReadMeta(const Page& page, PageMeta& m) {
    for (uint32_t i = 0; i < page.nodes.size(); ++i) {
        const Node& n = page.nodes[i];
        if (n.text) continue;
        switch (n.tag) {
            case GUMBO_TAG_HTML:
                if (const char* v = Attr(n, "lang")) m.html_lang = v;
                else if (const char* x = Attr(n, "xml:lang")) m.html_lang = x;
                break;
            case GUMBO_TAG_TITLE:
                if (m.title_tag.empty()) {
                    const GumboVector& c = n.g->v.element.children;
                    for (unsigned k = 0; k < c.length; ++k) {
                        const auto* t = static_cast<const GumboNode*>(c.data[k]);
                        if (t->type == GUMBO_NODE_TEXT) m.title_tag += t->v.text.text;
                    }
                    m.title_tag = CollapseSpace(m.title_tag);
                }
                break;
            case GUMBO_TAG_META: {
                const char* key = Attr(n, "property");
                if (!key) key = Attr(n, "name");
                if (!key) key = Attr(n, "itemprop");
                const char* content = Attr(n, "content");
                if (const char* eq = Attr(n, "http-equiv"); eq && content && LowerCopy(eq) == "content-language")
                    m.content_language = content;
                if (!key || !content) break;
                std::string k = LowerCopy(key), v = CollapseSpace(content);
                auto set = [&](std::string& into) { if (into.empty()) into = v; };
                if (k == "og:title") set(m.og_title);
                else if (k == "og:site_name") set(m.og_site);
                else if (k == "og:url") set(m.og_url);
                else if (k == "og:locale") set(m.og_locale);
                else if (k == "author" || k == "dc.creator" || k == "sailthru.author") set(m.meta_author);
                else if (k == "article:author") set(m.article_author);
                else if (k == "article:published_time" || k == "datepublished") set(m.published);
                else if (k == "date" || k == "pubdate" || k == "publishdate" || k == "dc.date" || k == "dc.date.issued" ||
                         k == "sailthru.date" || k == "parsely-pub-date")
                    set(m.meta_date);
                break;
            }
            case GUMBO_TAG_LINK:
                if (const char* rel = Attr(n, "rel"); rel && LowerCopy(rel) == "canonical" && m.canonical.empty())
                    if (const char* href = Attr(n, "href")) m.canonical = CollapseSpace(href);
                break;
            case GUMBO_TAG_SCRIPT:
                if (const char* type = Attr(n, "type"); type && LowerCopy(TrimView(type)) == "application/ld+json") {
                    const GumboVector& c = n.g->v.element.children;
                    for (unsigned k = 0; k < c.length; ++k) {
                        const auto* t = static_cast<const GumboNode*>(c.data[k]);
                        if (t->type == GUMBO_NODE_TEXT || t->type == GUMBO_NODE_CDATA) ReadJsonLd(t->v.text.text, m.ld);
                    }
                }
                break;
            case GUMBO_TAG_TIME:
                if (m.time_datetime.empty())
                    if (const char* dt = Attr(n, "datetime")) m.time_datetime = CollapseSpace(dt);
                break;
            case GUMBO_TAG_H1:
                if (m.h1.empty() && !n.dropped) m.h1 = NodeText(page, i);
                break;
            default:
                break;
        }
    }
}

// "Headline | Outlet" -> "Headline": a <title> carries the site's name after a separator.
std::string StripSiteName(const std::string& title, const std::string& outlet) {
    static constexpr const char* kSeparators[] = {" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » "};
    for (const char* sep : kSeparators) {
        size_t p = title.rfind(sep);
        if (p == std::string::npos || p == 0) continue;
        std::string head = title.substr(0, p), tail = title.substr(p + std::strlen(sep));
        // cut when the tail is the outlet, or short like a site's name and the head is longer
        if ((!outlet.empty() && LowerCopy(tail) == LowerCopy(outlet)) ||
            (tail.size() < 40 && head.size() > tail.size() && tail.find(' ') == tail.rfind(' ')))
            return head;
    }
    return title;
}

ArticleMeta ChooseMeta(const PageMeta& m) {
    ArticleMeta a;
    auto first = [](std::initializer_list<const std::string*> options) -> std::optional<std::string> {
        for (const std::string* s : options)
            if (!s->empty()) return *s;
        return std::nullopt;
    };
    a.outlet = first({&m.og_site, &m.ld.publisher});
    std::string outlet = a.outlet.value_or("");
    std::string title_tag = StripSiteName(m.title_tag, outlet);
    std::string og_title = StripSiteName(m.og_title, outlet);
    a.title = first({&m.ld.headline, &og_title, &m.h1, &title_tag});
    std::string article_author = m.article_author.rfind("http", 0) == 0 ? "" : m.article_author;
    a.author = first({&m.ld.author, &m.meta_author, &article_author});
    a.date = first({&m.published, &m.ld.date, &m.meta_date, &m.time_datetime});
    for (const std::string* l : {&m.html_lang, &m.content_language, &m.ld.language, &m.og_locale}) {
        std::string code = NormaliseLanguage(*l);
        if (!code.empty()) {
            a.language = code;
            break;
        }
    }
    a.url = first({&m.canonical, &m.og_url, &m.ld.url});
    return a;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] What is not the article: tags, hidden, class and id names
// ---------------------------------------------------------------------------------------------

// Never the article's text, wherever they are.
bool IsCodeTag(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
        case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_VIDEO:
        case GUMBO_TAG_AUDIO: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA:
        case GUMBO_TAG_INPUT:
            return true;
        default:
            return false;
    }
}

// Usually not the article: navigation, page header and footer, asides, forms, figures and their
// captions, dialogs. But some sites wrap the whole page in a <form> (ASP.NET) or the article in
// a <header>, so these go only when they do not hold the bulk of the page (MarkBoilerplate).
bool IsFurnitureTag(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_FORM: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_DIALOG: case GUMBO_TAG_MENU: case GUMBO_TAG_HEADER: case GUMBO_TAG_FIGCAPTION:
        case GUMBO_TAG_FIGURE:
            return true;
        default:
            return false;
    }
}

// Words that name boilerplate in class and id attributes (Readability and trafilatura look for
// the same kinds of names). Matched inside the names.
constexpr const char* kBoilerplateNames[] = {
    "comment", "related", "sidebar", "newsletter", "cookie", "consent", "gdpr", "breadcrumb", "promo",
    "social", "sharing", "share-", "-share", "subscri", "signup", "sign-up", "recommend", "outbrain", "taboola",
    "sponsor", "advert", "footer", "masthead", "popular", "trending", "disqus", "pagination", "pager", "popup",
    "modal", "byline", "author-bio", "authorbio", "author-info", "caption", "credit", "toolbar", "widget",
    "most-read", "mostread", "read-more", "readmore", "more-stories", "login", "skip-link", "sr-only",
    "visually-hidden", "screen-reader", "offscreen", "tag-list", "taglist", "post-tags", "article-tags",
    "jump-link", "inline-ad", "ad-slot", "adslot", "ad-container", "ad-wrapper", "dfp-", "nav-", "-nav",
    "navbar", "navigation", "menu", "banner", "shoutbox", "skyscraper", "supplemental", "print-", "hidden",
    "alert", "donat", "upsell", "teaser", "timestamp", "dateline", "meta-", "-meta", "rating",
    "subnav", "topnav", "header"};
// Whole words (a name split at '-', '_' and spaces) too short to look for inside names.
constexpr const char* kBoilerplateWords[] = {"ad", "ads", "nav", "share", "tags", "tag", "meta", "print", "hide",
                                             "date", "author", "social", "follow", "nocontent"};
// Names that say "the article is here"; a name that says both is kept (Readability's rule).
constexpr const char* kArticleNames[] = {"article", "body", "column", "content", "main", "shadow", "story",
                                         "entry", "post", "text"};

bool HasWord(std::string_view names, const char* word) {
    size_t n = std::strlen(word);
    for (size_t p = names.find(word); p != std::string_view::npos; p = names.find(word, p + 1)) {
        auto boundary = [](char c) { return !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')); };
        bool left = p == 0 || boundary(names[p - 1]);
        bool right = p + n >= names.size() || boundary(names[p + n]);
        if (left && right) return true;
    }
    return false;
}

// Names that only an article's body carries (the CMSs' usual ones), and schema.org's itemprop.
constexpr const char* kArticleBodyNames[] = {
    "article-body", "articlebody", "article__body", "article_body", "article-content", "articlecontent",
    "article__content", "article-text", "articletext", "story-body", "storybody", "story-content", "story-text",
    "entry-content", "entry-body", "post-content", "post-body", "postbody", "post-entry", "body-text", "bodytext",
    "main-content", "maincontent", "article-main", "news-body", "rich-text"};

bool HasArticleBodyName(const Node& n, const std::string& names) {
    if (const char* ip = Attr(n, "itemprop"); ip && LowerCopy(ip) == "articlebody") return true;
    return std::any_of(std::begin(kArticleBodyNames), std::end(kArticleBodyNames),
                       [&](const char* w) { return names.find(w) != std::string::npos; });
}

bool HasBoilerplateName(const std::string& names) {
    return std::any_of(std::begin(kBoilerplateNames), std::end(kBoilerplateNames),
                       [&](const char* w) { return names.find(w) != std::string::npos; }) ||
           std::any_of(std::begin(kBoilerplateWords), std::end(kBoilerplateWords), [&](const char* w) { return HasWord(names, w); });
}

bool HasArticleName(const std::string& names) {
    return std::any_of(std::begin(kArticleNames), std::end(kArticleNames),
                       [&](const char* w) { return names.find(w) != std::string::npos; });
}

std::string ClassAndId(const Node& n) {
    std::string names;
    if (const char* c = Attr(n, "class")) names += c;
    if (const char* id = Attr(n, "id")) (names += ' ') += id;
    return LowerCopy(names);
}

// Marks what is not the article. Code and hidden elements are dropped outright. Furniture tags,
// navigation roles, aria-hidden and boilerplate names are weaker signals (a wrapper called
// "page-ad-margins" or "widget Blog" may hold the whole article): they drop an element only when
// it holds neither half of the page's text, nor an <article> or <main>, nor an element named
// only like an article body; otherwise the element is marked negative.
void MarkBoilerplate(Page& page) {
    const size_t count = page.nodes.size();
    std::vector<std::string> names(count);
    std::vector<uint32_t> raw(count, 0);
    std::vector<uint8_t> holds_article(count, 0);
    for (size_t k = count; k-- > 0;) {
        Node& n = page.nodes[k];
        if (n.text) raw[k] = VisibleChars(n.g->v.text.text);
        else {
            names[k] = ClassAndId(n);
            if (!names[k].empty()) {
                n.positive = HasArticleName(names[k]);
                n.negative = HasBoilerplateName(names[k]);
            }
            if (n.tag == GUMBO_TAG_ARTICLE || n.tag == GUMBO_TAG_MAIN || (!n.negative && HasArticleBodyName(n, names[k])))
                holds_article[k] = 1;
        }
        if (n.parent >= 0) {
            raw[static_cast<size_t>(n.parent)] += raw[k];
            holds_article[static_cast<size_t>(n.parent)] |= holds_article[k];
        }
    }
    const uint32_t page_chars = count ? raw[0] : 0;
    for (uint32_t i = 0; i < count; ++i) {
        Node& n = page.nodes[i];
        if (n.parent >= 0 && page.nodes[static_cast<size_t>(n.parent)].dropped) {
            n.dropped = true;
            continue;
        }
        if (n.text) continue;
        if (IsCodeTag(n.tag) || Attr(n, "hidden")) {
            n.dropped = true;
            continue;
        }
        if (const char* style = Attr(n, "style")) {
            std::string st = LowerCopy(style);
            st.erase(std::remove(st.begin(), st.end(), ' '), st.end());
            if (st.find("display:none") != std::string::npos || st.find("visibility:hidden") != std::string::npos) {
                n.dropped = true;
                continue;
            }
        }
        if (n.tag == GUMBO_TAG_HTML || n.tag == GUMBO_TAG_BODY) {
            n.negative = false;
            continue;
        }
        bool weak = IsFurnitureTag(n.tag) || n.negative;
        if (const char* v = Attr(n, "aria-hidden"); v && LowerCopy(v) == "true") weak = true;
        if (const char* role = Attr(n, "role")) {
            std::string r = LowerCopy(role);
            if (r == "navigation" || r == "complementary" || r == "contentinfo" || r == "dialog" ||
                r == "alertdialog" || r == "menu" || r == "menubar" || r == "search" || r == "banner")
                weak = true;
        }
        if (!weak) continue;
        // a page wrapped in a <form> or a <header>, a wrapper with a boilerplate name; but a <nav>,
        // <aside> or <footer> is never the article, however much of the page it holds
        bool always_furniture = n.tag == GUMBO_TAG_NAV || n.tag == GUMBO_TAG_ASIDE || n.tag == GUMBO_TAG_FOOTER ||
                                n.tag == GUMBO_TAG_MENU || n.tag == GUMBO_TAG_DIALOG;
        bool bulk = holds_article[i] || (!always_furniture && (raw[i] * 2 > page_chars || (n.positive && n.negative)));
        if (bulk) n.negative = n.bulk = true;
        else n.dropped = true;
    }
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Scoring: where the running text is
// ---------------------------------------------------------------------------------------------

int32_t BlockAncestor(const Page& page, int32_t i) {
    while (i >= 0 && !page.nodes[static_cast<size_t>(i)].text && IsInline(page.nodes[static_cast<size_t>(i)].tag))
        i = page.nodes[static_cast<size_t>(i)].parent;
    return i;
}

void CountText(Page& page) {
    // bottom-up in reverse document order: a node's descendants come after it
    for (size_t k = page.nodes.size(); k-- > 0;) {
        Node& n = page.nodes[k];
        if (n.dropped) continue;
        if (!n.text && n.tag == GUMBO_TAG_BR) {
            int32_t b = BlockAncestor(page, n.parent);
            if (b >= 0) ++page.nodes[static_cast<size_t>(b)].line_breaks;
        }
        if (n.text) {
            n.chars = VisibleChars(n.g->v.text.text);
            int32_t b = BlockAncestor(page, n.parent);
            if (b >= 0) page.nodes[static_cast<size_t>(b)].inline_chars += n.chars;
            bool in_link = false;
            for (int32_t a = n.parent; a >= 0 && !in_link; a = page.nodes[static_cast<size_t>(a)].parent) {
                const Node& an = page.nodes[static_cast<size_t>(a)];
                if (an.tag == GUMBO_TAG_A) in_link = true;
                if (!IsInline(an.tag)) break;
            }
            if (in_link) n.link_chars = n.chars;
        }
        if (n.parent >= 0) {
            Node& p = page.nodes[static_cast<size_t>(n.parent)];
            p.chars += n.chars;
            p.link_chars += n.link_chars;
        }
    }
}

double LinkDensity(const Node& n) { return n.chars ? static_cast<double>(n.link_chars) / n.chars : 0.0; }

size_t CountCommas(const Page& page, uint32_t i) {
    size_t c = 0;
    for (uint32_t k = i; k < page.nodes[i].end; ++k) {
        const Node& t = page.nodes[k];
        if (!t.text || t.dropped) continue;
        for (const char* p = t.g->v.text.text; *p; ++p)
            if (*p == ',') ++c;
    }
    return c;
}

// Each block of running text (its own inline text of 25 characters or more) gives its container
// points for its length and its commas, and a share to the containers above; the container that
// collects most, less its share of link text, holds the article.
uint32_t ChooseContainer(Page& page, uint32_t body) {
    for (uint32_t i = body; i < page.nodes[body].end; ++i) {
        Node& n = page.nodes[i];
        if (n.text || n.dropped || n.inline_chars < 25 || IsHeading(n.tag)) continue;
        double inline_links = 0;
        // the link share of the block's own text: its link characters when it has no block children
        inline_links = n.chars ? static_cast<double>(n.link_chars) / n.chars : 0;
        if (inline_links > 0.5) continue;
        // text split by <br> instead of <p> counts as that many paragraphs (two <br> a break)
        double paragraphs = 1 + std::min(static_cast<double>(n.line_breaks) / 2.0, static_cast<double>(n.inline_chars) / 200.0);
        double points = paragraphs + std::min<double>(static_cast<double>(CountCommas(page, i)), 20 * paragraphs) +
                         std::min(static_cast<double>(n.inline_chars) / 100.0, 3.0 * paragraphs);
        int32_t a = n.parent;
        if (n.tag != GUMBO_TAG_P && n.tag != GUMBO_TAG_PRE && n.tag != GUMBO_TAG_LI && n.tag != GUMBO_TAG_TD &&
            n.tag != GUMBO_TAG_BLOCKQUOTE) {
            a = static_cast<int32_t>(i);  // a div with its own text is a paragraph and a container
        }
        for (int level = 0; a >= 0 && level < 5; ++level, a = page.nodes[static_cast<size_t>(a)].parent) {
            double share = level == 0 ? 1.0 : level == 1 ? 0.5 : 1.0 / (level * 3);
            page.nodes[static_cast<size_t>(a)].score += static_cast<float>(points * share);
            if (static_cast<uint32_t>(a) == body) break;
        }
    }
    uint32_t best = body;
    double best_score = 0;
    // inside something named like boilerplate (comments, related): a candidate only if nothing else
    std::vector<uint8_t> under_negative(page.nodes[body].end - body, 0);
    for (uint32_t i = body + 1; i < page.nodes[body].end; ++i) {
        const Node& n = page.nodes[i];
        uint32_t p = static_cast<uint32_t>(n.parent);
        under_negative[i - body] = under_negative[p - body] || page.nodes[p].negative;
    }
    for (uint32_t i = body; i < page.nodes[body].end; ++i) {
        Node& n = page.nodes[i];
        if (n.text || n.dropped || n.score <= 0) continue;
        double s = n.score;
        if (n.positive) s *= 1.25;
        if (n.negative || under_negative[i - body]) s *= 0.3;
        if (n.tag == GUMBO_TAG_ARTICLE || n.tag == GUMBO_TAG_MAIN) s *= 1.1;
        s *= 1.0 - LinkDensity(n);
        n.score = static_cast<float>(s);
        if (s > best_score) {
            best_score = s;
            best = i;
        }
    }
    // Paragraphs each wrapped in boxes of their own (a "card" per paragraph) make many candidates
    // of nearly the same score: when three of the five best after the first score at least 3/4
    // of it, the nearest ancestor of the first that holds three of them is the article
    // (Readability's rule).
    uint32_t top[5];  // the five best after `best`, best first (insertion: no sort needed)
    size_t top_count = 0;
    for (uint32_t i = body; i < page.nodes[body].end; ++i) {
        const Node& n = page.nodes[i];
        if (n.text || n.dropped || i == best || n.score < best_score * 0.75) continue;
        size_t k = top_count < 5 ? top_count++ : 5;
        while (k > 0 && page.nodes[top[k - 1]].score < n.score) {
            if (k < 5) top[k] = top[k - 1];
            --k;
        }
        if (k < 5) top[k] = i;
    }
    if (top_count >= 3) {
        for (int32_t a = page.nodes[best].parent; a >= 0 && static_cast<uint32_t>(a) >= body;
             a = page.nodes[static_cast<size_t>(a)].parent) {
            const Node& an = page.nodes[static_cast<size_t>(a)];
            int held = 0;
            for (size_t t = 0; t < top_count; ++t) held += top[t] > static_cast<uint32_t>(a) && top[t] < an.end;
            if (held >= 3) {
                best = static_cast<uint32_t>(a);
                break;
            }
        }
    }
    // A box that is its parent's only content stands for the parent (so its siblings are the
    // parent's siblings).
    while (best != body) {
        int32_t p = page.nodes[best].parent;
        if (p < 0 || static_cast<uint32_t>(p) == body) break;
        const Node& pn = page.nodes[static_cast<size_t>(p)];
        if (pn.chars != page.nodes[best].chars) break;  // it holds something else too
        best = static_cast<uint32_t>(p);
    }
    // Climb while the parent holds clearly more of the running text than the candidate alone
    // (the article's paragraphs split over several containers), stopping at <body>.
    while (best != body) {
        int32_t p = page.nodes[best].parent;
        if (p < 0) break;
        const Node& pn = page.nodes[static_cast<size_t>(p)];
        if (pn.dropped || pn.score < page.nodes[best].score * 1.15) break;
        best = static_cast<uint32_t>(p);
    }
    return best;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Writing the blocks, with the map back to the page
// ---------------------------------------------------------------------------------------------

// Where each byte of a text node's decoded text came from in the parsed page: pieces copied
// verbatim (entities and line endings that gumbo changed are not).
struct Piece {
    uint32_t decoded, original, length;
};

void AlignText(std::string_view decoded, std::string_view original, uint32_t original_offset,
               std::vector<Piece>& out) {
    out.clear();
    if (decoded == original) {
        if (!decoded.empty()) out.push_back({0, original_offset, static_cast<uint32_t>(decoded.size())});
        return;
    }
    size_t i = 0, j = 0;
    while (i < decoded.size() && j < original.size()) {
        size_t start_i = i, start_j = j;
        while (i < decoded.size() && j < original.size() && decoded[i] == original[j] && original[j] != '&' &&
               original[j] != '\r') {
            ++i;
            ++j;
        }
        if (i > start_i)
            out.push_back({static_cast<uint32_t>(start_i), static_cast<uint32_t>(original_offset + start_j),
                           static_cast<uint32_t>(i - start_i)});
        if (i >= decoded.size() || j >= original.size()) break;
        // skip what changed: an entity or a carriage return in the original
        if (original[j] == '&') {
            ++j;
            if (j < original.size() && original[j] == '#') ++j;
            while (j < original.size() && ((original[j] >= 'a' && original[j] <= 'z') ||
                                           (original[j] >= 'A' && original[j] <= 'Z') ||
                                           (original[j] >= '0' && original[j] <= '9')))
                ++j;
            if (j < original.size() && original[j] == ';') ++j;
        } else {
            ++j;
        }
        // find where the original's next bytes continue in the decoded text (a few bytes on)
        size_t want = std::min<size_t>(4, original.size() - j);
        bool found = false;
        for (size_t k = i; k <= i + 8 && k + want <= decoded.size(); ++k) {
            if (decoded.compare(k, want, original, j, want) == 0) {
                i = k;
                found = true;
                break;
            }
        }
        if (!found) break;
    }
}

class BlockWriter {
public:
    // keep_links: keep blocks that are mostly links too (the all-text peer)
    BlockWriter(const Page& page, const DecodedPage& decoded, std::string& body, std::vector<Article::ReceivedRun>& map,
                bool keep_links = false)
        : page_(page), decoded_(decoded), body_(body), map_(map), keep_links_(keep_links) {}

    void Text(const Node& n, bool in_link, bool pre) {
        std::string_view text = n.g->v.text.text;
        const GumboStringPiece& orig = n.g->v.text.original_text;
        bool mapped = decoded_.map != DecodedPage::Map::None && orig.data >= page_.utf8.data() &&
                      orig.data + orig.length <= page_.utf8.data() + page_.utf8.size();
        pieces_.clear();
        if (mapped)
            AlignText(text, std::string_view(orig.data, orig.length), static_cast<uint32_t>(orig.data - page_.utf8.data()),
                      pieces_);
        size_t piece = 0;
        auto origin = [&](size_t i) -> int64_t {  // offset in the parsed page, or -1
            while (piece < pieces_.size() && pieces_[piece].decoded + pieces_[piece].length <= i) ++piece;
            if (piece < pieces_.size() && pieces_[piece].decoded <= i) return pieces_[piece].original + (i - pieces_[piece].decoded);
            return -1;
        };
        for (size_t i = 0; i < text.size(); ++i) {
            unsigned char c = static_cast<unsigned char>(text[i]);
            if (!pre && IsSpace(c)) {
                if (!pending_space_) pending_origin_ = c == ' ' ? origin(i) : -1;
                else pending_origin_ = -1;  // two or more: collapsed, not a copy
                pending_space_ = true;
                continue;
            }
            if (pending_space_) {
                if (!cur_.empty() && cur_.back() != '\n') Put(' ', pending_origin_);
                pending_space_ = false;
            }
            if (pre && c == '\r') continue;
            Put(static_cast<char>(c), origin(i));
            if ((c & 0xC0) != 0x80 && !IsSpace(c)) {
                ++chars_;
                if (in_link) ++link_chars_;
            }
        }
    }
    void LineBreak() {
        pending_space_ = false;
        if (!cur_.empty() && cur_.back() != '\n') Put('\n', -1);
    }
    // Ends the block; keeps it unless it is mostly links.
    void EndBlock(bool heading) {
        pending_space_ = false;
        while (!cur_.empty() && (cur_.back() == '\n' || cur_.back() == ' ')) cur_.pop_back();
        bool keep = chars_ > 0 && (keep_links_ || (!(link_chars_ * 2 > chars_) && !(heading && link_chars_ > 0)));
        if (keep) {
            if (!body_.empty()) body_ += "\n\n";
            uint32_t shift = static_cast<uint32_t>(body_.size());
            for (Article::ReceivedRun r : runs_) {
                if (r.text_begin >= cur_.size()) continue;  // trailing white space trimmed
                r.length = std::min<uint32_t>(r.length, static_cast<uint32_t>(cur_.size()) - r.text_begin);
                AddRun(r, shift);
            }
            body_ += cur_;
            ++blocks_;
        }
        cur_.clear();
        runs_.clear();
        chars_ = link_chars_ = 0;
    }
    size_t blocks() const { return blocks_; }

private:
    void Put(char c, int64_t origin) {
        uint32_t pos = static_cast<uint32_t>(cur_.size());
        cur_ += c;
        if (origin < 0) return;
        if (!runs_.empty()) {
            Article::ReceivedRun& r = runs_.back();
            if (r.text_begin + r.length == pos && r.received_begin + r.length == origin) {
                ++r.length;
                return;
            }
        }
        runs_.push_back({pos, static_cast<uint32_t>(origin), 1});
    }
    // Runs are in offsets of the parsed (UTF-8) page and of cur_; the map wants the bytes as
    // received and offsets in the body (cur_ goes to body_ at `shift`).
    void AddRun(const Article::ReceivedRun& r, uint32_t shift) {
        if (decoded_.map == DecodedPage::Map::Identity) {
            map_.push_back({r.text_begin + shift, static_cast<uint32_t>(decoded_.ReceivedOffset(r.received_begin)), r.length});
            return;
        }
        // a single-byte encoding: only ASCII stretches have the same bytes on both sides
        auto ascii = [&](uint32_t k) { return static_cast<unsigned char>(cur_[r.text_begin + k]) < 0x80; };
        for (uint32_t k = 0; k < r.length;) {
            while (k < r.length && !ascii(k)) ++k;
            uint32_t start = k;
            while (k < r.length && ascii(k)) ++k;
            if (k > start)
                map_.push_back({r.text_begin + start + shift,
                                static_cast<uint32_t>(decoded_.ReceivedOffset(r.received_begin + start)), k - start});
        }
    }

    const Page& page_;
    const DecodedPage& decoded_;
    std::string& body_;
    std::vector<Article::ReceivedRun>& map_;
    bool keep_links_;
    std::string cur_;
    std::vector<Article::ReceivedRun> runs_;
    std::vector<Piece> pieces_;
    bool pending_space_ = false;
    int64_t pending_origin_ = -1;
    uint32_t chars_ = 0, link_chars_ = 0;
    size_t blocks_ = 0;
};

// Is this subtree, inside the article's container, a list of links or named like boilerplate?
bool SkipInside(const Node& n, bool holds_container) {
    if (n.dropped) return true;
    if (holds_container) return false;
    if (n.negative && !n.bulk) return true;
    // lists and boxes that are mostly links: "related", "more on this", tag clouds
    if (!IsInline(n.tag) && n.tag != GUMBO_TAG_P && n.chars > 0 && LinkDensity(n) > 0.5) return true;
    return false;
}

// Writes the blocks of [from, to) (subtrees of the nodes in `roots`).
void WriteBlocks(const Page& page, const std::vector<uint32_t>& roots, uint32_t container, BlockWriter& w,
                 bool all_text) {
    struct Open {
        uint32_t end;
        GumboTag tag;
        bool link, pre;
    };
    for (uint32_t root : roots) {
        std::vector<Open> open;
        int links = 0, pres = 0;
        for (uint32_t i = root; i < page.nodes[root].end;) {
            while (!open.empty() && i >= open.back().end) {
                Open o = open.back();
                open.pop_back();
                if (o.link) --links;
                if (o.pre) --pres;
                if (!IsInline(o.tag)) w.EndBlock(IsHeading(o.tag));
            }
            const Node& n = page.nodes[i];
            if (n.text) {
                if (!n.dropped) w.Text(n, links > 0, pres > 0);
                ++i;
                continue;
            }
            bool holds = container >= i && container < n.end;
            if (all_text ? n.dropped : SkipInside(n, holds)) {
                i = n.end;
                continue;
            }
            if (n.tag == GUMBO_TAG_BR) {
                w.LineBreak();
                i = n.end;
                continue;
            }
            if (!IsInline(n.tag)) w.EndBlock(false);
            Open o{n.end, n.tag, n.tag == GUMBO_TAG_A, n.tag == GUMBO_TAG_PRE};
            if (o.link) ++links;
            if (o.pre) ++pres;
            open.push_back(o);
            ++i;
        }
        while (!open.empty()) {
            Open o = open.back();
            open.pop_back();
            if (!IsInline(o.tag)) w.EndBlock(IsHeading(o.tag));
        }
        w.EndBlock(false);
    }
}

struct Parsed {
    DecodedPage decoded;
    GumboHeap heap;
    GumboOutput* output = nullptr;
    Page page;
};

// False (and nothing parsed) when the page nests deeper than kMaxHtmlDepth.
bool Parse(std::string_view bytes, Parsed& p, std::vector<std::string>& notes, std::string* refused) {
    DecodePage(bytes, p.decoded, notes);
    DecodedPage& d = p.decoded;
    std::vector<std::pair<size_t, size_t>> cuts;
    size_t depth = ScanTags(d.utf8, cuts);
    if (cuts.empty()) {
        d.parsed = d.utf8;
    } else {
        size_t from = 0, removed = 0;
        d.parsed_storage.reserve(d.utf8.size());
        for (const auto& [b, e] : cuts) {
            d.parsed_storage.append(d.utf8.substr(from, b - from));
            removed += e - b;
            d.cut_at.push_back(static_cast<uint32_t>(d.parsed_storage.size()));
            d.cut.push_back(static_cast<uint32_t>(removed));
            from = e;
        }
        d.parsed_storage.append(d.utf8.substr(from));
        d.parsed = d.parsed_storage;
    }
    if (depth > kMaxHtmlDepth) {
        if (refused)
            *refused = "the page nests its elements " + std::to_string(depth) + " deep, more than the " +
                       std::to_string(kMaxHtmlDepth) + " an HTML page can have to be read in reasonable time";
        return false;
    }
    GumboOptions options = kGumboDefaultOptions;
    options.allocator = &GumboHeap::Allocate;
    options.deallocator = &GumboHeap::Free;
    options.userdata = &p.heap;
    options.max_errors = 0;  // we do not report the page's HTML errors: no need to keep them
    p.output = gumbo_parse_with_options(&options, d.parsed.data(), d.parsed.size());
    p.page.utf8 = d.parsed;
    BuildTree(p.output->root, p.page);
    return true;
}

uint32_t FindBody(const Page& page) {
    for (uint32_t i = 0; i < page.nodes.size(); ++i)
        if (!page.nodes[i].text && page.nodes[i].tag == GUMBO_TAG_BODY) return i;
    return 0;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// [SECTION] Public functions
// ---------------------------------------------------------------------------------------------

void ExtractHtml(std::string_view bytes, HtmlExtraction& out) {
    out = HtmlExtraction{};
    Parsed p;
    if (!Parse(bytes, p, out.notes, &out.refused)) return;
    out.encoding = p.decoded.encoding;
    Page& page = p.page;
    MarkBoilerplate(page);
    CountText(page);
    PageMeta pm;
    ReadMeta(page, pm);
    out.meta = ChooseMeta(pm);

    uint32_t body = FindBody(page);
    uint32_t container = ChooseContainer(page, body);
    // Siblings of the container that carry running text of their own join it (an article split
    // into several boxes, a lead paragraph outside the main one), as in Readability.
    std::vector<uint32_t> roots;
    int32_t parent = page.nodes[container].parent;
    if (container != body && parent >= 0) {
        const Node& pn = page.nodes[static_cast<size_t>(parent)];
        double threshold = std::max(10.0, page.nodes[container].score * 0.2);
        for (uint32_t i = static_cast<uint32_t>(parent) + 1; i < pn.end; i = page.nodes[i].end) {
            const Node& s = page.nodes[i];
            if (i == container) {
                roots.push_back(i);
                continue;
            }
            if (s.text || s.dropped || s.negative) continue;
            bool text_block = (s.tag == GUMBO_TAG_P) && s.chars > 80 && LinkDensity(s) < 0.25;
            if (s.score >= threshold || text_block) roots.push_back(i);
        }
    } else {
        roots.push_back(container);
    }
    BlockWriter w(page, p.decoded, out.body, out.body_map);
    WriteBlocks(page, roots, container, w, false);
    if (out.body.empty()) {  // no block of running text: a fragment, a short note
        out.body_map.clear();
        WriteBlocks(page, {body}, body, w, true);
    }
}

std::string ExtractAllHtmlText(std::string_view bytes) {
    Parsed p;
    std::vector<std::string> notes;
    if (!Parse(bytes, p, notes, nullptr)) return "";
    for (Node& n : p.page.nodes) {
        bool hidden = !n.text && (n.tag == GUMBO_TAG_HEAD || IsSkippedContainer(n.tag));
        if (hidden || (n.parent >= 0 && p.page.nodes[static_cast<size_t>(n.parent)].dropped)) n.dropped = true;
    }
    std::string body;
    std::vector<Article::ReceivedRun> map;
    BlockWriter w(p.page, p.decoded, body, map, true);
    WriteBlocks(p.page, {0}, 0, w, true);
    return body;
}

std::string ExtractHtmlText(std::string_view bytes) {
    HtmlExtraction x;
    ExtractHtml(bytes, x);
    return x.body;
}

bool ParseHtmlArticle(std::string_view bytes, std::string_view name, Article& out, std::vector<std::string>& warnings,
                      LoadError& error) {
    HtmlExtraction x;
    ExtractHtml(bytes, x);
    for (const std::string& n : x.notes) warnings.push_back(std::string(name) + ": " + n);
    if (!x.refused.empty()) {
        error = {std::string(name), x.refused};
        return false;
    }
    if (x.body.empty()) {
        error = {"", "no article text found in " + std::string(name)};
        return false;
    }
    Article a;
    a.source = std::string(name);
    a.meta = x.meta;
    // The headline heads the text, as in a .txt article, unless the body already starts with it.
    uint32_t shift = 0;
    if (a.meta.title && !a.meta.title->empty() && x.body.rfind(*a.meta.title, 0) != 0) {
        a.text = *a.meta.title + "\n\n";
        shift = static_cast<uint32_t>(a.text.size());
        if (x.encoding == "utf-8") {
            size_t at = bytes.find(*a.meta.title);
            if (at != std::string_view::npos)
                a.received_map.push_back({0, static_cast<uint32_t>(at), static_cast<uint32_t>(a.meta.title->size())});
        }
    }
    a.text += x.body;
    for (Article::ReceivedRun r : x.body_map) {
        r.text_begin += shift;
        a.received_map.push_back(r);
    }
    a.received.assign(bytes);
    a.received_format = "html";
    if (x.encoding != "utf-8") warnings.push_back(std::string(name) + ": decoded from " + x.encoding);
    out = std::move(a);
    return true;
}

bool LooksLikeHtml(std::string_view bytes) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    size_t i = 0;
    while (i < bytes.size() && i < 4096 && IsSpace(static_cast<unsigned char>(bytes[i]))) ++i;
    std::string head = LowerCopy(bytes.substr(i, 14));
    return head.rfind("<!doctype html", 0) == 0 || head.rfind("<html", 0) == 0;
}

}  // namespace presslens
