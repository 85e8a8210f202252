// Set-up tool (scripts/setup.sh; never part of a Presslens program): writes the words of one of
// ICU's compiled break-iterator dictionaries (brkitr/<lang>dict.dict, as icupkg extracts it from
// icudt72l.dat) as UTF-8, one word a line, sorted as the trie holds them. Debian's ICU source ships
// its data compiled, not as the word lists' text, so the words are read back through ICU's own
// public BytesTrie iterator. Links libicuuc (libicu-dev).
//   usage: icu_dict_words DICT_FILE > words.txt
// The file (dictionarydata.h): ICU's data header (its size in its first two bytes), eight int32
// indexes (the trie's offset, ..., the trie type, the transform), then the trie. A bytes trie's
// characters are code points minus the transform's offset, except 0xFF (U+200D) and 0xFE (U+200C).
#include <unicode/bytestrie.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

static void PutUtf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) out += static_cast<char>(cp);
    else if (cp < 0x800) { out += static_cast<char>(0xC0 | cp >> 6); out += static_cast<char>(0x80 | (cp & 0x3F)); }
    else { out += static_cast<char>(0xE0 | cp >> 12); out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
           out += static_cast<char>(0x80 | (cp & 0x3F)); }
}

int main(int argc, char** argv) {
    if (argc != 2) { std::fprintf(stderr, "usage: icu_dict_words DICT_FILE\n"); return 2; }
    std::ifstream in(argv[1], std::ios::binary);
    std::vector<char> file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (file.size() < 64) { std::fprintf(stderr, "%s: too short for a dictionary\n", argv[1]); return 1; }
    uint16_t header_size;
    std::memcpy(&header_size, file.data(), 2);
    int32_t ix[8];
    if (file.size() < header_size + sizeof ix) { std::fprintf(stderr, "%s: truncated\n", argv[1]); return 1; }
    std::memcpy(ix, file.data() + header_size, sizeof ix);
    const int32_t trie_type = ix[4] & 7, transform = ix[5];
    if (trie_type != 0 || (transform & 0x7F000000) != 0x1000000) {
        std::fprintf(stderr, "%s: not a bytes trie with an offset transform\n", argv[1]);
        return 1;
    }
    const uint32_t offset = static_cast<uint32_t>(transform & 0x1FFFFF);
    UErrorCode status = U_ZERO_ERROR;
    icu::BytesTrie::Iterator it(file.data() + header_size + ix[0], 0, status);
    std::string out;
    size_t words = 0;
    while (U_SUCCESS(status) && it.next(status)) {
        const icu::StringPiece s = it.getString();
        for (int i = 0; i < s.length(); ++i) {
            const uint8_t b = static_cast<uint8_t>(s.data()[i]);
            PutUtf8(out, b == 0xFF ? 0x200D : b == 0xFE ? 0x200C : offset + b);
        }
        out += '\n';
        ++words;
    }
    if (U_FAILURE(status)) { std::fprintf(stderr, "%s: %s\n", argv[1], u_errorName(status)); return 1; }
    std::fwrite(out.data(), 1, out.size(), stdout);
    std::fprintf(stderr, "%s: %zu words\n", argv[1], words);
    return 0;
}
