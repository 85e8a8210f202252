// io: character sets of saved web pages (see charsets.hpp). The tables are generated at build
// time; the labels below are the common ones of the WHATWG Encoding Standard.
#include "io/charsets.hpp"

#include <cstring>

namespace presslens {

namespace {

struct Label {
    const char* label;
    const char* canonical;
};

// Browsers decode a page labelled ISO-8859-1 or ASCII as windows-1252 (its superset), and the
// same for the other ISO sets that a windows-125x set extends; we do as they do.
constexpr Label kLabels[] = {
    {"utf-8", "utf-8"}, {"utf8", "utf-8"}, 
    // a page that says utf-16 in a <meta> is read as UTF-8 (a real UTF-16 page has a BOM)
    {"utf-16", "utf-8"}, {"utf-16le", "utf-8"}, {"utf-16be", "utf-8"},
    {"windows-1252", "windows-1252"}, {"cp1252", "windows-1252"}, {"x-cp1252", "windows-1252"},
    {"iso-8859-1", "windows-1252"}, {"iso8859-1", "windows-1252"}, {"iso_8859-1", "windows-1252"},
    {"latin1", "windows-1252"}, {"l1", "windows-1252"}, {"ascii", "windows-1252"},
    {"us-ascii", "windows-1252"},
    {"windows-1250", "windows-1250"}, {"cp1250", "windows-1250"}, {"x-cp1250", "windows-1250"},
    {"windows-1251", "windows-1251"}, {"cp1251", "windows-1251"}, {"x-cp1251", "windows-1251"},
    {"windows-1253", "windows-1253"}, {"cp1253", "windows-1253"}, {"x-cp1253", "windows-1253"},
    {"windows-1254", "windows-1254"}, {"cp1254", "windows-1254"}, {"x-cp1254", "windows-1254"},
    {"iso-8859-9", "windows-1254"}, {"iso8859-9", "windows-1254"}, {"latin5", "windows-1254"}, {"l5", "windows-1254"},
    {"windows-1255", "windows-1255"}, {"cp1255", "windows-1255"}, {"windows-1256", "windows-1256"},
    {"cp1256", "windows-1256"}, {"windows-1257", "windows-1257"}, {"cp1257", "windows-1257"},
    {"windows-1258", "windows-1258"}, {"cp1258", "windows-1258"},
    {"windows-874", "windows-874"}, {"tis-620", "windows-874"}, {"iso-8859-11", "windows-874"},
    {"iso-8859-2", "iso-8859-2"}, {"iso8859-2", "iso-8859-2"}, {"iso_8859-2", "iso-8859-2"}, {"latin2", "iso-8859-2"},
    {"l2", "iso-8859-2"}, {"iso-8859-7", "iso-8859-7"}, {"greek", "iso-8859-7"}, {"iso-8859-8", "iso-8859-8"},
    {"iso-8859-8-i", "iso-8859-8"}, {"hebrew", "iso-8859-8"}, {"iso-8859-15", "iso-8859-15"},
    {"iso8859-15", "iso-8859-15"}, {"iso_8859-15", "iso-8859-15"}, {"latin9", "iso-8859-15"}, {"l9", "iso-8859-15"},
    {"koi8-r", "koi8-r"}, {"koi8", "koi8-r"}, {"koi", "koi8-r"}, {"cskoi8r", "koi8-r"}, {"koi8-u", "koi8-u"},
    {"koi8-ru", "koi8-u"},
    // any other label (shift_jis, gbk, big5, iso-8859-5, …) is one we do not decode: the page is
    // read as UTF-8 and the note names the label
};

void AppendUtf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) out += static_cast<char>(cp);
    else if (cp < 0x800) { out += static_cast<char>(0xC0 | (cp >> 6)); out += static_cast<char>(0x80 | (cp & 0x3F)); }
    else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

}  // namespace

std::string CanonicalCharset(std::string_view label) {
    while (!label.empty() && (label.front() == ' ' || label.front() == '\t' || label.front() == '"' || label.front() == '\''))
        label.remove_prefix(1);
    while (!label.empty() && (label.back() == ' ' || label.back() == '\t' || label.back() == '"' || label.back() == '\''))
        label.remove_suffix(1);
    std::string lower(label);
    for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    for (const Label& l : kLabels)
        if (lower == l.label) return l.canonical;
    return "";
}

const SingleByteCharset* FindSingleByteCharset(std::string_view canonical) {
    for (size_t i = 0; i < kSingleByteCharsetCount; ++i)
        if (canonical == kSingleByteCharsets[i].name) return &kSingleByteCharsets[i];
    return nullptr;
}

void DecodeSingleByte(std::string_view bytes, const SingleByteCharset& charset, std::string& out) {
    out.reserve(out.size() + bytes.size() + bytes.size() / 8);
    for (char c : bytes) {
        unsigned char b = static_cast<unsigned char>(c);
        if (b < 0x80) out += c;
        else AppendUtf8(out, charset.high[b - 0x80]);
    }
}

}  // namespace presslens
