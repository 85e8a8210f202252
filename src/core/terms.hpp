// core: the term table. Every distinct folded word of a corpus is stored once and named by a
// dense id (0, 1, 2, …), so the analyses count in flat arrays instead of hashing strings per
// token. Each term carries what the analyses ask of it again and again (its stopword languages,
// its length, whether it is Cyrillic), computed once when it is first seen. std + utf8proc only.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/text.hpp"

namespace presslens {

inline constexpr uint32_t kNoTerm = 0xFFFFFFFFu;

struct TermInfo {
    uint16_t stopword_langs = 0;  // bit i: a stopword of kLanguages[i]
    uint8_t code_points = 0;      // length in code points, capped at 255
    bool number = false;          // no letter in it: a number ("2018", "150,000")
    bool cyrillic = false;        // its first code point is Cyrillic
};

class TermTable {
public:
    // Starts with every stopword of every language (ids 0..k-1), so a term first seen later is
    // known not to be one without a lookup.
    TermTable();

    // The id of a folded term, adding it when new.
    uint32_t Intern(std::string_view folded);
    // Folds text[token.span] (FoldToken, with a faster ASCII path) and interns it.
    uint32_t InternToken(std::string_view text, const Token& token);
    // The id of a folded term, or kNoTerm.
    uint32_t Find(std::string_view folded) const;

    std::string_view Text(uint32_t id) const {
        return std::string_view(chars_).substr(begin_[id], begin_[id + 1] - begin_[id]);
    }
    const TermInfo& Info(uint32_t id) const { return info_[id]; }
    size_t size() const { return info_.size(); }
    // Bytes held (for memory reports).
    size_t MemoryBytes() const;

    // How each term is most often written in the tokens InternToken saw (counting is on folded
    // keys, but a word list shows "Μπέζος", "İstanbul", "Straße", not "μπέζοσ", "i̇stanbul",
    // "strasse"). For each id of `ids`, its most frequent written form and how often it was
    // seen so; ties go to the folded form, then to the smaller bytes. A term never seen in a
    // token (a stopword the table starts with, a stem) is its folded text, seen 0 times.
    // O(distinct written forms + ids.size()).
    struct Written {
        std::string form;
        uint32_t count = 0;
    };
    std::vector<Written> WrittenForms(const std::vector<uint32_t>& ids) const;

private:
    uint32_t Insert(std::string_view folded, uint64_t hash);
    uint32_t InternFolding(std::string_view raw);
    void Grow();
    void GrowRaw();
    void NoteLongForm(std::string_view raw, uint32_t id);

    std::string chars_;                  // all terms, back to back
    std::vector<uint32_t> begin_{0};     // term id -> offset in chars_ (one extra at the end)
    std::vector<TermInfo> info_;
    std::vector<uint64_t> slots_;        // open addressing: (hash high 32 bits << 32) | (id + 1); 0 = empty
    std::string scratch_;
    // Tokens of up to 8 bytes as they appear in the text (not folded: "The" and "the" are two
    // keys with one id), keyed by their bytes read as one little-endian integer (a token never
    // holds a NUL, so the zero padding is unambiguous). Most tokens are this short, and a hit
    // costs one multiply and one compare, with no folding and no string compare.
    struct RawSlot {
        uint64_t key = 0;  // 0 = empty
        uint32_t id = 0;
        uint32_t count = 0;  // tokens written so (in the slot's padding: no extra bytes)
    };
    std::vector<RawSlot> raw_;
    size_t raw_used_ = 0;
    // The written forms of tokens longer than 8 bytes: how often a token was its term's folded
    // text exactly (by id), and each other form with its term and count.
    std::vector<uint32_t> long_exact_;
    std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> long_forms_;  // form -> index:
    std::vector<std::pair<uint32_t, uint32_t>> long_form_counts_;                        // (id, count)
};

// What a term table records about a folded word; stopword languages only when asked (a lookup).
TermInfo DescribeTerm(std::string_view folded, bool stopwords);

// The stopword languages of a folded word (bit i = kLanguages[i]); 0 when none lists it.
uint16_t StopwordLanguages(std::string_view folded);

}  // namespace presslens
