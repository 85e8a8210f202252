// io (internal): JSON helpers shared by corpus_io.cpp and ingest.cpp (see json_util.hpp).
#include "io/json_util.hpp"

#include <algorithm>

namespace presslens::json_util {

std::string LineColumn(std::string_view text, size_t offset) {
    offset = std::min(offset, text.size());
    size_t line = 1, col = 1;
    for (size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') { ++line; col = 1; } else { ++col; }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(col);
}

bool ParseArticlesDocument(std::string_view text, std::string_view name, nlohmann::json& doc, LoadError& error) {
    try {
        doc = nlohmann::json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::parse_error& e) {
        // e.byte is 1-based and points just past the offending character.
        error = {std::string(name) + " (" + LineColumn(text, e.byte > 0 ? e.byte - 1 : 0) + ")",
                 "invalid JSON: " + std::string(e.what())};
        return false;
    }
    if (!doc.is_object() || !doc.contains("articles") || !doc["articles"].is_array()) {
        error = {std::string(name), "expected an object with an \"articles\" array (see docs/formats.md)"};
        return false;
    }
    return true;
}

bool ReadOptionalString(const nlohmann::json& obj, const char* key, const std::string& pointer,
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

}  // namespace presslens::json_util
