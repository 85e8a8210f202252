// core: UTF-8 handling and tokenization. Tokens are byte ranges into the original text plus a
// normalised form (NFC, case-folded, ’ and ' unified). Invalid UTF-8 is never rewritten in the
// text: the tokenizer treats each bad byte as a separator and the counts report it.
// std + utf8proc only.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/segment.hpp"

namespace presslens {

struct Span {
    uint32_t begin = 0;  // byte offset, inclusive
    uint32_t end = 0;    // byte offset, exclusive
    uint32_t size() const { return end - begin; }
    bool operator==(const Span&) const = default;
};

// Decodes one code point at text[i]. Returns the number of bytes consumed (1..4) and sets cp,
// or returns -1 for an invalid or truncated sequence (then 1 byte should be skipped).
int DecodeUtf8(std::string_view text, size_t i, int32_t& cp);

struct Utf8Report {
    size_t invalid_sequences = 0;
    size_t first_invalid_offset = 0;  // meaningful when invalid_sequences > 0
};
Utf8Report CheckUtf8(std::string_view text);

// A copy with each invalid sequence replaced by U+FFFD, for output formats that require valid
// UTF-8 (JSON). The analysed text itself is never changed.
std::string ReplaceInvalidUtf8(std::string_view text);

enum class TokenKind : uint8_t { Word, Number };

struct Token {
    Span span;         // in the original text
    TokenKind kind;
};

// Splits text[range] into word and number tokens: runs of letters (Unicode L*, with combining
// marks M*) and digits, joined by an apostrophe (' or ’) or a hyphen between two letters or
// digits ("Amazon’s", "law-enforcement"), or by . or , between digits ("150,000", "3.5"). Han
// and kana, written without spaces, are cut into bigrams (EmitCjkRun below): their tokens overlap.
// Thai, Lao, Khmer and Burmese are cut into dictionary words (core/segment.hpp) once their word
// table is loaded; until then a run of one of them is one token. Calls emit(Token) for each, in order. Linear in the range's length. A run longer than
// kMaxTokenBytes is not a word (a base64 blob, a key held down) and is not emitted.
inline constexpr size_t kMaxTokenBytes = 128;
template <class Emit>
void Tokenize(std::string_view text, Span range, Emit&& emit);

// The normalised form of a token: NFC + Unicode case folding, ’ ‘ ʼ → ', hyphens as '-'.
// Appends to out (cleared first). ASCII takes a fast path.
void FoldToken(std::string_view token, std::string& out);

// Code points in UTF-8 text (bytes that do not continue a sequence; an invalid byte counts one).
size_t CountCodePoints(std::string_view s);

// Tokenizes into a vector (convenience for tests and small inputs).
std::vector<Token> TokenizeAll(std::string_view text, Span range);
inline std::vector<Token> TokenizeAll(std::string_view text) {
    return TokenizeAll(text, Span{0, static_cast<uint32_t>(text.size())});
}

// Character class used by the tokenizer and the cleaners.
enum class CharClass : uint8_t { Other, Letter, Digit, Mark, Apostrophe, Hyphen, Space };
CharClass ClassifyCodePoint(int32_t cp);

// Script of a letter, coarse: enough to tell a Cyrillic line in a Latin-script article.
enum class Script : uint8_t { Other, Latin, Cyrillic, Greek, Arabic, Hebrew, Cjk };
Script ScriptOf(int32_t cp);

// Hash for maps keyed by std::string that are searched with a string_view (no string built):
// std::unordered_map<std::string, V, StringHash, std::equal_to<>>.
struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// Scripts written without spaces between words that the tokenizer cuts into CJK bigrams (the
// method of Lucene's and Elasticsearch's CJK analyzers; docs/languages.md says why, and measures
// it against ICU's dictionary segmenter): Han ideographs, Hiragana, Katakana.
enum class CjkKind : uint8_t { None, Han, Hiragana, Katakana };
CjkKind CjkKindOf(int32_t cp);

// ---- template implementation -------------------------------------------------------------------
namespace detail {
extern const uint8_t kAsciiClass[128];

// Emits the words of a run of Han and kana starting at text[i] through emit(ctx, token) and
// returns where the run ends. Within the run, each stretch of one script gives: Han or Hiragana,
// the overlapping bigrams of its characters (亚马逊员工 -> 亚马 马逊 逊员 员工), or the character
// alone when it stands alone (a particle の between two ideographs); Katakana, the whole stretch
// (a loanword, ソフトウェア). Not a template (text.cpp): Tokenize is instantiated for many
// callers, and the page's first load pays for each copy.
size_t EmitCjkRun(std::string_view text, size_t i, size_t end, void (*emit)(void* ctx, const Token& token), void* ctx);

// Whether the letter cp is of a script the dictionary segmenter cuts now (its table is loaded).
bool SegmentsAt(int32_t cp);
// Emits the dictionary words of the run of that script starting at text[i] (segment.cpp) and
// returns where the run ends. The work is linear in the run's length.
size_t EmitDictionaryRun(std::string_view text, size_t i, size_t end, void (*emit)(void* ctx, const Token& token),
                         void* ctx);
}  // namespace detail

template <class Emit>
void Tokenize(std::string_view text, Span range, Emit&& emit) {
    size_t i = range.begin;
    const size_t end = range.end;
    // state of the current token
    bool in_tok = false;
    size_t tok_begin = 0, last_end = 0;
    bool has_letter = false;
    CharClass prev = CharClass::Other;
    size_t pending_joiner = 0;  // offset of a joiner we may include, 0 = none (never at 0 in-token)
    CharClass pending_kind = CharClass::Other;
    auto flush = [&]() {
        if (in_tok && last_end - tok_begin <= kMaxTokenBytes)
            emit(Token{Span{static_cast<uint32_t>(tok_begin), static_cast<uint32_t>(last_end)},
                       has_letter ? TokenKind::Word : TokenKind::Number});
        in_tok = false;
        has_letter = false;
        pending_joiner = 0;
    };
    while (i < end) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        int32_t cp;
        int n;
        CharClass cls;
        if (c < 0x80) {
            if (!in_tok && detail::kAsciiClass[c] == static_cast<uint8_t>(CharClass::Letter)) {
                // Fast path: a run of ASCII letters. When the byte after it cannot extend the
                // word (ASCII punctuation, space, the end), it is a whole word; otherwise the
                // general loop below goes on from the run's end with the same state.
                size_t j = i + 1;
                while (j < end && static_cast<unsigned char>(text[j]) < 0x80 &&
                       detail::kAsciiClass[static_cast<unsigned char>(text[j])] == static_cast<uint8_t>(CharClass::Letter))
                    ++j;
                in_tok = true;
                tok_begin = i;
                has_letter = true;
                prev = CharClass::Letter;
                last_end = j;
                i = j;
                if (j == end) break;
                const unsigned char d = static_cast<unsigned char>(text[j]);
                if (d < 0x80 && (detail::kAsciiClass[d] == static_cast<uint8_t>(CharClass::Other) ||
                                 detail::kAsciiClass[d] == static_cast<uint8_t>(CharClass::Space))) {
                    flush();
                    prev = CharClass::Other;
                    i = j + 1;
                }
                continue;
            }
            cp = c;
            n = 1;
            cls = static_cast<CharClass>(detail::kAsciiClass[c]);
        } else {
            n = DecodeUtf8(text, i, cp);
            if (n < 0) {
                flush();
                prev = CharClass::Other;
                i += 1;
                continue;
            }
            cls = ClassifyCodePoint(cp);
            if (cls == CharClass::Letter) {
                using E = std::remove_reference_t<Emit>;
                if (CjkKindOf(cp) != CjkKind::None) {
                    flush();
                    prev = CharClass::Other;
                    i = detail::EmitCjkRun(
                        text, i, end, [](void* ctx, const Token& t) { (*static_cast<E*>(ctx))(t); },
                        const_cast<void*>(static_cast<const void*>(&emit)));
                    continue;
                }
                if (SegmentScriptOf(cp) != SegmentScript::None && detail::SegmentsAt(cp)) {
                    flush();
                    prev = CharClass::Other;
                    const size_t next = detail::EmitDictionaryRun(
                        text, i, end, [](void* ctx, const Token& t) { (*static_cast<E*>(ctx))(t); },
                        const_cast<void*>(static_cast<const void*>(&emit)));
                    if (next > i) {
                        i = next;
                        continue;
                    }
                }
            }
        }
        if (cls == CharClass::Letter || cls == CharClass::Digit || (cls == CharClass::Mark && in_tok)) {
            if (in_tok && pending_joiner) {
                // a joiner between two word characters stays in the token; '.' and ',' only
                // between digits
                bool ok = (pending_kind == CharClass::Apostrophe || pending_kind == CharClass::Hyphen)
                              ? true
                              : (prev == CharClass::Digit && cls == CharClass::Digit);
                if (!ok) {
                    flush();
                }
                pending_joiner = 0;
            }
            if (!in_tok) {
                in_tok = true;
                tok_begin = i;
            }
            if (cls == CharClass::Letter) has_letter = true;
            if (cls != CharClass::Mark) prev = cls;
            last_end = i + static_cast<size_t>(n);
        } else if (in_tok && !pending_joiner &&
                   (cls == CharClass::Apostrophe || cls == CharClass::Hyphen ||
                    ((cp == '.' || cp == ',') && prev == CharClass::Digit))) {
            pending_joiner = i;
            pending_kind = (cp == '.' || cp == ',') ? CharClass::Other : cls;
        } else {
            flush();
            prev = CharClass::Other;
        }
        i += static_cast<size_t>(n);
    }
    flush();
}

}  // namespace presslens
