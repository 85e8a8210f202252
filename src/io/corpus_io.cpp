// io: metadata.json parsing and the embedded default corpus (see corpus_io.hpp).
#include "io/corpus_io.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/embedded.hpp"
#include "io/json_util.hpp"

namespace presslens {

using nlohmann::json;
using json_util::ReadOptionalString;

bool ParseMetadataJson(std::string_view text, std::string_view name, std::vector<MetadataEntry>& out,
                       LoadError& error) {
    json doc;
    if (!json_util::ParseArticlesDocument(text, name, doc, error)) return false;
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
