// core: codebook validation, compilation, matching and the matrix (see codebook.hpp).
//
// Matching works sentence by sentence on "match words": tokens split at hyphens and
// apostrophes, folded (and stemmed for stemming rules). Every term's first word sits in a hash
// index (exact words, prefixes by length, stems per language), so each word costs a bounded
// number of lookups and a phrase is verified from its first word on: linear in the text for a
// given codebook. Rules are then evaluated only in sentences where one of their terms occurred.
#include "core/codebook.hpp"

#include <algorithm>
#include <bit>
#include <utility>
#include <cmath>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace presslens {

// [SECTION] The codebook model ------------------------------------------------------------------

bool SplitTerm(std::string_view term, std::vector<TermWord>& out, std::string& why) {
    out.clear();
    std::string current, folded;
    bool star = false;
    auto flush = [&]() -> bool {
        if (current.empty()) {
            if (star) { why = "a '*' must follow at least two letters of a word"; return false; }
            return true;
        }
        FoldToken(current, folded);
        if (star && CountCodePoints(folded) < 2) { why = "a prefix must have at least two letters before '*'"; return false; }
        out.push_back({folded, star});
        current.clear();
        star = false;
        return true;
    };
    for (size_t i = 0; i < term.size();) {
        int32_t cp;
        int n = DecodeUtf8(term, i, cp);
        if (n < 0) { why = "invalid UTF-8"; return false; }
        CharClass cls = ClassifyCodePoint(cp);
        if (star) {
            if (cls == CharClass::Space || cls == CharClass::Hyphen || cls == CharClass::Apostrophe) {
                if (!flush()) return false;
            } else {
                why = "'*' is only allowed at the end of a word";
                return false;
            }
        } else if (cp == '*') {
            star = true;
        } else if (cls == CharClass::Letter || cls == CharClass::Digit || cls == CharClass::Mark) {
            current.append(term.substr(i, static_cast<size_t>(n)));
        } else if (cls == CharClass::Space || cls == CharClass::Hyphen || cls == CharClass::Apostrophe) {
            if (!flush()) return false;
        } else if (cp == '.' || cp == ',') {
            // "U.S." is written with dots in a term; the text tokenizer drops them the same way
            if (!flush()) return false;
        } else {
            why = "unexpected character in a term (letters, digits, spaces, hyphens, apostrophes and a final '*' only)";
            return false;
        }
        i += static_cast<size_t>(n);
    }
    if (!flush()) return false;
    if (out.empty()) { why = "empty term"; return false; }
    if (out.size() > 8) { why = "a phrase may have at most 8 words"; return false; }
    return true;
}

namespace {

void ValidateCondition(const Condition& c, const std::string& path, std::vector<CodebookError>& errors,
                       size_t depth = 0) {
    if (depth > 32) {
        errors.push_back({path, "conditions nested deeper than 32 levels"});
        return;
    }
    if (c.kind == Condition::Kind::Term && IsVocabularyReference(c.term)) {
        if (!FindVocabulary(c.term))
            errors.push_back({path, "unknown vocabulary \"" + c.term + "\" (the shared vocabularies are " +
                                        VocabularyList() + ")"});
    } else if (c.kind == Condition::Kind::Term) {
        std::vector<TermWord> words;
        std::string why;
        if (!SplitTerm(c.term, words, why)) errors.push_back({path, "term \"" + c.term + "\": " + why});
    } else {
        const char* key = c.kind == Condition::Kind::Any ? "any" : "all";
        if (c.children.empty()) errors.push_back({path + "/" + key, "an empty \"" + std::string(key) + "\" group"});
        for (size_t i = 0; i < c.children.size(); ++i)
            ValidateCondition(c.children[i], path + "/" + key + "/" + std::to_string(i), errors, depth + 1);
        if (c.within > 0 && c.kind != Condition::Kind::All)
            errors.push_back({path + "/within", "\"within\" applies to an \"all\" group only"});
    }
    for (size_t i = 0; i < c.none.size(); ++i)
        ValidateCondition(c.none[i], path + "/none/" + std::to_string(i), errors, depth + 1);
}

bool ValidColour(const std::string& s) {
    if (s.size() != 7 || s[0] != '#') return false;
    return std::all_of(s.begin() + 1, s.end(), [](char ch) { return std::isxdigit(static_cast<unsigned char>(ch)); });
}

}  // namespace

std::vector<CodebookError> ValidateCodebook(const Codebook& cb) {
    std::vector<CodebookError> errors;
    std::set<std::string> actor_ids, code_ids, rule_ids;
    for (size_t a = 0; a < cb.actors.size(); ++a) {
        const Actor& actor = cb.actors[a];
        std::string p = "/actors/" + std::to_string(a);
        if (actor.id.empty()) errors.push_back({p + "/id", "an actor needs an id"});
        else if (!actor_ids.insert(actor.id).second) errors.push_back({p + "/id", "duplicate actor id \"" + actor.id + "\""});
        for (const auto* table : {&actor.terms, &actor.weak_terms}) {
            const char* key = table == &actor.terms ? "/terms/" : "/weak_terms/";
            for (const auto& [lang, terms] : *table)
                for (size_t t = 0; t < terms.size(); ++t) {
                    std::vector<TermWord> words;
                    std::string why;
                    if (IsVocabularyReference(terms[t]))
                        errors.push_back({p + key + lang + "/" + std::to_string(t),
                                          "term \"" + terms[t] + "\": shared vocabularies are for rule conditions, not actors"});
                    else if (!SplitTerm(terms[t], words, why))
                        errors.push_back({p + key + lang + "/" + std::to_string(t), "term \"" + terms[t] + "\": " + why});
                }
        }
        if (actor.terms.empty() && actor.weak_terms.empty()) errors.push_back({p + "/terms", "an actor needs terms"});
    }
    auto language_code = [](const std::string& lang) {
        return lang == "*" || (lang.size() == 2 && std::islower(static_cast<unsigned char>(lang[0])) &&
                               std::islower(static_cast<unsigned char>(lang[1])));
    };
    if (!cb.language.empty() && !language_code(cb.language))
        errors.push_back({"/lang", "expected a two-letter language code or \"*\", found \"" + cb.language + "\""});
    if (cb.codes.empty()) errors.push_back({"/codes", "a codebook needs at least one code"});
    for (size_t c = 0; c < cb.codes.size(); ++c) {
        const Code& code = cb.codes[c];
        std::string p = "/codes/" + std::to_string(c);
        if (code.id.empty()) errors.push_back({p + "/id", "a code needs an id"});
        else if (!code_ids.insert(code.id).second) errors.push_back({p + "/id", "duplicate code id \"" + code.id + "\""});
        if (code.label.empty()) errors.push_back({p + "/label", "a code needs a label"});
        if (!code.colour.empty() && !ValidColour(code.colour))
            errors.push_back({p + "/colour", "expected a colour as \"#rrggbb\", found \"" + code.colour + "\""});
        for (size_t r = 0; r < code.rules.size(); ++r) {
            const Rule& rule = code.rules[r];
            std::string rp = p + "/rules/" + std::to_string(r);
            if (!rule.id.empty() && !rule_ids.insert(rule.id).second)
                errors.push_back({rp + "/id", "duplicate rule id \"" + rule.id + "\""});
            for (size_t l = 0; l < rule.languages.size(); ++l) {
                const std::string& lang = rule.languages[l];
                if (!language_code(lang)) errors.push_back({rp + "/lang", "expected a two-letter language code or \"*\", found \"" + lang + "\""});
            }
            if (!(rule.weight > 0 && rule.weight <= 100))
                errors.push_back({rp + "/weight", "expected a weight above 0 and at most 100"});
            ValidateCondition(rule.match, rp, errors);
            if (rule.attribution) {
                const Attribution& at = *rule.attribution;
                if (!actor_ids.count(at.actor))
                    errors.push_back({rp + "/attribution/actor", "unknown actor \"" + at.actor + "\" (define it under \"actors\")"});
                for (size_t i = 0; i < at.reject.size(); ++i)
                    if (!actor_ids.count(at.reject[i]))
                        errors.push_back({rp + "/attribution/not/" + std::to_string(i),
                                          "unknown actor \"" + at.reject[i] + "\" (define it under \"actors\")"});
                if (at.context > 20)
                    errors.push_back({rp + "/attribution/context", "at most 20 sentences of context"});
            }
        }
    }
    return errors;
}

std::vector<std::string> RuleLanguages(const Codebook& cb, const Rule& rule) {
    if (!rule.languages.empty()) return rule.languages;
    if (!cb.language.empty()) return {cb.language};
    return {"*"};
}

bool CodeCoversLanguage(const Codebook& cb, const Code& code, std::string_view lang) {
    for (const Rule& r : code.rules)
        for (const std::string& l : RuleLanguages(cb, r))
            if (l == "*" || l == lang) return true;
    return false;
}

namespace {
// A term's words as one key ("call for", "demand*"), so differently written terms compare.
std::string TermKey(const std::vector<TermWord>& words) {
    std::string key;
    for (const TermWord& w : words) key += (key.empty() ? "" : " ") + w.form + (w.prefix ? "*" : "");
    return key;
}

// Every vocabulary term's key -> the languages that list it (built once).
const std::unordered_map<std::string, std::set<std::string>>& VocabularyTermLanguages() {
    static const auto table = [] {
        std::unordered_map<std::string, std::set<std::string>> t;
        std::vector<TermWord> words;
        std::string why;
        for (const Vocabulary& v : Vocabularies())
            for (const VocabularyTerms& vt : v.languages)
                for (std::string_view term : vt.terms)
                    if (SplitTerm(term, words, why)) t[TermKey(words)].insert(std::string(vt.lang));
        return t;
    }();
    return table;
}

void CollectTerms(const Condition& c, std::vector<std::string>& out) {
    if (c.kind == Condition::Kind::Term && !IsVocabularyReference(c.term)) out.push_back(c.term);
    for (const Condition& ch : c.children) CollectTerms(ch, out);
    for (const Condition& ch : c.none) CollectTerms(ch, out);
}
}  // namespace

std::string ProposeCodebookLanguage(const Codebook& cb) {
    std::vector<std::string> terms;
    for (const Code& code : cb.codes)
        for (const Rule& r : code.rules)
            if (r.languages.empty()) CollectTerms(r.match, terms);
    if (terms.empty()) return "";
    // Evidence 1: the stopwords and script of the terms read as one text ("call for", "law
    // enforcement"). Evidence 2: terms that a shared vocabulary lists for a language.
    std::string text;
    for (const std::string& t : terms) {
        for (char ch : t) text += ch == '*' ? ' ' : ch;
        text += " . ";
    }
    std::map<std::string, double> score;
    LanguageGuess g = IdentifyLanguage(text, {Span{0, static_cast<uint32_t>(text.size())}});
    if (g.code != "unknown") score[g.code] += 2.0 * g.confidence * static_cast<double>(std::min<size_t>(g.words, 10));
    std::vector<TermWord> words;
    std::string why;
    const auto& vocabulary = VocabularyTermLanguages();
    for (const std::string& t : terms) {
        if (!SplitTerm(t, words, why)) continue;
        auto it = vocabulary.find(TermKey(words));
        if (it == vocabulary.end()) continue;
        for (const std::string& l : it->second) score[l] += 1.0 / static_cast<double>(it->second.size());
    }
    std::string best;
    double top = 0, second = 0;
    for (const auto& [l, v] : score) {
        if (v > top) { second = top; top = v; best = l; }
        else if (v > second) second = v;
    }
    return top >= 1.0 && top >= 1.5 * second ? best : "";
}

std::string DescribeCondition(const Condition& c, size_t max_terms) {
    if (!c.label.empty()) {
        // a labelled group names the shared vocabularies it holds: "a demand to stop (@demand, @stop)"
        std::string refs;
        for (const Condition& ch : c.children)
            if (ch.kind == Condition::Kind::Term && IsVocabularyReference(ch.term))
                refs += (refs.empty() ? "" : ", ") + ch.term;
        return refs.empty() ? c.label : c.label + " (" + refs + ")";
    }
    if (c.kind == Condition::Kind::Term) {
        if (const Vocabulary* v = IsVocabularyReference(c.term) ? FindVocabulary(c.term) : nullptr)
            return c.term + " (" + std::string(v->label) + ")";
        return c.term;
    }
    std::string out;
    size_t shown = 0;
    for (const Condition& ch : c.children) {
        if (shown == max_terms) { out += ", …"; break; }
        if (!out.empty()) out += c.kind == Condition::Kind::All ? " + " : ", ";
        out += DescribeCondition(ch, max_terms);
        ++shown;
    }
    return c.kind == Condition::Kind::All && c.children.size() > 1 ? "(" + out + ")" : out;
}

// [SECTION] Matching ----------------------------------------------------------------------------

namespace {

constexpr uint32_t kNoLeaf = UINT32_MAX;

struct Leaf {
    std::vector<TermWord> words;
    std::string stem_lang;   // non-empty: non-prefix words compare by stem in this language
    // who uses it: a rule term node, or an actor
    int32_t actor = -1;
    bool weak = false;
    std::string actor_lang;  // "*" or a language the actor term applies in
    // a shared vocabulary's term in a rule of several languages: it holds only in sentences of
    // this language (or in articles of it); empty = wherever its rule applies
    std::string term_lang;
};

// A compiled condition node; terms point at their leaves (one per stemming language).
struct Node {
    Condition::Kind kind;
    std::vector<uint32_t> leaves;     // Term
    std::vector<uint32_t> children;   // Any, All: node indices
    std::vector<uint32_t> none;       // node indices
    uint32_t within = 0;
    const Condition* source = nullptr;
};

struct CompiledRule {
    uint32_t code = 0, rule = 0;
    uint32_t root = 0;
    std::vector<std::string> languages;
    bool any_language = false;
    int32_t actor = -1;
    std::vector<int32_t> reject;
    uint32_t context = 0;
    double weight = 1;
    uint32_t parts = 0;  // an "all" root's top-level parts (at most 64), 0 = not counted
};

struct Occ {
    uint32_t leaf;
    uint32_t begin, end;  // match-word indices
};

struct Mention {
    int32_t actor;
    bool weak;
    uint32_t begin, end;  // match-word indices
    Span span;
};

}  // namespace

struct CompiledCodebook::Impl {
    Codebook cb;
    std::vector<Leaf> leaves;
    std::vector<Node> nodes;
    std::vector<CompiledRule> rules;
    std::vector<std::vector<uint32_t>> leaf_rules;  // leaf -> compiled rules using it
    // leaf -> (compiled rule, top-level part of its "all" root) the leaf can make hold; a part can
    // only hold when one of its leaves occurs, so a sentence where some part has none cannot hold
    struct LeafPart { uint32_t rule; uint32_t part; };
    std::vector<std::vector<LeafPart>> leaf_parts;
    using Index = std::unordered_map<std::string, std::vector<uint32_t>, StringHash, std::equal_to<>>;
    Index exact;                                                     // first word -> leaves
    Index prefix;                                                    // first-word prefix -> leaves
    std::vector<size_t> prefix_lengths;                              // distinct prefix byte lengths
    std::map<std::string, Index> stemmed;                            // lang -> stem -> leaves

    uint32_t AddLeaf(Leaf leaf) {
        uint32_t id = static_cast<uint32_t>(leaves.size());
        const TermWord& first = leaf.words.front();
        if (first.prefix) {
            prefix[first.form].push_back(id);
            if (std::find(prefix_lengths.begin(), prefix_lengths.end(), first.form.size()) == prefix_lengths.end())
                prefix_lengths.push_back(first.form.size());
        } else if (!leaf.stem_lang.empty()) {
            stemmed[leaf.stem_lang][first.form].push_back(id);
        } else {
            exact[first.form].push_back(id);
        }
        leaves.push_back(std::move(leaf));
        leaf_rules.emplace_back();
        leaf_parts.emplace_back();
        return id;
    }

    // Stemming leaves store stems of their non-prefix words.
    Leaf MakeLeaf(const std::vector<TermWord>& words, const std::string& stem_lang) {
        Leaf leaf;
        leaf.words = words;
        leaf.stem_lang = stem_lang;
        if (!stem_lang.empty())
            for (TermWord& w : leaf.words)
                if (!w.prefix) w.form = Stem(w.form, stem_lang);
        return leaf;
    }

    // The leaves of one term as written: one per stemming language of the rule, or one.
    void AddTermLeaves(std::string_view term, const std::vector<std::string>& stem_langs, const std::string& term_lang,
                       uint32_t crule, int part, Node& node) {
        std::vector<TermWord> words;
        std::string why;
        if (!SplitTerm(term, words, why)) return;
        for (const std::string& l : stem_langs) {
            Leaf leaf = MakeLeaf(words, l);
            leaf.term_lang = term_lang;
            uint32_t id = AddLeaf(std::move(leaf));
            leaf_rules[id].push_back(crule);
            if (part >= 0) leaf_parts[id].push_back({crule, static_cast<uint32_t>(part)});
            node.leaves.push_back(id);
        }
    }

    // `part`: the top-level part of an "all" root this node lies in (-1: none, or inside an exclusion).
    uint32_t CompileNode(const Condition& c, const Rule& rule, const std::vector<std::string>& languages, uint32_t crule,
                         int part) {
        Node node;
        node.kind = c.kind;
        node.within = c.within;
        node.source = &c;
        if (c.kind == Condition::Kind::Term && IsVocabularyReference(c.term)) {
            // "@demand": the vocabulary's terms in the rule's languages (all of them for "*"),
            // each language's terms holding only in text of that language.
            if (const Vocabulary* v = FindVocabulary(c.term)) {
                const bool every = std::find(languages.begin(), languages.end(), "*") != languages.end();
                for (const VocabularyTerms& vt : v->languages) {
                    const std::string lang(vt.lang);
                    if (!every && std::find(languages.begin(), languages.end(), lang) == languages.end()) continue;
                    std::vector<std::string> stem_langs{rule.stem && HasStemmer(lang) ? lang : std::string()};
                    const std::string term_lang = languages.size() == 1 && !every ? std::string() : lang;
                    for (std::string_view t : vt.terms) AddTermLeaves(t, stem_langs, term_lang, crule, part, node);
                }
            }
        } else if (c.kind == Condition::Kind::Term) {
            std::vector<std::string> stem_langs;
            if (rule.stem)
                for (const std::string& l : languages)
                    if (l != "*" && HasStemmer(l)) stem_langs.push_back(l);
            if (stem_langs.empty()) stem_langs.push_back("");
            AddTermLeaves(c.term, stem_langs, std::string(), crule, part, node);
        } else {
            for (const Condition& ch : c.children) node.children.push_back(CompileNode(ch, rule, languages, crule, part));
        }
        for (const Condition& ex : c.none) node.none.push_back(CompileNode(ex, rule, languages, crule, -1));
        nodes.push_back(std::move(node));
        return static_cast<uint32_t>(nodes.size() - 1);
    }

    int32_t ActorIndex(const std::string& id) const {
        for (size_t i = 0; i < cb.actors.size(); ++i)
            if (cb.actors[i].id == id) return static_cast<int32_t>(i);
        return -1;
    }
};

CompiledCodebook::CompiledCodebook(const Codebook& cb) : impl_(std::make_unique<Impl>()) {
    Impl& im = *impl_;
    im.cb = cb;
    // Pointers into im.cb's conditions stay valid: im.cb is not modified after this point.
    for (size_t a = 0; a < im.cb.actors.size(); ++a) {
        const Actor& actor = im.cb.actors[a];
        for (int weak = 0; weak < 2; ++weak)
            for (const auto& [lang, terms] : weak ? actor.weak_terms : actor.terms)
                for (const std::string& t : terms) {
                    std::vector<TermWord> words;
                    std::string why;
                    if (!SplitTerm(t, words, why)) continue;
                    Leaf leaf = im.MakeLeaf(words, "");
                    leaf.actor = static_cast<int32_t>(a);
                    leaf.weak = weak != 0;
                    leaf.actor_lang = lang;
                    im.AddLeaf(std::move(leaf));
                }
    }
    for (size_t c = 0; c < im.cb.codes.size(); ++c) {
        const Code& code = im.cb.codes[c];
        for (size_t r = 0; r < code.rules.size(); ++r) {
            const Rule& rule = code.rules[r];
            CompiledRule cr;
            cr.code = static_cast<uint32_t>(c);
            cr.rule = static_cast<uint32_t>(r);
            cr.languages = RuleLanguages(im.cb, rule);
            cr.any_language = std::find(cr.languages.begin(), cr.languages.end(), "*") != cr.languages.end();
            cr.weight = rule.weight;
            if (rule.attribution) {
                cr.actor = im.ActorIndex(rule.attribution->actor);
                for (const std::string& rj : rule.attribution->reject) {
                    int32_t idx = im.ActorIndex(rj);
                    if (idx >= 0) cr.reject.push_back(idx);
                }
                cr.context = rule.attribution->context;
            }
            uint32_t id = static_cast<uint32_t>(im.rules.size());
            im.rules.push_back(cr);
            const Condition& root = rule.match;
            if (root.kind == Condition::Kind::All && root.children.size() <= 64) {
                // each top-level part compiled apart, so its leaves know which part they serve
                Node node;
                node.kind = root.kind;
                node.within = root.within;
                node.source = &root;
                for (size_t k = 0; k < root.children.size(); ++k)
                    node.children.push_back(im.CompileNode(root.children[k], rule, im.rules[id].languages, id, static_cast<int>(k)));
                for (const Condition& ex : root.none) node.none.push_back(im.CompileNode(ex, rule, im.rules[id].languages, id, -1));
                im.nodes.push_back(std::move(node));
                im.rules[id].root = static_cast<uint32_t>(im.nodes.size() - 1);
                im.rules[id].parts = static_cast<uint32_t>(root.children.size());
            } else {
                im.rules[id].root = im.CompileNode(rule.match, rule, im.rules[id].languages, id, -1);
            }
        }
    }
    std::sort(im.prefix_lengths.begin(), im.prefix_lengths.end());
}

CompiledCodebook::~CompiledCodebook() = default;
const Codebook& CompiledCodebook::codebook() const { return impl_->cb; }

namespace {

constexpr uint32_t kUnset = UINT32_MAX;
constexpr uint32_t kSplit = UINT32_MAX - 1;   // a term cut into several match words
constexpr uint32_t kOverflow = 0x80000000u;    // a word id that is not a corpus term id

// A match word of a sentence: its bytes in the text, and its word id (a corpus term id, or
// kOverflow | k for a part of a hyphenated word that is not itself a term of the corpus).
struct MatchWord {
    Span span;
    uint32_t word;
};

}  // namespace

// What matching learns of each distinct word, once: the codebook leaves it may start (exact
// words and prefixes), and per stemming language its stem and the stemmed leaves that stem
// starts. Indexed by word id in flat arrays, so a token costs array reads, not folding, hashing
// or stemming (see MatchMemo in codebook.hpp).
struct MatchMemo::Impl {
    const TermTable* terms = nullptr;
    const CompiledCodebook::Impl* cb = nullptr;
    std::vector<std::string> stem_langs;               // the codebook's stemming languages
    // per word: an index into lists (0 = no candidates), kUnset = not yet looked at, or (terms
    // only) kSplit
    std::vector<uint32_t> term_base, over_base;
    std::vector<uint32_t> lists{0};                     // [count, leaf, leaf, ...] back to back; 0: the empty list
    // per stemming language, per word: an index into stems, or kUnset
    std::vector<std::vector<uint32_t>> term_stem, over_stem;
    struct StemFact {
        uint32_t begin, size;                           // in stem_chars
        uint32_t list;                                  // stemmed leaves it starts: index into lists
    };
    std::vector<StemFact> stems;
    std::string stem_chars;
    // parts of hyphenated words that are not corpus terms
    std::vector<std::string> over_words;
    std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> over_ids;
    std::string scratch;

    void Bind(const TermTable& t, const CompiledCodebook::Impl& c);

    std::string_view Folded(uint32_t w) const {
        return (w & kOverflow) ? std::string_view(over_words[w & ~kOverflow]) : terms->Text(w);
    }
    // The word id of a folded part of a hyphenated or apostrophed token.
    uint32_t PartWord(std::string_view folded) {
        uint32_t id = terms->Find(folded);
        if (id != kNoTerm) return id;
        auto it = over_ids.find(folded);
        if (it != over_ids.end()) return it->second;
        const uint32_t w = kOverflow | static_cast<uint32_t>(over_words.size());
        over_words.emplace_back(folded);
        over_ids.emplace(std::string(folded), w);
        return w;
    }
    // Word w's entry in a per-word array (one for term ids, one for overflow ids), grown on demand.
    static uint32_t& Slot(std::vector<uint32_t>& terms_v, std::vector<uint32_t>& over_v, uint32_t w) {
        std::vector<uint32_t>& v = (w & kOverflow) ? over_v : terms_v;
        const uint32_t i = w & ~kOverflow;
        if (i >= v.size()) v.resize(std::max<size_t>(i + 1, v.size() + v.size() / 2 + 64), kUnset);
        return v[i];
    }
    uint32_t& BaseSlot(uint32_t w) { return Slot(term_base, over_base, w); }
    // The leaves a word starts without stemming: an index into lists.
    uint32_t Base(uint32_t w);
    // The stem of a word in stemming language li, with the leaves it starts.
    const StemFact& Stemmed(uint32_t w, size_t li);
    std::string_view StemText(const StemFact& f) const { return std::string_view(stem_chars).substr(f.begin, f.size); }
    size_t StemLanguage(std::string_view lang) const {
        for (size_t i = 0; i < stem_langs.size(); ++i)
            if (stem_langs[i] == lang) return i;
        return SIZE_MAX;
    }
    uint32_t AddList(const std::vector<uint32_t>& leaves) {
        if (leaves.empty()) return 0;
        const uint32_t at = static_cast<uint32_t>(lists.size());
        lists.push_back(static_cast<uint32_t>(leaves.size()));
        lists.insert(lists.end(), leaves.begin(), leaves.end());
        return at;
    }
};

MatchMemo::MatchMemo() : impl_(std::make_unique<Impl>()) {}
MatchMemo::~MatchMemo() = default;

void MatchMemo::Impl::Bind(const TermTable& t, const CompiledCodebook::Impl& c) {
    if (terms == &t && cb == &c) return;
    *this = Impl{};
    terms = &t;
    cb = &c;
    for (const auto& [lang, index] : c.stemmed) stem_langs.push_back(lang);
    term_stem.resize(stem_langs.size());
    over_stem.resize(stem_langs.size());
}

uint32_t MatchMemo::Impl::Base(uint32_t w) {
    if (uint32_t slot = BaseSlot(w); slot != kUnset) return slot;
    const std::string_view folded = Folded(w);
    if (!(w & kOverflow) && folded.find_first_of("-'") != std::string_view::npos) return BaseSlot(w) = kSplit;
    std::vector<uint32_t> leaves;
    if (auto it = cb->exact.find(folded); it != cb->exact.end()) leaves = it->second;
    for (size_t len : cb->prefix_lengths) {
        if (len > folded.size()) break;
        if (auto it = cb->prefix.find(folded.substr(0, len)); it != cb->prefix.end())
            leaves.insert(leaves.end(), it->second.begin(), it->second.end());
    }
    const uint32_t list = AddList(leaves);
    return BaseSlot(w) = list;
}

const MatchMemo::Impl::StemFact& MatchMemo::Impl::Stemmed(uint32_t w, size_t li) {
    uint32_t& slot = Slot(term_stem[li], over_stem[li], w);
    if (slot != kUnset) return stems[slot];
    const std::string stem = Stem(Folded(w), stem_langs[li]);
    StemFact f{static_cast<uint32_t>(stem_chars.size()), static_cast<uint32_t>(stem.size()), 0};
    stem_chars += stem;
    const auto& index = cb->stemmed.at(stem_langs[li]);
    if (auto it = index.find(stem); it != index.end()) f.list = AddList(it->second);
    slot = static_cast<uint32_t>(stems.size());  // (nothing above touched the slot arrays)
    stems.push_back(f);
    return stems.back();
}

namespace {

// Does match word w (its folded form, or its stem in the leaf's language) match the leaf's k-th word?
bool WordMatches(MatchMemo::Impl& memo, const TermWord& tw, size_t stem_li, uint32_t w) {
    const std::string_view folded = memo.Folded(w);
    if (tw.prefix) return folded.size() >= tw.form.size() && folded.compare(0, tw.form.size(), tw.form) == 0;
    if (stem_li != SIZE_MAX) return memo.StemText(memo.Stemmed(w, stem_li)) == tw.form;
    return folded == tw.form;
}

// Per-sentence state of the matcher.
struct SentenceScan {
    std::vector<MatchWord> words;
    std::vector<Occ> occs;  // sorted by leaf, then position
};

class Matcher {
public:
    Matcher(const CompiledCodebook::Impl& im, MatchMemo::Impl& memo) : im_(im), memo_(memo) {}

    // Finds the leaves occurring in sentence `range`, whose tokens are terms[first, last) (the
    // analysis's term ids, in the order Tokenize gives them).
    void Scan(std::string_view text, Span range, const uint32_t* first, const uint32_t* last, size_t li_a, size_t li_s,
              const std::string& lang_a, const std::string& lang_s, SentenceScan& s) {
        lang_a_ = &lang_a;
        lang_s_ = &lang_s;
        s.words.clear();
        s.occs.clear();
        // Most sentences start no leaf and hold no hyphenated word: they need no spans.
        bool any = false;
        for (const uint32_t* t = first; t != last && !any; ++t) {
            const uint32_t b = memo_.Base(*t);
            any = b != 0 || (li_a != SIZE_MAX && memo_.Stemmed(*t, li_a).list != 0) ||
                  (li_s != SIZE_MAX && memo_.Stemmed(*t, li_s).list != 0);
        }
        if (!any) return;
        const uint32_t* t = first;
        Tokenize(text, range, [&](const Token& tok) {
            const uint32_t id = t != last ? *t++ : kNoTerm;
            if (id == kNoTerm) return;  // (never: the analysis tokenized the same range)
            if (memo_.Base(id) != kSplit) {
                s.words.push_back({tok.span, id});
                return;
            }
            // cut at hyphens and apostrophes; each part folded on its own
            uint32_t part_begin = tok.span.begin;
            auto emit = [&](uint32_t end) {
                if (end <= part_begin) return;
                FoldToken(text.substr(part_begin, end - part_begin), memo_.scratch);
                s.words.push_back({{part_begin, end}, memo_.PartWord(memo_.scratch)});
            };
            for (uint32_t i = tok.span.begin; i < tok.span.end;) {
                int32_t cp;
                int n = DecodeUtf8(text, i, cp);
                if (n < 0) n = 1;
                CharClass cls = n > 0 ? ClassifyCodePoint(cp) : CharClass::Other;
                if (cls == CharClass::Apostrophe || cls == CharClass::Hyphen) {
                    emit(i);
                    part_begin = i + static_cast<uint32_t>(n);
                }
                i += static_cast<uint32_t>(n);
            }
            emit(tok.span.end);
        });
        const size_t n = s.words.size();
        for (uint32_t i = 0; i < n; ++i) {
            const uint32_t w = s.words[i].word;
            Verify(memo_.Base(w), s, i);
            if (li_a != SIZE_MAX) Verify(memo_.Stemmed(w, li_a).list, s, i);
            if (li_s != SIZE_MAX && li_s != li_a) Verify(memo_.Stemmed(w, li_s).list, s, i);
        }
        std::sort(s.occs.begin(), s.occs.end(), [](const Occ& a, const Occ& b) {
            return a.leaf != b.leaf ? a.leaf < b.leaf : a.begin < b.begin;
        });
    }

private:
    void Verify(uint32_t list, SentenceScan& s, uint32_t at) {
        if (list == 0 || list == kSplit) return;
        const uint32_t count = memo_.lists[list];
        for (uint32_t c = 0; c < count; ++c) {
            const uint32_t leaf_id = memo_.lists[list + 1 + c];
            const Leaf& leaf = im_.leaves[leaf_id];
            if (at + leaf.words.size() > s.words.size()) continue;
            if (!leaf.term_lang.empty() && leaf.term_lang != *lang_a_ && leaf.term_lang != *lang_s_) continue;
            const size_t stem_li = leaf.stem_lang.empty() ? SIZE_MAX : memo_.StemLanguage(leaf.stem_lang);
            bool ok = true;
            for (size_t k = 1; k < leaf.words.size() && ok; ++k)  // the first word matched by the index
                ok = WordMatches(memo_, leaf.words[k], stem_li, s.words[at + k].word);
            if (ok) s.occs.push_back({leaf_id, at, at + static_cast<uint32_t>(leaf.words.size())});
        }
    }

    const CompiledCodebook::Impl& im_;
    MatchMemo::Impl& memo_;
    const std::string* lang_a_ = nullptr;  // the article's and the sentence's language
    const std::string* lang_s_ = nullptr;
};

// Result of evaluating one condition node in a sentence. Plain data: the supporting word ranges
// and the missing nodes live in the Evaluator's buffers, so evaluating allocates nothing.
struct Eval {
    bool ok = false;
    bool excluded = false;                        // failed because of a `none` exclusion
    bool window_failed = false;                   // all children held, but not within the window
    uint32_t occ_begin = 0, occ_end = 0;          // supporting match-word ranges: Evaluator::occ()
    uint32_t satisfied = 0, total = 1;            // top-level children that held
    uint32_t missing_begin = 0, missing_end = 0;  // top level: the nodes that did not hold: Evaluator::missing()
    int64_t excluded_by = -1;                     // the exclusion node that held
    uint32_t within = 0;
    // top-level "all" that held: the tightest stretch of match words holding one occurrence of
    // each part (what attribution measures from); win_end == 0 when not computed
    uint32_t win_begin = 0, win_end = 0;
};

// A near miss before it is put in words: most are dropped (a hit later in the article, or
// closer misses), so the words are made only for those kept.
struct MissCandidate {
    NearMiss nm;
    Eval eval;              // a rule that failed: why
    int32_t want = -1;      // an attribution that failed: the actor wanted,
    int32_t other = -1;     // the actor named instead (-1: none named),
    Span mention;           // ...in these words,
    uint32_t context = 0;   // and how many sentences back were searched
};

using Range = std::pair<uint32_t, uint32_t>;

class Evaluator {
public:
    explicit Evaluator(const CompiledCodebook::Impl& im) : im_(im), first_(im.leaves.size(), kUnset) {}

    // The sentence the next rules are evaluated in: each leaf's first occurrence is noted, so a
    // term finds its occurrences without a search.
    void BeginSentence(const SentenceScan& s) {
        s_ = &s;
        for (size_t i = 0; i < s.occs.size(); ++i)
            if (i == 0 || s.occs[i].leaf != s.occs[i - 1].leaf) first_[s.occs[i].leaf] = static_cast<uint32_t>(i);
    }
    void EndSentence() {
        for (const Occ& o : s_->occs) first_[o.leaf] = kUnset;
    }
    // Evaluates a rule's root in the sentence. The missing nodes it records stay until ForgetMissing.
    Eval RunRule(uint32_t root) {
        occ_.clear();
        return Run(root, true);
    }
    const std::vector<Range>& occ() const { return occ_; }
    const std::vector<uint32_t>& missing() const { return missing_; }
    void ForgetMissing() { missing_.clear(); }

private:
    Eval Run(uint32_t node_id, bool top) {
        const Node& node = im_.nodes[node_id];
        Eval e;
        e.occ_begin = static_cast<uint32_t>(occ_.size());
        e.missing_begin = static_cast<uint32_t>(missing_.size());
        if (node.kind == Condition::Kind::Term) {
            const std::vector<Occ>& occs = s_->occs;
            for (uint32_t leaf : node.leaves)
                for (uint32_t k = first_[leaf]; k < occs.size() && occs[k].leaf == leaf; ++k)
                    occ_.push_back({occs[k].begin, occs[k].end});
            e.ok = occ_.size() > e.occ_begin;
            e.satisfied = e.ok;
            if (!e.ok && top) missing_.push_back(node_id);
        } else if (node.kind == Condition::Kind::Any) {
            for (uint32_t ch : node.children) {
                const size_t mark = occ_.size();
                if (Run(ch, false).ok) e.ok = true;
                else occ_.resize(mark);  // only the children that held support it
            }
            e.satisfied = e.ok;
            if (!e.ok && top) missing_.push_back(node_id);
        } else {
            const size_t parts_base = parts_.size();
            uint32_t held = 0;
            for (uint32_t ch : node.children) {
                const uint32_t mark = static_cast<uint32_t>(occ_.size());
                if (Run(ch, false).ok) {
                    ++held;
                    parts_.push_back({mark, static_cast<uint32_t>(occ_.size())});
                } else {
                    occ_.resize(mark);
                    if (top) missing_.push_back(ch);
                }
            }
            e.total = static_cast<uint32_t>(node.children.size());
            e.satisfied = held;
            if (held == e.total) {
                if (node.within > 0) {
                    if (!Window(parts_base, node.within, e.occ_begin)) {
                        e.window_failed = true;
                        e.within = node.within;
                    } else {
                        e.ok = true;
                    }
                } else {
                    e.ok = true;
                }
                uint32_t width;
                size_t lo, hi;
                if (e.ok && top && node.within == 0 && SmallestWindow(parts_base, width, lo, hi)) {
                    e.win_begin = items_[lo].begin;
                    e.win_end = items_[hi].end;
                }
            }
            parts_.resize(parts_base);
        }
        if (e.ok) {
            for (uint32_t ex : node.none) {
                const size_t mark = occ_.size();
                const bool held = Run(ex, false).ok;
                occ_.resize(mark);
                if (held) {
                    e.ok = false;
                    e.excluded = true;
                    e.excluded_by = ex;
                    break;
                }
            }
        }
        if (!e.ok) occ_.resize(e.occ_begin);
        e.occ_end = static_cast<uint32_t>(occ_.size());
        e.missing_end = static_cast<uint32_t>(missing_.size());
        if (!top) {
            e.satisfied = e.ok;
            e.total = 1;
        }
        return e;
    }

    // The smallest window holding one occurrence of every part (parts_[base..], ranges of occ_);
    // false if wider than `within`. On success occ_ from `begin` on holds just that window's ranges.
    bool Window(size_t base, uint32_t within, uint32_t begin) {
        uint32_t best;
        size_t best_lo, best_hi;
        if (!SmallestWindow(base, best, best_lo, best_hi) || best > within) return false;
        occ_.resize(begin);
        for (size_t i = best_lo; i <= best_hi; ++i) occ_.push_back({items_[i].begin, items_[i].end});
        return true;
    }

    // The smallest window holding one occurrence of every part: its width in match words and its
    // first and last item in items_. False when some part has no occurrence.
    bool SmallestWindow(size_t base, uint32_t& best, size_t& best_lo, size_t& best_hi) {
        const size_t nparts = parts_.size() - base;
        items_.clear();
        for (size_t p = 0; p < nparts; ++p)
            for (uint32_t k = parts_[base + p].first; k < parts_[base + p].second; ++k)
                items_.push_back({occ_[k].first, occ_[k].second, static_cast<uint32_t>(p)});
        std::sort(items_.begin(), items_.end(), [](const Item& a, const Item& b) { return a.begin < b.begin; });
        count_.assign(nparts, 0);
        size_t covered = 0, lo = 0;
        best = UINT32_MAX;
        best_lo = best_hi = 0;
        for (size_t hi = 0; hi < items_.size(); ++hi) {
            if (count_[items_[hi].part]++ == 0) ++covered;
            while (covered == nparts) {
                uint32_t width = items_[hi].end - items_[lo].begin;
                if (width < best) { best = width; best_lo = lo; best_hi = hi; }
                if (--count_[items_[lo].part] == 0) --covered;
                ++lo;
            }
        }
        return best != UINT32_MAX;
    }

    struct Item { uint32_t begin, end, part; };
    const CompiledCodebook::Impl& im_;
    const SentenceScan* s_ = nullptr;
    std::vector<uint32_t> first_;    // per leaf: its first index in s_->occs, kUnset when absent
    std::vector<Range> occ_;         // the supporting ranges of the evaluation under way
    std::vector<Range> parts_;       // All: the held children's ranges of occ_ (a stack)
    std::vector<uint32_t> missing_;  // top-level nodes that did not hold, of every evaluation kept
    std::vector<Item> items_;        // Window's scratch
    std::vector<uint32_t> count_;
};

// What a failed top-level evaluation lacked, in words (built only for kept near misses).
std::string Explain(const CompiledCodebook::Impl& im, const Evaluator& ev, const MissCandidate& mc,
                    std::string_view text) {
    auto name = [&](int32_t a) {
        const Actor& actor = im.cb.actors[static_cast<size_t>(a)];
        return actor.label.empty() ? actor.id : actor.label;
    };
    if (mc.want >= 0) {
        if (mc.other >= 0)
            return "attributed to " + name(mc.other) + " (\"" +
                   std::string(text.substr(mc.mention.begin, mc.mention.size())) + "\"), not " + name(mc.want);
        return "no mention of " + name(mc.want) + " in the sentence or the " + std::to_string(mc.context) + " before it";
    }
    const Eval& e = mc.eval;
    if (e.excluded) return "excluded by: " + DescribeCondition(*im.nodes[static_cast<size_t>(e.excluded_by)].source);
    if (e.window_failed) return "the terms are more than " + std::to_string(e.within) + " words apart";
    std::string out;
    for (uint32_t k = e.missing_begin; k < e.missing_end; ++k)
        out += (out.empty() ? "" : "; ") + DescribeCondition(*im.nodes[ev.missing()[k]].source);
    return "missing: " + out;
}

bool LanguageApplies(const std::string& term_lang, const std::string& a, const std::string& s) {
    return term_lang == "*" || term_lang == a || term_lang == s;
}

std::vector<Mention> FindMentions(const CompiledCodebook::Impl& im, const SentenceScan& s, const std::string& lang_a,
                                  const std::string& lang_s) {
    std::vector<Mention> out;
    for (const Occ& o : s.occs) {
        const Leaf& leaf = im.leaves[o.leaf];
        if (leaf.actor < 0 || !LanguageApplies(leaf.actor_lang, lang_a, lang_s)) continue;
        out.push_back({leaf.actor, leaf.weak, o.begin, o.end,
                       Span{s.words[o.begin].span.begin, s.words[o.end - 1].span.end}});
    }
    // A mention inside a longer one ("medewerkers" in "medewerkers van Microsoft") gives way.
    std::vector<Mention> kept;
    for (const Mention& m : out) {
        bool inside = std::any_of(out.begin(), out.end(), [&](const Mention& o) {
            return &o != &m && o.begin <= m.begin && o.end >= m.end && (o.end - o.begin) > (m.end - m.begin);
        });
        bool dup = std::any_of(kept.begin(), kept.end(), [&](const Mention& k) {
            return k.begin == m.begin && k.end == m.end;
        });
        if (!inside && !dup) kept.push_back(m);
    }
    std::sort(kept.begin(), kept.end(), [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
    return kept;
}

struct AttributionOutcome {
    enum Kind { Accepted, Rejected, NotFound } kind = NotFound;
    const Mention* mention = nullptr;
    bool in_sentence = false;
};

// Decides who a claim at match words [b, e) is attributed to (see Attribution). A sign-off
// ("– Nicole Ozer representing ACLU") closing the claim's paragraph names the speaker of the
// whole paragraph and decides first; then the sentence itself; then the sentences before it.
AttributionOutcome Attribute(const CompiledRule& rule, const std::vector<std::vector<Mention>>& mentions,
                             size_t sentence, int signoff, uint32_t b, uint32_t e, std::string_view text,
                             uint32_t claim_end) {
    // A mention after the claim that a comma, semicolon, colon or dash sets apart begins another
    // clause ("..., Google employees pressuring ..."): it counts as far away.
    auto clause_break = [&](const Mention& m) {
        if (m.span.begin <= claim_end || m.span.begin > text.size()) return false;
        std::string_view between = text.substr(claim_end, m.span.begin - claim_end);
        return between.find_first_of(",;:") != std::string_view::npos || between.find("\u2014") != std::string_view::npos ||
               between.find("\u2013") != std::string_view::npos;
    };
    auto relevant = [&](const Mention& m) {
        return m.actor == rule.actor || std::find(rule.reject.begin(), rule.reject.end(), m.actor) != rule.reject.end();
    };
    AttributionOutcome out;
    if (signoff >= 0)
        for (const Mention& m : mentions[static_cast<size_t>(signoff)])
            if (!m.weak && relevant(m)) {
                out.kind = m.actor == rule.actor ? AttributionOutcome::Accepted : AttributionOutcome::Rejected;
                out.mention = &m;
                return out;
            }
    for (size_t back = 0; back <= rule.context && back <= sentence; ++back) {
        const std::vector<Mention>& ms = mentions[sentence - back];
        const Mention* chosen = nullptr;
        uint64_t best = UINT64_MAX;
        for (const Mention& m : ms) {
            if (m.weak || !relevant(m)) continue;
            uint64_t dist;
            if (back > 0) dist = UINT32_MAX - m.begin;  // the last mention before the claim
            else if (m.end <= b) dist = 2ull * (b - m.end);          // before the claim: preferred
            else if (m.begin >= e) dist = 2ull * (m.begin - e) + 1 + (clause_break(m) ? 64 : 0);  // after it
            else dist = 0;                                           // overlapping
            if (dist < best) { best = dist; chosen = &m; }
        }
        if (!chosen)
            for (const Mention& m : ms)
                if (m.weak && m.actor == rule.actor) { chosen = &m; break; }
        if (chosen) {
            out.kind = chosen->actor == rule.actor ? AttributionOutcome::Accepted : AttributionOutcome::Rejected;
            out.mention = chosen;
            out.in_sentence = back == 0;
            return out;
        }
    }
    return out;
}

bool StartsWithDash(std::string_view s) {
    return s.starts_with("\u2013") || s.starts_with("\u2014") || s.starts_with("\u2015") || s.starts_with("- ");
}

bool RuleApplies(const CompiledRule& r, const std::string& a, const std::string& s) {
    if (r.any_language) return true;
    return std::find(r.languages.begin(), r.languages.end(), a) != r.languages.end() ||
           std::find(r.languages.begin(), r.languages.end(), s) != r.languages.end();
}

}  // namespace

MatchResult MatchCorpus(const AnalyzedCorpus& ac, const CompiledCodebook& cbc, size_t near_misses_per_cell) {
    MatchResult result;
    MatchMemo memo;
    MatchArticles(ac, cbc, 0, ac.articles.size(), result, memo, near_misses_per_cell);
    return result;
}

void MatchArticles(const AnalyzedCorpus& ac, const CompiledCodebook& cbc, size_t first, size_t last,
                   MatchResult& result, MatchMemo& memo, size_t near_misses_per_cell) {
    const CompiledCodebook::Impl& im = cbc.impl();
    const size_t ncodes = im.cb.codes.size();
    MatchMemo::Impl& mm = memo.impl();
    mm.Bind(ac.terms, im);
    Matcher matcher(im, mm);
    Evaluator ev(im);
    std::vector<Range> occ;
    std::vector<SentenceScan> scans;
    std::vector<int> signoff;
    std::vector<uint32_t> touched;
    std::vector<uint8_t> touched_flag(im.rules.size(), 0);
    std::vector<uint64_t> parts_seen(im.rules.size(), 0);  // per rule: the parts with an occurring leaf
    std::vector<std::vector<Mention>> mentions;
    std::vector<int> best_hit(ncodes);                          // per code, in this sentence
    std::vector<std::vector<MissCandidate>> misses(ncodes);     // per code, in this article
    std::vector<uint8_t> code_hit(ncodes);

    last = std::min(last, ac.articles.size());
    for (size_t ai = first; ai < last; ++ai) {
        const AnalyzedArticle& aa = ac.articles[ai];
        const std::string_view text = ac.corpus->articles[ai].text;
        const std::string& lang_a = aa.effective_language;
        const size_t li_a = mm.StemLanguage(lang_a);
        mentions.assign(aa.sentences.size(), {});
        for (auto& m : misses) m.clear();
        ev.ForgetMissing();
        std::fill(code_hit.begin(), code_hit.end(), 0);
        // pass 1: scan every sentence, find actor mentions and paragraph sign-offs
        const size_t ns = aa.sentences.size();
        if (scans.size() < ns) scans.resize(ns);
        std::vector<uint32_t> sentence_line(ns, 0);
        signoff.assign(ns, -1);
        for (size_t si = 0, line_i = 0; si < ns; ++si) {
            const Span sent = aa.sentences[si];
            const uint32_t* ids = aa.terms.data();
            matcher.Scan(text, sent, ids + aa.sentence_terms[si], ids + aa.sentence_terms[si + 1], li_a,
                         mm.StemLanguage(aa.sentence_languages[si].code), lang_a, aa.sentence_languages[si].code,
                         scans[si]);
            mentions[si] = FindMentions(im, scans[si], lang_a, aa.sentence_languages[si].code);
            while (line_i + 1 < aa.lines.size() && aa.lines[line_i].span.end < sent.begin) ++line_i;
            sentence_line[si] = static_cast<uint32_t>(line_i);
        }
        for (size_t si = 0; si < ns;) {
            size_t last = si;
            while (last + 1 < ns && sentence_line[last + 1] == sentence_line[si]) ++last;
            const Span ls = aa.sentences[last];
            if (last > si && StartsWithDash(text.substr(ls.begin, ls.size())))
                for (size_t k = si; k < last; ++k) signoff[k] = static_cast<int>(last);
            si = last + 1;
        }
        // pass 2: evaluate the rules whose terms occur
        for (size_t si = 0; si < ns; ++si) {
            const Span sent = aa.sentences[si];
            const std::string& lang_s = aa.sentence_languages[si].code;
            const SentenceScan& scan = scans[si];
            if (scan.occs.empty()) continue;
            const bool heading = aa.lines.size() > sentence_line[si] && aa.lines[sentence_line[si]].heading;

            touched.clear();
            for (const Occ& o : scan.occs) {
                for (uint32_t r : im.leaf_rules[o.leaf])
                    if (!touched_flag[r]) { touched_flag[r] = 1; touched.push_back(r); }
                for (const auto& lp : im.leaf_parts[o.leaf]) parts_seen[lp.rule] |= uint64_t{1} << lp.part;
            }
            std::sort(touched.begin(), touched.end());
            std::fill(best_hit.begin(), best_hit.end(), -1);
            ev.BeginSentence(scan);
            for (uint32_t r : touched) {
                touched_flag[r] = 0;
                const uint64_t seen = std::exchange(parts_seen[r], 0);
                const CompiledRule& rule = im.rules[r];
                if (!RuleApplies(rule, lang_a, lang_s)) continue;
                // A part with no occurring leaf cannot hold, so neither can the rule: skip the
                // evaluation unless a near miss may still be wanted (some part held, no hit yet).
                if (rule.parts > 0 && static_cast<uint32_t>(std::popcount(seen)) < rule.parts &&
                    (seen == 0 || code_hit[rule.code]))
                    continue;
                Eval e = ev.RunRule(rule.root);
                NearMiss nm;
                nm.code = rule.code;
                nm.article = static_cast<uint32_t>(ai);
                nm.sentence_span = sent;
                nm.rule = rule.rule;
                nm.satisfied = e.satisfied;
                nm.total = e.total;
                if (!e.ok) {
                    if (e.satisfied == 0 || code_hit[rule.code]) continue;  // near misses only for empty cells
                    nm.closeness = (e.excluded || e.window_failed) ? 0.99
                                                                     : static_cast<double>(e.satisfied) / e.total;
                    misses[rule.code].push_back({std::move(nm), std::move(e)});
                    continue;
                }
                uint32_t b = UINT32_MAX, en = 0;
                occ.assign(ev.occ().begin() + e.occ_begin, ev.occ().begin() + e.occ_end);
                for (auto [ob, oe] : occ) { b = std::min(b, ob); en = std::max(en, oe); }
                if (e.win_end > e.win_begin) { b = e.win_begin; en = e.win_end; }  // measured from the tightest match
                Hit hit;
                hit.code = rule.code;
                hit.article = static_cast<uint32_t>(ai);
                hit.sentence = static_cast<uint32_t>(si);
                hit.sentence_span = sent;
                hit.rule = rule.rule;
                double attribution_bonus = 0;
                if (rule.actor >= 0) {
                    const uint32_t claim_end = en > 0 && en <= scan.words.size() ? scan.words[en - 1].span.end : 0;
                    AttributionOutcome out = Attribute(rule, mentions, si, signoff[si], b, en, text, claim_end);
                    if (out.kind != AttributionOutcome::Accepted) {
                        if (code_hit[rule.code]) continue;
                        nm.closeness = 0.99;
                        MissCandidate mc{std::move(nm), {}};
                        mc.want = rule.actor;
                        mc.context = rule.context;
                        if (out.kind == AttributionOutcome::Rejected) {
                            mc.other = out.mention->actor;
                            mc.mention = out.mention->span;
                        }
                        misses[rule.code].push_back(std::move(mc));
                        continue;
                    }
                    hit.actor = out.mention->span;
                    hit.actor_in_sentence = out.in_sentence;
                    attribution_bonus = out.in_sentence ? (out.mention->weak ? 1.5 : 2.0) : 1.0;
                }
                std::sort(occ.begin(), occ.end());
                occ.erase(std::unique(occ.begin(), occ.end()), occ.end());
                size_t distinct = 0;
                for (size_t k = 0; k < occ.size(); ++k) {
                    if (k > 0 && occ[k].first < occ[k - 1].second) continue;  // overlapping
                    hit.tokens.push_back({scan.words[occ[k].first].span.begin, scan.words[occ[k].second - 1].span.end});
                    ++distinct;
                }
                hit.score = rule.weight * (static_cast<double>(std::min<size_t>(distinct, 6)) + attribution_bonus) -
                            (heading ? 1.0 : 0.0);
                int& slot = best_hit[rule.code];
                if (slot < 0) {
                    slot = static_cast<int>(result.hits.size());
                    result.hits.push_back(std::move(hit));
                } else if (hit.score > result.hits[static_cast<size_t>(slot)].score) {
                    result.hits[static_cast<size_t>(slot)] = std::move(hit);
                }
                code_hit[rule.code] = 1;
            }
            ev.EndSentence();
        }
        // keep the hits of one sentence in code order
        // (they were appended per sentence in rule order; codes ascend with rules)
        for (size_t c = 0; c < ncodes; ++c) {
            if (code_hit[c] || misses[c].empty()) continue;
            auto& v = misses[c];
            std::stable_sort(v.begin(), v.end(), [](const MissCandidate& a, const MissCandidate& b) {
                return a.nm.closeness > b.nm.closeness;
            });
            const size_t first_kept = result.near_misses.size();
            for (MissCandidate& mc : v) {
                if (result.near_misses.size() - first_kept == near_misses_per_cell) break;
                bool same = std::any_of(result.near_misses.begin() + static_cast<std::ptrdiff_t>(first_kept),
                                        result.near_misses.end(),
                                        [&](const NearMiss& k) { return k.sentence_span == mc.nm.sentence_span; });
                if (same) continue;
                mc.nm.missing = Explain(im, ev, mc, text);  // words only for the few kept
                result.near_misses.push_back(std::move(mc.nm));
            }
        }
    }
}

// [SECTION] The matrix --------------------------------------------------------------------------

Matrix BuildMatrix(const AnalyzedCorpus& ac, const Codebook& cb, const MatchResult& m, size_t near_misses_per_cell) {
    Matrix mx;
    mx.rows = ac.outlets.size();
    mx.cols = cb.codes.size();
    mx.cells.assign(mx.rows * mx.cols, {});
    for (size_t i = 0; i < m.hits.size(); ++i) {
        const Hit& h = m.hits[i];
        if (h.code >= mx.cols || h.article >= ac.article_outlet.size()) continue;
        MatrixCell& cell = mx.at(static_cast<size_t>(ac.article_outlet[h.article]), h.code);
        ++cell.hits;
        if (cell.best < 0 || h.score > m.hits[static_cast<size_t>(cell.best)].score) cell.best = static_cast<int>(i);
    }
    for (size_t i = 0; i < m.near_misses.size(); ++i) {
        const NearMiss& nm = m.near_misses[i];
        if (nm.code >= mx.cols || nm.article >= ac.article_outlet.size()) continue;
        MatrixCell& cell = mx.at(static_cast<size_t>(ac.article_outlet[nm.article]), nm.code);
        if (!cell.present()) cell.near_misses.push_back(static_cast<int>(i));
    }
    for (MatrixCell& cell : mx.cells) {
        std::stable_sort(cell.near_misses.begin(), cell.near_misses.end(), [&](int a, int b) {
            return m.near_misses[static_cast<size_t>(a)].closeness > m.near_misses[static_cast<size_t>(b)].closeness;
        });
        if (cell.near_misses.size() > near_misses_per_cell) cell.near_misses.resize(near_misses_per_cell);
    }
    // Coverage: a cell is covered when some article of the outlet is in a language one of the
    // code's rules applies in. Each distinct article language is looked up once per code.
    std::vector<std::vector<uint8_t>> row_seen(mx.rows);  // per row: covered flags per code, once set
    std::unordered_map<std::string, std::vector<uint8_t>> covers;  // language -> per code
    for (auto& c : mx.cells) c.covered = false;
    for (size_t ai = 0; ai < ac.articles.size() && ai < ac.article_outlet.size(); ++ai) {
        const std::string& lang = ac.articles[ai].effective_language;
        auto it = covers.find(lang);
        if (it == covers.end()) {
            std::vector<uint8_t> v(mx.cols);
            for (size_t c = 0; c < mx.cols; ++c) v[c] = CodeCoversLanguage(cb, cb.codes[c], lang);
            it = covers.emplace(lang, std::move(v)).first;
        }
        const size_t r = static_cast<size_t>(ac.article_outlet[ai]);
        if (r >= mx.rows) continue;
        for (size_t c = 0; c < mx.cols; ++c)
            if (it->second[c]) mx.at(r, c).covered = true;
    }
    mx.row_codes.assign(mx.rows, 0);
    mx.row_covered.assign(mx.rows, 0);
    mx.col_outlets.assign(mx.cols, 0);
    mx.col_covered.assign(mx.cols, 0);
    for (size_t r = 0; r < mx.rows; ++r)
        for (size_t c = 0; c < mx.cols; ++c) {
            MatrixCell& cell = mx.at(r, c);
            if (cell.present()) cell.covered = true;  // a hit in a sentence of a covered language
            if (cell.present()) { ++mx.row_codes[r]; ++mx.col_outlets[c]; }
            if (cell.covered) { ++mx.row_covered[r]; ++mx.col_covered[c]; }
        }
    return mx;
}

std::string NotCoveredReason(const AnalyzedCorpus& ac, const Codebook& cb, size_t row, size_t col) {
    if (col >= cb.codes.size()) return "";
    const Code& code = cb.codes[col];
    std::vector<std::string> langs;  // the outlet's article languages no rule of the code sees
    for (size_t ai = 0; ai < ac.articles.size() && ai < ac.article_outlet.size(); ++ai) {
        if (static_cast<size_t>(ac.article_outlet[ai]) != row) continue;
        const std::string& lang = ac.articles[ai].effective_language;
        if (CodeCoversLanguage(cb, code, lang)) return "";
        if (std::find(langs.begin(), langs.end(), lang) == langs.end()) langs.push_back(lang);
    }
    if (langs.empty()) return "";
    auto named = [](const std::string& l) {
        return l == "unknown" ? std::string("an unidentified language") : LanguageName(l) + " (" + l + ")";
    };
    std::string list;
    for (size_t i = 0; i < langs.size(); ++i)
        list += (i == 0 ? "" : i + 1 == langs.size() ? " or " : ", ") + named(langs[i]);
    if (langs.size() == 1 && langs[0] == "unknown")
        return "not covered: the outlet's language was not identified and no rule of " + code.id +
               " is marked for every language (\"*\"): set the article's language, or mark a rule for every language";
    std::string add = langs.size() == 1 && langs[0] != "unknown" ? "add " + LanguageName(langs[0]) + " terms"
                                                                  : "add terms in those languages";
    return "not covered: no rule of " + code.id + " is written for " + list + ": " + add +
           ", or mark a rule for every language";
}

std::string ColumnTotal(const Matrix& mx, size_t col) {
    if (col >= mx.cols) return "";
    return "reported by " + std::to_string(mx.col_outlets[col]) + " of " + std::to_string(mx.col_covered[col]) +
           " outlets covered (" + std::to_string(mx.rows) + " in all)";
}

}  // namespace presslens
