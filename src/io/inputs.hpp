// io: a batch of input files (dropped on the viewer, picked, or named on a command line) into
// articles, metadata or a codebook. Bytes in, parsed data out; reading paths is io/files.hpp.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus.hpp"
#include "io/corpus_io.hpp"
#include "io/ingest.hpp"

namespace presslens {

struct InputFile {
    std::string name;   // the file name (or path) shown in messages
    std::string bytes;
};

// Limits that keep a bad input from exhausting memory or freezing the viewer. Each message names
// the limit and how to change it (`how`).
struct Limits {
    size_t max_file_bytes = kMaxFileBytes;  // one input file (io/ingest.hpp: 256 MiB)
    size_t max_article_bytes = 0;           // one article's text; 0 = no limit (the CLI)
    std::string how;                        // "--max-file-mb N" (CLI), "File > Limits" (viewer)
};
std::string FileTooBigMessage(std::string_view name, uint64_t size, const Limits& limits);
std::string ArticleTooBigMessage(std::string_view name, uint64_t size, const Limits& limits);
std::string MebibytesText(uint64_t bytes);  // "95.4 MiB"

enum class InputKind {
    Article,   // .txt (anything that is not .json or HTML): one article
    Html,      // a saved web page: .html, .htm, .xhtml, .shtml, or any other name whose bytes
               // start with <!DOCTYPE html or <html (io/html.hpp)
    Corpus,    // .json with "articles" holding "text"
    Metadata,  // .json with "articles" holding "file" (docs/formats.md)
    Codebook,  // .json with "codes" or "presslens_codebook"
    Project,   // a project file (io/project.hpp), whatever its name: its articles
};
// Decides by the content's format line for a project, else by the extension, and for .json by the
// top-level fields. A .json that does not parse
// is a Corpus (its parser then reports where it broke).
InputKind ClassifyInput(const InputFile& f);
const char* InputKindName(InputKind k);  // "article", "html", "corpus", "metadata", "codebook"

// Parses an Article, Html, Corpus or Metadata input, appending to `articles` or `metadata`.
// On failure nothing is appended and `error` names the file (f.name) and, when known, the place.
// Whatever its kind, a file that is not text by its signature (PDF, DOCX, images, archives, …:
// io/sniff.hpp) is refused first, with a message that says what it is and how to get its text.
bool ParseInput(const InputFile& f, InputKind kind, std::vector<Article>& articles,
                std::vector<MetadataEntry>& metadata, std::vector<std::string>& warnings, LoadError& error);

// Adds `more` to `into`: an article whose source equals one already there replaces it (dropping
// the same file twice updates it); the others are appended, also two of one source within `more`
// (a corpus that repeats a source keeps both, with a warning from its parser). Returns how many
// were replaced.
size_t MergeArticles(std::vector<Article>& into, std::vector<Article> more);

// The viewer's saved corpus (browser storage, or a file in the config folder): each article's
// metadata on a JSON line, then its bytes exactly (JSON strings cannot hold invalid UTF-8, and
// the text is never altered). docs/formats.md.
// As pieces to be written one after another, never joined: the small metadata lines are owned
// here, the texts are views of the corpus's articles (which must outlive it). A big corpus is
// thus stored without a second copy of it in memory (and a third while a string grows).
struct SavedCorpusParts {
    std::vector<std::string> lines;        // "presslens-saved-corpus 1\n", then one per article
    std::vector<std::string_view> pieces;  // in order: lines and texts, with their line breaks
    size_t size() const;                   // bytes in all
    std::string Join() const;              // the pieces as one string
};
SavedCorpusParts SavedCorpusPieces(const Corpus& corpus);
std::string SavedCorpusBytes(const Corpus& corpus);  // the pieces joined
// The same written a few articles at a time: kSavedCorpusHead, then each article's record (its
// line, its text, a line break) appended to `out` by AppendSavedArticle, with `language` written
// in place of its metadata's (the suggestion worker's corpus: each article with the language the
// viewer analysed it in, ui/model.hpp).
inline constexpr std::string_view kSavedCorpusHead = "presslens-saved-corpus 1\n";
void AppendSavedArticle(std::string& out, const Article& a, const std::optional<std::string>& language);
bool ParseSavedCorpus(std::string_view bytes, std::string_view name, Corpus& out, LoadError& error);

}  // namespace presslens
