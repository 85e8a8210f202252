// core: the stopword lists that are not compiled in (see stopwords.hpp), and the page's language
// data that brings them (LoadLanguageData, core/language.hpp); the folded lists of languages
// outside kLanguages (a list is folded once; the analyses ask once per term id). std + the
// tokenizer's folding.
#include "core/stopwords.hpp"

#include "core/language.hpp"
#include "core/segment.hpp"
#include "core/text.hpp"

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace presslens {

namespace {
struct AddedLists {
    std::vector<std::unique_ptr<std::string>> texts;                     // the copied lines
    std::vector<std::pair<std::string, std::vector<std::string_view>>> lists;  // code -> words in texts
};
AddedLists& Added() {
    static AddedLists a;
    return a;
}
// (the map type of the term table's stopword masks, so the page carries one copy of its code)
using FoldedSet = std::unordered_map<std::string, uint16_t, StringHash, std::equal_to<>>;

// The folded stopwords of a language outside kLanguages (those are bits of TermInfo), built at
// first use. A language whose list is not there yet (the page before its language data came) is
// looked up again next time.
const FoldedSet& FoldedStopwords(std::string_view lang) {
    // a few languages: a list, with room for every language that has one (58), so a set handed
    // out stays where it is when another is added
    static std::vector<std::pair<std::string, FoldedSet>> cache = [] {
        std::vector<std::pair<std::string, FoldedSet>> v;
        v.reserve(128);
        return v;
    }();
    size_t i = 0;
    while (i < cache.size() && cache[i].first != lang) ++i;
    if (i < cache.size() && !cache[i].second.empty()) return cache[i].second;
    FoldedSet folded;
    std::string f;
    for (std::string_view w : StopwordList(lang)) {
        FoldToken(w, f);
        if (!f.empty()) folded.emplace(f, 1);
    }
    if (i == cache.size()) cache.emplace_back(std::string(lang), FoldedSet{});
    cache[i].second = std::move(folded);
    return cache[i].second;
}

const std::vector<std::string_view>* Find(std::string_view code) {
    for (const auto& [c, words] : Added().lists)
        if (c == code) return &words;
    return nullptr;
}
}  // namespace

size_t AddStopwordLists(std::string_view lines) {
    AddedLists& a = Added();
    a.texts.push_back(std::make_unique<std::string>(lines));
    std::string_view all = *a.texts.back();
    size_t added = 0;
    while (!all.empty()) {
        const size_t nl = all.find('\n');
        std::string_view line = all.substr(0, nl);
        all = nl == std::string_view::npos ? std::string_view() : all.substr(nl + 1);
        const size_t tab = line.find('\t');
        if (tab == 0 || tab == std::string_view::npos) continue;  // no code, or no words
        std::string_view code = line.substr(0, tab);
        if (!RawStopwords(code).empty() || Find(code)) continue;
        std::vector<std::string_view> words;
        for (std::string_view rest = line.substr(tab + 1); !rest.empty();) {
            const size_t t = rest.find('\t');
            std::string_view w = rest.substr(0, t);
            if (!w.empty()) words.push_back(w);
            rest = t == std::string_view::npos ? std::string_view() : rest.substr(t + 1);
        }
        if (words.empty()) continue;
        a.lists.emplace_back(std::string(code), std::move(words));
        ++added;
    }
    return added;
}

std::span<const std::string_view> RawStopwords(std::string_view lang) {
    using Lists = std::vector<std::pair<std::string_view, std::vector<std::string_view>>>;
    static const Lists lists = [] {
        Lists out;
        for (std::string_view code : CompiledStopwordLanguages()) {
            std::vector<std::string_view>& words = out.emplace_back(code, std::vector<std::string_view>()).second;
            const std::string_view text = RawStopwordText(code);
            for (size_t at = 0, end; (end = text.find('\n', at)) != std::string_view::npos; at = end + 1)
                words.push_back(text.substr(at, end - at));
        }
        return out;
    }();
    for (const auto& [code, words] : lists)
        if (code == lang) return words;
    return {};
}

std::vector<std::string_view> StopwordList(std::string_view lang) {
    std::span<const std::string_view> compiled = RawStopwords(lang);
    if (!compiled.empty()) return {compiled.begin(), compiled.end()};
    const std::vector<std::string_view>* added = Find(lang);
    return added ? *added : std::vector<std::string_view>();
}

std::vector<std::string_view> ListedStopwordLanguages() {
    std::vector<std::string_view> out(CompiledStopwordLanguages().begin(), CompiledStopwordLanguages().end());
    for (const auto& [code, words] : Added().lists) out.push_back(code);
    return out;
}

std::string LoadLanguageData(const void* data, size_t size) {
    static constexpr char kMagic[8] = {'P', 'L', 'L', 'A', 'N', 'G', '2', '\n'};
    if (data == nullptr || size < 32 || std::memcmp(data, kMagic, 8) != 0)
        return "not a Presslens language data file (presslens-languages.bin)";
    const auto* bytes = static_cast<const unsigned char*>(data);
    auto u32 = [&](size_t at) {
        return static_cast<uint32_t>(bytes[at]) | static_cast<uint32_t>(bytes[at + 1]) << 8 |
               static_cast<uint32_t>(bytes[at + 2]) << 16 | static_cast<uint32_t>(bytes[at + 3]) << 24;
    };
    const uint64_t cld2_size = u32(8), stop_size = u32(12), seg_size = u32(16);
    if (32 + cld2_size + stop_size + seg_size != size)
        return "the language data file is " + std::to_string(size) + " bytes, its header says " +
               std::to_string(32 + cld2_size + stop_size + seg_size) + ": truncated or not of this build";
    // The word tables are decoded at their first use, from bytes that must outlive the caller's: a
    // copy. Checked before the rest is loaded (LoadSegmentTables takes nothing from a bad block).
    std::string_view seg(reinterpret_cast<const char*>(bytes + 32 + cld2_size + stop_size), seg_size);
    static std::vector<std::unique_ptr<std::string>> kept_tables;
    if (seg_size > 0) {
        kept_tables.push_back(std::make_unique<std::string>(seg));
        std::string err = LoadSegmentTables(kept_tables.back()->data(), kept_tables.back()->size());
        if (!err.empty()) return "the language data's word tables: " + err;
    }
    std::string err = LoadDetectorTables(bytes + 32, cld2_size);
    if (!err.empty()) return err;
    AddStopwordLists(std::string_view(reinterpret_cast<const char*>(bytes + 32 + cld2_size), stop_size));
    return {};
}

bool IsListedStopword(std::string_view folded, std::string_view lang) { return FoldedStopwords(lang).count(folded) > 0; }

bool HasStopwordList(std::string_view lang) { return !FoldedStopwords(lang).empty(); }

}  // namespace presslens
