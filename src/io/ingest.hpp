// io: turning file bytes into articles. Parses bytes handed in by the caller (CLI, viewer,
// tests); never opens paths. Formats are documented in docs/formats.md.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus.hpp"
#include "io/corpus_io.hpp"

namespace presslens {

// The default limit on one input file (io/inputs.hpp: Limits), and the hard limit on one text:
// byte offsets are 32-bit, so nothing longer can be analysed.
inline constexpr size_t kMaxFileBytes = 256u << 20;
inline constexpr size_t kHardMaxTextBytes = 2048u << 20;

// Decodes file bytes to UTF-8 text. A UTF-8 BOM is dropped; UTF-16 (LE or BE) with a BOM is
// decoded. A NUL byte without a UTF-16 BOM means a binary file: an error naming its offset.
// Invalid UTF-8 is kept as is (the text is never rewritten) and reported in `warnings` with the
// byte offset of the first bad sequence. Returns false and fills `error` on failure.
bool DecodeText(std::string_view bytes, std::string_view name, std::string& out, std::vector<std::string>& warnings,
                LoadError& error);
// The same without copying: `text` is a view into `bytes` (less a UTF-8 BOM), or into `storage`
// when the input was UTF-16 and had to be decoded.
bool DecodeTextView(std::string_view bytes, std::string_view name, std::string& storage, std::string_view& text,
                    std::vector<std::string>& warnings, LoadError& error);

// A plain-text article. Optional front matter: leading "Key: value" lines with keys outlet,
// title, author, date, url, language (case-insensitive), ended by a blank line. The title is the
// front-matter title, else the first non-empty line of the body.
bool ParseTxtArticle(std::string_view bytes, std::string_view name, Article& out, std::vector<std::string>& warnings,
                     LoadError& error);

// A JSON corpus: {"articles": [{"text": "...", "source"?, "outlet"?, "title"?, "author"?, "date"?,
// "language"?, "url"?}, ...]}. Errors name the file, the line and column or the field.
bool ParseCorpusJson(std::string_view bytes, std::string_view name, Corpus& out, std::vector<std::string>& warnings,
                     LoadError& error);

// Is this JSON document a metadata.json (entries with "file") rather than a corpus (with "text")?
bool LooksLikeMetadataJson(std::string_view bytes);

// Applies metadata entries to the articles whose source (file name) they name; the fields given
// in the metadata override what the .txt file said. Returns the files named that no article has.
std::vector<std::string> ApplyMetadata(Corpus& corpus, const std::vector<MetadataEntry>& entries);

// One warning for ApplyMetadata's unmatched files ("" when there are none).
std::string UnmatchedMetadataWarning(const std::vector<std::string>& files);

}  // namespace presslens
