// io: codebook suggestions as JSON (see suggestions_io.hpp).
#include "io/suggestions_io.hpp"

#include <nlohmann/json.hpp>

#include "io/reports.hpp"

namespace presslens {

using ojson = nlohmann::ordered_json;
using nlohmann::json;

std::string SuggestionsToJson(const AnalyzedCorpus& ac, const Codebook& cb, const std::vector<Suggestion>& suggestions,
                              const std::vector<std::string>& errors) {
    (void)ac;
    ojson rows = ojson::array();
    for (const Suggestion& s : suggestions) {
        const bool actor = s.actor >= 0;
        ojson r;
        r["code"] = actor ? "actor:" + cb.actors[static_cast<size_t>(s.actor)].id : cb.codes[s.code].id;
        r["rule"] = actor ? std::string(s.weak ? "weak_terms" : "terms") : RuleName(cb, s.code, s.rule);
        r["language"] = s.language;
        r["term"] = s.term;
        r["suggestion"] = s.suggestion;
        r["source"] = s.source;
        r["articles"] = s.articles;
        r["sentences"] = s.sentences;
        r["code_index"] = s.code;
        r["rule_index"] = s.rule;
        r["actor"] = s.actor;
        r["weak"] = s.weak;
        r["parts"] = s.parts;
        r["within"] = s.within;
        r["article"] = s.example_article;
        r["begin"] = s.example.begin;
        r["end"] = s.example.end;
        r["accepted"] = s.accepted;
        rows.push_back(std::move(r));
    }
    ojson doc;
    doc["suggestions"] = std::move(rows);
    doc["errors"] = errors;
    return doc.dump();
}

bool ParseSuggestionsJson(std::string_view text, const Codebook& cb, const std::vector<size_t>& text_bytes,
                          std::vector<Suggestion>& out, std::vector<std::string>& errors, std::string& error) {
    json doc = json::parse(text.begin(), text.end(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        error = "the suggestion worker's answer is not a JSON object";
        return false;
    }
    std::vector<Suggestion> got;
    std::vector<std::string> errs;
    try {
        for (const json& e : doc.value("errors", json::array())) errs.push_back(e.get<std::string>());
        const json& rows = doc.at("suggestions");
        for (size_t i = 0; i < rows.size(); ++i) {
            const json& r = rows[i];
            const std::string where = "suggestion " + std::to_string(i + 1) + ": ";
            Suggestion s;
            s.actor = r.at("actor").get<int>();
            s.weak = r.at("weak").get<bool>();
            s.code = r.at("code_index").get<uint32_t>();
            s.rule = r.at("rule_index").get<uint32_t>();
            const std::string code = r.at("code").get<std::string>();
            if (s.actor >= 0) {
                if (static_cast<size_t>(s.actor) >= cb.actors.size() || "actor:" + cb.actors[static_cast<size_t>(s.actor)].id != code) {
                    error = where + "actor " + code + " is not actor " + std::to_string(s.actor) + " of the codebook";
                    return false;
                }
            } else if (s.code >= cb.codes.size() || cb.codes[s.code].id != code || s.rule >= cb.codes[s.code].rules.size()) {
                error = where + "claim " + code + " (index " + std::to_string(s.code) + ", rule " + std::to_string(s.rule) +
                        ") is not in the codebook (" + std::to_string(cb.codes.size()) + " claims)";
                return false;
            }
            s.language = r.at("language").get<std::string>();
            s.term = r.at("term").get<std::string>();
            s.suggestion = r.at("suggestion").get<std::string>();
            s.source = r.at("source").get<std::string>();
            s.parts = r.at("parts").get<std::vector<std::string>>();
            s.within = r.at("within").get<uint32_t>();
            s.articles = r.at("articles").get<uint32_t>();
            s.sentences = r.at("sentences").get<uint32_t>();
            s.example_article = r.at("article").get<int>();
            s.example.begin = r.at("begin").get<uint32_t>();
            s.example.end = r.at("end").get<uint32_t>();
            s.accepted = r.at("accepted").get<bool>();
            if (s.example_article >= 0 &&
                (static_cast<size_t>(s.example_article) >= text_bytes.size() || s.example.begin > s.example.end ||
                 s.example.end > text_bytes[static_cast<size_t>(s.example_article)])) {
                error = where + "its example (article " + std::to_string(s.example_article) + ", bytes " +
                        std::to_string(s.example.begin) + "-" + std::to_string(s.example.end) + ") is not in the corpus";
                return false;
            }
            got.push_back(std::move(s));
        }
    } catch (const json::exception& e) {
        error = std::string("the suggestion worker's answer is malformed: ") + e.what();
        return false;
    }
    out = std::move(got);
    errors = std::move(errs);
    return true;
}

}  // namespace presslens
