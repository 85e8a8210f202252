// core: compiling a codebook for matching (CompiledCodebook; see match_internal.hpp): terms
// folded, stemmed and indexed by their first word, conditions flattened into node trees.
// std + the corpus core; no JSON, UI, platform or file access.
#include "core/match_internal.hpp"

#include <algorithm>

namespace presslens {

using matching::CompiledRule;
using matching::ConditionNode;
using matching::Leaf;

namespace {

// A node for condition c, without its leaves, children or exclusions yet.
ConditionNode NodeFor(const Condition& c) {
    ConditionNode node;
    node.kind = c.kind;
    node.within = c.within;
    node.source = &c;
    return node;
}

}  // namespace

CompiledCodebook::CompiledCodebook(const Codebook& cb) : CompiledCodebook(cb, nullptr) {}

CompiledCodebook::CompiledCodebook(const Codebook& cb, const CompiledCodebook* previous)
    : CompiledCodebook(cb, previous, Staged{}) {
    while (CompileSome()) {
    }
}

CompiledCodebook::CompiledCodebook(const Codebook& cb, const CompiledCodebook* previous, Staged)
    : impl_(std::make_unique<Impl>()) {
    impl_->codebook = cb;
    impl_->previous = previous ? previous->impl_.get() : nullptr;
}

bool CompiledCodebook::CompileSome() {
    Impl& compiled = *impl_;
    // Pointers into compiled.codebook's conditions stay valid: it is not modified after construction.
    if (!compiled.actors_done) {
        compiled.CompileActors();
        compiled.actors_done = true;
        return true;
    }
    const std::vector<Code>& codes = compiled.codebook.codes;
    while (compiled.next_code < codes.size() && compiled.next_rule >= codes[compiled.next_code].rules.size()) {
        ++compiled.next_code;
        compiled.next_rule = 0;
    }
    if (compiled.next_code < codes.size()) {
        compiled.CompileRule(compiled.next_code, compiled.next_rule++);
        return true;
    }
    if (!compiled.compiled_all) {
        std::sort(compiled.prefix_lengths.begin(), compiled.prefix_lengths.end());
        compiled.previous = nullptr;
        compiled.compiled_all = true;
    }
    return false;
}

bool CompiledCodebook::ReleaseSome() {
    Impl& c = *impl_;
    switch (c.released++) {
        case 0: c.leaves_by_word.clear(); c.leaves_by_prefix.clear(); return true;
        case 1: c.leaves_by_stem.clear(); return true;
        case 2: c.term_words.clear(); return true;
        case 3: c.leaves.clear(); c.leaf_rules.clear(); c.leaf_parts.clear(); return true;
        case 4: c.nodes.clear(); c.rules.clear(); return true;
        default: return false;
    }
}

CompiledCodebook::~CompiledCodebook() = default;
const Codebook& CompiledCodebook::codebook() const { return impl_->codebook; }

// Every actor term, strong and weak, is a leaf that names its actor (never stemmed).
void CompiledCodebook::Impl::CompileActors() {
    for (size_t a = 0; a < codebook.actors.size(); ++a) {
        const Actor& actor = codebook.actors[a];
        for (int weak = 0; weak < 2; ++weak)
            for (const auto& [lang, terms] : weak ? actor.weak_terms : actor.terms)
                for (const std::string& t : terms) {
                    const std::vector<TermWord>& words = TermWords(t, "");
                    if (words.empty()) continue;
                    Leaf leaf;
                    leaf.words = words;
                    leaf.actor = static_cast<int32_t>(a);
                    leaf.weak = weak != 0;
                    leaf.actor_lang = lang;
                    AddLeaf(std::move(leaf));
                }
    }
}

void CompiledCodebook::Impl::CompileRule(size_t code_index, size_t rule_in_code) {
    const Rule& rule = codebook.codes[code_index].rules[rule_in_code];
    CompiledRule compiled_rule;
    compiled_rule.code = static_cast<uint32_t>(code_index);
    compiled_rule.rule = static_cast<uint32_t>(rule_in_code);
    compiled_rule.languages = RuleLanguages(codebook, rule);
    compiled_rule.any_language = std::find(compiled_rule.languages.begin(), compiled_rule.languages.end(), "*") !=
                                 compiled_rule.languages.end();
    compiled_rule.weight = rule.weight;
    if (rule.attribution) {
        compiled_rule.actor = ActorIndex(rule.attribution->actor);
        for (const std::string& rejected : rule.attribution->reject) {
            int32_t idx = ActorIndex(rejected);
            if (idx >= 0) compiled_rule.reject.push_back(idx);
        }
        compiled_rule.context = rule.attribution->context;
    }
    const uint32_t id = static_cast<uint32_t>(rules.size());
    rules.push_back(compiled_rule);
    const std::vector<std::string>& languages = rules[id].languages;
    const Condition& root = rule.match;
    if (root.kind == Condition::Kind::All && root.children.size() <= 64) {
        // each top-level part compiled apart, so its leaves know which part they serve
        ConditionNode node = NodeFor(root);
        for (size_t k = 0; k < root.children.size(); ++k)
            node.children.push_back(CompileNode(root.children[k], rule, languages, id, static_cast<int>(k)));
        for (const Condition& ex : root.none) node.none.push_back(CompileNode(ex, rule, languages, id, -1));
        nodes.push_back(std::move(node));
        rules[id].root = static_cast<uint32_t>(nodes.size() - 1);
        rules[id].parts = static_cast<uint32_t>(root.children.size());
    } else {
        rules[id].root = CompileNode(rule.match, rule, languages, id, -1);
    }
}

uint32_t CompiledCodebook::Impl::AddLeaf(Leaf leaf) {
    uint32_t id = static_cast<uint32_t>(leaves.size());
    const TermWord& first = leaf.words.front();
    if (first.prefix) {
        leaves_by_prefix[first.form].push_back(id);
        if (std::find(prefix_lengths.begin(), prefix_lengths.end(), first.form.size()) == prefix_lengths.end())
            prefix_lengths.push_back(first.form.size());
    } else if (!leaf.stem_lang.empty()) {
        leaves_by_stem[leaf.stem_lang][first.form].push_back(id);
    } else {
        leaves_by_word[first.form].push_back(id);
    }
    leaves.push_back(std::move(leaf));
    leaf_rules.emplace_back();
    leaf_parts.emplace_back();
    return id;
}

// Stemming leaves store stems of their non-prefix words.
const std::vector<TermWord>& CompiledCodebook::Impl::TermWords(std::string_view term, const std::string& stem_lang) {
    std::string key;
    key.reserve(term.size() + 1 + stem_lang.size());
    key.append(term).push_back('\x1F');
    key.append(stem_lang);
    if (auto it = term_words.find(key); it != term_words.end()) return it->second;
    std::vector<TermWord> words;
    if (auto old = previous ? previous->term_words.find(key) : term_words.end(); previous && old != previous->term_words.end()) {
        words = old->second;
    } else {
        std::string why;
        if (!SplitTerm(term, words, why)) words.clear();
        if (!stem_lang.empty())
            for (TermWord& w : words)
                if (!w.prefix) w.form = Stem(w.form, stem_lang);
    }
    return term_words.emplace(std::move(key), std::move(words)).first->second;
}

// The leaves of one term as written: one per stemming language of the rule, or one.
void CompiledCodebook::Impl::AddTermLeaves(std::string_view term, const std::vector<std::string>& stem_langs,
                                           const std::string& term_lang, uint32_t rule_index, int part,
                                           ConditionNode& node) {
    for (const std::string& l : stem_langs) {
        const std::vector<TermWord>& words = TermWords(term, l);
        if (words.empty()) return;
        Leaf leaf;
        leaf.words = words;
        leaf.stem_lang = l;
        leaf.term_lang = term_lang;
        uint32_t id = AddLeaf(std::move(leaf));
        leaf_rules[id].push_back(rule_index);
        if (part >= 0) leaf_parts[id].push_back({rule_index, static_cast<uint32_t>(part)});
        node.leaves.push_back(id);
    }
}

// `part`: the top-level part of an "all" root this node lies in (-1: none, or inside an exclusion).
uint32_t CompiledCodebook::Impl::CompileNode(const Condition& c, const Rule& rule,
                                             const std::vector<std::string>& languages, uint32_t rule_index, int part) {
    ConditionNode node = NodeFor(c);
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
                for (std::string_view t : vt.terms) AddTermLeaves(t, stem_langs, term_lang, rule_index, part, node);
            }
        }
    } else if (c.kind == Condition::Kind::Term) {
        std::vector<std::string> stem_langs;
        if (rule.stem)
            for (const std::string& l : languages)
                if (l != "*" && HasStemmer(l)) stem_langs.push_back(l);
        if (stem_langs.empty()) stem_langs.push_back("");
        AddTermLeaves(c.term, stem_langs, std::string(), rule_index, part, node);
    } else {
        for (const Condition& ch : c.children)
            node.children.push_back(CompileNode(ch, rule, languages, rule_index, part));
    }
    for (const Condition& ex : c.none) node.none.push_back(CompileNode(ex, rule, languages, rule_index, -1));
    nodes.push_back(std::move(node));
    return static_cast<uint32_t>(nodes.size() - 1);
}

int32_t CompiledCodebook::Impl::ActorIndex(const std::string& id) const {
    for (size_t i = 0; i < codebook.actors.size(); ++i)
        if (codebook.actors[i].id == id) return static_cast<int32_t>(i);
    return -1;
}

}  // namespace presslens
