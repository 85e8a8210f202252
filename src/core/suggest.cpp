// core: suggestions that carry a codebook into the corpus's languages (see suggest.hpp).
#include "core/suggest.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cmath>
#include <cctype>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "core/vocabularies.hpp"

// The full engine (dictionary translations, phrases carried word by word, acronyms) is built for the
// command line and for the page's suggestion worker (wasm/suggest_worker.cpp, which defines
// PRESSLENS_SUGGEST_FULL=1), not for the page's main module: its code would not fit the first-load
// budget, and the main module has no dictionaries to read.
#ifndef PRESSLENS_SUGGEST_FULL
#ifdef __EMSCRIPTEN__
#define PRESSLENS_SUGGEST_FULL 0
#else
#define PRESSLENS_SUGGEST_FULL 1
#endif
#endif

namespace presslens {

// [SECTION] Bilingual dictionaries ---------------------------------------------------------------

namespace {

// A phrase folded word by word, as the matcher folds text ("Forced  Arbitration" -> "forced arbitration").
std::string FoldPhrase(std::string_view phrase) {
    std::string out, word;
    for (const Token& t : TokenizeAll(phrase)) {
        if (t.kind != TokenKind::Word) continue;
        FoldToken(phrase.substr(t.span.begin, t.span.size()), word);
        out += (out.empty() ? "" : " ") + word;
    }
    return out;
}

const std::vector<std::string> kNone;

// An English plural's singular, for dictionary look-ups ("workers" -> "worker", "policies" ->
// "policy"); empty for a prefix, a short word or a word that is not a plural.
std::string EnglishSingular(const TermWord& w) {
    if (w.prefix || w.form.size() <= 3) return {};
    if (w.form.ends_with("ies")) return w.form.substr(0, w.form.size() - 3) + "y";
    if (w.form.ends_with("s") && !w.form.ends_with("ss")) return w.form.substr(0, w.form.size() - 1);
    return {};
}

}  // namespace

size_t BilingualDictionary::Load(std::string_view tsv, const std::vector<std::string>& wanted,
                                 const std::vector<std::string>& wanted_prefixes,
                                 const std::vector<std::string>& wanted_translations) {
    std::set<std::string, std::less<>> want(wanted.begin(), wanted.end());
    std::set<std::string, std::less<>> want_back(wanted_translations.begin(), wanted_translations.end());
    auto wanted_entry = [&](const std::string& en) {
        if (want.empty() && wanted_prefixes.empty()) return true;
        if (want.count(en)) return true;
        return std::any_of(wanted_prefixes.begin(), wanted_prefixes.end(),
                           [&](const std::string& p) { return en.starts_with(p); });
    };
    size_t kept = 0;
    // the prefixes by their first byte, for the phrase entries' words (hundreds of thousands)
    std::vector<std::vector<std::string>> prefixes_by_byte(wanted_prefixes.empty() ? 0 : 256);
    for (const std::string& p : wanted_prefixes)
        if (!p.empty()) prefixes_by_byte[static_cast<unsigned char>(p[0])].push_back(p);
    for (size_t pos = 0; pos < tsv.size();) {
        size_t nl = tsv.find('\n', pos);
        if (nl == std::string_view::npos) nl = tsv.size();
        std::string_view line = tsv.substr(pos, nl - pos);
        pos = nl + 1;
        const size_t tab = line.find('\t');
        if (tab == std::string_view::npos || tab == 0 || tab + 1 >= line.size()) continue;
        std::string en = FoldPhrase(line.substr(0, tab));
        if (en.empty()) continue;
        if (!want_back.empty() && en.find(' ') == std::string::npos) {
            // read backwards: a word of the corpus's own, and the English word it translates
            std::string to = FoldPhrase(line.substr(tab + 1));
            if (want_back.count(to)) {
                auto& list = back_[to];
                if (std::find(list.begin(), list.end(), en) == list.end()) list.push_back(en);
            }
            // the corpus's inflections of it: one or two letters more ("intern": "internen")
            if (CountCodePoints(to) >= 4 && to.find(' ') == std::string::npos)
                for (auto it = want_back.upper_bound(to); it != want_back.end() && it->starts_with(to); ++it) {
                    const size_t extra = CountCodePoints(*it) - CountCodePoints(to);
                    if (extra == 0 || extra > 2) continue;
                    auto& list = back_forms_[*it];
                    if (std::find(list.begin(), list.end(), en) == list.end()) list.push_back(en);
                }
        }
        if (en.find(' ') != std::string::npos) KeepPhrase(en, line.substr(tab + 1), want, prefixes_by_byte);
        if (!wanted_entry(en)) continue;
        std::string to = FoldPhrase(line.substr(tab + 1));
        if (to.empty()) continue;
        auto& list = map_[en];
        if (std::find(list.begin(), list.end(), to) == list.end()) {
            list.push_back(std::move(to));
            ++kept;
        }
    }
    return kept;
}

const std::vector<std::string>& BilingualDictionary::Translate(std::string_view english) const {
    auto it = map_.find(english);
    return it == map_.end() ? kNone : it->second;
}

namespace {
// English words that make a phrase entry an idiom or a construction rather than a sense of its other
// words ("across the board", "on board", "pay sb back"); "of" is not one ("board of directors").
bool IsFunctionWord(std::string_view w) {
    static constexpr std::string_view kWords[] = {
        "a", "an", "the", "to", "on", "in", "at", "by", "for", "from", "with", "without", "over", "under",
        "above", "across", "into", "onto", "off", "out", "up", "down", "and", "or", "as", "sb", "sth", "sb's",
        "one's", "oneself", "something", "someone", "it", "its", "be", "not", "no"};
    return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}
}  // namespace

void BilingualDictionary::KeepPhrase(const std::string& en, std::string_view translation,
                                     const std::set<std::string, std::less<>>& want,
                                     const std::vector<std::vector<std::string>>& prefixes_by_byte) {
    // two or three words of letters; a function word other than "of" makes it an idiom or a
    // construction ("across the board", "on board"), not a sense of its words
    size_t words = 1;
    for (char c : en) words += c == ' ';
    if (words > 3) return;
    std::vector<std::string_view> held, all;
    for (size_t pos = 0; pos <= en.size();) {
        size_t sp = en.find(' ', pos);
        if (sp == std::string::npos) sp = en.size();
        std::string_view w = std::string_view(en).substr(pos, sp - pos);
        pos = sp + 1;
        all.push_back(w);
        if (w.empty() || std::any_of(w.begin(), w.end(), [](char c) {
                return static_cast<unsigned char>(c) < 0x80 && !std::isalpha(static_cast<unsigned char>(c));
            }))
            return;
        if (IsFunctionWord(w)) return;
        const std::vector<std::string>* prefixes =
            prefixes_by_byte.empty() ? nullptr : &prefixes_by_byte[static_cast<unsigned char>(w[0])];
        if ((want.empty() && prefixes_by_byte.empty()) || want.count(w) ||
            (prefixes && std::any_of(prefixes->begin(), prefixes->end(), [&](const std::string& p) { return w.starts_with(p); })))
            held.push_back(w);
    }
    if (held.empty()) return;
    std::string to = FoldPhrase(translation);
    if (to.empty()) return;
    std::string singular;  // the phrase with its words singular: "board members" is "board member"
    for (std::string_view w : all) {
        const std::string one = EnglishSingular({std::string(w), false});
        singular += (singular.empty() ? "" : " ") + (one.empty() ? std::string(w) : one);
    }
    for (std::string_view w : held) {
        auto& list = phrases_[std::string(w)];
        if (list.size() < 5000) list.push_back({singular, to});
    }
}

const std::vector<BilingualDictionary::PhraseEntry>& BilingualDictionary::Phrases(std::string_view word) const {
    static const std::vector<PhraseEntry> none;
    auto it = phrases_.find(word);
    return it == phrases_.end() ? none : it->second;
}

const std::vector<std::string>& BilingualDictionary::Back(std::string_view translation) const {
    auto it = back_.find(translation);
    return it == back_.end() ? kNone : it->second;
}

const std::vector<std::string>& BilingualDictionary::BackForms(std::string_view translation) const {
    auto it = back_forms_.find(translation);
    return it == back_forms_.end() ? kNone : it->second;
}

std::vector<std::string> BilingualDictionary::TranslatePrefix(std::string_view prefix, size_t max_extra) const {
    std::vector<std::string> out;
    const size_t length = CountCodePoints(prefix);
    for (auto it = map_.lower_bound(prefix); it != map_.end() && it->first.starts_with(prefix); ++it) {
        if (it->first.find(' ') != std::string::npos || CountCodePoints(it->first) - length > max_extra) continue;
        for (const std::string& t : it->second)
            if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
    }
    return out;
}

namespace {

// Each term of a condition with the terms beside it in its node (itself included).
void CollectSiblings(const Condition& c, std::map<std::string, std::vector<std::string>>& out) {
    if (c.kind == Condition::Kind::Term) out.try_emplace(c.term, std::vector<std::string>{c.term});
    for (const auto* list : {&c.children, &c.none}) {
        std::vector<std::string> here;
        for (const Condition& ch : *list)
            if (ch.kind == Condition::Kind::Term && !IsVocabularyReference(ch.term)) here.push_back(ch.term);
        for (const std::string& t : here) out.try_emplace(t, here);
        for (const Condition& ch : *list) CollectSiblings(ch, out);
    }
}

void CollectTerms(const Condition& c, std::vector<const Condition*>& out) {
    if (c.kind == Condition::Kind::Term && !IsVocabularyReference(c.term)) out.push_back(&c);
    for (const Condition& ch : c.children) CollectTerms(ch, out);
    for (const Condition& ch : c.none) CollectTerms(ch, out);
}

// The folded words of a term without its '*'s, and its content words worth looking up alone.
std::string TermKeyWords(const std::vector<TermWord>& words) {
    std::string key;
    for (const TermWord& w : words) key += (key.empty() ? "" : " ") + w.form;
    return key;
}

}  // namespace

namespace {

// An English word's possible bases, for dictionary look-ups where the word itself has no entry: an
// -ing or -ed form's ("staffing" -> "staff", "sharing" -> "share", "banned" -> "ban"), and a noun's
// or an adjective's made by a suffix, whose base the small dictionaries hold more often than the
// derived word ("recognition" -> "recognize", "arbitration" -> "arbitrate", "deportation" ->
// "deport", "harassment" -> "harass", "facial" -> "face", "withdrawal" -> "withdraw"; not "-ship", whose base
// is another thing: "viewership" is not "viewer"); empty for a prefix or a short word. The bases
// that are no entry find nothing.
std::vector<std::string> EnglishBases(const TermWord& w) {
    if (w.prefix || w.form.size() < 6) return {};
    std::vector<std::string> out;
    auto base = [&](std::string_view suffix, std::initializer_list<std::string_view> endings) {
        if (!w.form.ends_with(suffix) || w.form.size() < suffix.size() + 3) return;
        const std::string stem = w.form.substr(0, w.form.size() - suffix.size());
        for (std::string_view e : endings) out.push_back(stem + std::string(e));
        // a doubled last consonant written single in the base ("banned" -> "ban", "cancellation" ->
        // "cancel")
        if (stem.size() >= 4 && stem.back() == stem[stem.size() - 2])
            out.push_back(stem.substr(0, stem.size() - 1));
    };
    if (w.form.ends_with("ing")) base("ing", {"", "e"});
    else if (w.form.ends_with("ed")) base("ed", {"", "e"});
    else if (w.form.ends_with("ition")) base("ition", {"ize", "ise"});
    else if (w.form.ends_with("ation")) base("ation", {"ate", "", "e"});
    else if (w.form.ends_with("ion")) base("ion", {"", "e"});
    else if (w.form.ends_with("ment")) base("ment", {""});
    else if (w.form.ends_with("ial")) base("ial", {"e"});
    else if (w.form.ends_with("al")) base("al", {"", "e"});
    return out;
}
}  // namespace

DictionaryKeySet DictionaryKeys(const Codebook& cb) {
    std::set<std::string> keys, prefixes;
    std::vector<TermWord> words;
    std::string why;
    // the whole term, each word (a prefix word as a prefix), and an English plural's singular
    auto add = [&](const std::string& term) {
        if (!SplitTerm(term, words, why)) return;
        keys.insert(TermKeyWords(words));
        for (const TermWord& w : words) {
            (w.prefix ? prefixes : keys).insert(w.form);
            if (std::string one = EnglishSingular(w); !one.empty()) keys.insert(one);
            for (std::string& base : EnglishBases(w)) keys.insert(std::move(base));
        }
    };
    for (const Code& code : cb.codes)
        for (const Rule& r : code.rules) {
            std::vector<const Condition*> terms;
            CollectTerms(r.match, terms);
            for (const Condition* t : terms) add(t->term);
        }
    for (const Actor& a : cb.actors)
        for (const auto* table : {&a.terms, &a.weak_terms})
            for (const auto& [lang, terms] : *table)
                for (const std::string& t : terms) add(t);
    return {{keys.begin(), keys.end()}, {prefixes.begin(), prefixes.end()}};
}

// Calls f with each part of a token the matcher cuts at hyphens and apostrophes ("s'attendre",
// "Diversity-Chef"), whose parts are words too; a token without a cut has no parts.
template <class F> void ForEachCutPart(std::string_view t, F&& f) {
    if (t.find_first_of("-'") == std::string_view::npos && t.find("\u2019") == std::string_view::npos) return;
    for (size_t i = 0, from = 0; i <= t.size();) {
        const size_t cut = i == t.size() || t[i] == '-' || t[i] == '\'' ? 1 : t.substr(i).starts_with("\u2019") ? 3 : 0;
        if (!cut) {
            ++i;
            continue;
        }
        if (i > from) f(t.substr(from, i - from));
        i += cut;
        from = i;
    }
}

std::vector<std::string> CorpusWords(const AnalyzedCorpus& ac, const std::string& lang) {
    std::vector<char> held(ac.terms.size(), 0);  // by term id: one pass over the articles, no tree
    for (const AnalyzedArticle& aa : ac.articles)
        if (aa.effective_language == lang)
            for (uint32_t id : aa.terms) held[id] = 1;
    std::set<std::string, std::less<>> out;
    auto keep = [&](std::string_view t) {
        if (CountCodePoints(t) >= 4 && !IsStopword(t, lang)) out.emplace(t);
    };
    for (uint32_t id = 0; id < held.size(); ++id) {
        if (!held[id] || ac.terms.Info(id).number) continue;
        std::string_view t = ac.terms.Text(id);
        keep(t);
        ForEachCutPart(t, keep);
    }
    return {out.begin(), out.end()};
}

// [SECTION] Suggestions ---------------------------------------------------------------------------

bool PrefixCovers(std::string_view prefix, std::string_view term) {
    if (!prefix.ends_with('*') || prefix.find(' ') != std::string_view::npos || term.find(' ') != std::string_view::npos)
        return false;
    prefix.remove_suffix(1);
    if (term.ends_with('*')) term.remove_suffix(1);
    return term.size() > prefix.size() && term.starts_with(prefix);
}

namespace {

// A folded word without its diacritics ("transparência" -> "transparencia"), to compare cognates.
std::string Unaccented(std::string_view folded) {
    if (std::all_of(folded.begin(), folded.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        return std::string(folded);  // nothing to take off
    utf8proc_uint8_t* out = nullptr;
    utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(folded.data()),
                                      static_cast<utf8proc_ssize_t>(folded.size()), &out,
                                      static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK));
    std::string s = n >= 0 ? std::string(reinterpret_cast<const char*>(out), static_cast<size_t>(n)) : std::string(folded);
    std::free(out);
    return s;
}

size_t CommonPrefix(std::string_view a, std::string_view b);

// A folded word as cognates are compared: without diacritics, its doubled letters single and "ph",
// "th" written "f", "t", the spellings in which the languages of Europe differ most in words they
// share ("opportunity" ~ "oportunidad", "commission" ~ "comisión", "theatre" ~ "teatro"); KeyOf takes
// a word already without diacritics, and gives the key's first `limit` bytes.
std::string KeyOf(std::string_view plain, size_t limit) {
    std::string out;
    for (size_t i = 0; i < plain.size() && out.size() < limit; ++i) {
        const char c = plain[i];
        if ((c == 'p' || c == 't') && i + 1 < plain.size() && plain[i + 1] == 'h') {
            out += c == 'p' ? 'f' : 't';
            ++i;
        } else if (out.empty() || c != out.back() || !std::isalpha(static_cast<unsigned char>(c))) {
            out += c;
        }
    }
    return out;
}

// A word in Cyrillic or Greek letters written in Latin ones, as it is compared with an English word
// for a cognate ("инфраструктура" -> "infrastruktura", "полиция" -> "policiya", "δημοκρατία" ->
// "democratia"): each letter as the Latin one it stands for in the words the languages share with
// English, which is not always how a name would be transliterated ("к" as "c": "контракт",
// contract; "ц" as "c": "полиция", police; "η" as "e"). A word without such letters is returned
// as it is; the letters come in without diacritics (Unaccented), lower-case (folded).
std::string LatinLetters(std::string_view s) {
    if (std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0xCD; })) return std::string(s);
    // U+0430..U+045F (а..я, then ѐ..џ) and U+03B1..U+03C9 (α..ω)
    static constexpr std::string_view kCyrillic[48] = {
        "a", "b", "v", "g", "d", "e", "zh", "z", "i", "i", "c", "l", "m", "n", "o", "p",
        "r", "s", "t", "u", "f", "h", "c", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
        "e", "e", "dj", "g", "e", "dz", "i", "i", "j", "lj", "nj", "c", "c", "i", "u", "dz"};
    static constexpr std::string_view kGreek[25] = {
        "a", "b", "g", "d", "e", "z", "e", "th", "i", "c", "l", "m", "n", "x", "o", "p",
        "r", "s", "s", "t", "y", "f", "ch", "ps", "o"};
    std::string out;
    for (size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0xC0 && i + 1 < s.size()) {
            const uint32_t cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
            if (cp >= 0x430 && cp <= 0x45F) {
                out += kCyrillic[cp - 0x430];
                i += 2;
                continue;
            }
            if (cp == 0x491) {  // ґ
                out += 'g';
                i += 2;
                continue;
            }
            if (cp >= 0x3B1 && cp <= 0x3C9) {
                out += kGreek[cp - 0x3B1];
                i += 2;
                continue;
            }
        }
        out += s[i++];
    }
    return out;
}

std::string CognateKey(std::string_view folded, size_t limit = std::string::npos) {
    return KeyOf(LatinLetters(Unaccented(folded)), limit);
}

// Whether a word's cognate key begins with the first three bytes of `key`, which Cognate requires,
// read without taking accents off where the word begins in ASCII.
bool KeyBegins(std::string_view key, std::string_view v) {
    key = key.substr(0, 3);
    const std::string head = KeyOf(v, key.size());
    if (std::any_of(head.begin(), head.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
        return CognateKey(v, key.size()) == key;  // an accent among the first letters
    return head == key;
}

// Levenshtein distance of two short strings (bytes), stopping early past `limit`.
size_t EditDistance(std::string_view a, std::string_view b, size_t limit) {
    if (a.size() > b.size()) std::swap(a, b);
    if (b.size() - a.size() > limit) return limit + 1;
    std::vector<size_t> prev(a.size() + 1), cur(a.size() + 1);
    for (size_t i = 0; i <= a.size(); ++i) prev[i] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
        cur[0] = j;
        size_t best = cur[0];
        for (size_t i = 1; i <= a.size(); ++i) {
            cur[i] = std::min({prev[i] + 1, cur[i - 1] + 1, prev[i - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            best = std::min(best, cur[i]);
        }
        if (best > limit) return limit + 1;
        std::swap(prev, cur);
    }
    return prev[a.size()];
}

// Cognates: the same word in another spelling ("transparency" ~ "transparencia" ~ "Transparenz",
// "intelligence" ~ "inteligencia"). Compared without diacritics: they share their first three
// letters and either a long common prefix (at least five letters and 60 % of the English word:
// "arbitration" ~ "arbitraje", "salary" ~ "salarios") or differ in at most 30 % of their letters;
// past a long shared beginning the other word ends in at most five more letters ("arbitraje", not
// "arbitrariedade", arbitrariness, nor "controversia" for "contract"). A shorter word that the English
// one begins with, two letters or more short, is another word ("contra" of "contract", "google" of
// "googlers"); one letter short, it is the same ("militar" of "military").
constexpr size_t kCognateTail = 5;  // the letters past a long shared beginning
bool Cognate(const std::string& en, const std::string& other) {
    if (other.size() < 5 || CommonPrefix(en, other) < 3) return false;
    if (other.size() + 2 <= en.size() && en.starts_with(other)) return false;
    const size_t need = std::max<size_t>(5, (en.size() * 6 + 9) / 10);
    if (CommonPrefix(en, other) >= std::min(need, other.size()) && other.size() <= CommonPrefix(en, other) + kCognateTail) return true;
    // spelt differently: only past a shared stem of four letters ("protect" is not "prozent")
    if (CommonPrefix(en, other) < 4) return false;
    const size_t longest = std::max(en.size(), other.size());
    const size_t limit = longest * 3 / 10;
    return EditDistance(en, other, limit) <= limit;
}

size_t CommonPrefix(std::string_view a, std::string_view b) {
    size_t n = 0;
    while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
    return n;
}

// Cuts a byte prefix back to a code point boundary.
std::string_view WholeCodePoints(std::string_view s, size_t n) {
    while (n > 0 && n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return s.substr(0, std::min(n, s.size()));
}

struct Found {
    uint32_t articles = 0, sentences = 0;
    int example_article = -1;
    Span example;
};

// A suggestion's counts and example, from where its candidate was found.
void SetFound(Suggestion& s, const Found& f) {
    s.articles = f.articles;
    s.sentences = f.sentences;
    s.example_article = f.example_article;
    s.example = f.example;
}

// One more sentence of article `ai` where a phrase was found; `in_article`: one was found in it already.
void Tally(Found& f, bool& in_article, uint32_t ai, Span sentence) {
    ++f.sentences;
    if (!in_article) ++f.articles;
    in_article = true;
    if (f.example_article < 0) {
        f.example_article = static_cast<int>(ai);
        f.example = sentence;
    }
}

// The corpus in one language: each term's sentences and articles, and a way to count phrases.
class LanguageView {
public:
    LanguageView(const AnalyzedCorpus& ac, const std::string& lang) : ac_(ac), lang_(lang) {}
    // Reads article `ai` (of this language), after those read before it.
    void Add(uint32_t ai) {
        articles_.push_back(ai);
        words_ready_ = false;
        const AnalyzedArticle& aa = ac_.articles[ai];
        for (size_t si = 0; si < aa.sentences.size(); ++si)
            for (uint32_t k = aa.sentence_terms[si]; k < aa.sentence_terms[si + 1]; ++k) {
                Touch(stats_[aa.terms[k]], ai, si);
#if PRESSLENS_SUGGEST_FULL
                // a token the matcher cuts ("all'arbitrato", "Diversity-Chef") holds its parts
                // as words: "arbitrato" stands in Italian mostly after an elided article
                ForEachCutPart(ac_.terms.Text(aa.terms[k]), [&](std::string_view part) {
                    const uint32_t id = ac_.terms.Find(part);
                    Touch(id != kNoTerm ? stats_[id] : part_stats_[std::string(part)], ai, si);
                });
#endif
            }
        sentences_ += aa.sentences.size();
    }
    const AnalyzedCorpus& corpus() const { return ac_; }
    size_t articles() const { return articles_.size(); }
    const std::vector<uint32_t>& article_ids() const { return articles_; }
    size_t sentences() const { return sentences_; }

#if PRESSLENS_SUGGEST_FULL  // carried word by word: the command line's (see kWordByWord)
    // The initials of the places where `parts` (single words, each may be a prefix) stand next to
    // each other in any order ("inteligencia artificial": "ia"), in the corpus's order.
    std::set<std::string> Initials(const std::vector<TermWord>& parts) const {
        std::set<std::string> out;
        const size_t n = parts.size();
        std::vector<bool> used(n);
        for (uint32_t ai : articles_) {
            const AnalyzedArticle& aa = ac_.articles[ai];
            for (size_t si = 0; si < aa.sentences.size(); ++si)
                for (uint32_t k = aa.sentence_terms[si]; k + n <= aa.sentence_terms[si + 1]; ++k) {
                    std::fill(used.begin(), used.end(), false);
                    std::string initials;
                    bool all = true;
                    for (size_t j = 0; j < n && all; ++j) {
                        std::string_view t = ac_.terms.Text(aa.terms[k + j]);
                        all = false;
                        for (size_t p = 0; p < n && !all; ++p)
                            if (!used[p] && (parts[p].prefix ? t.starts_with(parts[p].form) : t == parts[p].form))
                                used[p] = all = true;
                        size_t len = 1;  // the first code point
                        while (len < t.size() && (static_cast<unsigned char>(t[len]) & 0xC0) == 0x80) ++len;
                        initials += t.substr(0, len);
                    }
                    if (all) out.insert(initials);
                }
        }
        return out;
    }

    // Where every one of `parts` (single words, each may be a prefix) occurs inside one window of
    // at most `within` words of a sentence, in any order.
    Found CountNear(const std::vector<TermWord>& parts, uint32_t within) const {
        Found f;
        if (parts.empty()) return f;
        std::vector<uint32_t> last(parts.size());
        for (uint32_t ai : articles_) {
            const AnalyzedArticle& aa = ac_.articles[ai];
            bool in_article = false;
            for (size_t si = 0; si < aa.sentences.size(); ++si) {
                std::fill(last.begin(), last.end(), UINT32_MAX);
                bool hit = false;
                for (uint32_t k = aa.sentence_terms[si]; k < aa.sentence_terms[si + 1] && !hit; ++k) {
                    std::string_view t = ac_.terms.Text(aa.terms[k]);
                    for (size_t p = 0; p < parts.size(); ++p)
                        if (parts[p].prefix ? t.starts_with(parts[p].form) : t == parts[p].form) last[p] = k;
                    // the window ending here holds every part (a word may not stand for two parts)
                    hit = std::all_of(last.begin(), last.end(), [&](uint32_t at) { return at != UINT32_MAX && k - at < within; }) &&
                          std::set<uint32_t>(last.begin(), last.end()).size() == parts.size();
                }
                if (hit) Tally(f, in_article, ai, aa.sentences[si]);
            }
        }
        return f;
    }
#endif

    // Where a term (its folded words, the last may be a prefix) occurs in this language.
    Found Count(const std::vector<TermWord>& words) const {
        Found f;
        if (words.empty()) return f;
        if (words.size() == 1 && !words[0].prefix) {
            const uint32_t id = ac_.terms.Find(words[0].form);
            auto it = id == kNoTerm ? stats_.end() : stats_.find(id);
            if (it != stats_.end()) Fill(f, it->second);
#if PRESSLENS_SUGGEST_FULL
            else if (auto part = part_stats_.find(words[0].form); part != part_stats_.end()) Fill(f, part->second);
#endif
            return f;
        }
        if (words.size() == 1) {  // a prefix: every word that starts with it (sentences may double count)
            for (const auto& [id, st] : stats_)
                if (ac_.terms.Text(id).starts_with(words[0].form)) Fill(f, st, true);
#if PRESSLENS_SUGGEST_FULL
            for (const auto& [part, st] : part_stats_)
                if (part.starts_with(words[0].form)) Fill(f, st, true);
#endif
            return f;
        }
        // A phrase: consecutive words of one sentence. Its whole words compare as term ids; a
        // word this language never holds means none; else only the sentences of its rarest whole
        // word are read (that word's sentences, found once and kept).
        std::vector<uint32_t> ids(words.size(), kNoTerm);
        uint32_t rarest = kNoTerm, rarest_sentences = UINT32_MAX;
        for (size_t w = 0; w < words.size(); ++w) {
            if (words[w].prefix) continue;
            ids[w] = ac_.terms.Find(words[w].form);
            auto it = ids[w] == kNoTerm ? stats_.end() : stats_.find(ids[w]);
            if (it == stats_.end()) return f;
            if (it->second.sentences < rarest_sentences) rarest = ids[w], rarest_sentences = it->second.sentences;
        }
        auto holds = [&](const AnalyzedArticle& aa, size_t si) {
            const uint32_t b = aa.sentence_terms[si], e = aa.sentence_terms[si + 1];
            for (uint32_t k = b; k + words.size() <= e; ++k) {
                bool hit = true;
                for (size_t w = 0; w < words.size() && hit; ++w)
                    hit = words[w].prefix ? ac_.terms.Text(aa.terms[k + w]).starts_with(words[w].form) : aa.terms[k + w] == ids[w];
                if (hit) return true;
            }
            return false;
        };
        uint32_t last_article = UINT32_MAX;
        bool in_article = false;
        auto visit = [&](uint32_t ai, uint32_t si) {
            if (ai != last_article) in_article = false, last_article = ai;
            const AnalyzedArticle& aa = ac_.articles[ai];
            if (holds(aa, si)) Tally(f, in_article, ai, aa.sentences[si]);
        };
        if (rarest == kNoTerm) {  // prefixes only: every sentence
            for (uint32_t ai : articles_)
                for (size_t si = 0; si < ac_.articles[ai].sentences.size(); ++si) visit(ai, static_cast<uint32_t>(si));
            return f;
        }
        for (const auto& [ai, si] : SentencesOf(rarest)) visit(ai, si);
        return f;
    }

    // The sentences (article, sentence) holding term `id`, in the corpus's order; found once.
    const std::vector<std::pair<uint32_t, uint32_t>>& SentencesOf(uint32_t id) const {
        auto [it, made] = sentences_of_.try_emplace(id);
        if (made)
            for (uint32_t ai : articles_) {
                const AnalyzedArticle& aa = ac_.articles[ai];
                for (size_t si = 0; si < aa.sentences.size(); ++si)
                    for (uint32_t k = aa.sentence_terms[si]; k < aa.sentence_terms[si + 1]; ++k)
                        if (aa.terms[k] == id) {
                            it->second.push_back({ai, static_cast<uint32_t>(si)});
                            break;
                        }
            }
        return it->second;
    }

    // Whether a prefix would also match a function word of this language the corpus holds
    // ("contr*": "contra"): then it is too broad to stand for the forms it was made from.
    bool PrefixHitsStopword(std::string_view prefix) const {
        for (const auto& [id, st] : stats_)
            if (std::string_view t = ac_.terms.Text(id); t.starts_with(prefix) && IsStopword(t, lang_)) return true;
#if PRESSLENS_SUGGEST_FULL
        for (const auto& [part, st] : part_stats_)
            if (part.starts_with(prefix) && IsStopword(part, lang_)) return true;
#endif
        return false;
    }

    // The words of this language (not stopwords, not numbers), for cognates and inflections.
    template <class F> void ForEachWord(F&& f) const {
        for (std::string_view w : Words()) f(w);
    }
#if PRESSLENS_SUGGEST_FULL  // the byte order is built for the dictionaries' candidates only (Words)
    // The positions in Words() of the words that begin with `prefix` (bytes), in no order.
    void WordsStarting(std::string_view prefix, std::vector<uint32_t>& out) const {
        const std::vector<std::string_view>& words = Words();
        auto it = std::lower_bound(sorted_.begin(), sorted_.end(), prefix,
                                   [&](uint32_t i, std::string_view p) { return words[i] < p; });
        for (; it != sorted_.end() && words[*it].starts_with(prefix); ++it) out.push_back(*it);
    }
#endif
    // The words of the corpus in this language (not stopwords, numbers or cut tokens, whose parts are
    // the words), read once after the last article was added.
    const std::vector<std::string_view>& Words() const {
        if (words_ready_) return words_;
        words_.clear();
        for (const auto& [id, st] : stats_) {
            const TermInfo& info = ac_.terms.Info(id);
            std::string_view text = ac_.terms.Text(id);
            // hyphenated and elided tokens are matched part by part: their parts are the words
            if (info.number || IsStopword(text, lang_) || text.find_first_of("-'") != std::string_view::npos ||
                text.find("\u2019") != std::string_view::npos)
                continue;
            words_.push_back(text);
        }
#if PRESSLENS_SUGGEST_FULL
        for (const auto& [part, st] : part_stats_)
            if (!part.empty() && !(part[0] >= '0' && part[0] <= '9') && !IsStopword(part, lang_)) words_.emplace_back(part);
#endif
#if PRESSLENS_SUGGEST_FULL  // for WordsStarting: Widen, the dictionaries' candidates
        sorted_.resize(words_.size());
        for (uint32_t i = 0; i < sorted_.size(); ++i) sorted_[i] = i;
        std::sort(sorted_.begin(), sorted_.end(), [&](uint32_t a, uint32_t b) { return words_[a] < words_[b]; });
#endif
        words_ready_ = true;
        return words_;
    }

private:
    struct Stat {
        uint32_t sentences = 0, articles = 0;
        int example_article = -1;
        uint32_t example_sentence = 0;
        uint32_t last_article = UINT32_MAX, last_sentence = UINT32_MAX;
    };
    static void Touch(Stat& st, uint32_t ai, size_t si) {
        if (st.last_article == ai && st.last_sentence == si) return;
        ++st.sentences;
        if (st.last_article != ai) ++st.articles;
        if (st.example_article < 0) {
            st.example_article = static_cast<int>(ai);
            st.example_sentence = static_cast<uint32_t>(si);
        }
        st.last_article = ai;
        st.last_sentence = static_cast<uint32_t>(si);
    }
    void Fill(Found& f, const Stat& st, bool add = false) const {
        f.sentences = add ? f.sentences + st.sentences : st.sentences;
        f.articles = add ? std::max(f.articles, st.articles) : st.articles;
        if (f.example_article < 0 && st.example_article >= 0) {
            f.example_article = st.example_article;
            f.example = ac_.articles[static_cast<size_t>(st.example_article)].sentences[st.example_sentence];
        }
    }
    const AnalyzedCorpus& ac_;
    std::string lang_;
    std::vector<uint32_t> articles_;
    size_t sentences_ = 0;
    std::unordered_map<uint32_t, Stat> stats_;
    mutable std::unordered_map<uint32_t, std::vector<std::pair<uint32_t, uint32_t>>> sentences_of_;  // SentencesOf's
    mutable std::vector<std::string_view> words_;  // Words(), and their positions in byte order
    mutable std::vector<uint32_t> sorted_;
    mutable bool words_ready_ = false;
#if PRESSLENS_SUGGEST_FULL
    std::unordered_map<std::string, Stat> part_stats_;  // parts of cut tokens that never stand alone
#endif
};

// How much more of the source language's sentences a shared vocabulary may hold than the term it
// would stand for and the terms beside it (see TermCandidates).
constexpr double kVocabularyBreadth = 2.0;

// Each term of a rule: the terms of its part, then those of each of the codebook's parts in the
// rule's language that share no term with it (another kind of part: "police" beside "ICE").
using Elsewhere = std::map<std::string, std::vector<std::vector<std::vector<TermWord>>>>;

bool IsContentWord(const std::string& w, const std::string& lang) {
    return CountCodePoints(w) >= 4 && !IsStopword(w, lang);
}

#if PRESSLENS_SUGGEST_FULL
// Whether a folded word is one a term's word matches (the word, or any word it begins as a prefix).
bool WordMatches(std::string_view t, const TermWord& w) { return w.prefix ? t.starts_with(w.form) : t == w.form; }
#endif

// Whether a vocabulary's listed words `v` stand for a term's words `t`, word by word: the same words
// ("want*" ~ "want"), or a one-word prefix term a listed word starts with; `both_ways`: also a listed
// prefix that the term's word begins ("publiciz*" for "publicize").
bool VocabularyHolds(const std::vector<TermWord>& v, const std::vector<TermWord>& t, bool both_ways = false) {
    return v.size() == t.size() && std::equal(v.begin(), v.end(), t.begin(), [&](const TermWord& a, const TermWord& b) {
               return a.form == b.form || (b.prefix && CountCodePoints(b.form) >= 3 && a.form.starts_with(b.form)) ||
                      (both_ways && a.prefix && CountCodePoints(a.form) >= 3 && b.form.starts_with(a.form));
           });
}

// The vocabularies whose English list holds this term (as written, compared word by word).
std::vector<std::string> VocabulariesOf(const std::vector<TermWord>& words, const std::string& source_lang) {
    std::vector<std::string> out;
    std::vector<TermWord> vw;
    std::string why;
    for (const Vocabulary& v : Vocabularies())
        for (std::string_view t : v.TermsFor(source_lang))
            if (SplitTerm(t, vw, why) && VocabularyHolds(vw, words)) {
                out.push_back("@" + std::string(v.id));
                break;
            }
    return out;
}

std::string Written(const std::vector<TermWord>& words) {
    std::string s;
    for (const TermWord& w : words) s += (s.empty() ? "" : " ") + w.form + (w.prefix ? "*" : "");
    return s;
}

#if PRESSLENS_SUGGEST_FULL  // translations are the dictionaries' (see kWordByWord)
// A single corpus word found for a candidate, widened to the forms of it the corpus holds: "x*"
// over their common prefix when there are several (at least four letters), else the word.
std::vector<TermWord> Widen(const LanguageView& view, const std::string& lang, const std::string& word) {
    std::vector<std::string> forms;
    const bool stems = HasStemmer(lang);
    const std::string stem = stems ? Stem(word, lang) : std::string();
    // Without a stemmer (Polish, Czech), a word ending in a vowel also stands for the forms that end
    // before it ("płaca": "płac", "płacy", the genitive plural and singular).
    std::string_view base = word;
    if (!stems && CountCodePoints(word) >= 5)
        for (std::string_view vowel : {"a", "e", "i", "o", "u", "y", "\u0105", "\u0119"})
            if (base.ends_with(vowel)) {
                base.remove_suffix(vowel.size());
                break;
            }
    // every form begins as the word (less its vowel) or as its stem does: only those words are read
    std::vector<uint32_t> at;
    view.WordsStarting(base.substr(0, 3), at);
    if (stems && std::string_view(stem).substr(0, 3) != base.substr(0, 3)) view.WordsStarting(std::string_view(stem).substr(0, 3), at);
    std::sort(at.begin(), at.end());  // in the order ForEachWord gives them
    at.erase(std::unique(at.begin(), at.end()), at.end());
    // a form shares all of the word but its last three letters, and 60 % of it: a stem's words that
    // share less are other words ("traitement", salary: not "traité", treaty, nor "traiter";
    // "opening": not "open"; "Arbeiter": not "Arbeit")
    const size_t most = std::max<size_t>((CountCodePoints(word) * 6 + 9) / 10, CountCodePoints(word) - std::min<size_t>(CountCodePoints(word), 3));
    for (uint32_t i : at) {
        std::string_view v = view.Words()[i];
        if (v == word || (v.starts_with(base) && CountCodePoints(v) <= CountCodePoints(base) + 3)) {
            forms.emplace_back(v);
            continue;
        }
        if (!stems) continue;
        const std::string v_stem = Stem(v, lang);
        const size_t shared = CountCodePoints(WholeCodePoints(v, CommonPrefix(v, word)));
        const bool shorter = v.size() + 2 <= word.size() && std::string_view(word).starts_with(v);  // "Arbeit" of "Arbeiter"
        if ((CountCodePoints(stem) >= 4 && v.substr(0, 3) == std::string_view(stem).substr(0, 3) &&
             v_stem == stem && shared >= most && !shorter) ||
            // a short stem ("lon" of "loon" and "lonen"; Dutch writes a long vowel single in an open
            // syllable): the longer words that begin with it, an inflection adding to the word, not the
            // shorter "tak" for "taak"
            (CountCodePoints(stem) == 3 && v.size() > word.size() && v.starts_with(stem) && v_stem == stem) ||
            // an inflection the stemmer leaves whole (French "demandent" of "demander"; Snowball
            // takes no "-ent" off a verb): the stem and up to three letters, sharing the 60 % and a
            // letter past the stem with the word (not a derivation the stemmer also leaves whole:
            // "Friedhof" of "Frieden", "general" of "generar"), and not shorter than it
            (CountCodePoints(stem) >= 5 && v.starts_with(stem) && CountCodePoints(v) <= CountCodePoints(stem) + 3 &&
             v_stem == v && shared >= most && shared > CountCodePoints(stem) && !shorter))
            forms.emplace_back(v);
    }
    if (forms.empty()) return {};
    if (forms.size() == 1 && forms[0] == word) return {{word, false}};
    // the translation and the forms held ("arbitraż": "arbitrażu") share a prefix: all of them
    std::string_view common = word;
    for (const std::string& f : forms) common = WholeCodePoints(common, CommonPrefix(common, f));
    if (CountCodePoints(common) < 4 || view.PrefixHitsStopword(common)) return {{forms[0], false}};
    return {{std::string(common), true}};
}
#endif

}  // namespace

namespace {

struct Candidate {
    std::string text;    // the term to add (or its parts joined by " + ")
    const char* source;  // "same word", "dictionary", "cognate", "vocabulary", "vocabulary word", "words nearby", "compound"
    Found found;
    std::vector<std::string> parts;  // a phrase carried word by word: all of these within `within` words
    uint32_t within = 0;
};

// kWordByWord: carrying a phrase word by word (its words' translations near each other, compounds,
// negations, acronyms) is built with the full engine only (PRESSLENS_SUGGEST_FULL, above): it lives on
// dictionary translations, which the page does not load, and its code would not fit the page's
// first-load budget (measured: +6.3 KB gzip, the margin is 2 KB).
// How far apart the words of a phrase carried word by word may stand ("salario mínimo",
// "mínimo de personal en las salas": a few function words between them).
constexpr uint32_t kNearWindow = 5;
// A negated phrase's window: a negation stands before the modal and the auxiliaries it negates, which
// the English phrase need not hold ("não deve estar envolvida no negócio": four words between).
constexpr uint32_t kNegatedWindow = 6;
// A candidate held by a larger share of its language's sentences than this many times the share of
// the term in its own language is another sense ("protect" is not "protesta").
constexpr uint32_t kMaxRateRatio = 4;

// A phrase's longest word carried alone where the source language's articles hold it in at most
// this many times the sentences that hold the phrase.
constexpr size_t kHeadShare = 2;
// An English negation: a phrase holding one ("not develop") means the opposite of its other words.
bool IsNegation(std::string_view w) { return w == "not" || w == "no" || w == "never" || w == "nor" || w == "without"; }

#if PRESSLENS_SUGGEST_FULL  // carried word by word: the command line's (see kWordByWord)
// Languages that write a compound as one word ("Zwangsschlichtung", "loonkloof"): a translation
// is also looked for as a part of the corpus's words.
bool Compounds(std::string_view lang) {
    return lang == "de" || lang == "nl" || lang == "sv" || lang == "da" || lang == "no";
}


// Languages whose noun phrases put the noun first ("consejo de administración", "droits résiduels").
bool NounFirst(std::string_view lang) {
    return lang == "fr" || lang == "es" || lang == "it" || lang == "pt" || lang == "ca" || lang == "ro" || lang == "gl";
}

// Whether a found word (ASCII letters) is written in capitals where it was found first ("IA", not
// "ia"): an acronym, not a word that happens to be spelt alike.
bool InCapitals(const AnalyzedCorpus& ac, const Found& f, std::string_view word) {
    if (!ac.corpus || f.example_article < 0) return false;
    const std::string& text = ac.corpus->articles[static_cast<size_t>(f.example_article)].text;
    std::string upper(word);
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::string_view sentence = std::string_view(text).substr(f.example.begin, f.example.size());
    auto letter = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80); };
    for (size_t at = sentence.find(upper); at != std::string_view::npos; at = sentence.find(upper, at + 1))
        if ((at == 0 || !letter(sentence[at - 1])) &&
            (at + upper.size() == sentence.size() || !letter(sentence[at + upper.size()])))
            return true;
    return false;
}

// The beginnings (six letters or more) that two or more of these words share, the shortest of each
// family, and without a linking "s" when long ("schlichtungsamt", "schlichtungsstelle":
// "schlichtung"): the part that one word gives the compounds a dictionary translates its phrases with.
std::vector<std::string> SharedBeginnings(std::vector<std::string> words) {
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    std::set<std::string> parts;
    for (size_t i = 0; i + 1 < words.size(); ++i) {
        std::string part(WholeCodePoints(words[i], CommonPrefix(words[i], words[i + 1])));
        // a word and its inflection ("vorstandssitzung", "vorstandssitzungen") are one word
        if (CountCodePoints(part) + 3 >= std::min(CountCodePoints(words[i]), CountCodePoints(words[i + 1]))) continue;
        if (part.ends_with('s') && CountCodePoints(part) > 8) part.pop_back();
        if (CountCodePoints(part) >= 6) parts.insert(std::move(part));
    }
    std::vector<std::string> out;  // sorted: a part comes after the shorter parts that begin it
    for (const std::string& p : parts)
        if (std::none_of(out.begin(), out.end(), [&](const std::string& o) { return p.starts_with(o); })) out.push_back(p);
    return out;
}
#endif

// English's closed classes (articles, pronouns, prepositions, conjunctions, auxiliaries, modals,
// quantifiers, negations): stopwords-iso's English list also holds nouns ("face", "fact", "member",
// "group", "part") that a phrase's meaning rests on ("face recognition").
bool EnglishFunctionWord(std::string_view w) {
    // sorted, for a binary search (a std::set here cost the page's first load 2.8 KB gzip)
    static constexpr std::string_view kWords[] = {
        "a", "about", "above", "across", "after", "again", "against", "all", "already", "also", "although",
        "am", "among", "an", "and", "another", "any", "are", "around", "as", "at", "be", "because", "been",
        "before", "being", "below", "between", "beyond", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "done", "down", "during", "each", "either", "enough", "even", "ever", "every",
        "except", "few", "for", "from", "had", "has", "have", "having", "he", "hence", "her", "here", "hers",
        "him", "his", "how", "however", "i", "if", "in", "inside", "into", "is", "it", "its", "just", "least",
        "less", "many", "may", "me", "might", "mine", "more", "most", "much", "must", "my", "neither",
        "never", "no", "nor", "not", "of", "off", "on", "only", "onto", "or", "other", "ought", "our", "ours",
        "out", "outside", "over", "own", "per", "same", "several", "shall", "she", "should", "since", "so",
        "some", "still", "such", "than", "that", "the", "their", "theirs", "them", "then", "there",
        "therefore", "these", "they", "this", "those", "though", "through", "throughout", "thus", "till",
        "to", "too", "toward", "towards", "under", "unless", "until", "up", "upon", "us", "very", "via",
        "was", "we", "were", "what", "whatever", "when", "where", "whereas", "whether", "which", "whichever",
        "while", "who", "whoever", "whom", "whose", "why", "will", "with", "within", "without", "would",
        "yes", "yet", "you", "your", "yours"};
    return std::binary_search(std::begin(kWords), std::end(kWords), w);
}

// A multi-word term's words worth carrying (not stopwords, in English not its closed classes; names
// and numbers count).
std::vector<TermWord> PhraseContentWords(const std::vector<TermWord>& words, const std::string& source) {
    std::vector<TermWord> out;
    for (const TermWord& w : words)
        if (CountCodePoints(w.form) >= 3 && (source == "en" ? !EnglishFunctionWord(w.form) : !IsStopword(w.form, source)))
            out.push_back(w);
    return out;
}

#if PRESSLENS_SUGGEST_FULL  // carried word by word: the command line's (see kWordByWord)
// The single words in `lang` the corpus holds for one source word: the word itself, its
// dictionary translations (widened to the forms held) and its cognates; the most frequent first.
std::vector<TermWord> WordForms(const LanguageView& view, const std::string& lang, const std::string& source,
                                const BilingualDictionary* dict, const TermWord& w, size_t limit) {
    std::vector<std::pair<Found, TermWord>> found;
    std::set<std::string> seen;
    auto add = [&](const std::vector<TermWord>& ws) {
        if (ws.size() != 1 || !seen.insert(ws[0].form + (ws[0].prefix ? "*" : "")).second) return;
        if (IsStopword(ws[0].form, lang) && !ws[0].prefix) return;
        Found f = view.Count(ws);
        if (f.articles > 0) found.push_back({f, ws[0]});
    };
    add({w});
    std::vector<TermWord> cand;
    std::string why;
    if (dict) {
        std::vector<std::string> keys{w.form};
        if (source == "en")
            if (std::string one = EnglishSingular(w); !one.empty()) keys.push_back(std::move(one));
        std::vector<std::string> translations;
        for (const std::string& key : keys)
            for (const std::string& x : dict->Translate(key)) translations.push_back(x);
        // a word without an entry looks up its base ("recognition" -> "recognize": "herkennen")
        if (source == "en" && translations.empty())
            for (const std::string& key : EnglishBases(w))
                for (const std::string& x : dict->Translate(key)) translations.push_back(x);
        if (w.prefix && CountCodePoints(w.form) >= 4)
            for (std::string& x : dict->TranslatePrefix(w.form, 3)) translations.push_back(std::move(x));
        for (const std::string& x : translations)
            if (SplitTerm(x, cand, why) && cand.size() == 1 && IsContentWord(cand[0].form, lang))
                add(Widen(view, lang, cand[0].form));
    }
    if (CountCodePoints(w.form) >= 5) {
        const std::string aw = CognateKey(w.form);
        view.ForEachWord([&](std::string_view v) {
            if (v.size() >= 5 && KeyBegins(aw, v) && Cognate(aw, CognateKey(v)))
                add({{std::string(v), false}});
        });
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const auto& a, const auto& b) { return a.first.sentences > b.first.sentences; });
    std::vector<TermWord> out;
    for (size_t i = 0; i < found.size() && out.size() < limit; ++i) out.push_back(found[i].second);
    return out;
}
// The parts one source word may be inside a compound of `lang` as, beyond the forms the corpus holds
// as words of their own: its dictionary translations (of its base when it has no entry) as the
// stemmer cuts them, five letters or more ("recognition" -> "recognize" -> "herkennen": "herkenn",
// inside "gezichtsherkenningssoftware", which holds no "herkenning" alone).
std::vector<std::string> CompoundParts(const std::string& lang, const std::string& source, const BilingualDictionary* dict,
                                       const TermWord& w) {
    std::vector<std::string> out;
    if (!dict || w.prefix) return out;
    std::vector<std::string> translations = dict->Translate(w.form);
    if (source == "en" && translations.empty())
        for (const std::string& key : EnglishBases(w))
            for (const std::string& x : dict->Translate(key)) translations.push_back(x);
    std::vector<TermWord> cand;
    std::string why;
    for (const std::string& x : translations)
        if (SplitTerm(x, cand, why) && cand.size() == 1 && IsContentWord(cand[0].form, lang)) {
            std::string part = HasStemmer(lang) ? Stem(cand[0].form, lang) : cand[0].form;
            if (CountCodePoints(part) >= 5 && std::find(out.begin(), out.end(), part) == out.end()) out.push_back(std::move(part));
        }
    return out;
}

#endif

// The candidates in `lang` for one term (its words) written in `source`: the shared vocabularies
// for a stance word (which needs no translation: a dictionary's senses of "want" or "demand" are
// mostly other ones, "lack", "sales demand"); the same word when the corpus holds it (names,
// numbers); dictionary translations of the term, widened to the forms the corpus holds; cognates
// of a single word in the corpus. A phrase of several content words is also carried word by word:
// each word's forms (itself, translations, cognates) found together within a few words of one
// sentence, or inside one word (a compound: "Zwangsschlichtung"); and by the translations of its
// longest content word, unless it is negated. At most `per_term` candidates beyond the same word, the
// most frequent first; only what the corpus holds, and not what is far more frequent in `lang` than
// the term is in its own language (`src_view`, when the corpus has it).
std::vector<Candidate> TermCandidates(const LanguageView& view, const std::string& lang, const std::string& source,
                                      const LanguageView* src_view, const BilingualDictionary* dict,
                                      const std::vector<TermWord>& words, const std::vector<std::string>& siblings,
                                      size_t per_term, const std::vector<const BilingualDictionary*>& others = {},
                                      const std::vector<std::vector<std::vector<TermWord>>>& elsewhere = {},
                                      bool vocabularies = true) {
    std::vector<Candidate> out;
    std::vector<TermWord> cand;
    std::string why;
    (void)others;  // (the command line's: below, with the dictionaries)
    // the share of sentences in the source language that hold the term or one of its siblings (the
    // terms it is an alternative to: "AI" for "artificial intelligence"), against which a candidate
    // is weighed: a candidate far more frequent in its language is another sense
    double src_rate = 0;
    // a phrase's longest word alone is weighed against the phrase itself, not the terms beside it
    // ("streaming" for "streaming data" beside "data"): the word alone is a broader term
    double phrase_rate = 0;
    bool head_only = false;
    if (src_view && src_view->sentences() > 0) {
        size_t held = 0;
        for (const std::string& t : siblings)
            if (SplitTerm(t, cand, why)) held += src_view->Count(cand).sentences;
        src_rate = static_cast<double>(std::max<size_t>(held, 1)) / static_cast<double>(src_view->sentences());
#if PRESSLENS_SUGGEST_FULL
        phrase_rate = static_cast<double>(std::max<size_t>(src_view->Count(words).sentences, 1)) /
                      static_cast<double>(src_view->sentences());
#endif
    }
    auto too_common = [&](const Found& f) {
        const double rate = head_only ? phrase_rate : src_rate;
        return rate > 0 && view.sentences() > 0 && f.sentences > 2 &&
               static_cast<double>(f.sentences) / static_cast<double>(view.sentences()) > kMaxRateRatio * rate;
    };
    for (const std::string& v : vocabularies ? VocabulariesOf(words, source) : std::vector<std::string>())
        if (const Vocabulary* voc = FindVocabulary(v); voc && !voc->TermsFor(lang).empty()) {
            // (weighed by its words that are not the language's function words: a modal it lists,
            // "moet", "soll", "should", says a demand only beside the rule's other parts, and would
            // make it as frequent as the language's commonest words)
            // (English by its closed classes: stopwords-iso's English list also holds "end")
            auto function_word = [&](const std::vector<TermWord>& t, const std::string& l) {
                return t.size() == 1 && !t[0].prefix && (l == "en" ? EnglishFunctionWord(t[0].form) : IsStopword(t[0].form, l));
            };
            Found f;
            for (std::string_view t : voc->TermsFor(lang))
                if (SplitTerm(t, cand, why) && !function_word(cand, lang)) {
                    Found one = view.Count(cand);
                    f.sentences += one.sentences;
                    f.articles = std::max(f.articles, one.articles);
                    if (f.example_article < 0) {
                        f.example_article = one.example_article;
                        f.example = one.example;
                    }
                }
            // a vocabulary that in the rule's own language holds over twice the sentences its term and
            // the terms beside it hold is broader than what the rule means ("war", "weapon*": @military
            // is also the army, the Pentagon, soldiers; "refus*": @oppose is every protest)
            size_t in_source = 0;
            double base = src_rate * static_cast<double>(src_view ? src_view->sentences() : 0);
#if PRESSLENS_SUGGEST_FULL
            // its words in the rule's own language, split once
            std::vector<std::vector<TermWord>> in_words;
            for (std::string_view t : voc->TermsFor(source))
                if (SplitTerm(t, cand, why)) in_words.push_back(cand);
            if (src_view)
                for (const std::vector<TermWord>& t : in_words)
                    if (!function_word(t, source)) in_source += src_view->Count(t).sentences;
#else  // (the same count, in fewer bytes of the page's first load)
            if (src_view)
                for (std::string_view t : voc->TermsFor(source))
                    if (SplitTerm(t, cand, why) && !function_word(cand, source)) in_source += src_view->Count(cand).sentences;
#endif
#if PRESSLENS_SUGGEST_FULL
            // whether it holds a term (VocabularyHolds, one of its words)
            auto holds = [&](const std::vector<TermWord>& e, bool both_ways) {
                return std::any_of(in_words.begin(), in_words.end(),
                                   [&](const std::vector<TermWord>& vw) { return VocabularyHolds(vw, e, both_ways); });
            };
            // weighed against the terms beside it that it holds itself, not every alternative of the part
            // ("refus*" beside "stop*", "ask*", "demand*": @oppose holds only "refus*")
            if (src_view) {
                size_t own = 0;
                for (const std::string& t : siblings)
                    if (SplitTerm(t, cand, why) && holds(cand, false)) own += src_view->Count(cand).sentences;
                base = static_cast<double>(own);
            }
#endif
            // (the vocabulary's own name is never broader than itself: "demand*" is @demand)
            const bool named = words.size() == 1 && (words[0].prefix ? voc->id.starts_with(words[0].form) : voc->id == words[0].form);
            bool broader = !named && src_view && src_view->sentences() > 0 &&
                           static_cast<double>(in_source) > kVocabularyBreadth * std::max(1.0, base);
#if PRESSLENS_SUGGEST_FULL
            // a vocabulary that holds more of the terms of a part of another kind (`elsewhere`: one that
            // shares no term with the term's part) than of its own part's joins what the codebook tells
            // apart: "ICE" is not carried by @police where "police", "law enforcement" and "cops" are
            // another part's terms
            auto held = [&](const std::vector<std::vector<TermWord>>& part) {
                return static_cast<size_t>(std::count_if(part.begin(), part.end(), [&](const auto& e) { return holds(e, true); }));
            };
            if (!elsewhere.empty()) {
                const size_t mine = held(elsewhere.front());
                broader = broader || std::any_of(elsewhere.begin() + 1, elsewhere.end(), [&](const auto& q) { return held(q) > mine; });
            }
#endif
            if (!too_common(f) && !broader) out.push_back({v, "vocabulary", f});
        }
    const bool by_vocabulary = !out.empty();
    const bool all_stop = std::all_of(words.begin(), words.end(), [&](const TermWord& w) {
        return IsStopword(w.form, lang) || CountCodePoints(w.form) < 3;
    });
    if (!all_stop && !by_vocabulary) {
        Found f = view.Count(words);
        if (f.articles > 0) out.push_back({Written(words), "same word", f});
    }
    std::vector<Candidate> pool;
    std::set<std::string> seen{Written(words)};
    // beside a vocabulary, only what its own words do not match already ("policía" beside @police)
    std::vector<std::vector<TermWord>> listed;
    for (const Candidate& c : out)
        if (const Vocabulary* v = IsVocabularyReference(c.text) ? FindVocabulary(c.text) : nullptr)
            for (std::string_view t : v->TermsFor(lang))
                if (SplitTerm(t, cand, why)) listed.push_back(cand);
    auto offer = [&](const std::vector<TermWord>& ws, const char* src) {
        if (ws.empty()) return;
        std::string w = Written(ws);
        std::vector<TermWord> check;
        std::string bad;
        if (!SplitTerm(w, check, bad) || !seen.insert(w).second) return;
        for (const std::vector<TermWord>& l : listed)
            if (l.size() == ws.size() && std::equal(l.begin(), l.end(), ws.begin(), [](const TermWord& a, const TermWord& b) {
                    return (a.prefix ? b.form.starts_with(a.form) : b.form == a.form) && (!b.prefix || a.prefix);
                }))
                return;
        Found f = view.Count(ws);
        if (f.articles > 0 && !too_common(f)) pool.push_back({w, src, f});
    };
#if PRESSLENS_SUGGEST_FULL  // carried word by word: the command line's (see kWordByWord)
    // a translation as a part of the corpus's compounds ("Schlichtung": "Schlichtungsverfahren",
    // "Zwangsschlichtung"): the word as a prefix, and the words it ends
    auto offer_compounds = [&](const std::string& x, const char* src) {
        if (CountCodePoints(x) < 6) return;  // shorter parts are as often parts of other words
        bool modifier = false;
        std::set<std::string> begun;  // the compounds up to the part
        view.ForEachWord([&](std::string_view v) {
            if (v.size() < x.size() + 3) return;
            const size_t at = v.find(x);
            if (at == 0) modifier = true;
            // the compound up to the part, with what may follow it ("zwangsschlichtung*":
            // Zwangsschlichtung, Zwangsschlichtungen, Zwangsschlichtungsverfahrens)
            else if (at != std::string_view::npos && at >= 3)
                begun.emplace(v.substr(0, at + x.size()));
        });
        for (const std::string& b : begun) offer({{b, true}}, src);  // the pool drops those a shorter covers
        if (modifier) offer({{x, true}}, src);
    };
#endif
    const std::vector<TermWord> content = words.size() > 1 ? PhraseContentWords(words, source) : words;
    const bool negated = source == "en" && std::any_of(words.begin(), words.end(), [](const TermWord& w) {
                             return !w.prefix && IsNegation(w.form);
                         });
#if PRESSLENS_SUGGEST_FULL  // the page loads no dictionaries (ui/model.cpp): translations are the command line's
    std::vector<std::string> looked_up{TermKeyWords(words)};  // the English words looked up for the term
    if (by_vocabulary && source == "en" && words.size() == 1) {  // (what the term stands for, below)
        if (std::string one = EnglishSingular(words[0]); !one.empty()) looked_up.push_back(std::move(one));
        for (std::string& base : EnglishBases(words[0])) looked_up.push_back(std::move(base));
    }
    if (dict && !by_vocabulary) {
        std::vector<std::string> keys{TermKeyWords(words)};
        // an English plural looks up its singular too ("workers" -> "worker", "policies" -> "policy")
        if (source == "en" && words.size() == 1)
            if (std::string one = EnglishSingular(words[0]); !one.empty()) keys.push_back(std::move(one));
        // an -ing or -ed form without an entry of its own looks up its base ("staffing" -> "staff")
        if (source == "en" && words.size() == 1 && dict->Translate(keys[0]).empty())
            for (std::string& base : EnglishBases(words[0])) keys.push_back(std::move(base));
        // a phrase's longest content word alone ("diversity" for "chief diversity officer"), weighed
        // like every candidate against the term's rate; a negated phrase ("not develop") is not
        // carried by its other words
        if (words.size() > 1 && !negated) {
            const TermWord* head = nullptr;
            for (const TermWord& w : content)
                if (IsContentWord(w.form, source) && (!head || CountCodePoints(w.form) > CountCodePoints(head->form)))
                    head = &w;
            // a phrase that names something ("project maven") is not carried by its common word alone:
            // where the language writes its other word as it is, the words nearby below carry it
            // ("projet" near "Maven"); "projet" alone is every project
            const bool named = head && std::any_of(content.begin(), content.end(), [&](const TermWord& w) {
                return &w != head && !IsStopword(w.form, lang) && view.Count({w}).articles > 0;
            });
            // nor by a word that mostly stands without the phrase in the source language's own
            // articles ("writers" of "writers room" in a story about writers); "diversity" of "chief
            // diversity officer" mostly stands in it
            const bool broader = head && src_view && src_view->Count({*head}).sentences > kHeadShare * src_view->Count(words).sentences;
            if (head && !named && !broader) keys.push_back(head->form);
        }
        looked_up = keys;
        std::vector<std::string> translations;
        for (const std::string& key : keys)
            for (const std::string& x : dict->Translate(key)) translations.push_back(x);
        std::set<std::string> head_translations;  // of the head word only, not of the whole term
        if (words.size() > 1 && !negated && keys.size() > 1)
            for (const std::string& x : dict->Translate(keys.back())) head_translations.insert(x);
        for (const std::string& key : keys)
            if (key != keys.back())
                for (const std::string& x : dict->Translate(key)) head_translations.erase(x);
        // a prefix term looks up the entries it stands for: the word and its inflections, not every
        // word that happens to start alike ("shar*": share, sharing; not sharp, shark)
        if (words.size() == 1 && words[0].prefix && CountCodePoints(words[0].form) >= 4) {
            // the source language's words of the corpus it matches, when the corpus has that language
            bool held = false;
            if (src_view)
                src_view->ForEachWord([&](std::string_view v) {
                    if (!v.starts_with(words[0].form)) return;
                    held = true;
                    keys.emplace_back(v);  // the words it stands for, for the phrase entries below
                    for (const std::string& x : dict->Translate(v)) translations.push_back(x);
                    if (std::string one = EnglishSingular({std::string(v), false}); source == "en" && !one.empty())
                        for (const std::string& x : dict->Translate(one)) translations.push_back(x);
                });
            if (!held)
                for (std::string& x : dict->TranslatePrefix(words[0].form, 3)) translations.push_back(std::move(x));
        }
        // a function word the rule holds as a term ("never") is carried by the language's function
        // words that translate it ("nie", "nooit", "nunca", "mai"), weighed like every candidate
        // against the term's rate ("non", not, is far more frequent than "never")
        const bool function_term = words.size() == 1 && !words[0].prefix && !IsContentWord(words[0].form, source) &&
                                   CountCodePoints(words[0].form) >= 3;
        // a translation the dictionary also gives for a term of another kind of part (`elsewhere`) does
        // not tell the parts apart: "kündigen" is "cancel" and also "quit", a resignation's word
        auto elsewhere_word = [&](const std::string& x) {
            if (elsewhere.size() < 2 || x.find(' ') != std::string::npos) return false;
            for (const std::string& e : dict->Back(x))
                for (size_t q = 1; q < elsewhere.size(); ++q)
                    for (const std::vector<TermWord>& t : elsewhere[q])
                        if (t.size() == 1 && WordMatches(e, t[0])) return true;
            return false;
        };
        for (const std::string& x : translations) {
            if (!SplitTerm(x, cand, why) || cand.size() > 3 || elsewhere_word(x)) continue;
            head_only = head_translations.count(x) > 0;
            if (cand.size() == 1) {
                if (function_term && IsStopword(cand[0].form, lang) && CountCodePoints(cand[0].form) >= 3) {
                    offer(cand, "dictionary");
                    continue;
                }
                if (!IsContentWord(cand[0].form, lang)) continue;
                offer(Widen(view, lang, cand[0].form), "dictionary");
#if PRESSLENS_SUGGEST_FULL
                if (Compounds(lang) && words.size() == 1) offer_compounds(cand[0].form, "compound");
#endif
            } else {
                offer(cand, "dictionary");
            }
        }
        head_only = false;
        // A word whose own translations the corpus does not hold: its senses in the dictionary's
        // phrase entries that hold it ("board of directors", "executive board": "Vorstand"), those
        // translations the corpus holds that two phrases or more give (one phrase's translation is
        // that phrase's sense: "severance pay", "pay attention"); in a language that writes
        // compounds as one word, also the beginning that the translations of the phrases it begins
        // share ("arbitration board", "arbitration process": "Schlichtungsstelle",
        // "Schlichtungsverfahren": "schlichtung"), as a part of the corpus's words.
        if (words.size() == 1 && pool.empty()) {
            std::map<std::string, std::set<std::string>> phrases_of;  // a translation -> the phrases giving it
            std::map<std::string, std::vector<TermWord>> written;
            std::vector<std::string> begun;  // one-word translations of the phrases the word begins
            std::map<std::string, std::vector<TermWord>> widened;  // heads repeat across phrases
            auto widen = [&](const std::string& w) -> const std::vector<TermWord>& {
                auto it = widened.find(w);
                if (it == widened.end()) it = widened.emplace(w, Widen(view, lang, w)).first;
                return it->second;
            };
            // a phrase whose translation holds one of the word's own translations ("employment
            // contract": "umowa o pracę", where "umowa" is "contract") gives the word no other sense:
            // its other words are the other English words' ("pracę" is "employment")
            auto own_translation = [&](const std::string& key, const std::vector<TermWord>& ws) {
                return std::any_of(ws.begin(), ws.end(), [&](const TermWord& w) {
                    return std::any_of(dict->Translate(key).begin(), dict->Translate(key).end(), [&](const std::string& x) {
                        const size_t common = CommonPrefix(w.form, x);
                        return common >= 4 && common + 2 >= std::min(w.form.size(), x.size());
                    });
                });
            };
            for (const std::string& key : keys)
                for (const BilingualDictionary::PhraseEntry& e : dict->Phrases(key)) {
                    if (!SplitTerm(e.translation, cand, why) || cand.size() > 3) continue;
                    if (cand.size() > 1 && own_translation(key, cand)) continue;
                    auto held = [&](const std::vector<TermWord>& ws) {
                        if (ws.empty()) return;
                        phrases_of[Written(ws)].insert(e.english);  // singular: a plural is the same phrase
                        written[Written(ws)] = ws;
                    };
                    if (cand.size() == 1 && !IsContentWord(cand[0].form, lang)) continue;
                    held(cand.size() > 1 ? cand : widen(cand[0].form));
                    // a translation's head: its first content word where the noun comes first
                    // ("consejo" of "consejo de administración" and "consejo consultivo"), else its last
                    // ("Übergriff" of "sexueller Übergriff", not "sexuell")
                    if (cand.size() > 1) {
                        const TermWord* head = nullptr;
                        for (const TermWord& w : cand)
                            if (IsContentWord(w.form, lang) && (!head || !NounFirst(lang))) head = &w;
                        if (head) held(widen(head->form));
                    }
                    if (cand.size() == 1 && e.english.starts_with(key + " ")) begun.push_back(cand[0].form);
                }
            // or one phrase the source language's articles hold themselves: the story's sense of the word
            // ("board of directors" in the English reports: "diretoria")
            std::map<std::string, bool> told;
            auto story_holds = [&](const std::string& english) {
                auto it = told.find(english);
                if (it != told.end()) return it->second;
                std::vector<TermWord> ws;
                bool held = false;
                if (src_view && SplitTerm(english, ws, why)) {
                    for (TermWord& w : ws) w.prefix = CountCodePoints(w.form) >= 4;  // its plural too
                    held = src_view->Count(ws).articles > 0;
                }
                return told[english] = held;
            };
            for (const auto& [w, phrases] : phrases_of)
                if (phrases.size() >= 2 || std::any_of(phrases.begin(), phrases.end(), story_holds))
                    offer(written[w], "dictionary phrase");
            if (Compounds(lang))
                for (const std::string& part : SharedBeginnings(begun)) {
                    offer(Widen(view, lang, part), "dictionary phrase");  // the part as a word ("Vorstand")
                    offer_compounds(part, "dictionary phrase");
                }
        }
        // An acronym beside the phrase it abbreviates ("AI" beside "artificial intelligence"): the
        // initials of its words' translations in the order the language puts them ("IA" where the noun
        // comes first, "KI"), where the corpus writes them in capitals; unlike CarryAcronyms below it
        // needs no place where the phrase is spelt out in that language.
        const bool short_word = words.size() == 1 && !words[0].prefix && words[0].form.size() >= 2 &&
                                words[0].form.size() <= 4 &&
                                std::all_of(words[0].form.begin(), words[0].form.end(), [](char c) { return c >= 'a' && c <= 'z'; });
        for (const std::string& sibling : siblings) {
            if (!short_word || !SplitTerm(sibling, cand, why) || cand.size() != words[0].form.size()) continue;
            std::string initials;
            for (const TermWord& w : cand) initials += w.form.substr(0, 1);
            if (initials != words[0].form) continue;
            std::vector<std::string> letters;  // per word: its own first letter and its translations'
            for (const TermWord& w : cand) {
                std::string l = w.form.substr(0, 1);
                for (const std::string& x : dict->Translate(w.form))
                    if (!x.empty() && x[0] >= 'a' && x[0] <= 'z' && l.find(x[0]) == std::string::npos) l += x[0];
                letters.push_back(std::move(l));
            }
            if (NounFirst(lang) && letters.size() == 2) std::swap(letters[0], letters[1]);
            std::vector<std::string> acronyms{""};
            for (const std::string& l : letters) {
                std::vector<std::string> longer;
                for (const std::string& a : acronyms)
                    for (char c : l) longer.push_back(a + c);
                acronyms.swap(longer);
            }
            for (const std::string& a : acronyms) {
                if (a == words[0].form || IsStopword(a, lang)) continue;
                if (InCapitals(view.corpus(), view.Count({{a, false}}), a)) offer({{a, false}}, "acronym");
            }
        }
    }
#endif
    // A cognate that is another word. Spelt like the term, it is nearer in spelling to another English
    // word: one of the corpus's English articles that the term does not stand for, or one the
    // dictionary, read backwards, gives for it ("protesta" is "protest", not "protect*"; "público" is
    // "public", not "publicize"); a small table's other senses alone do not make it one ("accesso",
    // "militaire"); within a prefix term's letters, it is spelt like one of the English words the term
    // stands for. Carried through other languages' translations (`through`), it is one when the
    // dictionary knows it only as English words that are neither the term's nor its own cognates, nor
    // a form of the term's own translations ("attendre", wait, for "pay" through Italian "attendere";
    // "rémunération" stays: "remuneration"); one spelt like the term as well is weighed as above.
#if PRESSLENS_SUGGEST_FULL  // (the page's first load has no room for it: the worker's answer, which has it,
           // takes the page's own cognates out where it refuses them, ui/model.cpp)
    // the corpus's English words that begin as the term: each one's word, cognate key and whether the
    // term stands for it, listed once per term
    struct English {
        std::string_view word;
        std::string key;
        bool own;
    };
    std::vector<English> english_alike;
    bool english_listed = false;
    auto stands_for = [&](std::string_view e) {
        if (words.size() != 1) return false;
        const TermWord& t = words[0];
        if (t.prefix ? e.starts_with(t.form) : e == t.form) return true;
        if (std::find(looked_up.begin(), looked_up.end(), e) != looked_up.end()) return true;
        const std::string one = EnglishSingular({std::string(e), false});
        return !one.empty() && (one == t.form || std::find(looked_up.begin(), looked_up.end(), one) != looked_up.end());
    };
    auto false_friend = [&](std::string_view v, bool through) {
        if (words.size() != 1) return false;
        const std::string kv = CognateKey(v);
        const std::vector<std::string>& back = dict ? dict->Back(v) : kNone;
        // spelt like the term too ("protesta" through Italian "protezione" for "protect*"): as above
        if (through && CountCodePoints(words[0].form) >= 5 && Cognate(CognateKey(words[0].form), kv)) through = false;
        if (!through) {
            if (src_view && source == "en" && !english_listed) {
                const std::string head = CognateKey(words[0].form, 3);
                src_view->ForEachWord([&](std::string_view e) {
                    if (e.size() >= 4 && KeyBegins(head, e)) english_alike.push_back({e, CognateKey(e), stands_for(e)});
                });
                english_listed = true;
            }
            // a prefix term is a beginning the words must have: a word spelt otherwise within it is a
            // cognate of one of the English words it stands for or of none ("salas", rooms, is not
            // "salary", "salaries", though one letter from "salar*")
            const std::string key_form = CognateKey(words[0].form);
            if (words[0].prefix && !kv.starts_with(key_form)) {
                bool any = false, cognate = false;
                for (const English& e : english_alike)
                    if (e.own) {
                        any = true;
                        cognate = cognate || Cognate(e.key, kv);
                    }
                if (any && !cognate) return true;
            }
            // how near the term comes: its own spelling, or an English word it stands for
            size_t own = EditDistance(key_form, kv, kv.size() + 8);
            for (const English& e : english_alike)
                if (e.own) own = std::min(own, EditDistance(e.key, kv, own));
            if (own == 0) return false;
            auto nearer = [&](std::string_view e, const std::string& key, bool e_own) {
                return e != v && !e_own && EditDistance(key, kv, own - 1) < own;
            };
            return std::any_of(english_alike.begin(), english_alike.end(),
                               [&](const English& e) { return nearer(e.word, e.key, e.own); }) ||
                   std::any_of(back.begin(), back.end(),
                               [&](const std::string& e) { return nearer(e, CognateKey(e), stands_for(e)); });
        }
        if (back.empty()) return false;
        for (const std::string& e : back)
            if (stands_for(e) || Cognate(CognateKey(e), kv)) return false;
        for (const std::string& k : looked_up)
            for (const std::string& x : dict->Translate(k))
                if (CommonPrefix(x, v) + 2 >= std::min(x.size(), v.size()) || Cognate(CognateKey(x), kv)) return false;
        return true;
    };
#else
    auto false_friend = [](std::string_view, bool) { return false; };
#endif
    if (words.size() == 1) {  // cognates of a single word; a phrase's words are carried together below
        const TermWord& w = words[0];
        if (CountCodePoints(w.form) >= 5 && !IsStopword(w.form, source)) {
            const std::string aw = CognateKey(w.form);
            std::vector<std::string> forms;
            view.ForEachWord([&](std::string_view v) {
                if (v == w.form || v.size() < 5 || !KeyBegins(aw, v)) return;
                if (Cognate(aw, CognateKey(v)) && !false_friend(v, false)) forms.emplace_back(v);
            });
            // several forms: the beginning they share, unless it is the English word cut short ("contra*"
            // of "contrato", "contrario" for "contract*" would match "contra"): then one by one
            if (!forms.empty()) {
                std::sort(forms.begin(), forms.end());
                std::string_view common = forms[0];
                for (const std::string& f : forms) common = WholeCodePoints(common, CommonPrefix(common, f));
                if (forms.size() == 1) offer({{forms[0], false}}, "cognate");
                else if (CountCodePoints(common) >= 5 && !view.PrefixHitsStopword(common) &&
                         !(common.size() + 2 <= aw.size() && aw.starts_with(common)))
                    offer({{std::string(common), true}}, "cognate");
                else
                    for (const std::string& f : forms) offer({{f, false}}, "cognate");
            }
        }
    }
#if PRESSLENS_SUGGEST_FULL
    else if (!by_vocabulary && ((content.size() >= 2 && content.size() <= 3 && !negated) ||
               (negated && dict && !content.empty() && content.size() <= 2))) {
        // a phrase carried word by word: each content word's forms, found together; a negated
        // phrase with its negation ("not be in the business": "no ... negocio", "nicht am Geschäft")
        std::vector<std::vector<TermWord>> forms;
        if (negated) {
            std::vector<TermWord> negations;
            for (const TermWord& w : words)
                if (!w.prefix && IsNegation(w.form))
                    for (const std::string& x : dict->Translate(w.form))
                        if (SplitTerm(x, cand, why) && cand.size() == 1 && view.Count(cand).articles > 0 &&
                            std::none_of(negations.begin(), negations.end(), [&](const TermWord& n) { return n.form == cand[0].form; }))
                            negations.push_back(cand[0]);
            forms.push_back(std::move(negations));
        }
        for (const TermWord& w : content) forms.push_back(WordForms(view, lang, source, dict, w, 3));
        // inside one word: a compound holding a form of every content word, or in a language that
        // writes compounds as one word, a translation the corpus holds only inside them
        // (not negated: forms[i] are content[i]'s)
        std::vector<std::vector<std::string>> inside(negated ? 0 : forms.size());
        for (size_t i = 0; i < inside.size(); ++i) {
            for (const TermWord& f : forms[i])
                if (CountCodePoints(f.form) >= 4) inside[i].push_back(f.form);
            if (Compounds(lang))
                for (std::string& p : CompoundParts(lang, source, dict, content[i])) inside[i].push_back(std::move(p));
        }
        if (!inside.empty() && std::none_of(inside.begin(), inside.end(), [](const auto& f) { return f.empty(); }))
            view.ForEachWord([&](std::string_view v) {
                size_t total = 0;
                for (const auto& fs : inside) {
                    const std::string* in = nullptr;
                    for (const std::string& f : fs)
                        if (v != f && v.find(f) != std::string_view::npos) in = &f;
                    if (!in) return;
                    total += in->size();
                }
                if (v.size() >= total) offer({{std::string(v), false}}, "compound");
            });
        if (std::none_of(forms.begin(), forms.end(), [](const auto& f) { return f.empty(); })) {
            // within a few words of one sentence: every combination of the words' forms
            std::vector<size_t> at(forms.size(), 0);
            for (;;) {
                std::vector<TermWord> parts;
                for (size_t i = 0; i < forms.size(); ++i) parts.push_back(forms[i][at[i]]);
                Candidate c;
                for (const TermWord& p : parts) {
                    c.parts.push_back(Written({p}));
                    c.text += (c.text.empty() ? "" : " + ") + c.parts.back();
                }
                c.source = "words nearby";
                c.within = negated ? kNegatedWindow : kNearWindow;
                // the same words as the term itself, in another order or with words between
                const bool same = !negated && std::equal(parts.begin(), parts.end(), content.begin(), content.end(),
                                             [](const TermWord& a, const TermWord& b) { return a.form == b.form; });
                c.found = view.CountNear(parts, c.within);
                if (!same && c.found.articles > 0 && !too_common(c.found) && seen.insert(c.text).second)
                    pool.push_back(std::move(c));
                size_t i = 0;
                while (i < at.size() && ++at[i] == forms[i].size()) at[i++] = 0;
                if (i == at.size()) break;
            }
        }
    }
    // A phrase nothing above carries (its words' forms are not all found): carried by a content word
    // that, in the source language's articles, stands almost only in the phrase (at most kHeadShare
    // times its sentences: "facial" of "facial recognition"), by that word's cognates in this
    // language ("faciale", "facciale"), weighed like the phrase's longest word against the phrase
    if (!by_vocabulary && pool.empty() && words.size() > 1 && !negated && src_view && content.size() >= 2) {
        const size_t phrase_sentences = src_view->Count(words).sentences;
        for (const TermWord& w : content) {
            // its forms counted ("employee*": "employees" stand without "employee representative"); a
            // word the part holds as a term of its own is carried as that term
            if (phrase_sentences == 0 || w.prefix || CountCodePoints(w.form) < 5 || IsStopword(w.form, source) ||
                src_view->Count({{w.form, true}}).sentences > kHeadShare * phrase_sentences ||
                std::any_of(siblings.begin(), siblings.end(), [&](const std::string& t) {
                    std::vector<TermWord> tw;
                    return SplitTerm(t, tw, why) && tw.size() == 1 && WordMatches(w.form, tw[0]);
                }))
                continue;
            // nor a phrase naming something whose other word this language writes as it is ("projekt"
            // alone is not "project maven": the words nearby carry it, "Projekt" near "Maven")
            if (std::any_of(content.begin(), content.end(), [&](const TermWord& o) {
                    return &o != &w && !IsStopword(o.form, lang) && view.Count({o}).articles > 0;
                }))
                continue;
            // (read as a single word's cognates are above, without the false-friend check; one helper for
            // both cost the page's first load 128 bytes gzip)
            const std::string aw = CognateKey(w.form);
            std::vector<std::string> forms;
            view.ForEachWord([&](std::string_view v) {
                if (v != w.form && v.size() >= 5 && KeyBegins(aw, v) && Cognate(aw, CognateKey(v))) forms.emplace_back(v);
            });
            head_only = true;
            for (const std::string& f : forms) offer({{f, false}}, "cognate");
            head_only = false;
        }
    }
    // A word that neither this language's dictionary nor its spelling carries: the cognates in this
    // language of its translations into the corpus's other languages, where two of them agree
    // ("compensation": Spanish "remuneración" and Portuguese "remuneração" ~ French "rémunération",
    // which the small French table lacks).
    if (!by_vocabulary && words.size() == 1 && pool.empty() && !others.empty() && source == "en") {
        std::set<std::string> keys(looked_up.begin(), looked_up.end());
        if (std::string one = EnglishSingular(words[0]); !one.empty()) keys.insert(one);
        if (words[0].prefix && src_view && CountCodePoints(words[0].form) >= 4)
            src_view->ForEachWord([&](std::string_view v) {
                if (v.starts_with(words[0].form)) keys.emplace(v);
            });
        std::map<std::string, std::set<std::string>> via;  // the other languages' translations -> those languages
        for (const BilingualDictionary* other : others)
            for (const std::string& key : keys)
                for (const std::string& x : other->Translate(key))
                    if (x.find(' ') == std::string::npos && CountCodePoints(x) >= 5 && !IsStopword(x, other->lang()))
                        via[x].insert(other->lang());
        std::map<std::string, std::set<std::string>> agreeing;  // a word of this language -> the languages it is a cognate in
        std::vector<uint32_t> at;
        for (const auto& [x, from] : via) {
            const std::string ax = CognateKey(x);
            at.clear();
            view.WordsStarting(std::string_view(x).substr(0, 1), at);
            for (uint32_t i : at) {
                std::string_view v = view.Words()[i];
                if (v.size() >= 5 && KeyBegins(ax, v) && Cognate(ax, CognateKey(v))) agreeing[std::string(v)].insert(from.begin(), from.end());
            }
        }
        // two languages' translations agree: one table's odd sense ("pay": "attendre") is not taken
        for (const auto& [v, from] : agreeing)
            if (from.size() >= 2 && !IsStopword(v, lang) && !false_friend(v, true)) offer({{v, false}}, "cognate of a translation");
    }
#endif
    // a word, or a prefix, that a prefix candidate already matches adds nothing ("mitarbeiterin*"
    // beside "mitarbeiter*", "schlichtungsverfahren" beside "schlichtung*")
    auto single = [](const Candidate& c) { return c.parts.empty() && c.text.find(' ') == std::string::npos; };
    std::vector<std::string_view> prefixes;
    for (const Candidate& c : pool)
        if (single(c) && c.text.ends_with('*')) prefixes.push_back(c.text);
    std::erase_if(pool, [&](const Candidate& c) {
        return single(c) && std::any_of(prefixes.begin(), prefixes.end(), [&](std::string_view p) { return PrefixCovers(p, c.text); });
    });
    std::stable_sort(pool.begin(), pool.end(), [](const Candidate& a, const Candidate& b) {
        return a.found.articles != b.found.articles ? a.found.articles > b.found.articles
                                                    : a.found.sentences > b.found.sentences;
    });
    if (pool.size() > per_term) pool.resize(per_term);
    for (Candidate& c : pool) out.push_back(std::move(c));
    return out;
}

}  // namespace

namespace {

// A term in several shared vocabularies ("troop*": @military and @police) keeps the ones that more of its
// rule's terms are carried by (suggestions from `first` on are one rule's in one language): the
// sense the rule means.
void KeepRuleSenses(std::vector<Suggestion>& out, size_t first) {
    auto vocabulary = [&](size_t i) { return out[i].source == std::string_view("vocabulary"); };
    // how many of the rule's terms a vocabulary carries (a rule's suggestions are a few dozen)
    auto carried = [&](const std::string& v) {
        size_t n = 0;
        for (size_t i = first; i < out.size(); ++i)
            n += vocabulary(i) && out[i].suggestion == v;
        return n;
    };
    std::vector<bool> drop(out.size());
    for (size_t i = first; i < out.size(); ++i) {
        if (!vocabulary(i)) continue;
        size_t most = 0, senses = 0;
        for (size_t j = first; j < out.size(); ++j)
            if (vocabulary(j) && out[j].term == out[i].term) {
                most = std::max(most, carried(out[j].suggestion));
                ++senses;
            }
        drop[i] = senses > 1 && most > 1 && carried(out[i].suggestion) < most;
    }
    size_t kept = first;
    for (size_t i = first; i < out.size(); ++i)
        if (!drop[i]) {
            if (kept != i) out[kept] = std::move(out[i]);
            ++kept;
        }
    out.resize(kept);
}

}  // namespace

#if PRESSLENS_SUGGEST_FULL  // carried word by word: the command line's (see kWordByWord)
namespace {

// A term written in capitals ("AI", "CEO"): an acronym.
bool IsAcronym(std::string_view term) {
    return term.size() >= 2 && term.size() <= 5 &&
           std::all_of(term.begin(), term.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
}

// An acronym beside the phrase it abbreviates ("AI" beside "artificial intelligence") is carried as
// the initials of that phrase's carried words where they stand together in the corpus
// ("inteligencia artificial": "IA", "künstliche Intelligenz": "KI"), when the corpus holds them as
// a word. Suggestions from `first` on are this rule's in `lang`.
void CarryAcronyms(const LanguageView& view, const std::string& lang, const std::vector<const Condition*>& terms,
                   std::map<std::string, std::vector<std::string>>& siblings, size_t first, std::vector<Suggestion>& out) {
    std::vector<TermWord> words;
    std::string why;
    std::vector<Suggestion> found;
    for (const Condition* t : terms) {
        if (!IsAcronym(t->term)) continue;
        const std::string acronym = FoldPhrase(t->term);
        for (const std::string& phrase : siblings[t->term]) {
            if (!SplitTerm(phrase, words, why) || words.size() != acronym.size()) continue;
            std::string initials;
            for (const TermWord& w : words) initials += w.form.substr(0, 1);
            if (initials != acronym) continue;
            for (size_t i = first; i < out.size(); ++i) {
                const Suggestion& s = out[i];
                if (s.term != phrase) continue;
                std::vector<TermWord> parts;
                if (s.parts.empty()) {
                    if (!SplitTerm(s.suggestion, parts, why)) continue;
                } else {
                    for (const std::string& p : s.parts)
                        if (SplitTerm(p, words, why) && words.size() == 1) parts.push_back(words[0]);
                }
                if (parts.size() != acronym.size()) continue;
                for (const std::string& ini : view.Initials(parts)) {
                    if (ini == acronym || IsStopword(ini, lang)) continue;  // the same letters are the same word
                    Found f = view.Count({{ini, false}});
                    auto same = [&](const Suggestion& x) { return x.term == t->term && x.suggestion == ini; };
                    if (f.articles == 0 || std::any_of(found.begin(), found.end(), same) ||
                        std::any_of(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(), same))
                        continue;
                    Suggestion a = s;
                    a.term = t->term;
                    a.suggestion = ini;
                    a.parts.clear();
                    a.within = 0;
                    a.source = "acronym";
                    SetFound(a, f);
                    found.push_back(std::move(a));
                }
            }
        }
    }
    for (Suggestion& a : found) out.push_back(std::move(a));
}

}  // namespace
#endif

#if PRESSLENS_SUGGEST_FULL  // parallel sentences: with the dictionaries (see kWordByWord)
namespace {

// [SECTION] Parallel sentences
// A claim's evidence sentences in its own language carry anchors: names, numbers, acronyms, the
// words that are written alike in every language. A sentence of another language sharing anchors
// with one of them is likely the same report ("parallel"). Where such a sentence holds every part
// of the carried rule but one, the words distinctive of those sentences (held mostly by them,
// against the rest of that language's sentences) are candidates for the missing part.

// A sentence's words as the matcher sees them: each token, a token holding hyphens or apostrophes
// by its parts ("all'arbitrato": "all", "arbitrato"), then the whole token.
std::vector<std::string_view> SentenceWords(const AnalyzedCorpus& ac, const AnalyzedArticle& aa, size_t si) {
    std::vector<std::string_view> out;
    for (uint32_t k = aa.sentence_terms[si]; k < aa.sentence_terms[si + 1]; ++k) {
        std::string_view t = ac.terms.Text(aa.terms[k]);
        std::vector<std::string_view> parts;
        size_t from = 0;
        for (size_t i = 0; i <= t.size();) {
            size_t cut = 0;
            if (i == t.size()) cut = 1;
            else if (t[i] == '-' || t[i] == '\'') cut = 1;
            else if (t.substr(i).starts_with("\u2019")) cut = 3;
            if (!cut) { ++i; continue; }
            if (i > from) parts.push_back(t.substr(from, i - from));
            i += cut;
            from = i;
        }
        if (parts.size() > 1) out.insert(out.end(), parts.begin(), parts.end());
        out.push_back(t);
    }
    return out;
}

bool PhraseIn(const std::vector<std::string_view>& seq, const std::vector<TermWord>& words) {
    if (words.empty()) return false;
    for (size_t k = 0; k + words.size() <= seq.size(); ++k) {
        size_t w = 0;
        while (w < words.size() && WordMatches(seq[k + w], words[w])) ++w;
        if (w == words.size()) return true;
    }
    return false;
}

// One way a leaf term is written: phrases that must all stand in the sentence.
using Alternative = std::vector<std::vector<TermWord>>;

// The ways each leaf term of a rule is written in one language.
using Leaves = std::map<std::string, std::vector<Alternative>, std::less<>>;

void AddWritten(std::string_view term, const std::string& lang, std::vector<Alternative>& out) {
    std::vector<TermWord> words;
    std::string why;
    if (IsVocabularyReference(term)) {
        if (const Vocabulary* v = FindVocabulary(term))
            for (std::string_view t : v->TermsFor(lang))
                if (SplitTerm(t, words, why)) out.push_back({words});
        return;
    }
    if (SplitTerm(term, words, why)) out.push_back({words});
}

bool LeafHolds(const std::vector<Alternative>& alternatives, const std::vector<std::string_view>& seq) {
    return std::any_of(alternatives.begin(), alternatives.end(), [&](const Alternative& a) {
        return std::all_of(a.begin(), a.end(), [&](const auto& phrase) { return PhraseIn(seq, phrase); });
    });
}

// A rule's condition in one sentence, its terms written as `leaves` says (proximity windows are
// not checked: a sentence is the unit here).
bool Holds(const Condition& c, const Leaves& leaves, const std::vector<std::string_view>& seq) {
    bool held = false;
    if (c.kind == Condition::Kind::Term) {
        auto it = leaves.find(c.term);
        held = it != leaves.end() && LeafHolds(it->second, seq);
    } else if (c.kind == Condition::Kind::Any) {
        held = std::any_of(c.children.begin(), c.children.end(), [&](const Condition& ch) { return Holds(ch, leaves, seq); });
    } else {
        held = !c.children.empty() &&
               std::all_of(c.children.begin(), c.children.end(), [&](const Condition& ch) { return Holds(ch, leaves, seq); });
    }
    return held && std::none_of(c.none.begin(), c.none.end(), [&](const Condition& ex) { return Holds(ex, leaves, seq); });
}

// The parts of a rule that must all hold: an `all`'s children, else the rule as one part.
std::vector<const Condition*> RuleParts(const Condition& match) {
    std::vector<const Condition*> out;
    if (match.kind == Condition::Kind::All && match.none.empty())
        for (const Condition& ch : match.children) out.push_back(&ch);
    else
        out.push_back(&match);
    return out;
}

// An anchor is rare in the language it is looked for in: held by at most this share of its
// sentences (a name every sentence holds, the story's subject, says nothing about which report).
constexpr double kAnchorShare = 0.1;
// Anchors a sentence must share with one evidence sentence to be taken as the same report.
constexpr size_t kMinAnchors = 2;
// A distinctive word: at least this share of the sentences holding it are the parallel near
// misses lacking the part, in at least `kMinParallelArticles` articles.
constexpr double kKeyShare = 0.5;
constexpr uint32_t kMinParallelArticles = 2;

}  // namespace

namespace {

// The candidates that parallel sentences give one rule in `lang` (suggestions from `first` on are
// this rule's in `lang`, made before). With `agreeing`, a distinctive word must also be a form of
// a translation or a cognate of one of the missing part's terms; else its keyness must be strong.
void CarryByParallelSentences(const AnalyzedCorpus& ac, const LanguageView& view, const LanguageView& src_view,
                              const std::string& lang, const std::string& source, const Rule& rule,
                              const BilingualDictionary* dict, SuggestOptions::Parallel mode, uint32_t code,
                              uint32_t rule_index, size_t first, std::vector<Suggestion>& out) {
    if (mode == SuggestOptions::Parallel::Off || view.sentences() == 0) return;
    std::vector<const Condition*> terms;
    CollectTerms(rule.match, terms);
    if (terms.empty()) return;
    Leaves src_leaves, leaves;
    std::vector<std::string> vocabulary_terms;
    std::function<void(const Condition&)> collect_refs = [&](const Condition& c) {
        if (c.kind == Condition::Kind::Term && IsVocabularyReference(c.term)) vocabulary_terms.push_back(c.term);
        for (const Condition& ch : c.children) collect_refs(ch);
        for (const Condition& ch : c.none) collect_refs(ch);
    };
    collect_refs(rule.match);
    for (const Condition* t : terms) AddWritten(t->term, source, src_leaves[t->term]);
    for (const std::string& v : vocabulary_terms) {
        AddWritten(v, source, src_leaves[v]);
        AddWritten(v, lang, leaves[v]);
    }
    // the carried rule: each term by its candidates so far (a term without any stays as written)
    for (size_t i = first; i < out.size(); ++i) {
        const Suggestion& s = out[i];
        auto& list = leaves[s.term];
        if (s.parts.empty()) {
            AddWritten(s.suggestion, lang, list);
        } else {
            Alternative a;
            std::vector<TermWord> words;
            std::string why;
            for (const std::string& p : s.parts)
                if (SplitTerm(p, words, why)) a.push_back(words);
            if (a.size() == s.parts.size()) list.push_back(std::move(a));
        }
    }
    for (const Condition* t : terms)
        if (!leaves.count(t->term)) AddWritten(t->term, lang, leaves[t->term]);

    // anchors: the words of the evidence sentences that the other language holds, rarely
    const double n_target = static_cast<double>(view.sentences());
    auto target_sentences = [&](std::string_view w) { return view.Count({{std::string(w), false}}).sentences; };
    std::vector<std::set<std::string_view>> evidence;
    std::set<std::string_view> evidence_words;  // every word of the evidence sentences
    for (uint32_t ai : src_view.article_ids()) {
        const AnalyzedArticle& aa = ac.articles[ai];
        for (size_t si = 0; si < aa.sentences.size(); ++si) {
            std::vector<std::string_view> seq = SentenceWords(ac, aa, si);
            if (!Holds(rule.match, src_leaves, seq)) continue;
            evidence_words.insert(seq.begin(), seq.end());
            std::set<std::string_view> anchors;
            for (std::string_view w : seq) {
                if (IsStopword(w, source) || IsStopword(w, lang) || CountCodePoints(w) < 2) continue;
                const uint32_t id = ac.terms.Find(w);
                const bool number = id != kNoTerm && ac.terms.Info(id).number;
                if (!number && CountCodePoints(w) < 3) continue;
                const uint32_t held = target_sentences(w);
                if (held > 0 && held <= std::max(2.0, kAnchorShare * n_target)) anchors.insert(w);
            }
            if (anchors.size() >= kMinAnchors) evidence.push_back(std::move(anchors));
        }
    }
    if (evidence.empty()) return;

    auto carried = [&](std::string_view w) {
        for (const auto& [term, alternatives] : leaves)
            for (const Alternative& alt : alternatives)
                for (const auto& phrase : alt)
                    if (phrase.size() == 1 && WordMatches(w, phrase[0])) return true;
        return false;
    };
    // the parallel sentences that lack exactly one part of the carried rule: per part, their words
    const std::vector<const Condition*> parts = RuleParts(rule.match);
    struct Seen { uint32_t sentences = 0, articles = 0; uint32_t last_article = UINT32_MAX; };
    std::vector<std::map<std::string_view, Seen>> distinctive(parts.size());
    for (uint32_t ai : view.article_ids()) {
        const AnalyzedArticle& aa = ac.articles[ai];
        for (size_t si = 0; si < aa.sentences.size(); ++si) {
            // a quotation in the source language ("We, Google employees…" in a German article)
            // shares the evidence's words without being a report in this language
            if (si < aa.sentence_languages.size() && aa.sentence_languages[si].code == source) continue;
            std::vector<std::string_view> seq = SentenceWords(ac, aa, si);
            std::set<std::string_view> words(seq.begin(), seq.end());
            const bool parallel = std::any_of(evidence.begin(), evidence.end(), [&](const auto& anchors) {
                size_t shared = 0;
                for (std::string_view a : anchors) shared += words.count(a);
                return shared >= kMinAnchors;
            });
            if (!parallel) continue;
            size_t missing = parts.size(), lacking = 0;
            for (size_t p = 0; p < parts.size(); ++p)
                if (!Holds(*parts[p], leaves, seq)) {
                    missing = p;
                    ++lacking;
                }
            if (lacking != 1) continue;
            for (std::string_view w : words) {
                if (!IsContentWord(std::string(w), lang) || w.find_first_of("-'") != std::string_view::npos ||
                    w.find("\u2019") != std::string_view::npos)
                    continue;
                if (const uint32_t id = ac.terms.Find(w); id != kNoTerm && ac.terms.Info(id).number) continue;
                // a word the source language writes too is a name or an anchor, not a translation;
                // a word the carried rule holds already stands for another part
                if (src_view.Count({{std::string(w), false}}).articles > 0 || carried(w)) continue;
                Seen& seen = distinctive[missing][w];
                ++seen.sentences;
                if (seen.last_article != ai) ++seen.articles;
                seen.last_article = ai;
            }
        }
    }

    // the part's terms, their translations and cognates, for `agreeing`
    std::vector<TermWord> words;
    std::string why;
    // a phrase stands for its longest content word, not a modifier ("mandatory" alone is not
    // "mandatory arbitration"), and only where the source language's articles hold that word mostly
    // in the phrase ("agencies" of "which agencies", "business" of "not be in the business" are
    // every agency, every business); false where it stands for none
    auto phrase_head = [&](std::vector<TermWord>& ws) {
        if (ws.size() < 2) return true;
        const std::vector<TermWord> content = PhraseContentWords(ws, source);
        const TermWord* head = nullptr;
        for (const TermWord& cw : content)
            if (!head || CountCodePoints(cw.form) > CountCodePoints(head->form)) head = &cw;
        if (!head || src_view.Count({*head}).sentences > kHeadShare * src_view.Count(ws).sentences) return false;
        const TermWord h = *head;
        ws = {h};
        return true;
    };
    // whether `w` is a cognate or a translation of one of a part's words (its terms, each phrase by
    // its head: `part_words` below)
    auto agrees = [&](const std::vector<TermWord>& part_words, std::string_view w) {
        const std::string aw = CognateKey(w);
        for (const TermWord& tw : part_words) {
            // a cognate about as long as the term ("mandat" is not "mandatory")
            if (CountCodePoints(tw.form) >= 5 && CountCodePoints(w) * 10 >= CountCodePoints(tw.form) * 7 &&
                Cognate(CognateKey(tw.form), aw))
                return true;
            if (!dict) continue;
            std::vector<std::string> translations = dict->Translate(tw.form);
            if (std::string one = EnglishSingular(tw); source == "en" && !one.empty())
                for (const std::string& x : dict->Translate(one)) translations.push_back(x);
            if (tw.prefix && CountCodePoints(tw.form) >= 4)
                for (std::string& x : dict->TranslatePrefix(tw.form, 3)) translations.push_back(std::move(x));
            for (const std::string& x : translations) {
                if (x.find(' ') != std::string::npos || CountCodePoints(x) < 4) continue;
                // the same word, an inflection or a compound holding it
                if (w == x || (w.starts_with(x) && CountCodePoints(w) <= CountCodePoints(x) + 3) ||
                    (CountCodePoints(x) >= 6 && w.find(x) != std::string_view::npos) ||
                    (HasStemmer(lang) && CountCodePoints(Stem(x, lang)) >= 5 && Stem(w, lang) == Stem(x, lang)))
                    return true;
            }
        }
        return false;
    };
    std::set<std::string> offered;
    for (size_t i = first; i < out.size(); ++i) offered.insert(out[i].suggestion);
    for (size_t p = 0; p < parts.size(); ++p) {
        // the part's first plain term carries the candidate (its alternatives: an `any` of them)
        std::vector<const Condition*> in_part;
        CollectTerms(*parts[p], in_part);
        if (in_part.empty()) continue;
        std::vector<TermWord> part_words;
        for (const Condition* t : in_part)
            if (SplitTerm(t->term, words, why) && phrase_head(words))
                part_words.insert(part_words.end(), words.begin(), words.end());
        for (const auto& [w, seen] : distinctive[p]) {
            const uint32_t held = target_sentences(w);
            const bool key = seen.articles >= kMinParallelArticles && seen.sentences >= kKeyShare * held;
            // read backwards, the dictionary says which English word it is: one of the part's
            // terms (agreement; a phrase by its longest word, above), or another word (the report's
            // "letter", "contract", "company": not the missing part)
            bool back_part = false, back_other = false, known = false;
            if (dict)
                for (const auto* back : {&dict->Back(w), &dict->BackForms(w)}) {
                    known = known || !back->empty();
                    for (const std::string& e : *back) {
                        const bool in_part = std::any_of(part_words.begin(), part_words.end(), [&](const TermWord& tw) {
                            return WordMatches(e, tw) || (source == "en" && EnglishSingular(tw) == e);
                        });
                        back_part = back_part || in_part;
                        back_other = back_other || (!in_part && !IsStopword(e, source) && evidence_words.count(e));
                    }
                }
            // a word the dictionary knows, as none of the part's words, is another word of the report
            // ("Firma", the company, for "transparen*"; "negocio", business, for "never"), unless it
            // is a cognate or a translation of the part's terms all the same; a part of phrases that
            // stand for no word of their own is judged by the evidence's words alone
            const bool back_known = known && !part_words.empty();
            const bool agreed = back_part || agrees(part_words, w);
            if (!back_part && (back_other || (back_known && !agreed))) continue;
            const bool agreeing = seen.sentences > 0 && agreed;
            if (mode == SuggestOptions::Parallel::Agreeing ? !agreeing : !(key || agreeing)) continue;
            const std::vector<TermWord> widened = Widen(view, lang, std::string(w));
            if (widened.empty()) continue;
            const std::string text = Written(widened);
            if (!offered.insert(text).second) continue;
            Found f = view.Count(widened);
            if (f.articles == 0) continue;
            Suggestion s;
            s.code = code;
            s.rule = rule_index;
            s.language = lang;
            s.term = in_part.front()->term;
            s.suggestion = text;
            s.source = "parallel";
            SetFound(s, f);
            out.push_back(std::move(s));
        }
    }
}

// Whether a vocabulary, in `lang`, holds more of the terms of a part of another kind than of the
// term's own part (`elsewhere`): it would join what the codebook tells apart (@police for "ICE",
// where "police" and "law enforcement" are another part's).
bool JoinsOtherKind(const Vocabulary& voc, const std::string& lang, const Elsewhere& elsewhere, const std::string& term) {
    const auto it = elsewhere.find(term);
    if (it == elsewhere.end() || it->second.size() < 2) return false;
    std::vector<std::vector<TermWord>> listed;
    std::vector<TermWord> w;
    std::string why;
    for (std::string_view t : voc.TermsFor(lang))
        if (SplitTerm(t, w, why)) listed.push_back(w);
    auto held = [&](const std::vector<std::vector<TermWord>>& part) {
        return std::count_if(part.begin(), part.end(), [&](const std::vector<TermWord>& e) {
            return std::any_of(listed.begin(), listed.end(), [&](const std::vector<TermWord>& v) { return VocabularyHolds(v, e, true); });
        });
    };
    const auto mine = held(it->second.front());
    return std::any_of(it->second.begin() + 1, it->second.end(), [&](const auto& q) { return held(q) > mine; });
}

// [SECTION] Within a language
// A rule in a language it is written for gets three kinds of candidates from the corpus itself:
// - "form": the inflected forms of a one-word term, or of a phrase's last word, that the corpus holds
//   ("agency": "agencies"; "board member": "board members"), for a rule that does not compare stems.
//   A form has the term's Snowball stem and differs from it only in its last letters: it begins
//   with the whole term, or shares its first four letters or more with it (the stemmer alone joins
//   "university" and "universe", Spanish "salas" and "salida", Italian "data" and "date"); in
//   English, it is one by its ending, not a derivation ("safely" is not a form of "safe"). Taken
//   by default: the same word.
// - "keyness": words distinctive of the sentences that hold every part of the rule but one (for a
//   rule of one part, of its evidence sentences), against the rest of the language's sentences;
//   offered for the missing part, not a name. Not taken by default: a word that keeps company with a claim is
//   not always a way of saying it, and only the user can tell.
// - "vocabulary word", for a rule written in English: a word of a shared vocabulary that a part's
//   term is in, found in those same near misses (in two articles or more). Taken by default: the
//   vocabulary says it means what the term does, and the near misses that the corpus uses it so.

// A form's letters beyond those it shares with the term, at most; and the term's letters it may drop.
constexpr size_t kFormExtra = 5, kFormDrop = 2;

// The English words `w` may be an inflection of: itself, and what it is with a plural, possessive
// or verb ending taken off (-s, -es, -ies, -'s, -ed, -ing, with the "e" these drop, the "y" they
// turn to "i" and the consonant they double put back). Not -er: Snowball strips it from longer
// words only, where it mostly makes a noun of a verb ("reporter"), a derivation.
std::vector<std::string> InflectionBases(std::string_view w) {
    std::vector<std::string> out{std::string(w)};
    auto ends = [&](std::string_view e) { return w.size() > e.size() + 1 && w.ends_with(e); };
    auto add = [&](std::string_view e, std::string_view put) {
        if (!ends(e)) return;
        const std::string_view base = w.substr(0, w.size() - e.size());
        out.push_back(std::string(base) + std::string(put));
        if (put.empty() && base.size() >= 3 && base.back() == base[base.size() - 2]) out.emplace_back(base.substr(0, base.size() - 1));
    };
    for (std::string_view e : {"ies", "ied"}) add(e, "y");
    for (std::string_view e : {"s", "es", "'s", "ed", "ing"}) add(e, "");
    for (std::string_view e : {"ed", "ing"}) add(e, "e");
    return out;
}

// Whether two English words are forms of one word ("agency", "agencies"; "police", "policing";
// "services", "service"), not one derived from the other ("safe", "safely"; "sexual",
// "sexuality"), which Snowball's English stemmer also joins.
bool EnglishInflections(std::string_view a, std::string_view b) {
    const std::vector<std::string> x = InflectionBases(a), y = InflectionBases(b);
    return std::any_of(x.begin(), x.end(), [&](const std::string& s) { return std::find(y.begin(), y.end(), s) != y.end(); });
}
// Keyness candidates offered per part of a rule and language, the most distinctive first.
constexpr size_t kKeyPerPart = 4;

// Whether a folded word stands in the sentence `span` of article `ai` as it is folded, in small
// letters. A word never so written where it was found is a name ("Jeff", "ACLU", "Raytheon"), which
// says who, not what was asked. (A word the text writes with accents or letters folding changes
// counts as small: only names are left out.)
bool WrittenSmall(const AnalyzedCorpus& ac, uint32_t ai, Span span, std::string_view word) {
    if (!ac.corpus || std::any_of(word.begin(), word.end(), [](char c) { return c & 0x80; })) return true;
    std::string_view sentence = std::string_view(ac.corpus->articles[ai].text).substr(span.begin, span.size());
    auto letter = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80); };
    // a sentence's first word has its capital whatever it is: it says nothing
    while (!sentence.empty() && !letter(sentence.front())) sentence.remove_prefix(1);
    if (sentence.size() >= word.size() && (sentence.size() == word.size() || !letter(sentence[word.size()])) &&
        std::equal(word.begin(), word.end(), sentence.begin(),
                   [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); }))
        return true;
    for (size_t at = sentence.find(word); at != std::string_view::npos; at = sentence.find(word, at + 1))
        if ((at == 0 || !letter(sentence[at - 1])) && (at + word.size() == sentence.size() || !letter(sentence[at + word.size()])))
            return true;
    return false;
}

void SuggestWithin(const AnalyzedCorpus& ac, const LanguageView& view, const std::string& lang, const Codebook& cb,
                   uint32_t code, uint32_t rule_index, const Elsewhere& elsewhere, std::vector<Suggestion>& out) {
    const Rule& rule = cb.codes[code].rules[rule_index];
    std::vector<const Condition*> terms;
    CollectTerms(rule.match, terms);
    if (terms.empty()) return;
    // Each leaf term as a rule writes it in this language; a rule that compares stems, by its words'
    // stems as prefixes (what Snowball joins begins with the stem), under a key of its own.
    const bool stems = HasStemmer(lang);
    auto key = [&](const Rule& r, const std::string& term) { return r.stem && stems ? "\x01" + term : term; };
    Leaves leaves;
    std::function<void(const Rule&, const Condition&)> collect = [&](const Rule& r, const Condition& c) {
        if (c.kind == Condition::Kind::Term && !leaves.count(key(r, c.term))) {
            std::vector<Alternative>& list = leaves[key(r, c.term)];
            AddWritten(c.term, lang, list);
            if (r.stem && stems)
                for (Alternative& alt : list)
                    for (auto& phrase : alt)
                        for (TermWord& tw : phrase)
                            if (!tw.prefix) tw = {Stem(tw.form, lang), true};
        }
        for (const Condition& ch : c.children) collect(r, ch);
        for (const Condition& ch : c.none) collect(r, ch);
    };
    collect(rule, rule.match);
    std::vector<std::string> own;  // the rule's leaves: its terms and vocabularies
    for (const auto& [term, alternatives] : leaves) own.push_back(term);
    // the other rules in this language, the claim's own among them: a sentence one of them holds is
    // theirs (or already the claim's), not a near miss
    std::vector<const Rule*> others;
    for (uint32_t c = 0; c < cb.codes.size(); ++c)
        for (const Rule& o : cb.codes[c].rules)
            if (const std::vector<std::string> in = RuleLanguages(cb, o);
                &o != &rule && std::find(in.begin(), in.end(), lang) != in.end()) {
                others.push_back(&o);
                collect(o, o.match);
            }
    // a word one of the rule's terms (or vocabularies) matches already, or one of its phrases holds
    auto matched = [&](std::string_view w) {
        for (const std::string& term : own)
            for (const Alternative& alt : leaves[term])
                for (const auto& phrase : alt)
                    for (const TermWord& tw : phrase)
                        if (WordMatches(w, tw)) return true;
        return false;
    };
    std::set<std::string> offered;
    for (const Condition* t : terms) offered.insert(FoldPhrase(t->term));
    Suggestion base;
    base.code = code;
    base.rule = rule_index;
    base.language = lang;
    std::vector<TermWord> words;
    std::string why;

    // forms
    if (!rule.stem && HasStemmer(lang))
        for (const Condition* t : terms) {
            if (IsVocabularyReference(t->term) || IsAcronym(t->term) || !SplitTerm(t->term, words, why)) continue;
            const std::string form = words.back().form;
            if (words.back().prefix || CountCodePoints(form) < 3) continue;
            const std::string stem = Stem(form, lang);
            std::vector<std::string_view> forms;
            // a term the language's stopword list holds ("member" in English's) has forms there too:
            // every word of the corpus is looked at (those this language does not hold are not counted)
            std::vector<std::string_view> every;
            if (IsStopword(form, lang))
                for (uint32_t id = 0; id < ac.terms.size(); ++id) every.push_back(ac.terms.Text(id));
            for (std::string_view v : every.empty() ? view.Words() : every) {
                const size_t shared = CommonPrefix(v, form);
                if (v == form || shared + kFormDrop < form.size() || (shared < form.size() && CountCodePoints(v.substr(0, shared)) < 4) ||
                    v.size() > shared + kFormExtra || Stem(v, lang) != stem || (lang == "en" && !EnglishInflections(form, v)))
                    continue;
                forms.push_back(v);
            }
            std::sort(forms.begin(), forms.end());
            for (std::string_view v : forms) {
                std::vector<TermWord> phrase = words;
                phrase.back() = {std::string(v), false};
                const std::string text = Written(phrase);
                // a form one of the rule's terms matches already ("arbitration*" beside "forced arbitration")
                std::vector<std::string_view> seq;
                for (const TermWord& tw : phrase) seq.push_back(tw.form);
                const bool held_already = std::any_of(own.begin(), own.end(), [&](const std::string& term) {
                    return LeafHolds(leaves[term], seq);
                });
                if ((phrase.size() == 1 && matched(v)) || held_already || !offered.insert(text).second) continue;
                const Found f = view.Count(phrase);
                if (f.articles == 0) continue;
                Suggestion s = base;
                s.term = t->term;
                s.suggestion = text;
                s.source = "form";
                SetFound(s, f);
                out.push_back(std::move(s));
            }
        }

    // keyness
    // the parts that must all hold (an `all`'s children, its `none` apart), else the rule as one
    std::vector<const Condition*> parts;
    const bool all = rule.match.kind == Condition::Kind::All && !rule.match.children.empty();
    if (all)
        for (const Condition& ch : rule.match.children) parts.push_back(&ch);
    else
        parts.push_back(&rule.match);
    struct Seen {
        uint32_t sentences = 0, articles = 0, last_article = UINT32_MAX, first_article = 0;
        Span example;
        bool lower = false;  // written in small letters in one of them at least (else a name)
    };
    std::vector<std::map<std::string_view, Seen>> seen(parts.size());
    std::vector<uint32_t> near(parts.size());  // the sentences read for each part
    // a shared vocabulary's words for what a part's term names, that the part does not match
    // already: found in its near misses, they complete a sentence the way the user's own terms
    // would ("end" for "stop*": "calling on Bezos to end the sale of ..."). For a rule written in
    // English, the language the vocabularies are found by (a rule carried from it has its
    // vocabularies already, and gains no words of them on a second expand).
    struct Listed {
        std::vector<TermWord> words;
        const Condition* term = nullptr;
        Seen x;
    };
    std::vector<std::vector<Listed>> listed(parts.size());
    if (all && parts.size() > 1 && lang == "en")
        for (size_t p = 0; p < parts.size(); ++p) {
            std::vector<const Condition*> in;
            CollectTerms(*parts[p], in);
            std::set<std::string> have;
            for (const Condition* t : in) {
                if (IsVocabularyReference(t->term) || !SplitTerm(t->term, words, why)) continue;
                for (const std::string& v : VocabulariesOf(words, lang))
                    if (const Vocabulary* voc = FindVocabulary(v); voc && !JoinsOtherKind(*voc, lang, elsewhere, t->term))
                        for (std::string_view w : voc->TermsFor(lang)) {
                            std::vector<TermWord> vw;
                            if (!SplitTerm(w, vw, why) || !have.insert(std::string(w)).second) continue;
                            if (vw.size() == 1 && !vw[0].prefix &&
                                (lang == "en" ? EnglishFunctionWord(vw[0].form) : IsStopword(vw[0].form, lang)))
                                continue;
                            std::vector<std::string_view> seq;
                            for (const TermWord& tw : vw) seq.push_back(tw.form);
                            if ((vw.size() == 1 && !vw[0].prefix && matched(vw[0].form)) ||
                                std::any_of(own.begin(), own.end(), [&](const std::string& o) { return LeafHolds(leaves[o], seq); }))
                                continue;
                            listed[p].push_back({std::move(vw), t, {}});
                        }
            }
        }
    // every phrase of the rule's and the other rules' leaves by its first word (or prefix), and a
    // condition held where the phrases a sentence holds say so (as Holds does, word by word)
    using Phrase = std::vector<TermWord>;
    std::unordered_map<std::string_view, std::vector<const Phrase*>> by_first, by_prefix;
    for (const auto& [term, alternatives] : leaves)
        for (const Alternative& alt : alternatives)
            for (const Phrase& phrase : alt)
                if (!phrase.empty()) (phrase[0].prefix ? by_prefix : by_first)[phrase[0].form].push_back(&phrase);
    std::unordered_set<const Phrase*> present;
    size_t shortest = SIZE_MAX, longest = 0;  // of the prefixes
    for (const auto& [prefix, phrases] : by_prefix) shortest = std::min(shortest, prefix.size()), longest = std::max(longest, prefix.size());
    std::function<bool(const Rule&, const Condition&)> held = [&](const Rule& r, const Condition& c) {
        auto in = [&](const Condition& ch) { return held(r, ch); };
        bool h = false;
        if (c.kind == Condition::Kind::Term) {
            auto it = leaves.find(key(r, c.term));
            h = it != leaves.end() && std::any_of(it->second.begin(), it->second.end(), [&](const Alternative& a) {
                    return std::all_of(a.begin(), a.end(), [&](const Phrase& ph) { return present.count(&ph) > 0; });
                });
        } else if (c.kind == Condition::Kind::Any) {
            h = std::any_of(c.children.begin(), c.children.end(), in);
        } else {
            h = !c.children.empty() && std::all_of(c.children.begin(), c.children.end(), in);
        }
        return h && std::none_of(c.none.begin(), c.none.end(), in);
    };
    for (uint32_t ai : view.article_ids()) {
        const AnalyzedArticle& aa = ac.articles[ai];
        for (size_t si = 0; si < aa.sentences.size(); ++si) {
            // a quotation in another language is not this language's way of saying it
            if (si < aa.sentence_languages.size() && aa.sentence_languages[si].code != "unknown" &&
                aa.sentence_languages[si].code != lang)
                continue;
            const std::vector<std::string_view> seq = SentenceWords(ac, aa, si);
            // the phrases the sentence holds, found from its words
            present.clear();
            for (std::string_view w : seq) {
                if (auto it = by_first.find(w); it != by_first.end())
                    for (const Phrase* ph : it->second)
                        if (PhraseIn(seq, *ph)) present.insert(ph);
                for (size_t n = shortest; n <= std::min(w.size(), longest); ++n)
                    if (auto it = by_prefix.find(w.substr(0, n)); it != by_prefix.end())
                        for (const Phrase* ph : it->second)
                            if (PhraseIn(seq, *ph)) present.insert(ph);
            }
            size_t missing = 0, lacking = 0;
            for (size_t p = 0; p < parts.size(); ++p)
                if (!held(rule, *parts[p])) missing = p, ++lacking;
            if (lacking != (parts.size() > 1 ? 1u : 0u) ||
                (all && std::any_of(rule.match.none.begin(), rule.match.none.end(), [&](const Condition& ex) { return held(rule, ex); })) ||
                std::any_of(others.begin(), others.end(), [&](const Rule* o) { return held(*o, o->match); }))
                continue;
            ++near[missing];
            for (Listed& l : listed[missing])
                if (PhraseIn(seq, l.words)) {
                    if (l.x.sentences++ == 0) l.x.example = aa.sentences[si], l.x.first_article = ai;
                    if (l.x.last_article != ai) ++l.x.articles;
                    l.x.last_article = ai;
                }
            for (std::string_view w : std::set<std::string_view>(seq.begin(), seq.end())) {
                if (!IsContentWord(std::string(w), lang) || w.find_first_of("-'") != std::string_view::npos ||
                    w.find("\u2019") != std::string_view::npos || matched(w))
                    continue;
                if (const uint32_t id = ac.terms.Find(w); id != kNoTerm && ac.terms.Info(id).number) continue;
                Seen& x = seen[missing][w];
                if (x.sentences++ == 0) x.example = aa.sentences[si], x.first_article = ai;
                x.lower = x.lower || WrittenSmall(ac, ai, aa.sentences[si], w);
                if (x.last_article != ai) ++x.articles;
                x.last_article = ai;
            }
        }
    }
    // (in near misses of as many articles as a distinctive word needs: one sentence can say something else)
    for (size_t p = 0; p < parts.size(); ++p)
        for (const Listed& l : listed[p]) {
            const std::string text = Written(l.words);
            if (l.x.articles < kMinParallelArticles || !offered.insert(text).second) continue;
            Found f = view.Count(l.words);
            f.example = l.x.example;
            f.example_article = static_cast<int>(l.x.first_article);
            Suggestion s = base;
            s.term = l.term->term;
            s.suggestion = text;
            s.source = "vocabulary word";
            SetFound(s, f);
            out.push_back(std::move(s));
        }
    for (size_t p = 0; p < parts.size(); ++p) {
        // the part's first plain term carries the word (not one of its exclusions)
        std::vector<const Condition*> in_part;
        std::function<void(const Condition&)> positive = [&](const Condition& c) {
            if (c.kind == Condition::Kind::Term && !IsVocabularyReference(c.term)) in_part.push_back(&c);
            for (const Condition& ch : c.children) positive(ch);
        };
        positive(*parts[p]);
        if (in_part.empty()) continue;
        // ranked by log-likelihood (G2) of the word in those sentences against the rest
        struct Key { std::string_view word; Found found; double g2; };
        std::vector<Key> key;
        const double n1 = near[p], n2 = static_cast<double>(view.sentences()) - n1;
        for (const auto& [w, x] : seen[p]) {
            if (x.articles < kMinParallelArticles || !x.lower) continue;
            const Found f = view.Count({{std::string(w), false}});
            if (x.sentences < kKeyShare * f.sentences) continue;
            const double a = x.sentences, b = std::max(0.0, static_cast<double>(f.sentences) - a);
            const double e1 = n1 * (a + b) / (n1 + n2), e2 = n2 * (a + b) / (n1 + n2);
            const double g2 = 2.0 * (a * std::log(a / e1) + (b > 0 ? b * std::log(b / e2) : 0.0));
            Found shown = f;  // its example: a sentence it was found in
            shown.example = x.example;
            shown.example_article = static_cast<int>(x.first_article);
            key.push_back({w, shown, g2});
        }
        std::stable_sort(key.begin(), key.end(), [](const Key& a, const Key& b) { return a.g2 > b.g2; });
        size_t n = 0;
        for (const auto& [w, f, g2] : key) {
            if (n == kKeyPerPart) break;
            if (!offered.insert(std::string(w)).second) continue;
            Suggestion s = base;
            s.term = in_part.front()->term;
            s.suggestion = std::string(w);
            s.source = "keyness";
            s.accepted = false;
            SetFound(s, f);
            out.push_back(std::move(s));
            ++n;
        }
    }
}

}  // namespace
#endif

std::vector<Suggestion> SuggestTerms(const AnalyzedCorpus& ac, const Codebook& cb,
                                     const std::vector<BilingualDictionary>& dictionaries, size_t per_term,
                                     size_t min_articles) {
    SuggestOptions options;
    options.per_term = per_term;
    options.min_articles = min_articles;
    return SuggestTerms(ac, cb, dictionaries, options);
}

struct SuggestIndex::Impl {
    explicit Impl(const AnalyzedCorpus& corpus) : ac(corpus) {}
    const AnalyzedCorpus& ac;
    std::set<std::string> languages;  // of the articles read (not "unknown")
    std::map<std::string, std::unique_ptr<LanguageView>> views;
    size_t next = 0;  // the next article to read
};

SuggestIndex::SuggestIndex(const AnalyzedCorpus& ac) : impl_(std::make_unique<Impl>(ac)) {}
SuggestIndex::~SuggestIndex() = default;

bool SuggestIndex::ReadSome(size_t articles) {
    Impl& x = *impl_;
    for (const size_t end = std::min(x.ac.articles.size(), x.next + articles); x.next < end; ++x.next) {
        const std::string& l = x.ac.articles[x.next].effective_language;
        if (l == "unknown" || l.empty()) continue;
        x.languages.insert(l);
        std::unique_ptr<LanguageView>& v = x.views[l];
        if (!v) v = std::make_unique<LanguageView>(x.ac, l);
        v->Add(static_cast<uint32_t>(x.next));
    }
    return x.next < x.ac.articles.size();
}

size_t SuggestUnits(const Codebook& cb) {
    size_t n = 1;  // the actors
    for (const Code& code : cb.codes) n += code.rules.size();
    return n;
}

void SuggestUnit(const SuggestIndex& index, const Codebook& cb, const std::vector<BilingualDictionary>& dictionaries,
                 const SuggestOptions& options, size_t unit, std::vector<Suggestion>& out) {
    const SuggestIndex::Impl& x = index.impl();
    const AnalyzedCorpus& ac = x.ac;
    const size_t per_term = options.per_term, min_articles = options.min_articles;
    const std::set<std::string>& languages = x.languages;
    auto view_of = [&](const std::string& l) -> const LanguageView& { return *x.views.find(l)->second; };  // (a language of `languages`)
    auto source_view = [&](const std::string& l) -> const LanguageView* {
        return languages.count(l) ? &view_of(l) : nullptr;
    };
    auto dictionary_for = [&](const std::string& source, const std::string& lang) -> const BilingualDictionary* {
        if (source != "en") return nullptr;
        for (const BilingualDictionary& d : dictionaries)
            if (d.lang() == lang) return &d;
        return nullptr;
    };
    // the tables into the corpus's other languages, for the cognates of their translations
    auto other_dictionaries = [&](const std::string& source, const std::string& lang) {
        std::vector<const BilingualDictionary*> out;
        if (source == "en")
            for (const BilingualDictionary& d : dictionaries)
                if (d.lang() != lang && d.lang() != source) out.push_back(&d);
        return out;
    };
    auto emit = [&](Suggestion base, const std::vector<Candidate>& cands) {
        for (const Candidate& c : cands) {
            Suggestion s = base;
            s.suggestion = c.text;
            s.source = c.source;
            SetFound(s, c.found);
            s.parts = c.parts;
            s.within = c.within;
            out.push_back(std::move(s));
        }
    };
    std::vector<TermWord> words;
    std::string why;
    // the unit's rule, if it is one
    size_t c = 0, r = unit;
    while (c < cb.codes.size() && r >= cb.codes[c].rules.size()) r -= cb.codes[c++].rules.size();
    if (c < cb.codes.size()) {
        const Code& code = cb.codes[c];
        const Rule& rule = code.rules[r];
        const std::vector<std::string> from = RuleLanguages(cb, rule);
        if (std::find(from.begin(), from.end(), "*") != from.end()) return;
        std::vector<const Condition*> terms;
        CollectTerms(rule.match, terms);
        std::map<std::string, std::vector<std::string>> siblings;
        CollectSiblings(rule.match, siblings);
        // each term's `elsewhere`: the terms of its part, then those of each of the codebook's parts in the
        // rule's language that share no term with it (another kind of part: "police" beside "ICE")
        Elsewhere elsewhere;
#if PRESSLENS_SUGGEST_FULL
        {
            auto part_terms = [&](const Condition& part) {
                std::vector<const Condition*> ts;
                CollectTerms(part, ts);
                std::set<std::string> set;
                for (const Condition* t : ts) set.insert(t->term);
                return set;
            };
            auto split = [&](const std::set<std::string>& set) {
                std::vector<std::vector<TermWord>> out;
                for (const std::string& t : set)
                    if (SplitTerm(t, words, why)) out.push_back(words);
                return out;
            };
            std::vector<std::set<std::string>> all_parts;
            for (const Code& other : cb.codes)
                for (const Rule& o : other.rules) {
                    const std::vector<std::string> in = RuleLanguages(cb, o);
                    if (std::find(in.begin(), in.end(), from.front()) == in.end()) continue;
                    for (const Condition* part : RuleParts(o.match)) all_parts.push_back(part_terms(*part));
                }
            for (const Condition* part : RuleParts(rule.match)) {
                const std::set<std::string> mine = part_terms(*part);
                std::vector<std::vector<std::vector<TermWord>>> parts{split(mine)};
                for (const std::set<std::string>& q : all_parts)
                    if (std::none_of(q.begin(), q.end(), [&](const std::string& t) { return mine.count(t) > 0; }))
                        parts.push_back(split(q));
                for (const std::string& t : mine) elsewhere[t] = parts;
            }
        }
#endif
        for (const std::string& lang : languages) {
            if (CodeCoversLanguage(cb, code, lang)) continue;
            const LanguageView& view = view_of(lang);
            if (view.articles() < min_articles) continue;
            std::set<std::string> done_terms;
            const size_t first = out.size();
            for (const Condition* t : terms) {
                if (!done_terms.insert(t->term).second || !SplitTerm(t->term, words, why)) continue;
                Suggestion base;
                base.code = static_cast<uint32_t>(c);
                base.rule = static_cast<uint32_t>(r);
                base.language = lang;
                base.term = t->term;
                emit(base, TermCandidates(view, lang, from.front(), source_view(from.front()),
                                          dictionary_for(from.front(), lang), words, siblings[t->term], per_term,
                                          other_dictionaries(from.front(), lang), elsewhere[t->term]));
            }
#if PRESSLENS_SUGGEST_FULL
            CarryAcronyms(view, lang, terms, siblings, first, out);
            if (const LanguageView* src = source_view(from.front()))
                CarryByParallelSentences(ac, view, *src, lang, from.front(), rule, dictionary_for(from.front(), lang),
                                         options.parallel, static_cast<uint32_t>(c), static_cast<uint32_t>(r), first, out);
#else
            (void)ac;
#endif
            KeepRuleSenses(out, first);
        }
#if PRESSLENS_SUGGEST_FULL
        // within the rule's own languages: the forms of its terms, the words distinctive of its sentences
        for (const std::string& lang : std::set<std::string>(from.begin(), from.end()))
            if (languages.count(lang) && view_of(lang).articles() >= min_articles)
                SuggestWithin(ac, view_of(lang), lang, cb, static_cast<uint32_t>(c), static_cast<uint32_t>(r),
                              lang == from.front() ? elsewhere : Elsewhere(), out);
#endif
        return;
    }
    // Actors: a claim attributed to an actor needs the actor's words in the new language too.
    for (size_t a = 0; a < cb.actors.size(); ++a) {
        const Actor& actor = cb.actors[a];
        if (actor.terms.count("*")) continue;
        for (int weak = 0; weak < 2; ++weak) {
            const auto& table = weak ? actor.weak_terms : actor.terms;
            if (table.empty()) continue;
            // the language the actor's terms are written in: the codebook's, else the first listed
            const std::string source = table.count(cb.language) ? cb.language : table.begin()->first;
            for (const std::string& lang : languages) {
                if (table.count(lang)) continue;
                const LanguageView& view = view_of(lang);
                if (view.articles() < min_articles) continue;
                for (const std::string& term : table.at(source)) {
                    if (!SplitTerm(term, words, why)) continue;
                    Suggestion base;
                    base.actor = static_cast<int>(a);
                    base.weak = weak != 0;
                    base.language = lang;
                    base.term = term;
                    // an actor's words are plain terms: no vocabulary references (and so its
                    // translations, which a vocabulary would have stood for)
                    emit(base, TermCandidates(view, lang, source, source_view(source), dictionary_for(source, lang), words,
                                              table.at(source), per_term, {}, {}, false));
                    // a shared vocabulary's words for what the term names ("employee*": @employees, so
                    // "dipendenti", "funcionários", "salariés"), as plain terms, those the corpus holds
                    std::set<std::string> offered;
                    for (const Suggestion& s : out)
                        if (s.actor == base.actor && s.weak == base.weak && s.language == lang) offered.insert(s.suggestion);
                    for (const std::string& v : VocabulariesOf(words, source))
                        if (const Vocabulary* voc = FindVocabulary(v))
                            for (std::string_view t : voc->TermsFor(lang)) {
                                std::vector<TermWord> tw;
                                if (!SplitTerm(t, tw, why) || !offered.insert(std::string(t)).second) continue;
                                Found f = view.Count(tw);
                                if (f.articles == 0) continue;
                                Suggestion s = base;
                                s.suggestion = std::string(t);
                                s.source = "vocabulary word";
                                SetFound(s, f);
                                out.push_back(std::move(s));
                            }
                }
            }
        }
    }
}

std::vector<Suggestion> SuggestTerms(const AnalyzedCorpus& ac, const Codebook& cb,
                                     const std::vector<BilingualDictionary>& dictionaries, const SuggestOptions& options) {
    SuggestIndex index(ac);
    while (index.ReadSome(ac.articles.size())) {
    }
    std::vector<Suggestion> out;
    for (size_t unit = 0, n = SuggestUnits(cb); unit < n; ++unit) SuggestUnit(index, cb, dictionaries, options, unit, out);
    return out;
}

// [SECTION] Expanding a codebook ----------------------------------------------------------------

namespace {

// A suggestion as a condition: its term, or all of its parts within a few words.
Condition SuggestedCondition(const Suggestion& s) {
    Condition c;
    if (s.parts.empty()) {
        c.term = s.suggestion;
        return c;
    }
    c.kind = Condition::Kind::All;
    c.within = s.within;
    for (const std::string& p : s.parts) {
        Condition leaf;
        leaf.term = p;
        c.children.push_back(std::move(leaf));
    }
    return c;
}

Condition Carry(const Condition& c, const std::map<std::string, std::vector<Condition>>& by_term) {
    Condition out = c;
    out.children.clear();
    out.none.clear();
    if (c.kind == Condition::Kind::Term) {
        auto it = IsVocabularyReference(c.term) ? by_term.end() : by_term.find(c.term);
        if (it != by_term.end() && !it->second.empty()) {
            if (it->second.size() == 1 && c.label.empty() && it->second.front().kind == Condition::Kind::Term) {
                out.term = it->second.front().term;
            } else {
                out.kind = Condition::Kind::Any;
                out.term.clear();
                out.within = 0;  // (a term's `within` means nothing; an `any`'s is refused)
                if (out.label.empty()) out.label = c.term;
                out.children = it->second;
            }
        }
    }
    for (const Condition& ch : c.children) {
        Condition carried = Carry(ch, by_term);
        // alternatives carried to the same term once ("cancel*", "stop*", "withdraw*": "@stop")
        if (out.kind == Condition::Kind::Any && std::find(out.children.begin(), out.children.end(), carried) != out.children.end())
            continue;
        out.children.push_back(std::move(carried));
    }
    for (const Condition& ex : c.none) out.none.push_back(Carry(ex, by_term));
    return out;
}

std::string CarriedId(const Code& code, const Rule& rule, size_t r, const std::string& from, const std::string& lang) {
    std::string base = rule.id.empty() ? code.id + "#" + std::to_string(r + 1) : rule.id;
    const std::string suffix = "-" + from;
    if (base.size() > suffix.size() && base.ends_with(suffix)) base.resize(base.size() - suffix.size());
    return base + "-" + lang;
}

}  // namespace

Codebook ExpandCodebook(const Codebook& cb, const std::vector<Suggestion>& suggestions) {
    Codebook out = cb;
    // (code, rule, language) -> term -> accepted candidates, in the order suggested
    std::map<std::tuple<uint32_t, uint32_t, std::string>, std::map<std::string, std::vector<Condition>>> plan;
    for (const Suggestion& s : suggestions) {
        if (!s.accepted) continue;
        if (s.actor >= 0) {  // an actor's words in a new language
            if (static_cast<size_t>(s.actor) >= out.actors.size()) continue;
            Actor& actor = out.actors[static_cast<size_t>(s.actor)];
            auto& list = (s.weak ? actor.weak_terms : actor.terms)[s.language];
            if (std::find(list.begin(), list.end(), s.suggestion) == list.end()) list.push_back(s.suggestion);
            continue;
        }
        if (s.code >= cb.codes.size() || s.rule >= cb.codes[s.code].rules.size()) continue;
        // in a language of the rule's own ("form", "keyness"), planned as language "": the term stays
        // beside what it gains, in the rule itself, whichever of its languages the suggestions are for
        const std::vector<std::string> in = RuleLanguages(cb, cb.codes[s.code].rules[s.rule]);
        const bool own = std::find(in.begin(), in.end(), s.language) != in.end();
        auto& list = plan[{s.code, s.rule, own ? std::string() : s.language}][s.term];
        if (own && list.empty()) {
            list.emplace_back();
            list.back().term = s.term;
        }
        Condition cond = SuggestedCondition(s);
        if (std::find(list.begin(), list.end(), cond) == list.end()) list.push_back(std::move(cond));
    }
    for (size_t c = out.codes.size(); c-- > 0;) {
        const Code& original = cb.codes[c];
        std::vector<Rule> rules;
        std::set<std::string> ids;
        for (const Rule& r : original.rules) ids.insert(r.id);
        for (size_t r = 0; r < original.rules.size(); ++r) {
            const size_t own = rules.size();
            rules.push_back(original.rules[r]);
            const std::string from = RuleLanguages(cb, original.rules[r]).front();
            for (const auto& [key, by_term] : plan) {
                if (std::get<0>(key) != c || std::get<1>(key) != r) continue;
                const std::string& lang = std::get<2>(key);
                if (lang.empty()) {  // its own languages: the rule's terms gain alternatives
                    rules[own].match = Carry(rules[own].match, by_term);
                    continue;
                }
                Rule carried = original.rules[r];
                carried.languages = {lang};
                carried.id = CarriedId(original, original.rules[r], r, from, lang);
                for (int k = 2; ids.count(carried.id); ++k) carried.id = CarriedId(original, original.rules[r], r, from, lang) + "-" + std::to_string(k);
                ids.insert(carried.id);
                carried.match = Carry(original.rules[r].match, by_term);
                rules.push_back(std::move(carried));
            }
        }
        out.codes[c].rules = std::move(rules);
    }
    return out;
}

}  // namespace presslens
