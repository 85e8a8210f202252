// io: the review's JSON (see review_io.hpp).
#include "io/review_io.hpp"

#include "io/json_util.hpp"

namespace presslens {

using nlohmann::json;

namespace {

json CodingJson(const Coding& c) {
    json j = {{"article", c.article}, {"code", c.code}, {"value", c.value}};
    if (!c.coder.empty()) j["coder"] = c.coder;
    if (!c.evidence.empty()) j["evidence"] = c.evidence;
    return j;
}

// Field readers that say which field was wrong.
struct Reader {
    std::string error;
    bool Str(const json& o, const char* key, const std::string& at, std::string& out, bool required) {
        if (!o.contains(key) || o[key].is_null()) {
            if (required) error = at + "/" + key + ": missing";
            return !required;
        }
        if (!o[key].is_string()) {
            error = at + "/" + key + ": expected a string, found " + o[key].type_name();
            return false;
        }
        out = o[key].get<std::string>();
        return true;
    }
    bool Num(const json& o, const char* key, const std::string& at, uint64_t max, uint64_t& out) {
        if (!o.contains(key)) {
            out = 0;
            return true;
        }
        if (!o[key].is_number_unsigned() || o[key].get<uint64_t>() > max) {
            error = at + "/" + key + ": expected a whole number from 0 to " + std::to_string(max);
            return false;
        }
        out = o[key].get<uint64_t>();
        return true;
    }
    bool Value(const json& o, const std::string& at, int& out) {
        uint64_t v = 0;
        if (!o.contains("value") || !o["value"].is_number_unsigned() || (v = o["value"].get<uint64_t>()) > 1) {
            error = at + "/value: expected 0 or 1";
            return false;
        }
        out = static_cast<int>(v);
        return true;
    }
};

}  // namespace

std::string ReviewJson(const Review& r) {
    std::string out = "{\"decisions\": [";
    for (size_t i = 0; i < r.decisions.size(); ++i) {
        const Decision& d = r.decisions[i];
        json j = {{"article", d.article}, {"code", d.code}, {"kind", DecisionKindName(d.kind)}, {"value", d.value}};
        if (d.span.size() > 0) {
            j["begin"] = d.span.begin;
            j["end"] = d.span.end;
            j["quote"] = d.quote;
        }
        if (!d.coder.empty()) j["coder"] = d.coder;
        if (!d.time.empty()) j["time"] = d.time;
        out += (i ? ",\n  " : "\n  ") + j.dump();
    }
    out += r.decisions.empty() ? "],\n \"others\": [" : "\n ],\n \"others\": [";
    for (size_t i = 0; i < r.others.size(); ++i) {
        const OtherCoder& o = r.others[i];
        out += (i ? ",\n  " : "\n  ") + std::string("{\"name\": ") + json(o.name).dump() + ", \"file\": " + json(o.file).dump() +
               ", \"codings\": [";
        for (size_t k = 0; k < o.codings.size(); ++k) out += (k ? ",\n    " : "\n    ") + CodingJson(o.codings[k]).dump();
        out += "]}";
    }
    out += r.others.empty() ? "]}\n" : "\n ]}\n";
    return out;
}

bool ParseReviewJson(std::string_view text, std::string_view name, Review& out, LoadError& error) {
    json doc;
    if (!json_util::ParseJson(text, name, doc, error)) return false;
    error.where = std::string(name);
    Reader rd;
    auto fail = [&](const std::string& message) {
        error.message = message;
        return false;
    };
    if (!doc.is_object()) return fail("expected an object with \"decisions\" and \"others\"");
    Review r;
    if (doc.contains("decisions")) {
        if (!doc["decisions"].is_array()) return fail("/decisions: expected an array");
        for (size_t i = 0; i < doc["decisions"].size(); ++i) {
            const json& o = doc["decisions"][i];
            const std::string at = "/decisions/" + std::to_string(i);
            if (!o.is_object()) return fail(at + ": expected an object");
            Decision d;
            std::string kind;
            if (!rd.Str(o, "article", at, d.article, true) || !rd.Str(o, "code", at, d.code, true) ||
                !rd.Str(o, "kind", at, kind, true) || !rd.Str(o, "quote", at, d.quote, false) ||
                !rd.Str(o, "coder", at, d.coder, false) || !rd.Str(o, "time", at, d.time, false) || !rd.Value(o, at, d.value))
                return fail(rd.error);
            if (kind == "confirm") d.kind = Decision::Kind::Confirm;
            else if (kind == "reject") d.kind = Decision::Kind::Reject;
            else if (kind == "add") d.kind = Decision::Kind::Add;
            else return fail(at + "/kind: expected confirm, reject or add, found \"" + kind + "\"");
            uint64_t b = 0, e = 0;
            if (!rd.Num(o, "begin", at, UINT32_MAX, b) || !rd.Num(o, "end", at, UINT32_MAX, e)) return fail(rd.error);
            if (e < b) return fail(at + "/end: before its begin");
            d.span = {static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
            r.decisions.push_back(std::move(d));
        }
    }
    if (doc.contains("others")) {
        if (!doc["others"].is_array()) return fail("/others: expected an array");
        for (size_t i = 0; i < doc["others"].size(); ++i) {
            const json& o = doc["others"][i];
            const std::string at = "/others/" + std::to_string(i);
            if (!o.is_object()) return fail(at + ": expected an object");
            OtherCoder oc;
            if (!rd.Str(o, "name", at, oc.name, true) || !rd.Str(o, "file", at, oc.file, false)) return fail(rd.error);
            if (!o.contains("codings") || !o["codings"].is_array()) return fail(at + "/codings: expected an array");
            for (size_t k = 0; k < o["codings"].size(); ++k) {
                const json& c = o["codings"][k];
                const std::string ct = at + "/codings/" + std::to_string(k);
                if (!c.is_object()) return fail(ct + ": expected an object");
                Coding x;
                if (!rd.Str(c, "article", ct, x.article, true) || !rd.Str(c, "code", ct, x.code, true) ||
                    !rd.Str(c, "coder", ct, x.coder, false) || !rd.Str(c, "evidence", ct, x.evidence, false) ||
                    !rd.Value(c, ct, x.value))
                    return fail(rd.error);
                oc.codings.push_back(std::move(x));
            }
            r.others.push_back(std::move(oc));
        }
    }
    out = std::move(r);
    error = {};
    return true;
}

}  // namespace presslens
