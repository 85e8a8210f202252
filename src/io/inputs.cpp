// io: input batches (see inputs.hpp).
#include "io/inputs.hpp"

#include <cstdio>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "io/html.hpp"
#include "io/ingest.hpp"
#include "io/project.hpp"
#include "io/sniff.hpp"

namespace presslens {

namespace {

using json = nlohmann::json;

// The file name's extension in lower case, with its dot ("" when it has none).
std::string Extension(std::string_view name) {
    size_t slash = name.find_last_of("/\\");
    if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
    size_t dot = name.rfind('.');
    if (dot == std::string_view::npos) return "";
    std::string ext(name.substr(dot));
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

bool EndsWithJson(std::string_view name) { return Extension(name) == ".json"; }

bool IsHtmlExtension(std::string_view name) {
    std::string ext = Extension(name);
    return ext == ".html" || ext == ".htm" || ext == ".xhtml" || ext == ".shtml";
}

std::string_view BaseName(std::string_view name) {
    size_t slash = name.find_last_of("/\\");
    if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
    return name;
}

// Reads only the keys that tell the kinds apart, without building the document.
struct KindSniffer : nlohmann::json_sax<json> {
    int depth = 0;
    bool in_articles = false;      // inside the top-level "articles" array
    std::string top_key;
    bool codes = false, file = false, text = false;

    bool key(string_t& k) override {
        if (depth == 1) {
            top_key = k;
            if (k == "codes" || k == "presslens_codebook") codes = true;
        } else if (depth == 3 && in_articles) {
            if (k == "file") file = true;
            if (k == "text") text = true;
        }
        return true;
    }
    bool start_object(std::size_t) override { ++depth; return true; }
    bool end_object() override { --depth; return true; }
    bool start_array(std::size_t) override {
        ++depth;
        if (depth == 2 && top_key == "articles") in_articles = true;
        return true;
    }
    bool end_array() override {
        if (depth == 2) in_articles = false;
        --depth;
        return true;
    }
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }
};

// Appends a JSON string value for a metadata field; invalid UTF-8 in metadata becomes U+FFFD.
void PutString(json& j, const char* key, const std::optional<std::string>& v) {
    if (v) j[key] = *v;
}

}  // namespace

const char* InputKindName(InputKind k) {
    switch (k) {
        case InputKind::Article: return "article";
        case InputKind::Html: return "html";
        case InputKind::Corpus: return "corpus";
        case InputKind::Metadata: return "metadata";
        case InputKind::Codebook: return "codebook";
        case InputKind::Project: return "project";
    }
    return "article";
}

std::string MebibytesText(uint64_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, bytes >= (100u << 20) ? "%.0f MiB" : "%.1f MiB", static_cast<double>(bytes) / (1 << 20));
    return buf;
}

std::string FileTooBigMessage(std::string_view name, uint64_t size, const Limits& limits) {
    return std::string(name) + ": the file is " + MebibytesText(size) + ", over the limit of " +
           MebibytesText(limits.max_file_bytes) + " per file" + (limits.how.empty() ? "" : " (" + limits.how + " to change it)");
}

std::string ArticleTooBigMessage(std::string_view name, uint64_t size, const Limits& limits) {
    return std::string(name) + ": the article is " + MebibytesText(size) + ", over the limit of " +
           MebibytesText(limits.max_article_bytes) + " per article" +
           (limits.how.empty() ? "" : " (" + limits.how + " to change it)");
}

namespace {
bool ParseInputAs(const InputFile& f, InputKind kind, std::vector<Article>& articles,
                  std::vector<MetadataEntry>& metadata, std::vector<std::string>& warnings, LoadError& error);
}  // namespace

InputKind ClassifyInput(const InputFile& f) {
    if (LooksLikeProject(f.bytes)) return InputKind::Project;
    if (IsHtmlExtension(f.name)) return InputKind::Html;
    if (!EndsWithJson(f.name)) return LooksLikeHtml(f.bytes) ? InputKind::Html : InputKind::Article;
    KindSniffer s;
    std::string_view b = f.bytes;
    if (b.size() >= 3 && b.substr(0, 3) == "\xEF\xBB\xBF") b.remove_prefix(3);
    bool ok = false;
    try {
        ok = json::sax_parse(b.begin(), b.end(), &s);
    } catch (const json::exception&) {
        ok = false;
    }
    if (s.codes) return InputKind::Codebook;  // even a broken one: its parser says where
    if (ok && s.file && !s.text) return InputKind::Metadata;
    return InputKind::Corpus;
}

bool ParseInput(const InputFile& f, InputKind kind, std::vector<Article>& articles,
                std::vector<MetadataEntry>& metadata, std::vector<std::string>& warnings, LoadError& error) {
    // Not text at all (a PDF, an image, …): say what it is before any text parser makes an
    // article of its bytes.
    if (kind != InputKind::Codebook && kind != InputKind::Project) {  // a project holds any article's bytes
        Sniffed sniffed = SniffFile(f.bytes);
        if (sniffed.kind != FileKind::Text) {
            error = {"", RefusalMessage(f.name, sniffed)};
            return false;
        }
    }
    if (kind == InputKind::Html) {
        Article a;
        LoadError html_error;
        if (!ParseHtmlArticle(f.bytes, BaseName(f.name), a, warnings, html_error)) {
            // named as the caller knows the file (the reader only knows the base name)
            error = html_error.where.empty() ? LoadError{"", "no article text found in " + f.name}
                                             : LoadError{f.name, html_error.message};
            return false;
        }
        articles.push_back(std::move(a));
        return true;
    }
    if (ParseInputAs(f, kind, articles, metadata, warnings, error)) return true;
    // name the file as the caller knows it (a .txt parser only knows the base name)
    if (error.where.rfind(f.name, 0) != 0) error = {f.name, error.message};
    return false;
}

namespace {
bool ParseInputAs(const InputFile& f, InputKind kind, std::vector<Article>& articles,
                  std::vector<MetadataEntry>& metadata, std::vector<std::string>& warnings, LoadError& error) {
    switch (kind) {
        case InputKind::Metadata: {
            std::vector<MetadataEntry> entries;
            if (!ParseMetadataJson(f.bytes, f.name, entries, error)) return false;
            metadata.insert(metadata.end(), entries.begin(), entries.end());
            return true;
        }
        case InputKind::Corpus: {
            Corpus c;
            if (!ParseCorpusJson(f.bytes, f.name, c, warnings, error)) return false;
            if (c.articles.empty()) {
                error = {f.name, "the corpus holds no articles"};
                return false;
            }
            for (Article& a : c.articles) articles.push_back(std::move(a));
            return true;
        }
        case InputKind::Html:  // ParseInput reads it
            return false;
        case InputKind::Article: {
            Article a;
            // the source is the file name: metadata.json entries name files, not paths
            if (!ParseTxtArticle(f.bytes, BaseName(f.name), a, warnings, error)) return false;
            articles.push_back(std::move(a));
            return true;
        }
        case InputKind::Codebook:
            error = {f.name, "is a codebook, not articles"};
            return false;
        case InputKind::Project: {
            Project p;
            if (!ParseProject(f.bytes, f.name, p, warnings, error)) return false;
            for (Article& a : p.corpus.articles) articles.push_back(std::move(a));
            return true;
        }
    }
    return false;
}

}  // namespace

size_t MergeArticles(std::vector<Article>& into, std::vector<Article> more) {
    std::unordered_map<std::string, size_t> by_source;
    for (size_t i = 0; i < into.size(); ++i) by_source.emplace(into[i].source, i);
    size_t replaced = 0;
    for (Article& a : more) {
        auto it = by_source.find(a.source);
        if (it != by_source.end()) {
            into[it->second] = std::move(a);
            ++replaced;
        } else {
            into.push_back(std::move(a));  // two of one source within `more` are both kept
        }
    }
    return replaced;
}

namespace {
// An article's line of the saved corpus: {"source","bytes","body_begin","source_offset", metadata
// fields...} (docs/formats.md), with `language` as its language.
std::string SavedArticleLine(const Article& a, const std::optional<std::string>& language) {
    json j = {{"source", a.source}, {"bytes", a.text.size()}, {"body_begin", a.body_begin},
              {"source_offset", a.source_offset}};
    PutString(j, "outlet", a.meta.outlet);
    PutString(j, "title", a.meta.title);
    PutString(j, "author", a.meta.author);
    PutString(j, "date", a.meta.date);
    PutString(j, "language", language);
    PutString(j, "url", a.meta.url);
    return j.dump(-1, ' ', false, json::error_handler_t::replace) + '\n';
}
}  // namespace

// Layout: "presslens-saved-corpus 1\n", then per article its line, the text's bytes, "\n".
SavedCorpusParts SavedCorpusPieces(const Corpus& corpus) {
    SavedCorpusParts out;
    out.lines.reserve(corpus.articles.size() + 1);  // no reallocation: the views below stay valid
    out.lines.emplace_back(kSavedCorpusHead);
    for (const Article& a : corpus.articles) out.lines.push_back(SavedArticleLine(a, a.meta.language));
    static constexpr std::string_view kBreak = "\n";
    out.pieces.reserve(3 * corpus.articles.size() + 1);
    out.pieces.push_back(out.lines[0]);
    for (size_t i = 0; i < corpus.articles.size(); ++i) {
        out.pieces.push_back(out.lines[i + 1]);
        out.pieces.push_back(corpus.articles[i].text);
        out.pieces.push_back(kBreak);
    }
    return out;
}

void AppendSavedArticle(std::string& out, const Article& a, const std::optional<std::string>& language) {
    out += SavedArticleLine(a, language);
    out += a.text;
    out += '\n';
}

size_t SavedCorpusParts::size() const {
    size_t n = 0;
    for (std::string_view p : pieces) n += p.size();
    return n;
}

std::string SavedCorpusParts::Join() const {
    std::string out;
    out.reserve(size());
    for (std::string_view p : pieces) out += p;
    return out;
}

std::string SavedCorpusBytes(const Corpus& corpus) { return SavedCorpusPieces(corpus).Join(); }

bool ParseSavedCorpus(std::string_view bytes, std::string_view name, Corpus& out, LoadError& error) {
    const std::string_view kMagic = kSavedCorpusHead;
    if (bytes.substr(0, kMagic.size()) != kMagic) {
        error = {std::string(name), "not a saved Presslens corpus (format line missing)"};
        return false;
    }
    Corpus c;
    size_t pos = kMagic.size();
    auto fail = [&](const std::string& msg) {
        error = {std::string(name), "article " + std::to_string(c.articles.size() + 1) + " (byte " +
                                        std::to_string(pos) + "): " + msg};
        return false;
    };
    while (pos < bytes.size()) {
        size_t nl = bytes.find('\n', pos);
        if (nl == std::string_view::npos) return fail("header line not ended");
        json j;
        try {
            j = json::parse(bytes.substr(pos, nl - pos));
        } catch (const json::exception& e) {
            return fail(std::string("header is not JSON: ") + e.what());
        }
        if (!j.is_object() || !j.contains("source") || !j["source"].is_string() || !j.contains("bytes") ||
            !j["bytes"].is_number_unsigned())
            return fail("header lacks \"source\" or \"bytes\"");
        Article a;
        a.source = j["source"].get<std::string>();
        size_t n = j["bytes"].get<size_t>();
        pos = nl + 1;
        if (n >= bytes.size() - pos || bytes[pos + n] != '\n')
            return fail("text of " + std::to_string(n) + " bytes runs past the end");
        a.text.assign(bytes.substr(pos, n));
        pos += n + 1;
        auto get = [&](const char* k, std::optional<std::string>& v) {
            if (j.contains(k) && j[k].is_string()) v = j[k].get<std::string>();
        };
        get("outlet", a.meta.outlet);
        get("title", a.meta.title);
        get("author", a.meta.author);
        get("date", a.meta.date);
        get("language", a.meta.language);
        get("url", a.meta.url);
        if (j.contains("body_begin") && j["body_begin"].is_number_unsigned())
            a.body_begin = static_cast<uint32_t>(std::min<size_t>(j["body_begin"].get<size_t>(), a.text.size()));
        if (j.contains("source_offset") && j["source_offset"].is_number_unsigned())
            a.source_offset = j["source_offset"].get<uint32_t>();
        c.articles.push_back(std::move(a));
    }
    out = std::move(c);
    return true;
}

}  // namespace presslens
