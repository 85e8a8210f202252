// io: the project file (see project.hpp; layout in docs/formats.md).
//
// "presslens-project 1\n", then records: a JSON line naming the record ("record": "project",
// "codebook", "article", "review", "view", "end"), followed for records with bytes by those bytes and "\n".
// Texts are stored as bytes, not JSON strings: they may hold invalid UTF-8 and are never altered.
#include "io/project.hpp"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "io/json_util.hpp"
#include "io/review_io.hpp"

namespace presslens {

namespace {

using json = nlohmann::json;

constexpr std::string_view kFormatPrefix = "presslens-project ";
constexpr int kFormat = 1;
constexpr std::string_view kFormatLine = "presslens-project 1\n";
constexpr std::string_view kBreak = "\n";

std::string RecordLine(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace) + '\n'; }

void PutString(json& j, const char* key, const std::optional<std::string>& v) {
    if (v) j[key] = *v;
}

json ArticleRecord(const Article& a) {
    json j = {{"record", "article"}, {"source", a.source}, {"bytes", a.text.size()}};
    if (a.body_begin) j["body_begin"] = a.body_begin;
    if (a.source_offset) j["source_offset"] = a.source_offset;
    PutString(j, "outlet", a.meta.outlet);
    PutString(j, "title", a.meta.title);
    PutString(j, "author", a.meta.author);
    PutString(j, "date", a.meta.date);
    PutString(j, "language", a.meta.language);
    PutString(j, "url", a.meta.url);
    if (!a.received_format.empty()) {
        j["received_format"] = a.received_format;
        j["received_bytes"] = a.received.size();
        json map = json::array();
        for (const Article::ReceivedRun& r : a.received_map) map.push_back({r.text_begin, r.received_begin, r.length});
        j["received_map"] = std::move(map);
    }
    return j;
}

// What printable text a foreign file starts with, for the message that refuses it.
std::string Opening(std::string_view bytes) {
    std::string out;
    for (size_t i = 0; i < bytes.size() && out.size() < 24; ++i) {
        unsigned char c = static_cast<unsigned char>(bytes[i]);
        if (c == '\n' || c == '\r') break;
        out += (c >= 0x20 && c < 0x7F) ? static_cast<char>(c) : '?';
    }
    return out;
}

}  // namespace

ProjectParts ProjectPieces(const Project& p) {
    ProjectParts out;
    const size_t n = p.corpus.articles.size();
    out.lines.reserve(n + 6);  // no reallocation: the views below stay valid
    out.lines.emplace_back(kFormatLine);
    out.lines.push_back(RecordLine({{"record", "project"}, {"name", p.name}, {"articles", n}}));
    out.lines.push_back(RecordLine({{"record", "codebook"}, {"name", p.codebook_name}, {"bytes", p.codebook_text.size()}}));
    for (const Article& a : p.corpus.articles) out.lines.push_back(RecordLine(ArticleRecord(a)));
    const bool review = !p.review_text.empty();
    if (review) out.lines.push_back(RecordLine({{"record", "review"}, {"bytes", p.review_text.size()}}));
    out.lines.push_back(RecordLine({{"record", "view"}, {"link", p.view}}));
    out.lines.push_back(RecordLine({{"record", "end"}, {"articles", n}}));

    out.pieces.reserve(4 * n + 8);
    out.pieces.push_back(out.lines[0]);
    out.pieces.push_back(out.lines[1]);
    out.pieces.push_back(out.lines[2]);
    out.pieces.push_back(p.codebook_text);
    out.pieces.push_back(kBreak);
    for (size_t i = 0; i < n; ++i) {
        const Article& a = p.corpus.articles[i];
        out.pieces.push_back(out.lines[3 + i]);
        out.pieces.push_back(a.text);
        out.pieces.push_back(kBreak);
        if (!a.received_format.empty()) {
            out.pieces.push_back(a.received);
            out.pieces.push_back(kBreak);
        }
    }
    size_t next = 3 + n;
    if (review) {
        out.pieces.push_back(out.lines[next++]);
        out.pieces.push_back(p.review_text);
        out.pieces.push_back(kBreak);
    }
    out.pieces.push_back(out.lines[next]);
    out.pieces.push_back(out.lines[next + 1]);
    return out;
}

std::string ProjectBytes(const Project& p) { return ProjectPieces(p).Join(); }

bool LooksLikeProject(std::string_view bytes) { return bytes.substr(0, kFormatPrefix.size()) == kFormatPrefix; }

bool ParseProject(std::string_view bytes, std::string_view name, Project& out, std::vector<std::string>& warnings,
                  LoadError& error) {
    const std::string file(name);
    if (!LooksLikeProject(bytes)) {
        error = {file, bytes.empty() ? "not a Presslens project: the file is empty"
                                     : "not a Presslens project: it starts with \"" + Opening(bytes) +
                                           "\", not \"presslens-project\""};
        return false;
    }
    size_t pos = bytes.find('\n');
    if (pos == std::string_view::npos) {
        error = {file, "truncated: the file ends inside its first line"};
        return false;
    }
    {
        std::string version(bytes.substr(kFormatPrefix.size(), pos - kFormatPrefix.size()));
        char* end = nullptr;
        long v = std::strtol(version.c_str(), &end, 10);
        if (version.empty() || *end || v < 1) {
            error = {file, "line 1: the format number \"" + version + "\" is not a number"};
            return false;
        }
        if (v > kFormat) {
            error = {file, "made by a newer Presslens (project format " + version + "); this version reads format " +
                               std::to_string(kFormat) + ": update Presslens to open it"};
            return false;
        }
    }
    ++pos;

    Project p;
    size_t declared = 0;
    bool have_header = false, have_end = false;
    std::string where;  // the record being read, for messages
    auto fail = [&](const std::string& msg) {
        error = {file, where + " (byte " + std::to_string(pos) + "): " + msg};
        return false;
    };
    // Takes `n` bytes followed by a line break at pos.
    auto take = [&](size_t n, std::string& into) {
        if (n > bytes.size() - pos || pos + n >= bytes.size() || bytes[pos + n] != '\n') return false;
        into.assign(bytes.substr(pos, n));
        pos += n + 1;
        return true;
    };
    auto size_field = [](const json& j, const char* key, size_t& v) {
        if (!j.contains(key)) return true;
        if (!j[key].is_number_unsigned()) return false;
        v = j[key].get<size_t>();
        return true;
    };
    while (pos < bytes.size()) {
        where = p.corpus.articles.empty() && !have_header ? "the project record"
                                                          : "after article " + std::to_string(p.corpus.articles.size());
        size_t nl = bytes.find('\n', pos);
        if (nl == std::string_view::npos) return fail("truncated: the file ends inside a record line");
        json j = json::parse(bytes.substr(pos, nl - pos), nullptr, false);
        if (j.is_discarded() || !j.is_object() || !j.contains("record") || !j["record"].is_string())
            return fail("not a record line (expected a JSON object with \"record\")");
        const std::string kind = j["record"].get<std::string>();
        pos = nl + 1;
        if (have_end) return fail("a \"" + kind + "\" record after the end record");
        if (kind == "project") {
            where = "the project record";
            if (j.contains("name") && j["name"].is_string()) p.name = j["name"].get<std::string>();
            if (!size_field(j, "articles", declared)) return fail("\"articles\" is not a count");
            have_header = true;
        } else if (kind == "codebook") {
            where = "the codebook record";
            size_t n = 0;
            if (!size_field(j, "bytes", n)) return fail("\"bytes\" is not a count");
            if (j.contains("name") && j["name"].is_string()) p.codebook_name = j["name"].get<std::string>();
            if (!take(n, p.codebook_text)) return fail("truncated: the codebook's " + std::to_string(n) + " bytes run past the end");
        } else if (kind == "article") {
            where = "article " + std::to_string(p.corpus.articles.size() + 1);
            Article a;
            size_t n = 0, body = 0, offset = 0;
            if (!j.contains("source") || !j["source"].is_string()) return fail("lacks \"source\"");
            if (!j.contains("bytes") || !size_field(j, "bytes", n)) return fail("lacks \"bytes\"");
            if (!size_field(j, "body_begin", body) || !size_field(j, "source_offset", offset))
                return fail("\"body_begin\" or \"source_offset\" is not a count");
            a.source = j["source"].get<std::string>();
            std::string why;
            std::optional<std::string>* fields[] = {&a.meta.outlet, &a.meta.title, &a.meta.author,
                                                   &a.meta.date,   &a.meta.language, &a.meta.url};
            const char* keys[] = {"outlet", "title", "author", "date", "language", "url"};
            for (size_t k = 0; k < 6; ++k)
                if (!json_util::ReadOptionalString(j, keys[k], "", *fields[k], why)) return fail(why);
            if (!take(n, a.text)) return fail("truncated: its text of " + std::to_string(n) + " bytes runs past the end");
            a.body_begin = static_cast<uint32_t>(std::min(body, a.text.size()));
            a.source_offset = static_cast<uint32_t>(offset);
            if (j.contains("received_format")) {
                if (!j["received_format"].is_string()) return fail("\"received_format\" is not a string");
                a.received_format = j["received_format"].get<std::string>();
                size_t m = 0;
                if (!size_field(j, "received_bytes", m)) return fail("\"received_bytes\" is not a count");
                if (j.contains("received_map")) {
                    const json& map = j["received_map"];
                    if (!map.is_array()) return fail("\"received_map\" is not a list");
                    for (const json& r : map) {
                        if (!r.is_array() || r.size() != 3 || !r[0].is_number_unsigned() || !r[1].is_number_unsigned() ||
                            !r[2].is_number_unsigned())
                            return fail("\"received_map\" holds an entry that is not [text, received, length]");
                        Article::ReceivedRun run{r[0].get<uint32_t>(), r[1].get<uint32_t>(), r[2].get<uint32_t>()};
                        if (uint64_t{run.text_begin} + run.length > a.text.size())
                            return fail("\"received_map\" points past the end of the text");
                        a.received_map.push_back(run);
                    }
                }
                if (!take(m, a.received))
                    return fail("truncated: the page as received (" + std::to_string(m) + " bytes) runs past the end");
            }
            p.corpus.articles.push_back(std::move(a));
        } else if (kind == "review") {
            where = "the review record";
            size_t n = 0;
            if (!size_field(j, "bytes", n)) return fail("\"bytes\" is not a count");
            if (!take(n, p.review_text)) return fail("truncated: the review's " + std::to_string(n) + " bytes run past the end");
            Review check;
            LoadError why;
            if (!ParseReviewJson(p.review_text, "review", check, why)) return fail(why.message);
        } else if (kind == "view") {
            where = "the view record";
            if (j.contains("link") && j["link"].is_string()) p.view = j["link"].get<std::string>();
        } else if (kind == "end") {
            where = "the end record";
            size_t n = 0;
            if (!size_field(j, "articles", n)) return fail("\"articles\" is not a count");
            if (n != p.corpus.articles.size())
                return fail("the end record counts " + std::to_string(n) + " articles, the file holds " +
                            std::to_string(p.corpus.articles.size()));
            have_end = true;
        } else {
            // a later format's record: skip it (and its bytes), say so
            size_t n = 0;
            std::string skipped;
            if (!size_field(j, "bytes", n) || !take(n, skipped)) return fail("truncated inside a \"" + kind + "\" record");
            warnings.push_back(file + ": skipped a \"" + kind + "\" record this version does not know");
        }
    }
    if (!have_header) {
        where = "the file";
        return fail("no project record");
    }
    if (!have_end) {
        where = "after article " + std::to_string(p.corpus.articles.size()) + " of " + std::to_string(declared);
        return fail("truncated: the file stops before its end record (was it cut short while saving or copying?)");
    }
    out = std::move(p);
    return true;
}

std::string CorpusFingerprint(const Corpus& corpus) {
    uint64_t h = 1469598103934665603ull;  // FNV-1a, 64 bits
    auto mix = [&h](std::string_view s) {
        for (unsigned char c : s) {
            h ^= c;
            h *= 1099511628211ull;
        }
        h ^= 0xFF;  // a separator no UTF-8 text holds
        h *= 1099511628211ull;
    };
    for (const Article& a : corpus.articles) {
        mix(a.source);
        mix(a.text);
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%08x", static_cast<unsigned>((h >> 32) ^ h));
    return buf;
}

}  // namespace presslens
