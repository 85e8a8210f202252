// io: .txt and JSON corpus ingestion, text decoding (see ingest.hpp).
#include "io/ingest.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <nlohmann/json.hpp>
#include "core/analysis.hpp"

#include "core/text.hpp"
#include "io/json_util.hpp"

namespace presslens {
namespace {

using nlohmann::json;

void AppendUtf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) out += static_cast<char>(cp);
    else if (cp < 0x800) { out += static_cast<char>(0xC0 | (cp >> 6)); out += static_cast<char>(0x80 | (cp & 0x3F)); }
    else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// UTF-16 to UTF-8; unpaired surrogates become U+FFFD and are counted.
size_t DecodeUtf16(std::string_view b, bool little_endian, std::string& out) {
    size_t bad = 0;
    auto unit = [&](size_t i) -> uint32_t {
        unsigned char lo = static_cast<unsigned char>(b[i + (little_endian ? 0 : 1)]);
        unsigned char hi = static_cast<unsigned char>(b[i + (little_endian ? 1 : 0)]);
        return static_cast<uint32_t>(hi) << 8 | lo;
    };
    out.reserve(b.size());
    size_t i = 0;
    for (; i + 1 < b.size(); i += 2) {
        uint32_t u = unit(i);
        if (u >= 0xD800 && u <= 0xDBFF && i + 3 < b.size()) {
            uint32_t v = unit(i + 2);
            if (v >= 0xDC00 && v <= 0xDFFF) {
                AppendUtf8(out, 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00));
                i += 2;
                continue;
            }
        }
        if (u >= 0xD800 && u <= 0xDFFF) { ++bad; AppendUtf8(out, 0xFFFD); continue; }
        AppendUtf8(out, u);
    }
    if (i < b.size()) { ++bad; AppendUtf8(out, 0xFFFD); }  // odd trailing byte
    return bad;
}

std::string Lower(std::string_view s) {
    std::string r(s);
    for (char& c : r)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return r;
}

std::string Trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return std::string(s);
}

}  // namespace

namespace {
// A warning when the metadata names a language Presslens does not analyse, or "" (where: the
// file and the field, e.g. "a.txt: front matter: language" or "c.json: /articles/2/language:").
std::string UnknownLanguageWarning(const std::string& where, const std::optional<std::string>& language) {
    if (!language || !SupportedLanguage(*language).empty()) return "";
    return where + " \"" + *language + "\" is not one Presslens analyses (" + SupportedLanguageList() +
           "); the language is identified from the text";
}
}  // namespace

bool DecodeTextView(std::string_view bytes, std::string_view name, std::string& storage, std::string_view& text,
                    std::vector<std::string>& warnings, LoadError& error) {
    if (bytes.size() >= kHardMaxTextBytes) {
        error = {std::string(name), "file is " + std::to_string(bytes.size() >> 20) + " MiB; Presslens's byte offsets "
                                    "are 32-bit, so " + std::to_string(kHardMaxTextBytes >> 20) +
                                    " MiB is the most one text can hold: split it"};
        return false;
    }
    if (bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) {
        bool le = bytes[0] == '\xFF';
        std::string decoded;
        size_t bad = DecodeUtf16(bytes.substr(2), le, decoded);
        if (bad) warnings.push_back(std::string(name) + ": " + std::to_string(bad) + " invalid UTF-16 units replaced by U+FFFD");
        warnings.push_back(std::string(name) + ": decoded from UTF-16" + (le ? "LE" : "BE") +
                           "; byte offsets refer to the UTF-8 text");
        storage = std::move(decoded);
        text = storage;
        return true;
    }
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    size_t nul = bytes.find('\0');
    if (nul != std::string_view::npos) {
        // UTF-16 without a byte-order mark: NULs at every other byte (ASCII letters' high byte).
        size_t pairs = std::min<size_t>(bytes.size() / 2, 4096), even = 0, odd = 0;
        for (size_t i = 0; i < pairs; ++i) {
            even += bytes[2 * i] == '\0';
            odd += bytes[2 * i + 1] == '\0';
        }
        if (pairs >= 8 && std::max(even, odd) * 2 >= pairs && std::min(even, odd) * 20 <= pairs) {
            error = {std::string(name), std::string("looks like UTF-16") + (odd > even ? "LE" : "BE") +
                                            " text without a byte-order mark (NUL bytes at every other byte from byte " +
                                            std::to_string(nul) + "); save it as UTF-8, or as UTF-16 with a BOM"};
            return false;
        }
        error = {std::string(name), "looks like a binary file, not text (NUL byte at byte " + std::to_string(nul) +
                                        "); Presslens reads UTF-8 or UTF-16 text"};
        return false;
    }
    Utf8Report r = CheckUtf8(bytes);
    if (r.invalid_sequences > 0)
        warnings.push_back(std::string(name) + ": " + std::to_string(r.invalid_sequences) +
                           " invalid UTF-8 sequence(s), the first at byte " + std::to_string(r.first_invalid_offset) +
                           "; shown as U+FFFD and skipped by the analysis, the text is kept as is");
    text = bytes;
    return true;
}

bool DecodeText(std::string_view bytes, std::string_view name, std::string& out, std::vector<std::string>& warnings,
                LoadError& error) {
    std::string storage;
    std::string_view text;
    if (!DecodeTextView(bytes, name, storage, text, warnings, error)) return false;
    if (text.data() == storage.data()) out = std::move(storage);
    else out.assign(text);
    return true;
}

bool ParseTxtArticle(std::string_view bytes, std::string_view name, Article& out, std::vector<std::string>& warnings,
                     LoadError& error) {
    Article a;
    a.source = std::string(name);
    if (!DecodeText(bytes, name, a.text, warnings, error)) return false;
    if (a.text.find_first_not_of(" \t\r\n\f\v") == std::string::npos) {
        error = {std::string(name), a.text.empty() ? "the file is empty: nothing to analyse"
                                                   : "the file holds only white space: nothing to analyse"};
        return false;
    }
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") a.source_offset = 3;
    // front matter: leading "Key: value" lines with known keys, then a blank line
    std::string_view t = a.text;
    size_t pos = 0;
    ArticleMeta fm;
    bool any = false;
    while (pos < t.size()) {
        size_t nl = t.find('\n', pos);
        std::string_view line = t.substr(pos, (nl == std::string_view::npos ? t.size() : nl) - pos);
        std::string trimmed = Trimmed(line);
        if (trimmed.empty()) {
            if (any) pos = nl == std::string_view::npos ? t.size() : nl + 1;
            break;
        }
        size_t colon = trimmed.find(':');
        if (colon == std::string::npos) { any = false; break; }
        std::string key = Lower(Trimmed(trimmed.substr(0, colon)));
        std::string value = Trimmed(trimmed.substr(colon + 1));
        std::optional<std::string>* slot = key == "outlet" ? &fm.outlet : key == "title" ? &fm.title
                                         : key == "author" ? &fm.author : key == "date" ? &fm.date
                                         : key == "url" ? &fm.url : (key == "language" || key == "lang") ? &fm.language
                                         : nullptr;
        if (!slot) { any = false; break; }
        if (!value.empty()) *slot = value;
        any = true;
        if (nl == std::string_view::npos) { pos = t.size(); break; }
        pos = nl + 1;
    }
    if (any) {
        a.meta = fm;
        a.body_begin = static_cast<uint32_t>(pos);
    }
    if (!a.meta.title) {
        std::string title = DisplayTitle(a, 1u << 20);
        if (title != a.source) a.meta.title = title;
    }
    if (std::string w = UnknownLanguageWarning(std::string(name) + ": front matter: language", a.meta.language); !w.empty())
        warnings.push_back(std::move(w));
    out = std::move(a);
    return true;
}

bool LooksLikeMetadataJson(std::string_view bytes) {
    try {
        json doc = json::parse(bytes.begin(), bytes.end());
        if (!doc.is_object() || !doc.contains("articles") || !doc["articles"].is_array()) return false;
        for (const json& a : doc["articles"])
            if (a.is_object() && a.contains("file") && !a.contains("text")) return true;
    } catch (const json::exception&) {
    }
    return false;
}

bool ParseCorpusJson(std::string_view bytes, std::string_view name, Corpus& out, std::vector<std::string>& warnings,
                     LoadError& error) {
    // The decoded text is the input itself unless it was UTF-16: no copy of a big file.
    std::string storage;
    std::string_view text;
    if (!DecodeTextView(bytes, name, storage, text, warnings, error)) return false;
    json doc;
    if (!json_util::ParseArticlesDocument(text, name, doc, error)) return false;
    Corpus c;
    json& list = doc["articles"];
    c.articles.reserve(list.size());
    std::unordered_map<std::string, size_t> first_with_source;
    std::vector<std::string> notes;  // this file's warnings: the first kMaxWarningsPerFile are kept
    for (size_t i = 0; i < list.size(); ++i) {
        json& j = list[i];
        std::string ptr = "/articles/" + std::to_string(i);
        if (!j.is_object()) {
            error = {std::string(name), ptr + ": expected an object, found " + std::string(j.type_name())};
            return false;
        }
        auto txt = j.find("text");
        if (txt == j.end() || !txt->is_string()) {
            error = {std::string(name), ptr + "/text: required, a string" +
                                            (txt == j.end() ? "" : ", found " + std::string(txt->type_name()))};
            return false;
        }
        Article a;
        a.text = std::move(txt->get_ref<std::string&>());  // moved out of the document, not copied
        std::optional<std::string> source;
        std::string msg;
        if (!json_util::ReadOptionalString(j, "source", ptr, source, msg) ||
            !json_util::ReadOptionalString(j, "outlet", ptr, a.meta.outlet, msg) ||
            !json_util::ReadOptionalString(j, "title", ptr, a.meta.title, msg) ||
            !json_util::ReadOptionalString(j, "author", ptr, a.meta.author, msg) ||
            !json_util::ReadOptionalString(j, "date", ptr, a.meta.date, msg) ||
            !json_util::ReadOptionalString(j, "language", ptr, a.meta.language, msg) ||
            !json_util::ReadOptionalString(j, "url", ptr, a.meta.url, msg)) {
            error = {std::string(name), msg};
            return false;
        }
        a.source = source.value_or("");
        if (a.source.empty()) a.source = std::string(name) + "#" + std::to_string(i + 1);
        if (auto [it, fresh] = first_with_source.emplace(a.source, i); !fresh)
            notes.push_back(std::string(name) + ": " + ptr + "/source: \"" + a.source + "\" repeats /articles/" +
                               std::to_string(it->second) + "; both are kept (dropping " + a.source +
                               " later replaces the first)");
        if (std::string w = UnknownLanguageWarning(std::string(name) + ": " + ptr + "/language:", a.meta.language); !w.empty())
            notes.push_back(std::move(w));
        if (a.text.find_first_not_of(" \t\r\n\f\v") == std::string::npos)
            notes.push_back(std::string(name) + ": " + ptr + "/text: empty; the article has no words");
        Utf8Report r = CheckUtf8(a.text);  // nlohmann validates strings, but \u escapes can hold lone surrogates
        if (r.invalid_sequences)
            notes.push_back(a.source + ": " + std::to_string(r.invalid_sequences) + " invalid UTF-8 sequence(s)");
        c.articles.push_back(std::move(a));
    }
    constexpr size_t kMaxWarningsPerFile = 10;
    for (size_t i = 0; i < notes.size() && i < kMaxWarningsPerFile; ++i) warnings.push_back(std::move(notes[i]));
    if (notes.size() > kMaxWarningsPerFile)
        warnings.push_back(std::string(name) + ": " + std::to_string(notes.size() - kMaxWarningsPerFile) +
                           " more warnings like these");
    out = std::move(c);
    return true;
}

std::vector<std::string> ApplyMetadata(Corpus& corpus, const std::vector<MetadataEntry>& entries) {
    std::unordered_map<std::string_view, std::vector<const MetadataEntry*>> by_file;
    for (const MetadataEntry& e : entries) by_file[e.file].push_back(&e);
    std::unordered_set<std::string_view> used;
    for (Article& a : corpus.articles) {
        auto it = by_file.find(a.source);
        if (it == by_file.end()) continue;
        used.insert(it->first);
        for (const MetadataEntry* e : it->second) {
            const ArticleMeta& m = e->meta;
            if (m.outlet) a.meta.outlet = m.outlet;
            if (m.author) a.meta.author = m.author;
            if (m.date) a.meta.date = m.date;
            if (m.language) a.meta.language = m.language;
            if (m.url) a.meta.url = m.url;
            // the metadata's title is authoritative, also when it says "no headline" (null)
            a.meta.title = m.title;
        }
    }
    std::vector<std::string> unmatched;
    for (const MetadataEntry& e : entries)
        if (!used.count(e.file) && (unmatched.empty() || unmatched.back() != e.file)) unmatched.push_back(e.file);
    return unmatched;
}

std::string UnmatchedMetadataWarning(const std::vector<std::string>& files) {
    if (files.empty()) return "";
    std::string list;
    for (size_t i = 0; i < files.size() && i < 3; ++i) list += (i ? ", " : "") + files[i];
    if (files.size() > 3) list += ", …";
    return "metadata names " + std::to_string(files.size()) + (files.size() == 1 ? " file" : " files") +
           " that no loaded article has (" + list + "); its entries were not applied";
}

}  // namespace presslens
