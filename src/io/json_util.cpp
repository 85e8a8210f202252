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

std::string ParseErrorMessage(const nlohmann::json::parse_error& e) {
    std::string_view w = e.what();
    if (size_t at = w.find("parse error"); at != std::string_view::npos) {
        size_t colon = w.find(": ", at);
        if (colon != std::string_view::npos) w.remove_prefix(colon + 2);
    }
    if (w.substr(0, 13) == "syntax error ") {
        if (size_t dash = w.find(" - "); dash != std::string_view::npos) w.remove_prefix(dash + 3);
    }
    return "invalid JSON: " + std::string(w);
}

bool ParseJson(std::string_view text, std::string_view name, nlohmann::json& doc, LoadError& error) {
    try {
        doc = nlohmann::json::parse(text.begin(), text.end());
        return true;
    } catch (const nlohmann::json::parse_error& e) {
        // e.byte is 1-based and points just past the offending character.
        error = {std::string(name) + " (" + LineColumn(text, e.byte > 0 ? e.byte - 1 : 0) + ")",
                 ParseErrorMessage(e)};
    } catch (const nlohmann::json::exception& e) {
        // "[json.exception.out_of_range.406] number overflow parsing '1e999'": no position is
        // given, so locate the quoted number in the text.
        std::string_view w = e.what();
        if (size_t tag = w.find("] "); tag != std::string_view::npos && w.front() == '[') w.remove_prefix(tag + 2);
        std::string where(name);
        size_t q1 = w.find('\''), q2 = w.rfind('\'');
        if (q1 != std::string_view::npos && q2 > q1 + 1) {
            if (size_t at = text.find(w.substr(q1 + 1, q2 - q1 - 1)); at != std::string_view::npos)
                where += " (" + LineColumn(text, at) + ")";
        }
        error = {where, "invalid JSON: " + std::string(w) + " (too large for a number)"};
    }
    return false;
}

bool ParseArticlesDocument(std::string_view text, std::string_view name, nlohmann::json& doc, LoadError& error) {
    if (!ParseJson(text, name, doc, error)) return false;
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

namespace {

size_t SkipSpace(std::string_view t, size_t i) {
    while (i < t.size() && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r')) ++i;
    return i;
}

// Skips a string starting at its opening quote; appends its (simply unescaped) contents to out.
size_t SkipString(std::string_view t, size_t i, std::string* out) {
    ++i;
    while (i < t.size() && t[i] != '"') {
        if (t[i] == '\\' && i + 1 < t.size()) {
            if (out) {
                char e = t[i + 1];
                out->push_back(e == 'n' ? '\n' : e == 't' ? '\t' : e);
            }
            i += 2;
            continue;
        }
        if (out) out->push_back(t[i]);
        ++i;
    }
    return i < t.size() ? i + 1 : i;
}

// Skips one value starting at i (no leading space).
size_t SkipValue(std::string_view t, size_t i) {
    if (i >= t.size()) return i;
    if (t[i] == '"') return SkipString(t, i, nullptr);
    if (t[i] == '{' || t[i] == '[') {
        size_t depth = 0;
        while (i < t.size()) {
            char c = t[i];
            if (c == '"') { i = SkipString(t, i, nullptr); continue; }
            if (c == '{' || c == '[') ++depth;
            else if (c == '}' || c == ']') {
                if (--depth == 0) return i + 1;
            }
            ++i;
        }
        return i;
    }
    while (i < t.size() && t[i] != ',' && t[i] != '}' && t[i] != ']' && t[i] != ' ' && t[i] != '\n' &&
           t[i] != '\r' && t[i] != '\t')
        ++i;
    return i;
}

}  // namespace

size_t FindValueOffset(std::string_view text, std::string_view pointer) {
    size_t pos = SkipSpace(text, 0);
    size_t p = 0;
    while (p < pointer.size() && pointer[p] == '/') {
        size_t next = pointer.find('/', p + 1);
        if (next == std::string_view::npos) next = pointer.size();
        std::string token;
        for (size_t k = p + 1; k < next; ++k) {
            if (pointer[k] == '~' && k + 1 < next) { token.push_back(pointer[k + 1] == '1' ? '/' : '~'); ++k; }
            else token.push_back(pointer[k]);
        }
        p = next;
        if (pos >= text.size()) return pos;
        size_t found = std::string_view::npos;
        if (text[pos] == '{') {
            size_t i = SkipSpace(text, pos + 1);
            while (i < text.size() && text[i] == '"') {
                std::string key;
                i = SkipSpace(text, SkipString(text, i, &key));
                if (i < text.size() && text[i] == ':') i = SkipSpace(text, i + 1);
                if (key == token) { found = i; break; }
                i = SkipSpace(text, SkipValue(text, i));
                if (i < text.size() && text[i] == ',') i = SkipSpace(text, i + 1);
                else break;
            }
        } else if (text[pos] == '[') {
            size_t index = 0;
            bool numeric = !token.empty() && std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
            if (numeric) index = std::stoull(token.substr(0, 18));
            size_t i = SkipSpace(text, pos + 1);
            for (size_t k = 0; numeric && i < text.size() && text[i] != ']'; ++k) {
                if (k == index) { found = i; break; }
                i = SkipSpace(text, SkipValue(text, i));
                if (i < text.size() && text[i] == ',') i = SkipSpace(text, i + 1);
                else break;
            }
        }
        if (found == std::string_view::npos) return pos;
        pos = found;
    }
    return pos;
}

std::string WhereInJson(std::string_view text, std::string_view name, std::string_view pointer) {
    return std::string(name) + " (" + LineColumn(text, FindValueOffset(text, pointer)) + ")";
}

}  // namespace presslens::json_util
