// core: the codebook model (codebook.hpp, "The codebook model"): terms split into words,
// validation, the languages a rule and a code apply in, the proposed codebook language and
// conditions in words. Matching is in match_*.cpp, the matrix in matrix.cpp.
// std + the corpus core; no JSON, UI, platform or file access.
//
// [SECTION] Terms and validation
// [SECTION] Languages
// [SECTION] Conditions in words
#include "core/codebook.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

namespace presslens {

// [SECTION] Terms and validation ------------------------------------------------------------------

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
        // Han and kana are cut into words by the text's tokenizer (CJK bigrams, text.hpp), and so
        // are Thai, Lao, Khmer and Burmese once their word table is there (segment.hpp): a term in
        // them is cut the same way, so "人脸识别" is the phrase 人脸 脸识 识别 the text holds, and
        // "ระบบจดจำใบหน้า" the phrase ระบบ จดจำ ใบหน้า.
        bool cjk = false;
        for (size_t k = 0; k < folded.size() && !cjk;) {
            int32_t c = 0;
            const int m = DecodeUtf8(folded, k, c);
            cjk = m > 0 && (CjkKindOf(c) != CjkKind::None || detail::SegmentsAt(c));
            k += m > 0 ? static_cast<size_t>(m) : 1;
        }
        if (cjk) {
            std::vector<Token> parts = TokenizeAll(folded);
            for (size_t k = 0; k < parts.size(); ++k)
                out.push_back({folded.substr(parts[k].span.begin, parts[k].span.size()), star && k + 1 == parts.size()});
        } else {
            out.push_back({folded, star});
        }
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

// [SECTION] Languages -----------------------------------------------------------------------------

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

// [SECTION] Conditions in words -------------------------------------------------------------------

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

}  // namespace presslens
