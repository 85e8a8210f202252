// io: codebook suggestions as JSON (see suggestions_io.hpp).
#include "io/suggestions_io.hpp"

#include <nlohmann/json.hpp>

#include "io/reports.hpp"

namespace presslens {

using ojson = nlohmann::ordered_json;

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

}  // namespace presslens
