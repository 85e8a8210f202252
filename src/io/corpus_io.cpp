// io: metadata.json parsing and the embedded default corpus (see corpus_io.hpp).
#include "io/corpus_io.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/embedded.hpp"

namespace presslens {
namespace {

using nlohmann::json;

// Line and column (1-based, columns in bytes) of a byte offset.
std::string LineColumn(std::string_view text, size_t offset) {
    offset = std::min(offset, text.size());
    size_t line = 1, col = 1;
    for (size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') { ++line; col = 1; } else { ++col; }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(col);
}

// An optional string field: absent or null = unknown; any other type is an error.
bool ReadOptionalString(const json& obj, const char* key, const std::string& pointer,
                        std::optional<std::string>& out, std::string& error) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return true;
    if (!it->is_string()) {
        error = pointer + "/" + key + ": expected a string or null, found " + it->type_name();
        return false;
    }
    out = it->get<std::string>();
    return true;
}

}  // namespace

bool ParseMetadataJson(std::string_view text, std::string_view name, std::vector<MetadataEntry>& out,
                       LoadError& error) {
    json doc;
    try {
        doc = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        // e.byte is 1-based and points just past the offending character.
        error = {std::string(name) + " (" + LineColumn(text, e.byte > 0 ? e.byte - 1 : 0) + ")",
                 "invalid JSON: " + std::string(e.what())};
        return false;
    }
    if (!doc.is_object() || !doc.contains("articles") || !doc["articles"].is_array()) {
        error = {std::string(name), "expected an object with an \"articles\" array"};
        return false;
    }
    std::vector<MetadataEntry> entries;
    const json& list = doc["articles"];
    for (size_t i = 0; i < list.size(); ++i) {
        const json& a = list[i];
        std::string ptr = "/articles/" + std::to_string(i);
        std::string msg;
        if (!a.is_object()) {
            error = {std::string(name), ptr + ": expected an object, found " + std::string(a.type_name())};
            return false;
        }
        MetadataEntry e;
        auto file = a.find("file");
        if (file == a.end() || !file->is_string() || file->get<std::string>().empty()) {
            error = {std::string(name), ptr + "/file: required, a non-empty string"};
            return false;
        }
        e.file = file->get<std::string>();
        if (!ReadOptionalString(a, "outlet", ptr, e.meta.outlet, msg) ||
            !ReadOptionalString(a, "title", ptr, e.meta.title, msg) ||
            !ReadOptionalString(a, "author", ptr, e.meta.author, msg) ||
            !ReadOptionalString(a, "date", ptr, e.meta.date, msg) ||
            !ReadOptionalString(a, "language", ptr, e.meta.language, msg) ||
            !ReadOptionalString(a, "url", ptr, e.meta.url, msg)) {
            error = {std::string(name), msg};
            return false;
        }
        for (const MetadataEntry& prev : entries) {
            if (prev.file == e.file) {
                error = {std::string(name), ptr + "/file: \"" + e.file + "\" is listed twice"};
                return false;
            }
        }
        entries.push_back(std::move(e));
    }
    out = std::move(entries);
    return true;
}

bool LoadDefaultCorpus(Corpus& out, LoadError& error) {
    std::vector<MetadataEntry> meta;
    Corpus corpus;
    for (const EmbeddedFile& f : DefaultCorpusFiles()) {
        if (f.name == "metadata.json") {
            if (!ParseMetadataJson(f.bytes, "embedded:metadata.json", meta, error)) return false;
            continue;
        }
        corpus.articles.push_back({std::string(f.name), std::string(f.bytes), {}});
    }
    std::sort(corpus.articles.begin(), corpus.articles.end(),
              [](const Article& a, const Article& b) { return a.source < b.source; });
    for (Article& a : corpus.articles) {
        auto it = std::find_if(meta.begin(), meta.end(), [&](const MetadataEntry& m) { return m.file == a.source; });
        if (it == meta.end()) {
            error = {"embedded:metadata.json", "no entry for " + a.source};
            return false;
        }
        a.meta = it->meta;
    }
    out = std::move(corpus);
    return true;
}

}  // namespace presslens
