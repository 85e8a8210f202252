// core: the dictionary segmenter for Thai, Lao, Khmer and Burmese (see segment.hpp), and the
// tokenizer's entry to it (detail::EmitDictionaryRun, text.hpp). std + the tokenizer's classes.
//
// [SECTION] Tables: loading, checking and decoding the word lists
// [SECTION] Lookup: the words a text position begins
// [SECTION] Segmenting a run
#include "core/segment.hpp"

#include <cstring>
#include <vector>

#include "core/text.hpp"
#ifdef PRESSLENS_SEGMENT_TABLES_BUILTIN
#include "core/embedded.hpp"
namespace presslens {
std::span<const EmbeddedFile> SegmentTableFiles();  // generated (CMakeLists.txt)
}
#endif

namespace presslens {

// ---- [SECTION] Tables ----------------------------------------------------------------------------
namespace {
constexpr uint8_t kZwnj = 0xFE, kZwj = 0xFF;  // U+200C, U+200D in a table's one-byte characters
constexpr size_t kMaxWord = 60;               // characters (the generator's limit)

struct Table {
    uint32_t base = 0;                  // first code point of the block
    uint32_t count = 0;                 // words
    const uint8_t* entries = nullptr;   // front-coded, in the caller's bytes
    size_t entries_size = 0;
    bool decoded = false;
    std::vector<uint8_t> bytes;         // the words one after another, one byte a character
    std::vector<uint32_t> starts;       // word j is bytes[starts[j], starts[j+1])
};
// By SegmentScript. A function's static, not a global: the tables may be loaded while other
// files' statics are initialised (the wasm tests load the language data so), before a global of
// this file would be constructed, and its construction would then empty them.
Table* Tables() {
    static Table tables[5];
    return tables;
}
uint64_t g_steps = 0;

bool IsEntryStart(uint8_t b) { return b >= 0xC0 && b <= 0xFD; }

// Walks a table's entries: calls word(bytes, length) for each word, in order. Returns false when
// they do not decode (a bad lead byte, a prefix longer than the word before, a word empty or too
// long, words out of order) or do not count `count` words.
template <class Word>
bool WalkEntries(const uint8_t* e, size_t size, uint32_t count, Word&& word) {
    uint8_t prev[kMaxWord], cur[kMaxWord];
    size_t prev_len = 0, i = 0;
    uint32_t seen = 0;
    while (i < size) {
        if (!IsEntryStart(e[i])) return false;
        const size_t shared = e[i++] - 0xC0u;
        if (shared > prev_len) return false;
        std::memcpy(cur, prev, shared);
        size_t len = shared;
        while (i < size && !IsEntryStart(e[i])) {
            if (len == kMaxWord) return false;
            cur[len++] = e[i++];
        }
        if (len == shared) return false;  // empty, or the same as the word before
        // sorted: after the shared bytes, the new word's next byte is greater (or the old ended)
        if (seen > 0 && shared < prev_len && cur[shared] <= prev[shared]) return false;
        word(cur, len);
        std::memcpy(prev, cur, len);
        prev_len = len;
        ++seen;
    }
    return seen == count;
}

uint32_t U32(const uint8_t* p) {
    return static_cast<uint32_t>(p[0]) | static_cast<uint32_t>(p[1]) << 8 | static_cast<uint32_t>(p[2]) << 16 |
           static_cast<uint32_t>(p[3]) << 24;
}

SegmentScript ScriptOfCode(const uint8_t* code) {
    auto is = [&](const char* c) { return code[0] == c[0] && code[1] == c[1] && code[2] == 0 && code[3] == 0; };
    if (is("th")) return SegmentScript::Thai;
    if (is("lo")) return SegmentScript::Lao;
    if (is("km")) return SegmentScript::Khmer;
    if (is("my")) return SegmentScript::Myanmar;
    return SegmentScript::None;
}

void EnsureBuiltin() {
#ifdef PRESSLENS_SEGMENT_TABLES_BUILTIN
    static bool tried = false;
    if (tried) return;
    tried = true;
    for (const EmbeddedFile& f : SegmentTableFiles()) LoadSegmentTables(f.bytes.data(), f.bytes.size());
#endif
}

Table* LoadedTable(SegmentScript s) {
    EnsureBuiltin();
    Table& t = Tables()[static_cast<size_t>(s)];
    if (t.entries == nullptr) return nullptr;
    if (!t.decoded) {
        t.decoded = true;
        t.bytes.reserve(t.entries_size * 2);
        t.starts.reserve(t.count + 1);
        WalkEntries(t.entries, t.entries_size, t.count, [&](const uint8_t* w, size_t len) {
            t.starts.push_back(static_cast<uint32_t>(t.bytes.size()));
            t.bytes.insert(t.bytes.end(), w, w + len);
        });
        t.starts.push_back(static_cast<uint32_t>(t.bytes.size()));
    }
    return &t;
}
}  // namespace

std::string LoadSegmentTables(const void* data, size_t size) {
    static constexpr char kMagic[8] = {'P', 'L', 'S', 'E', 'G', '1', '\n', '\0'};
    EnsureBuiltin();  // the tables compiled in come first
    const auto* b = static_cast<const uint8_t*>(data);
    if (b == nullptr || size < 12 || std::memcmp(b, kMagic, 8) != 0) return "not a Presslens word table block (PLSEG1)";
    const uint32_t tables = U32(b + 8);
    struct Parsed { SegmentScript s; uint32_t base, count; const uint8_t* e; size_t size; };
    std::vector<Parsed> parsed;
    size_t at = 12;
    for (uint32_t k = 0; k < tables; ++k) {
        if (size - at < 16) return "word table " + std::to_string(k + 1) + " of " + std::to_string(tables) + " is truncated";
        const SegmentScript s = ScriptOfCode(b + at);
        const uint32_t base = U32(b + at + 4), count = U32(b + at + 8), esize = U32(b + at + 12);
        at += 16;
        if (esize > size - at) return "word table " + std::to_string(k + 1) + " is truncated (" + std::to_string(esize) + " bytes announced)";
        if (s == SegmentScript::None) return "word table " + std::to_string(k + 1) + " names no script this build knows";
        if (SegmentScriptOf(static_cast<int32_t>(base)) != s) return "word table " + std::to_string(k + 1) + " starts outside its script";
        if (!WalkEntries(b + at, esize, count, [](const uint8_t*, size_t) {}))
            return "word table " + std::to_string(k + 1) + " does not decode to its " + std::to_string(count) + " sorted words";
        parsed.push_back({s, base, count, b + at, esize});
        at += esize;
    }
    if (at != size) return "the word table block has " + std::to_string(size - at) + " bytes after its last table";
    for (const Parsed& p : parsed) {
        Table& t = Tables()[static_cast<size_t>(p.s)];
        if (t.entries != nullptr) continue;  // the first one loaded stays
        t.base = p.base;
        t.count = p.count;
        t.entries = p.e;
        t.entries_size = p.size;
    }
    return {};
}

bool HasSegmentTable(SegmentScript script) {
    EnsureBuiltin();
    return script != SegmentScript::None && Tables()[static_cast<size_t>(script)].entries != nullptr;
}

size_t SegmentTableWords(SegmentScript script) {
    if (script == SegmentScript::None) return 0;
    const Table* t = LoadedTable(script);
    return t ? t->count : 0;
}

uint64_t SegmentSteps() { return g_steps; }

// ---- [SECTION] Lookup ------------------------------------------------------------------------------
namespace {
constexpr size_t kMaxCandidates = 20;
constexpr uint32_t kNotYet = 0xFFFFFFFFu;

// A run of one script being cut: its characters in the table's one-byte form, and, per position,
// the lengths of the dictionary words that begin there (found once, when first asked).
struct Run {
    SegmentScript script = SegmentScript::None;
    const Table* table = nullptr;
    std::vector<uint8_t> enc;        // one byte a character
    std::vector<uint8_t> is_mark;    // combining mark (never begins a word, never follows a break)
    std::vector<uint32_t> offset;    // byte offset of each character in the text, and the run's end
    std::vector<uint32_t> found_at;  // into found, kNotYet until looked up
    std::vector<uint8_t> found_count, prefix;  // words at a position; longest dictionary prefix
    std::vector<uint8_t> found;      // lengths, shortest first
    size_t n = 0;

    // The words beginning at p: count, and their lengths (ascending) at Lengths(p).
    size_t Candidates(size_t p) {
        if (p >= n) return 0;
        if (found_at[p] != kNotYet) return found_count[p];
        found_at[p] = static_cast<uint32_t>(found.size());
        const uint8_t* bytes = table->bytes.data();
        const uint32_t* starts = table->starts.data();
        uint32_t lo = 0, hi = table->count;
        size_t count = 0, longest_prefix = 0;
        for (size_t d = 0; p + d < n && d < kMaxWord; ++d) {
            const uint8_t c = enc[p + d];
            if (lo < hi && starts[lo + 1] - starts[lo] == d) ++lo;  // the word that ended at d
            // the words of [lo, hi) whose byte d is c: all of them are longer than d
            uint32_t a = lo, b = hi;
            while (a < b) {
                const uint32_t m = a + (b - a) / 2;
                if (bytes[starts[m] + d] < c) a = m + 1; else b = m;
            }
            lo = a;
            b = hi;
            while (a < b) {
                const uint32_t m = a + (b - a) / 2;
                if (bytes[starts[m] + d] <= c) a = m + 1; else b = m;
            }
            hi = a;
            ++g_steps;
            if (lo == hi) break;
            longest_prefix = d + 1;
            if (starts[lo + 1] - starts[lo] == d + 1 && count < kMaxCandidates) {
                found.push_back(static_cast<uint8_t>(d + 1));
                ++count;
            }
        }
        found_count[p] = static_cast<uint8_t>(count);
        prefix[p] = static_cast<uint8_t>(longest_prefix);
        return count;
    }
    const uint8_t* Lengths(size_t p) const { return found.data() + found_at[p]; }
};

// Characters that may begin a word and end one (ICU's engines name the same kind of sets): a word
// begins at a consonant, an independent vowel or (Thai, Lao) a vowel written before its
// consonant; it does not end on such a vowel, nor on a sign that joins the next consonant below
// (Khmer coeng, Myanmar virama).
bool BeginsWord(SegmentScript s, uint8_t e) {
    switch (s) {
        case SegmentScript::Thai: return (e >= 0x01 && e <= 0x2E) || (e >= 0x40 && e <= 0x44);
        case SegmentScript::Lao: return (e >= 0x01 && e <= 0x2E) || (e >= 0x40 && e <= 0x44) || e == 0x5C || e == 0x5D;
        case SegmentScript::Khmer: return e <= 0x33;
        case SegmentScript::Myanmar: return e <= 0x2A;
        default: return false;
    }
}
bool EndsWord(SegmentScript s, uint8_t e) {
    switch (s) {
        case SegmentScript::Thai: return e != 0x31 && !(e >= 0x40 && e <= 0x44);
        case SegmentScript::Lao: return !(e >= 0x40 && e <= 0x44);
        case SegmentScript::Khmer: return e != 0x52;
        case SegmentScript::Myanmar: return e != 0x39;
        default: return true;
    }
}
}  // namespace

// ---- [SECTION] Segmenting a run ----------------------------------------------------------------------
namespace detail {

bool SegmentsAt(int32_t cp) { return HasSegmentTable(SegmentScriptOf(cp)); }

size_t EmitDictionaryRun(std::string_view text, size_t i, size_t end, void (*emit)(void* ctx, const Token& token),
                         void* ctx) {
    static Run run;  // reused from run to run (the core runs on one thread)
    int32_t cp;
    const int first = DecodeUtf8(text, i, cp);
    run.script = first > 0 ? SegmentScriptOf(cp) : SegmentScript::None;
    run.table = run.script == SegmentScript::None ? nullptr : LoadedTable(run.script);
    if (run.table == nullptr) return i;
    const uint32_t base = run.table->base;
    // the run: letters and marks of the script (digits and punctuation end it), with the joiners
    // U+200C and U+200D between them
    run.enc.clear();
    run.is_mark.clear();
    run.offset.clear();
    size_t k = i;
    while (k < end) {
        const int len = DecodeUtf8(text, k, cp);
        if (len < 0) break;
        uint8_t e;
        bool mark = false;
        if (SegmentScriptOf(cp) == run.script) {
            const CharClass cls = ClassifyCodePoint(cp);
            if (cls != CharClass::Letter && cls != CharClass::Mark) break;
            mark = cls == CharClass::Mark;
            e = static_cast<uint8_t>(cp - static_cast<int32_t>(base));
        } else if ((cp == 0x200C || cp == 0x200D) && !run.enc.empty()) {
            e = cp == 0x200C ? kZwnj : kZwj;
            mark = true;  // a joiner stays with the character before it
        } else {
            break;
        }
        run.enc.push_back(e);
        run.is_mark.push_back(mark ? 1 : 0);
        run.offset.push_back(static_cast<uint32_t>(k));
        k += static_cast<size_t>(len);
    }
    // a joiner at the run's end is not part of it
    while (!run.enc.empty() && (run.enc.back() == kZwj || run.enc.back() == kZwnj)) {
        k = run.offset.back();
        run.enc.pop_back();
        run.is_mark.pop_back();
        run.offset.pop_back();
    }
    const size_t n = run.n = run.enc.size();
    run.offset.push_back(static_cast<uint32_t>(k));
    auto token = [&](size_t a, size_t b) {
        if (run.offset[b] - run.offset[a] <= kMaxTokenBytes)
            emit(ctx, Token{Span{run.offset[a], run.offset[b]}, TokenKind::Word});
    };
    if (n == 0) return i;  // (a first character that is not a letter: the caller goes on as usual)
    // Too short for two words (as ICU): the run is one.
    if (n < 4 || (run.script == SegmentScript::Thai && n == 4)) {
        token(0, n);
        return k;
    }
    run.found_at.assign(n, kNotYet);
    run.found_count.assign(n, 0);
    run.prefix.assign(n, 0);
    run.found.clear();
    const SegmentScript s = run.script;
    const bool thai = s == SegmentScript::Thai;
    constexpr uint8_t kPaiyannoi = 0x2F, kMaiyamok = 0x46;  // ฯ ๆ
    size_t p = 0;
    while (p < n) {
        // 1. The word here: the longest, unless a shorter one is followed by a second word (then
        // the shortest such), or by a second and a third (then the first such, longest first).
        size_t wlen = 0;
        const size_t c = run.Candidates(p);
        if (c == 1) {
            wlen = run.Lengths(p)[0];
        } else if (c > 1) {
            size_t mark = c - 1;
            if (p + run.Lengths(p)[c - 1] < n) {
                for (size_t a = c; a-- > 0;) {
                    const size_t q = p + run.Lengths(p)[a];
                    const size_t c2 = run.Candidates(q);
                    if (c2 == 0) continue;
                    mark = a;
                    if (q + run.Lengths(q)[c2 - 1] >= n) break;
                    bool third = false;
                    for (size_t b = c2; b-- > 0 && !third;) third = run.Candidates(q + run.Lengths(q)[b]) > 0;
                    if (third) break;
                }
            }
            wlen = run.Lengths(p)[mark];
        }
        size_t q = p + wlen;
        // 2. Text the dictionary does not know after no word or a short one: up to the next place
        // where a word may end, a word may begin, and the dictionary has one (resynchronisation).
        if (q < n && wlen < 3 && run.Candidates(q) == 0 && (wlen == 0 || run.prefix[q] < 3)) {
            do {
                ++q;
            } while (q < n && !(EndsWord(s, run.enc[q - 1]) && BeginsWord(s, run.enc[q]) && run.Candidates(q) > 0));
        }
        // 3. Never inside a cluster: not before a combining mark, not after a sign that joins the
        // next character or a vowel written before its consonant.
        while (q < n && (run.is_mark[q] || !EndsWord(s, run.enc[q - 1]))) ++q;
        // 4. Thai: ฯ (abbreviation) and ๆ (repetition) belong to the word before them.
        if (thai && q < n && run.Candidates(q) == 0) {
            if (run.enc[q] == kPaiyannoi && run.enc[q - 1] != kPaiyannoi && run.enc[q - 1] != kMaiyamok) ++q;
            if (q < n && run.enc[q] == kMaiyamok && run.enc[q - 1] != kMaiyamok) ++q;
        }
        token(p, q);
        p = q;
    }
    return k;
}

}  // namespace detail
}  // namespace presslens
