// io: reading and writing the codebook JSON format (see codebook_io.hpp, docs/formats.md).
#include "io/codebook_io.hpp"

#include <nlohmann/json.hpp>

#include "core/embedded.hpp"
#include "io/json_util.hpp"

namespace presslens {

using nlohmann::json;
using ojson = nlohmann::ordered_json;

namespace {

// Thrown inside the reader; turned into a LoadError with line and column.
struct FieldError {
    std::string path, message;
};

[[noreturn]] void Fail(const std::string& path, const std::string& message) { throw FieldError{path, message}; }

std::string Found(const json& v) { return std::string(", found ") + v.type_name(); }

void CheckKeys(const json& obj, const std::string& path, std::initializer_list<const char*> allowed) {
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        bool ok = false;
        for (const char* k : allowed) ok = ok || it.key() == k;
        if (!ok) {
            std::string list;
            for (const char* k : allowed) list += std::string(list.empty() ? "" : ", ") + "\"" + k + "\"";
            Fail(path + "/" + it.key(), "unknown field \"" + it.key() + "\" (expected " + list + ")");
        }
    }
}

std::string String(const json& obj, const char* key, const std::string& path, bool required) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
        if (required) Fail(path + "/" + key, std::string("required field \"") + key + "\" is missing");
        return {};
    }
    if (!it->is_string()) Fail(path + "/" + key, "expected a string" + Found(*it));
    return it->get<std::string>();
}

const json& Array(const json& v, const std::string& path) {
    if (!v.is_array()) Fail(path, "expected an array" + Found(v));
    return v;
}

std::vector<std::string> StringList(const json& v, const std::string& path) {
    std::vector<std::string> out;
    if (v.is_string()) return {v.get<std::string>()};
    Array(v, path);
    for (size_t i = 0; i < v.size(); ++i) {
        if (!v[i].is_string()) Fail(path + "/" + std::to_string(i), "expected a string" + Found(v[i]));
        out.push_back(v[i].get<std::string>());
    }
    return out;
}

uint32_t Count(const json& v, const std::string& path, uint32_t min, uint32_t max) {
    if (!v.is_number_integer() || v.get<int64_t>() < min || v.get<int64_t>() > max)
        Fail(path, "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max) +
                       (v.is_number_integer() ? ", found " + v.dump() : Found(v)));
    return static_cast<uint32_t>(v.get<int64_t>());
}

Condition ReadCondition(const json& v, const std::string& path, size_t depth);

// The condition keys of an object (a condition or a rule): all | any | term, none, within, label.
void ReadConditionKeys(const json& v, const std::string& path, size_t depth, Condition& c) {
    int kinds = v.contains("all") + v.contains("any") + v.contains("term");
    if (kinds != 1)
        Fail(path, kinds == 0 ? "needs one of \"all\", \"any\" or \"term\"" : "has more than one of \"all\", \"any\" and \"term\"");
    if (v.contains("term")) {
        c.kind = Condition::Kind::Term;
        c.term = String(v, "term", path, true);
    } else {
        const char* key = v.contains("all") ? "all" : "any";
        c.kind = v.contains("all") ? Condition::Kind::All : Condition::Kind::Any;
        const json& list = Array(v[key], path + "/" + key);
        for (size_t i = 0; i < list.size(); ++i)
            c.children.push_back(ReadCondition(list[i], path + "/" + key + "/" + std::to_string(i), depth + 1));
    }
    if (v.contains("none")) {
        const json& list = Array(v["none"], path + "/none");
        for (size_t i = 0; i < list.size(); ++i)
            c.none.push_back(ReadCondition(list[i], path + "/none/" + std::to_string(i), depth + 1));
    }
    if (v.contains("within")) c.within = Count(v["within"], path + "/within", 1, 1000);
    c.label = String(v, "label", path, false);
}

Condition ReadCondition(const json& v, const std::string& path, size_t depth) {
    if (depth > 32) Fail(path, "conditions nested deeper than 32 levels");
    Condition c;
    if (v.is_string()) {
        c.term = v.get<std::string>();
    } else if (v.is_array()) {
        c.kind = Condition::Kind::Any;
        for (size_t i = 0; i < v.size(); ++i) c.children.push_back(ReadCondition(v[i], path + "/" + std::to_string(i), depth + 1));
    } else if (v.is_object()) {
        CheckKeys(v, path, {"all", "any", "term", "none", "within", "label"});
        ReadConditionKeys(v, path, depth, c);
    } else {
        Fail(path, "expected a term (string), a list of alternatives (array) or a condition (object)" + Found(v));
    }
    return c;
}

std::map<std::string, std::vector<std::string>> ReadTermTable(const json& v, const std::string& path) {
    if (!v.is_object()) Fail(path, "expected an object of term lists by language" + Found(v));
    std::map<std::string, std::vector<std::string>> out;
    for (auto it = v.begin(); it != v.end(); ++it) out[it.key()] = StringList(it.value(), path + "/" + it.key());
    return out;
}

// One claim's object of "codes"; p is its path ("/codes/3").
Code ReadCode(const json& c, const std::string& p) {
    if (!c.is_object()) Fail(p, "expected a code object" + Found(c));
    CheckKeys(c, p, {"id", "label", "description", "group", "colour", "rules"});
    Code code;
    code.id = String(c, "id", p, true);
    code.label = String(c, "label", p, true);
    code.description = String(c, "description", p, false);
    code.group = String(c, "group", p, false);
    code.colour = String(c, "colour", p, false);
    if (c.contains("rules")) {
        const json& rules = Array(c["rules"], p + "/rules");
        for (size_t r = 0; r < rules.size(); ++r) {
            std::string rp = p + "/rules/" + std::to_string(r);
            const json& rj = rules[r];
            if (!rj.is_object()) Fail(rp, "expected a rule object" + Found(rj));
            CheckKeys(rj, rp, {"id", "lang", "stem", "weight", "all", "any", "term", "none", "within", "label", "attribution"});
            Rule rule;
            rule.id = String(rj, "id", rp, false);
            if (rj.contains("lang")) rule.languages = StringList(rj["lang"], rp + "/lang");
            if (rj.contains("stem")) {
                if (!rj["stem"].is_boolean()) Fail(rp + "/stem", "expected true or false" + Found(rj["stem"]));
                rule.stem = rj["stem"].get<bool>();
            }
            if (rj.contains("weight")) {
                if (!rj["weight"].is_number()) Fail(rp + "/weight", "expected a number" + Found(rj["weight"]));
                rule.weight = rj["weight"].get<double>();
            }
            ReadConditionKeys(rj, rp, 0, rule.match);
            if (rj.contains("attribution")) {
                const json& at = rj["attribution"];
                std::string ap = rp + "/attribution";
                if (!at.is_object()) Fail(ap, "expected an object with \"actor\"" + Found(at));
                CheckKeys(at, ap, {"actor", "not", "context"});
                Attribution a;
                a.actor = String(at, "actor", ap, true);
                if (at.contains("not")) a.reject = StringList(at["not"], ap + "/not");
                if (at.contains("context")) a.context = Count(at["context"], ap + "/context", 0, 20);
                rule.attribution = std::move(a);
            }
            code.rules.push_back(std::move(rule));
        }
    }
    return code;
}

Codebook Read(const json& doc) {
    if (!doc.is_object()) Fail("", "expected a codebook object with \"codes\"" + Found(doc));
    CheckKeys(doc, "", {"presslens_codebook", "name", "lang", "actors", "codes"});
    if (doc.contains("presslens_codebook") && doc["presslens_codebook"] != 1)
        Fail("/presslens_codebook", "unsupported format version " + doc["presslens_codebook"].dump() + " (this build reads 1)");
    Codebook cb;
    cb.name = String(doc, "name", "", false);
    cb.language = String(doc, "lang", "", false);
    if (doc.contains("actors")) {
        const json& list = Array(doc["actors"], "/actors");
        for (size_t i = 0; i < list.size(); ++i) {
            std::string p = "/actors/" + std::to_string(i);
            const json& a = list[i];
            if (!a.is_object()) Fail(p, "expected an actor object" + Found(a));
            CheckKeys(a, p, {"id", "label", "terms", "weak_terms"});
            Actor actor;
            actor.id = String(a, "id", p, true);
            actor.label = String(a, "label", p, false);
            if (a.contains("terms")) actor.terms = ReadTermTable(a["terms"], p + "/terms");
            if (a.contains("weak_terms")) actor.weak_terms = ReadTermTable(a["weak_terms"], p + "/weak_terms");
            cb.actors.push_back(std::move(actor));
        }
    }
    if (!doc.contains("codes")) Fail("/codes", "required field \"codes\" is missing");
    const json& codes = Array(doc["codes"], "/codes");
    for (size_t i = 0; i < codes.size(); ++i) cb.codes.push_back(ReadCode(codes[i], "/codes/" + std::to_string(i)));
    return cb;
}

// Rules without "lang" take the codebook's language; when the file names none, it is proposed
// from the terms (and not written back).
void ProposeLanguage(Codebook& cb) {
    if (!cb.language.empty()) return;
    cb.language = ProposeCodebookLanguage(cb);
    cb.language_proposed = !cb.language.empty();
}

// ---- writing -----------------------------------------------------------------------------------

void WriteConditionKeys(const Condition& c, ojson& out);

ojson WriteCondition(const Condition& c) {
    if (c.kind == Condition::Kind::Term && c.label.empty() && c.none.empty()) return c.term;
    if (c.kind == Condition::Kind::Any && c.label.empty() && c.none.empty()) {
        ojson list = ojson::array();
        for (const Condition& ch : c.children) list.push_back(WriteCondition(ch));
        return list;
    }
    ojson o = ojson::object();
    WriteConditionKeys(c, o);
    return o;
}

void WriteConditionKeys(const Condition& c, ojson& out) {
    if (!c.label.empty()) out["label"] = c.label;
    if (c.kind == Condition::Kind::Term) {
        out["term"] = c.term;
    } else {
        ojson list = ojson::array();
        for (const Condition& ch : c.children) list.push_back(WriteCondition(ch));
        out[c.kind == Condition::Kind::All ? "all" : "any"] = std::move(list);
    }
    if (c.within > 0) out["within"] = c.within;
    if (!c.none.empty()) {
        ojson list = ojson::array();
        for (const Condition& ch : c.none) list.push_back(WriteCondition(ch));
        out["none"] = std::move(list);
    }
}

ojson WriteTermTable(const std::map<std::string, std::vector<std::string>>& t) {
    ojson o = ojson::object();
    for (const auto& [lang, terms] : t) o[lang] = terms;
    return o;
}

}  // namespace

bool ParseCodebookJson(std::string_view text, std::string_view name, Codebook& out, LoadError& error) {
    json doc;
    if (!json_util::ParseJson(text, name, doc, error)) return false;
    Codebook cb;
    try {
        cb = Read(doc);
    } catch (const FieldError& fe) {
        error = {json_util::WhereInJson(text, name, fe.path), (fe.path.empty() ? "" : fe.path + ": ") + fe.message};
        return false;
    }
    std::vector<CodebookError> problems = ValidateCodebook(cb);
    if (!problems.empty()) {
        const CodebookError& first = problems.front();
        std::string more = problems.size() > 1
                               ? " (and " + std::to_string(problems.size() - 1) + " more problem" +
                                     (problems.size() > 2 ? "s" : "") + ")"
                               : "";
        error = {json_util::WhereInJson(text, name, first.path), first.path + ": " + first.message + more};
        return false;
    }
    ProposeLanguage(cb);
    out = std::move(cb);
    return true;
}

bool ReparseClaimJson(std::string_view object_json, size_t index, const Codebook& before, Codebook& out) {
    if (index >= before.codes.size()) return false;
    json doc = json::parse(object_json.begin(), object_json.end(), nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) return false;
    Codebook cb = before;
    try {
        cb.codes[index] = ReadCode(doc, "/codes/" + std::to_string(index));
    } catch (const FieldError&) {
        return false;
    }
    if (!ValidateCodebook(cb).empty()) return false;
    if (cb.language_proposed) {  // proposed from the terms, which may have changed
        cb.language.clear();
        cb.language_proposed = false;
    }
    ProposeLanguage(cb);
    out = std::move(cb);
    return true;
}

std::string CodebookToJson(const Codebook& cb) {
    ojson doc = ojson::object();
    doc["presslens_codebook"] = 1;
    if (!cb.name.empty()) doc["name"] = cb.name;
    if (!cb.language.empty() && !cb.language_proposed) doc["lang"] = cb.language;
    ojson actors = ojson::array();
    for (const Actor& a : cb.actors) {
        ojson o = ojson::object();
        o["id"] = a.id;
        if (!a.label.empty()) o["label"] = a.label;
        if (!a.terms.empty()) o["terms"] = WriteTermTable(a.terms);
        if (!a.weak_terms.empty()) o["weak_terms"] = WriteTermTable(a.weak_terms);
        actors.push_back(std::move(o));
    }
    if (!cb.actors.empty()) doc["actors"] = std::move(actors);
    ojson codes = ojson::array();
    for (const Code& c : cb.codes) {
        ojson o = ojson::object();
        o["id"] = c.id;
        o["label"] = c.label;
        if (!c.description.empty()) o["description"] = c.description;
        if (!c.group.empty()) o["group"] = c.group;
        if (!c.colour.empty()) o["colour"] = c.colour;
        ojson rules = ojson::array();
        for (const Rule& r : c.rules) {
            ojson ro = ojson::object();
            if (!r.id.empty()) ro["id"] = r.id;
            if (r.languages.size() == 1) ro["lang"] = r.languages.front();
            else if (!r.languages.empty()) ro["lang"] = r.languages;
            if (r.stem) ro["stem"] = true;
            if (r.weight != 1.0) ro["weight"] = r.weight;
            WriteConditionKeys(r.match, ro);
            if (r.attribution) {
                ojson at = ojson::object();
                at["actor"] = r.attribution->actor;
                if (!r.attribution->reject.empty()) at["not"] = r.attribution->reject;
                if (r.attribution->context != Attribution{}.context) at["context"] = r.attribution->context;
                ro["attribution"] = std::move(at);
            }
            rules.push_back(std::move(ro));
        }
        o["rules"] = std::move(rules);
        codes.push_back(std::move(o));
    }
    doc["codes"] = std::move(codes);
    return doc.dump(2) + "\n";
}

std::string_view DefaultCodebookJson() {
    for (const EmbeddedFile& f : DefaultCodebookFiles())
        if (f.name == "default.json") return f.bytes;
    return {};
}

bool LoadDefaultCodebook(Codebook& out, LoadError& error) {
    return ParseCodebookJson(DefaultCodebookJson(), "embedded:codebook/default.json", out, error);
}

}  // namespace presslens
