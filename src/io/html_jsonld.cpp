// io: the JSON-LD of saved web pages (see html_jsonld.hpp).
#include "io/html_jsonld.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <vector>

namespace presslens {

namespace {

using nlohmann::json;


std::string LowerCopy(std::string s) {
    for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return s;
}

std::string JsonText(const json& v) {
    if (v.is_string()) return CollapseSpace(v.get<std::string>());
    if (v.is_object() && v.contains("name")) return JsonText(v["name"]);
    if (v.is_array()) {
        std::string out;
        for (const json& e : v) {
            std::string s = JsonText(e);
            if (s.empty()) continue;
            if (!out.empty()) out += ", ";
            out += s;
        }
        return out;
    }
    return "";
}

bool IsArticleType(const json& t) {
    static constexpr const char* kTypes[] = {"article", "newsarticle", "blogposting", "reportagenewsarticle",
                                             "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle",
                                             "backgroundnewsarticle", "liveblogposting", "report", "techarticle",
                                             "scholarlyarticle", "socialmediaposting", "posting"};
    if (t.is_array()) {
        for (const json& e : t)
            if (IsArticleType(e)) return true;
        return false;
    }
    if (!t.is_string()) return false;
    const std::string s = LowerCopy(t.get<std::string>());
    for (const char* k : kTypes)
        if (s == k) return true;
    return false;
}

}  // namespace

void ReadJsonLd(std::string_view text, JsonLdArticle& m) {
    json doc;
    try {
        doc = json::parse(text.begin(), text.end());  // the instantiation io already has
    } catch (const json::exception&) {
        return;  // a page's broken JSON-LD is the page's problem, not a reason to refuse it
    }
    std::vector<const json*> items, stack{&doc};
    std::vector<std::pair<std::string, const json*>> by_id;  // at most 1000: a linear search will do
    while (!stack.empty() && items.size() < 1000) {
        const json* j = stack.back();
        stack.pop_back();
        if (j->is_array()) {
            for (const json& e : *j) stack.push_back(&e);
        } else if (j->is_object()) {
            items.push_back(j);
            if (j->contains("@id") && (*j)["@id"].is_string()) by_id.emplace_back((*j)["@id"].get<std::string>(), j);
            if (j->contains("@graph")) stack.push_back(&(*j)["@graph"]);
        }
    }
    auto named = [&](const json& v) -> std::string {
        std::string s = JsonText(v);
        if (s.empty() && v.is_object() && v.contains("@id") && v["@id"].is_string()) {
            const std::string id = v["@id"].get<std::string>();
            auto it = std::find_if(by_id.begin(), by_id.end(), [&](const auto& e) { return e.first == id; });
            if (it != by_id.end() && it->second->contains("name")) s = JsonText((*it->second)["name"]);
        }
        return s;
    };
    for (const json* j : items) {
        if (!j->contains("@type") || !IsArticleType((*j)["@type"])) continue;
        auto get = [&](const char* key, std::string& into, bool name_lookup) {
            if (!into.empty() || !j->contains(key)) return;
            into = name_lookup ? named((*j)[key]) : JsonText((*j)[key]);
        };
        get("headline", m.headline, false);
        get("datePublished", m.date, false);
        get("author", m.author, true);
        get("publisher", m.publisher, true);
        get("inLanguage", m.language, false);
        get("url", m.url, false);
        if (m.url.empty() && j->contains("mainEntityOfPage")) {
            const json& e = (*j)["mainEntityOfPage"];
            if (e.is_string()) m.url = e.get<std::string>();
            else if (e.is_object() && e.contains("@id") && e["@id"].is_string()) m.url = e["@id"].get<std::string>();
        }
    }
}


// White space runs (HTML's: space, tab, CR, LF, FF) collapsed to one space, trimmed.
std::string CollapseSpace(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

}  // namespace presslens
