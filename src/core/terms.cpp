// core: the term table (see terms.hpp). std + utf8proc + the generated stopword table.
#include "core/terms.hpp"

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "core/stopwords.hpp"

namespace presslens {

namespace {

// A 64-bit hash of a short string: 8 bytes at a time, each word mixed by a multiply and a
// shift, the length folded in so "a" and "a\0" differ. Terms are short; this is the hot path.
uint64_t HashBytes(const char* p, size_t n) {
    constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
    uint64_t h = n * kMul;
    while (n >= 8) {
        uint64_t w;
        std::memcpy(&w, p, 8);
        h = (h ^ w) * kMul;
        h ^= h >> 29;
        p += 8;
        n -= 8;
    }
    if (n > 0) {
        uint64_t w = 0;
        std::memcpy(&w, p, n);
        h = (h ^ w) * kMul;
        h ^= h >> 29;
    }
    h *= kMul;
    return h ^ (h >> 32);
}

using MaskMap = std::unordered_map<std::string, uint16_t, StringHash, std::equal_to<>>;

// folded stopword -> bit mask of the languages that list it
const MaskMap& StopwordMasks() {
    static const MaskMap masks = [] {
        MaskMap m;
        std::string f;
        for (size_t li = 0; li < std::size(kLanguages); ++li) {
            for (std::string_view w : RawStopwords(kLanguages[li])) {
                FoldToken(w, f);
                m[f] |= static_cast<uint16_t>(1u << li);
            }
        }
        return m;
    }();
    return masks;
}

// The same, as a list sorted by word, for seeding term tables in a fixed order.
const std::vector<std::pair<std::string, uint16_t>>& StopwordList() {
    static const std::vector<std::pair<std::string, uint16_t>> list = [] {
        std::vector<std::pair<std::string, uint16_t>> v(StopwordMasks().begin(), StopwordMasks().end());
        std::sort(v.begin(), v.end());
        return v;
    }();
    return list;
}

}  // namespace

TermTable::TermTable() {
    for (const auto& [word, langs] : StopwordList()) {
        const uint32_t id = Intern(word);
        info_[id].stopword_langs = langs;
    }
}

TermInfo DescribeTerm(std::string_view folded, bool stopwords) {
    TermInfo info;
    if (stopwords) info.stopword_langs = StopwordLanguages(folded);
    const size_t cps = CountCodePoints(folded);
    info.code_points = static_cast<uint8_t>(cps > 255 ? 255 : cps);
    info.number = true;
    for (size_t k = 0; k < folded.size() && info.number;) {
        int32_t c = 0;
        const int n = DecodeUtf8(folded, k, c);
        if (n > 0 && ClassifyCodePoint(c) == CharClass::Letter) info.number = false;
        k += n > 0 ? static_cast<size_t>(n) : 1;
    }
    int32_t cp = 0;
    info.cyrillic = !folded.empty() && DecodeUtf8(folded, 0, cp) > 0 && ScriptOf(cp) == Script::Cyrillic;
    return info;
}

uint16_t StopwordLanguages(std::string_view folded) {
    const MaskMap& masks = StopwordMasks();
    auto it = masks.find(folded);
    return it == masks.end() ? 0 : it->second;
}

uint32_t TermTable::Find(std::string_view folded) const {
    if (slots_.empty()) return kNoTerm;
    const uint64_t h = HashBytes(folded.data(), folded.size());
    const uint64_t tag = h >> 32;
    const size_t mask = slots_.size() - 1;
    for (size_t i = static_cast<size_t>(h) & mask;; i = (i + 1) & mask) {
        const uint64_t s = slots_[i];
        if (s == 0) return kNoTerm;
        if ((s >> 32) == tag) {
            const uint32_t id = static_cast<uint32_t>(s) - 1;
            if (Text(id) == folded) return id;
        }
    }
}

uint32_t TermTable::Intern(std::string_view folded) {
    return Insert(folded, HashBytes(folded.data(), folded.size()));
}

uint32_t TermTable::InternToken(std::string_view text, const Token& token) {
    const char* p = text.data() + token.span.begin;
    const size_t n = token.span.size();
    if (n == 0 || n > 8) {
        const uint32_t id = InternFolding(std::string_view(p, n));
        NoteLongForm(std::string_view(p, n), id);
        return id;
    }
    uint64_t key = 0;
    if (token.span.begin + 8 <= text.size()) {
        std::memcpy(&key, p, 8);  // one unaligned load, then keep the token's n bytes
        if (n < 8) key &= (uint64_t{1} << (8 * n)) - 1;
    } else {
        std::memcpy(&key, p, n);
    }
    if ((raw_used_ + 1) * 4 > raw_.size() * 3) GrowRaw();  // at most 3/4 full
    const size_t mask = raw_.size() - 1;
    size_t i = static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 40) & mask;
    for (; raw_[i].key != 0; i = (i + 1) & mask)
        if (raw_[i].key == key) {
            ++raw_[i].count;
            return raw_[i].id;
        }
    const uint32_t id = InternFolding(std::string_view(p, n));
    raw_[i] = RawSlot{key, id, 1};
    ++raw_used_;
    return id;
}

uint32_t TermTable::InternFolding(std::string_view raw) {
    if (raw.size() <= kMaxTokenBytes) {
        // ASCII: fold (lower-case) into a small buffer; anything else goes through utf8proc.
        char buf[kMaxTokenBytes];
        unsigned char any_high = 0;
        for (size_t i = 0; i < raw.size(); ++i) {
            const unsigned char c = static_cast<unsigned char>(raw[i]);
            any_high |= c;
            buf[i] = static_cast<char>(static_cast<unsigned>(c - 'A') < 26u ? c + 32 : c);
        }
        if (!(any_high & 0x80)) return Insert(std::string_view(buf, raw.size()), HashBytes(buf, raw.size()));
    }
    FoldToken(raw, scratch_);
    return Intern(scratch_);
}

void TermTable::NoteLongForm(std::string_view raw, uint32_t id) {
    if (raw == Text(id)) {
        if (long_exact_.size() <= id) long_exact_.resize(static_cast<size_t>(id) + 1 + long_exact_.size() / 2, 0);
        ++long_exact_[id];
        return;
    }
    auto it = long_forms_.find(raw);
    if (it != long_forms_.end()) {
        ++long_form_counts_[it->second].second;
        return;
    }
    long_forms_.emplace(std::string(raw), static_cast<uint32_t>(long_form_counts_.size()));
    long_form_counts_.push_back({id, 1u});
}

void TermTable::GrowRaw() {
    std::vector<RawSlot> old = std::move(raw_);
    raw_.assign(old.empty() ? 1024 : old.size() * 2, RawSlot{});
    const size_t mask = raw_.size() - 1;
    for (const RawSlot& s : old) {
        if (s.key == 0) continue;
        size_t i = static_cast<size_t>((s.key * 0x9E3779B97F4A7C15ull) >> 40) & mask;
        while (raw_[i].key != 0) i = (i + 1) & mask;
        raw_[i] = s;
    }
}

uint32_t TermTable::Insert(std::string_view folded, uint64_t h) {
    if ((info_.size() + 1) * 2 > slots_.size()) Grow();
    const uint64_t tag = h >> 32;
    const size_t mask = slots_.size() - 1;
    size_t i = static_cast<size_t>(h) & mask;
    for (;; i = (i + 1) & mask) {
        const uint64_t s = slots_[i];
        if (s == 0) break;
        if ((s >> 32) == tag) {
            const uint32_t id = static_cast<uint32_t>(s) - 1;
            if (Text(id) == folded) return id;
        }
    }
    const uint32_t id = static_cast<uint32_t>(info_.size());
    chars_.append(folded);
    begin_.push_back(static_cast<uint32_t>(chars_.size()));
    // every stopword is in the table from the start, so a new term is none
    info_.push_back(DescribeTerm(folded, /*stopwords=*/false));
    slots_[i] = (tag << 32) | (static_cast<uint64_t>(id) + 1);
    return id;
}

void TermTable::Grow() {
    std::vector<uint64_t> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, 0);
    const size_t mask = slots_.size() - 1;
    for (uint64_t s : old) {
        if (s == 0) continue;
        const uint32_t id = static_cast<uint32_t>(s) - 1;
        const std::string_view t = Text(id);
        size_t i = static_cast<size_t>(HashBytes(t.data(), t.size())) & mask;
        while (slots_[i] != 0) i = (i + 1) & mask;
        slots_[i] = s;
    }
}

size_t TermTable::MemoryBytes() const {
    return chars_.capacity() + begin_.capacity() * sizeof(uint32_t) + info_.capacity() * sizeof(TermInfo) +
           slots_.capacity() * sizeof(uint64_t) + raw_.capacity() * sizeof(RawSlot) +
           long_exact_.capacity() * sizeof(uint32_t) + long_forms_.size() * 64 +  // (a map node, about)
           long_form_counts_.capacity() * sizeof(std::pair<uint32_t, uint32_t>);
}

}  // namespace presslens
