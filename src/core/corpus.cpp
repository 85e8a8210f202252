// core: corpus model helpers (see corpus.hpp). std only.
#include "core/corpus.hpp"

namespace presslens {
namespace {

bool IsSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view Trim(std::string_view s) {
    while (!s.empty() && IsSpace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && IsSpace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

std::string_view FirstNonEmptyLine(std::string_view text) {
    while (!text.empty()) {
        size_t nl = text.find_first_of("\n\r");  // a CR alone ends a line too (old Mac files)
        std::string_view line = Trim(text.substr(0, nl));
        if (!line.empty()) return line;
        if (nl == std::string_view::npos) break;
        text.remove_prefix(nl + 1);
    }
    return {};
}

// The line cut at a word boundary to at most max_bytes, with "…" when cut.
std::string CutAtWord(std::string_view line, size_t max_bytes) {
    if (line.size() <= max_bytes) return std::string(line);
    size_t cut = max_bytes;
    // back off to a code point boundary, then to the last space before it
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    size_t space = line.rfind(' ', cut);
    if (space != std::string_view::npos && space > max_bytes / 2) cut = space;
    return std::string(Trim(line.substr(0, cut))) + "\xE2\x80\xA6";  // U+2026 …
}

}  // namespace

std::string DisplayTitle(const Article& article, size_t max_bytes) {
    if (article.meta.title && !article.meta.title->empty()) return *article.meta.title;
    std::string_view line = FirstNonEmptyLine(std::string_view(article.text).substr(article.body_begin));
    if (line.empty()) return article.source;
    return CutAtWord(line, max_bytes);
}

std::string DisplayOutlet(const Article& article) {
    if (article.meta.outlet && !article.meta.outlet->empty()) return *article.meta.outlet;
    std::string title = DisplayTitle(article, 48);
    return title.empty() ? article.source : CutAtWord(title, 48);
}

}  // namespace presslens
