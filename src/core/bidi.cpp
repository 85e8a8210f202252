// core: visual order and Arabic joining for one line (see bidi.hpp). std + utf8proc only.
// Our own code rather than FriBidi: the page would have to carry FriBidi's code and tables in its
// first load, this is a few KB with utf8proc's bidi classes (already linked) and a generated joining
// table (docs/languages.md, "Right to left", says what it costs and what it leaves out).
#include "core/bidi.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <vector>

#include "core/bidi_tables.hpp"

namespace presslens {

namespace {

// ---- Arabic joining ---------------------------------------------------------------------------
enum Joining : uint8_t { kNonJoining = 0, kRightJoining = 1, kDualJoining = 2, kTransparent = 3 };

Joining JoiningOf(uint32_t c) {
    if (c >= 0x0600 && c <= 0x08FF) {
        const unsigned i = c - 0x0600;
        return static_cast<Joining>((bidi_tables::kJoiningTypes[i / 4] >> (2 * (i % 4))) & 3);
    }
    if (c == 0x200D) return kDualJoining;  // ZERO WIDTH JOINER: join-causing
    if (c == 0x200C) return kNonJoining;   // ZERO WIDTH NON-JOINER
    if (c > 0x10FFFF) return kNonJoining;
    const auto cat = utf8proc_get_property(static_cast<utf8proc_int32_t>(c))->category;
    return (cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_ME || cat == UTF8PROC_CATEGORY_CF) ? kTransparent
                                                                                                     : kNonJoining;
}

const bidi_tables::ArabicForms* FormsOf(uint32_t c) {
    const auto* end = bidi_tables::kForms + bidi_tables::kFormsCount;
    const auto* it = std::lower_bound(bidi_tables::kForms, end, c,
                                      [](const bidi_tables::ArabicForms& f, uint32_t v) { return f.letter < v; });
    return it != end && it->letter == c ? it : nullptr;
}

// ---- bidi classes (utf8proc's), reduced to what a line without embeddings needs -----------------
enum Bc : uint8_t { L, R, AL, EN, ES, ET, AN, CS, NSM, BN, B, S, WS, ON };

Bc ClassOf(uint32_t c) {
    if (c > 0x10FFFF) return ON;
    switch (utf8proc_get_property(static_cast<utf8proc_int32_t>(c))->bidi_class) {
        case UTF8PROC_BIDI_CLASS_L: return L;
        case UTF8PROC_BIDI_CLASS_R: return R;
        case UTF8PROC_BIDI_CLASS_AL: return AL;
        case UTF8PROC_BIDI_CLASS_EN: return EN;
        case UTF8PROC_BIDI_CLASS_ES: return ES;
        case UTF8PROC_BIDI_CLASS_ET: return ET;
        case UTF8PROC_BIDI_CLASS_AN: return AN;
        case UTF8PROC_BIDI_CLASS_CS: return CS;
        case UTF8PROC_BIDI_CLASS_NSM: return NSM;
        case UTF8PROC_BIDI_CLASS_B: return B;
        case UTF8PROC_BIDI_CLASS_S: return S;
        case UTF8PROC_BIDI_CLASS_WS: return WS;
        case UTF8PROC_BIDI_CLASS_ON: return ON;
        default: return BN;  // BN and the explicit formatting characters, which this line ignores (X9)
    }
}

// The mirrored glyph of a paired bracket drawn in a right-to-left run (L4; BidiMirroring.txt's
// pairs for the brackets and quotes a headline has).
uint32_t Mirrored(uint32_t c) {
    switch (c) {
        case '(': return ')';
        case ')': return '(';
        case '[': return ']';
        case ']': return '[';
        case '{': return '}';
        case '}': return '{';
        case '<': return '>';
        case '>': return '<';
        case 0x00AB: return 0x00BB;  // « »
        case 0x00BB: return 0x00AB;
        case 0x2039: return 0x203A;  // ‹ ›
        case 0x203A: return 0x2039;
        default: return c;
    }
}

std::vector<uint32_t> Decode(std::string_view utf8) {
    std::vector<uint32_t> out;
    out.reserve(utf8.size());
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(utf8.size());
    while (left > 0) {
        utf8proc_int32_t c = 0;
        utf8proc_ssize_t n = utf8proc_iterate(p, left, &c);
        if (n <= 0) {
            c = 0xFFFD;
            n = 1;
        }
        out.push_back(static_cast<uint32_t>(c));
        p += n;
        left -= n;
    }
    return out;
}

}  // namespace

bool HasRightToLeft(std::string_view utf8) {
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
    const utf8proc_ssize_t size = static_cast<utf8proc_ssize_t>(utf8.size());
    for (utf8proc_ssize_t i = 0; i < size;) {
        const unsigned b = p[i];
        // Only lead bytes of U+0590-08FF (D6-DF, E0 A0-A3) and U+FB1D-FEFF (EF AC-BB) can start an
        // R or AL letter of the Basic Multilingual Plane; F0 covers the historic right-to-left scripts.
        const bool candidate = (b >= 0xD6 && b <= 0xDF) || (b == 0xE0 && i + 1 < size && p[i + 1] >= 0xA0 && p[i + 1] <= 0xA3) ||
                               (b == 0xEF && i + 1 < size && p[i + 1] >= 0xAC && p[i + 1] <= 0xBB) || b == 0xF0;
        if (!candidate) {
            ++i;
            continue;
        }
        utf8proc_int32_t c = 0;
        const utf8proc_ssize_t n = utf8proc_iterate(p + i, size - i, &c);
        if (n <= 0) {
            ++i;
            continue;
        }
        const Bc bc = ClassOf(static_cast<uint32_t>(c));
        if (bc == R || bc == AL) return true;
        i += n;
    }
    return false;
}

std::vector<uint32_t> ShapeArabic(const std::vector<uint32_t>& in) {
    const size_t n = in.size();
    std::vector<uint8_t> type(n);
    for (size_t i = 0; i < n; ++i) type[i] = JoiningOf(in[i]);
    // the nearest letter before and after each one that is not transparent
    auto joins_before = [&](size_t i) {  // the letter before i connects to i's right side
        for (size_t j = i; j-- > 0;) {
            if (type[j] != kTransparent) return type[j] == kDualJoining;
        }
        return false;
    };
    auto joins_after = [&](size_t i) {  // the letter after i accepts a connection on its right side
        for (size_t j = i + 1; j < n; ++j) {
            if (type[j] != kTransparent) return type[j] == kDualJoining || type[j] == kRightJoining;
        }
        return false;
    };
    std::vector<uint32_t> out;
    out.reserve(n);
    for (size_t i = 0; i < n; ++i) {
        const uint32_t c = in[i];
        if (type[i] != kDualJoining && type[i] != kRightJoining) {
            out.push_back(c);
            continue;
        }
        const bool before = joins_before(i);
        // lam + alef (directly after it): one ligature, isolated or final
        if (c == 0x0644 && i + 1 < n) {
            const auto* lam_alef = std::find_if(bidi_tables::kLamAlef, bidi_tables::kLamAlef + bidi_tables::kLamAlefCount,
                                                [&](const bidi_tables::LamAlef& la) { return la.alef == in[i + 1]; });
            if (lam_alef != bidi_tables::kLamAlef + bidi_tables::kLamAlefCount) {
                out.push_back(before ? lam_alef->final_form : lam_alef->isolated);
                ++i;
                continue;
            }
        }
        const bool after = type[i] == kDualJoining && joins_after(i);
        const auto* forms = FormsOf(c);
        if (!forms) {
            out.push_back(c);
            continue;
        }
        const int want = before && after ? 3 : before ? 1 : after ? 2 : 0;  // medial, final, initial, isolated
        uint32_t form = forms->forms[want];
        if (form == 0) form = forms->forms[0];
        out.push_back(form != 0 ? form : c);
    }
    return out;
}

std::string VisualLine(std::string_view utf8) {
    if (!HasRightToLeft(utf8)) return std::string(utf8);
    const std::vector<uint32_t> text = ShapeArabic(Decode(utf8));
    const size_t n = text.size();
    std::vector<uint8_t> original(n), t(n);
    for (size_t i = 0; i < n; ++i) original[i] = t[i] = ClassOf(text[i]);

    // P2-P3: the paragraph's level from its first strong letter
    int para = 0;
    for (uint8_t c : t) {
        if (c == L) break;
        if (c == R || c == AL) {
            para = 1;
            break;
        }
    }
    const uint8_t sos = para ? R : L;
    // W1: a mark (and, kept in the line, a boundary neutral) takes the type before it
    for (size_t i = 0; i < n; ++i) {
        if (t[i] == NSM || t[i] == BN) t[i] = i ? t[i - 1] : sos;
    }
    // W2: a European number after an Arabic letter is an Arabic number; W3: AL is R
    uint8_t last_strong = sos;
    for (size_t i = 0; i < n; ++i) {
        if (t[i] == L || t[i] == R || t[i] == AL) last_strong = t[i];
        if (t[i] == EN && last_strong == AL) t[i] = AN;
    }
    for (uint8_t& c : t) {
        if (c == AL) c = R;
    }
    // W4: one separator between two numbers of the same kind joins them
    for (size_t i = 1; i + 1 < n; ++i) {
        if (t[i - 1] == EN && t[i + 1] == EN && (t[i] == ES || t[i] == CS)) t[i] = EN;
        else if (t[i - 1] == AN && t[i + 1] == AN && t[i] == CS) t[i] = AN;
    }
    // W5: terminators (%, currency signs) next to a European number are part of it
    for (size_t i = 0; i < n;) {
        if (t[i] != ET) {
            ++i;
            continue;
        }
        size_t j = i;
        while (j < n && t[j] == ET) ++j;
        if ((i > 0 && t[i - 1] == EN) || (j < n && t[j] == EN)) std::fill(t.begin() + i, t.begin() + j, static_cast<uint8_t>(EN));
        i = j;
    }
    // W6: the other separators and terminators are neutral
    for (uint8_t& c : t) {
        if (c == ES || c == ET || c == CS) c = ON;
    }
    // W7: a European number in a left-to-right context is L
    last_strong = sos;
    for (size_t i = 0; i < n; ++i) {
        if (t[i] == L || t[i] == R) last_strong = t[i];
        if (t[i] == EN && last_strong == L) t[i] = L;
    }
    // N1-N2: a run of neutrals between two letters of one direction takes it (numbers count as R),
    // else the paragraph's
    auto strong = [](uint8_t c) -> uint8_t { return c == L ? L : R; };
    auto neutral = [](uint8_t c) { return c == B || c == S || c == WS || c == ON; };
    for (size_t i = 0; i < n;) {
        if (!neutral(t[i])) {
            ++i;
            continue;
        }
        size_t j = i;
        while (j < n && neutral(t[j])) ++j;
        const uint8_t before = i > 0 ? strong(t[i - 1]) : sos;
        const uint8_t after = j < n ? strong(t[j]) : sos;
        std::fill(t.begin() + i, t.begin() + j, static_cast<uint8_t>(before == after ? before : sos));
        i = j;
    }
    // I1-I2: levels
    std::vector<int> level(n, para);
    for (size_t i = 0; i < n; ++i) {
        if (para == 0) {
            if (t[i] == R) level[i] = 1;
            else if (t[i] == AN || t[i] == EN) level[i] = 2;
        } else if (t[i] == L || t[i] == EN || t[i] == AN) {
            level[i] = 2;
        }
    }
    // L1: whitespace at the end of the line goes back to the paragraph's level
    for (size_t i = n; i-- > 0;) {
        if (original[i] != WS && original[i] != S && original[i] != B && original[i] != BN) break;
        level[i] = para;
    }
    // L2: from the highest level down to the lowest odd one, reverse each run at or above it
    std::vector<uint32_t> order(n);
    for (size_t i = 0; i < n; ++i) order[i] = static_cast<uint32_t>(i);
    const int highest = n ? *std::max_element(level.begin(), level.end()) : 0;
    int lowest_odd = highest + 1;
    for (int l : level) {
        if (l % 2 == 1) lowest_odd = std::min(lowest_odd, l);
    }
    for (int l = highest; l >= lowest_odd; --l) {
        for (size_t i = 0; i < n;) {
            if (level[order[i]] < l) {
                ++i;
                continue;
            }
            size_t j = i;
            while (j < n && level[order[j]] >= l) ++j;
            std::reverse(order.begin() + i, order.begin() + j);
            i = j;
        }
    }
    // L3: marks of a right-to-left letter now stand before it; draw the letter first, the marks over it
    for (size_t i = 0; i < n;) {
        if (original[order[i]] != NSM || level[order[i]] % 2 == 0) {
            ++i;
            continue;
        }
        size_t j = i;
        while (j < n && original[order[j]] == NSM && level[order[j]] % 2 == 1) ++j;
        if (j < n && level[order[j]] % 2 == 1) {
            std::rotate(order.begin() + i, order.begin() + j, order.begin() + j + 1);
            ++j;
        }
        i = j;
    }
    std::string out;
    out.reserve(utf8.size() + 8);
    for (size_t k = 0; k < n; ++k) {
        uint32_t c = text[order[k]];
        if (level[order[k]] % 2 == 1) c = Mirrored(c);  // L4
        utf8proc_uint8_t buf[4];
        const auto len = utf8proc_encode_char(static_cast<utf8proc_int32_t>(c), buf);
        out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(len));
    }
    return out;
}

}  // namespace presslens
