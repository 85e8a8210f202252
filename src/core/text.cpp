// core: UTF-8 decoding, character classes, token folding (see text.hpp). std + utf8proc.
#include "core/text.hpp"

#include <cstdlib>
#include <cstring>
#include <utf8proc.h>

namespace presslens {

namespace detail {
// ASCII classes: letters, digits, apostrophe, hyphen, whitespace; everything else Other.
#define L 1
#define D 2
#define A 4
#define H 5
#define S 6
const uint8_t kAsciiClass[128] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, S, S, S, S, S, 0, 0,  // 0x00
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  // 0x10
    S, 0, 0, 0, 0, 0, 0, A, 0, 0, 0, 0, 0, H, 0, 0,  // 0x20  ' -
    D, D, D, D, D, D, D, D, D, D, 0, 0, 0, 0, 0, 0,  // 0x30
    0, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,  // 0x40
    L, L, L, L, L, L, L, L, L, L, L, 0, 0, 0, 0, 0,  // 0x50  (_ is not a letter)
    0, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,  // 0x60
    L, L, L, L, L, L, L, L, L, L, L, 0, 0, 0, 0, 0,  // 0x70
};
#undef L
#undef D
#undef A
#undef H
#undef S
}  // namespace detail

int DecodeUtf8(std::string_view text, size_t i, int32_t& cp) {
    auto b = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char c = b(i);
    if (c < 0x80) {
        cp = c;
        return 1;
    }
    int n;
    int32_t v;
    int32_t min;
    if ((c & 0xE0) == 0xC0) { n = 2; v = c & 0x1F; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { n = 3; v = c & 0x0F; min = 0x800; }
    else if ((c & 0xF8) == 0xF0) { n = 4; v = c & 0x07; min = 0x10000; }
    else return -1;
    if (i + static_cast<size_t>(n) > text.size()) return -1;
    for (int k = 1; k < n; ++k) {
        unsigned char cc = b(i + static_cast<size_t>(k));
        if ((cc & 0xC0) != 0x80) return -1;
        v = (v << 6) | (cc & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return -1;  // overlong, surrogate
    cp = v;
    return n;
}

Utf8Report CheckUtf8(std::string_view text) {
    Utf8Report r;
    for (size_t i = 0; i < text.size();) {
        // ASCII fast path: eight bytes at a time while none has its high bit set
        if (i + 8 <= text.size()) {
            uint64_t w;
            std::memcpy(&w, text.data() + i, 8);
            if ((w & 0x8080808080808080ull) == 0) {
                i += 8;
                continue;
            }
        }
        int32_t cp;
        int n = DecodeUtf8(text, i, cp);
        if (n < 0) {
            if (r.invalid_sequences++ == 0) r.first_invalid_offset = i;
            i += 1;
        } else {
            i += static_cast<size_t>(n);
        }
    }
    return r;
}

std::string ReplaceInvalidUtf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        int32_t cp;
        int n = DecodeUtf8(text, i, cp);
        if (n < 0) {
            out += "\xEF\xBF\xBD";
            i += 1;
        } else {
            out.append(text.substr(i, static_cast<size_t>(n)));
            i += static_cast<size_t>(n);
        }
    }
    return out;
}

CharClass ClassifyCodePoint(int32_t cp) {
    if (cp < 0x80) return static_cast<CharClass>(detail::kAsciiClass[cp]);
    switch (cp) {
        case 0x2019: case 0x02BC: return CharClass::Apostrophe;       // ’ ʼ
        case 0x2010: case 0x2011: return CharClass::Hyphen;           // ‐ ‑
        case 0x00A0: case 0x2007: case 0x202F: return CharClass::Space;  // no-break spaces
        default: break;
    }
    switch (utf8proc_category(cp)) {
        case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
        case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
            return CharClass::Letter;
        case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
            return CharClass::Digit;
        case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
            return CharClass::Mark;
        case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
            return CharClass::Space;
        default:
            return CharClass::Other;
    }
}

CjkKind CjkKindOf(int32_t cp) {
    if (cp < 0x3005) return CjkKind::None;
    if ((cp >= 0x4E00 && cp < 0xA000) || (cp >= 0x3400 && cp < 0x4DC0) || (cp >= 0xF900 && cp < 0xFB00) ||
        (cp >= 0x20000 && cp < 0x30000) || cp == 0x3005 || cp == 0x3007)  // 々 (repeat), 〇 (zero)
        return CjkKind::Han;
    if (cp >= 0x3041 && cp < 0x30A0) return CjkKind::Hiragana;
    if ((cp >= 0x30A1 && cp < 0x3100) || (cp >= 0x31F0 && cp < 0x3200) || (cp >= 0xFF66 && cp < 0xFFA0))
        return CjkKind::Katakana;  // with ー and half-width forms
    return CjkKind::None;
}

namespace detail {
size_t EmitCjkRun(std::string_view text, size_t i, size_t end, void (*emit)(void* ctx, const Token& token), void* ctx) {
    CjkKind kind = CjkKind::None;
    size_t stretch_begin = i, prev_begin = i, count = 0, k = i;
    auto token = [&](size_t b, size_t e) {
        emit(ctx, Token{Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)}, TokenKind::Word});
    };
    auto close = [&](size_t stretch_end) {
        const bool whole = kind == CjkKind::Katakana && stretch_end - stretch_begin <= kMaxTokenBytes;
        if (whole || count == 1) token(stretch_begin, stretch_end);
    };
    while (k < end) {
        int32_t cp;
        const int n = DecodeUtf8(text, k, cp);
        if (n < 0) break;
        const CjkKind here = CjkKindOf(cp);
        if (here == CjkKind::None) break;
        if (here != kind) {
            if (kind != CjkKind::None) close(k);
            kind = here;
            stretch_begin = k;
            count = 0;
        }
        const size_t next = k + static_cast<size_t>(n);
        const bool bigrams = kind != CjkKind::Katakana || next - stretch_begin > kMaxTokenBytes;
        if (count >= 1 && bigrams) token(prev_begin, next);
        prev_begin = k;
        ++count;
        k = next;
    }
    if (kind != CjkKind::None) close(k);
    return k;
}
}  // namespace detail

Script ScriptOf(int32_t cp) {
    if (cp < 0x250) return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') || cp >= 0xC0 ? Script::Latin : Script::Other;
    if (cp >= 0x1E00 && cp < 0x1F00) return Script::Latin;
    if (cp >= 0x370 && cp < 0x400) return Script::Greek;
    if (cp >= 0x400 && cp < 0x530) return Script::Cyrillic;
    if (cp >= 0x590 && cp < 0x600) return Script::Hebrew;
    if (cp >= 0x600 && cp < 0x700) return Script::Arabic;
    if ((cp >= 0x3040 && cp < 0xA000) || (cp >= 0xAC00 && cp < 0xD7B0)) return Script::Cjk;
    return Script::Other;
}

void FoldToken(std::string_view token, std::string& out) {
    out.clear();
    bool ascii = true;
    for (char ch : token) {
        if (static_cast<unsigned char>(ch) >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii) {
        out.resize(token.size());
        for (size_t i = 0; i < token.size(); ++i) {
            char ch = token[i];
            out[i] = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch;
        }
        return;
    }
    utf8proc_uint8_t* mapped = nullptr;
    utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(token.data()),
                                      static_cast<utf8proc_ssize_t>(token.size()), &mapped,
                                      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                                     UTF8PROC_CASEFOLD));
    std::string_view folded = n >= 0 ? std::string_view(reinterpret_cast<char*>(mapped), static_cast<size_t>(n))
                                     : token;
    // unify apostrophes and hyphens
    out.reserve(folded.size());
    for (size_t i = 0; i < folded.size();) {
        int32_t cp;
        int k = DecodeUtf8(folded, i, cp);
        if (k < 0) { out += folded[i]; ++i; continue; }
        if (cp == 0x2019 || cp == 0x02BC) out += '\'';
        else if (cp == 0x2010 || cp == 0x2011) out += '-';
        else out.append(folded.substr(i, static_cast<size_t>(k)));
        i += static_cast<size_t>(k);
    }
    std::free(mapped);
}

size_t CountCodePoints(std::string_view s) {
    size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

std::vector<Token> TokenizeAll(std::string_view text, Span range) {
    std::vector<Token> out;
    Tokenize(text, range, [&](const Token& t) { out.push_back(t); });
    return out;
}

}  // namespace presslens
