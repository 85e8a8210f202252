// io: character sets of saved web pages. Single-byte legacy encodings decoded to UTF-8, their
// tables generated at build time (cmake/gen_charsets.py); no UI, no files.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace presslens {

struct SingleByteCharset {
    const char* name;     // the canonical name: "windows-1252", "iso-8859-2", "koi8-r", …
    uint16_t high[128];   // code points of the bytes 0x80-0xFF (the rest is ASCII)
};
extern const SingleByteCharset kSingleByteCharsets[];
extern const size_t kSingleByteCharsetCount;

// The canonical encoding a charset label names, as browsers read it (the WHATWG Encoding
// Standard's labels: "latin1", "iso-8859-1" and "us-ascii" all mean windows-1252): "utf-8",
// the name of a single-byte table above, or "" for any other label (one we do not decode, or
// one nobody defines). Case, quotes and surrounding white space are ignored.
std::string CanonicalCharset(std::string_view label);

// The single-byte table of a canonical name, or nullptr.
const SingleByteCharset* FindSingleByteCharset(std::string_view canonical);

// Decodes `bytes` in a single-byte charset to UTF-8, appending to `out`. Never fails: a byte the
// charset leaves undefined becomes U+FFFD.
void DecodeSingleByte(std::string_view bytes, const SingleByteCharset& charset, std::string& out);

}  // namespace presslens
