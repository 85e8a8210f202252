// ui: the Codebook panel, a workbench: the claims (add, rename, delete, reorder; label,
// description, group, colour), the selected claim's rules as term chips per language with live
// counts, conditions built with controls, a test pane (matches and near misses), undo/redo, and the
// JSON for experts with line numbers and the error at its place. The model is codebook_edit.hpp;
// edits re-match a slice per frame (main.cpp steps them). ImGui + the model; no SDL or GL.
//
// [SECTION] Small pieces
// [SECTION] Rules as chips
// [SECTION] The test pane
// [SECTION] Suggestions
// [SECTION] The JSON tab
// [SECTION] The panel
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "core/vocabularies.hpp"
#include "ui/ui.hpp"
#include "ui/widgets.hpp"

namespace presslens::ui {

namespace {

// [SECTION] Small pieces ---------------------------------------------------------------------------

// Text typed into the chip inputs and fields, kept across frames by widget id.
std::string& Scratch(ImGuiID id) {
    static std::map<ImGuiID, std::string> scratch;
    return scratch[id];
}

// The workbench's rects for the state hook (filled while drawing, read by state_json.cpp).
// A control scrolled out of its child is published with no height (not clickable).
void Publish(AppState& s, const std::string& name, Rect r) {
    if (!ImGui::IsItemVisible()) r.h = 0;
    s.layout.editor_rects.emplace_back(name, r);
}

std::string NewCodeId(const Codebook& cb) {
    for (int n = static_cast<int>(cb.codes.size()) + 1;; ++n) {
        std::string id = "C" + std::to_string(n);
        if (std::none_of(cb.codes.begin(), cb.codes.end(), [&](const Code& c) { return c.id == id; })) return id;
    }
}

// A claim's new id; its rules named after the old one ("C1-en") follow it ("ARB-en").
void RenameCode(Code& code, const std::string& id) {
    const std::string old_prefix = code.id + "-";
    for (Rule& r : code.rules)
        if (r.id.rfind(old_prefix, 0) == 0) r.id = id + "-" + r.id.substr(old_prefix.size());
    code.id = id;
}

std::string NewRuleId(const Code& code, const std::string& lang) {
    std::string base = code.id + "-" + (lang == "*" ? std::string("all") : lang);
    std::string id = base;
    for (int n = 2; std::any_of(code.rules.begin(), code.rules.end(), [&](const Rule& r) { return r.id == id; }); ++n)
        id = base + "-" + std::to_string(n);
    return id;
}

// The languages of the loaded articles, the most common first, then the codebook's.
std::vector<std::string> CorpusLanguages(const AppState& s) {
    std::map<std::string, size_t> count;
    for (const AnalyzedArticle& a : s.data.analysis.articles)
        if (!a.effective_language.empty() && a.effective_language != "unknown") ++count[a.effective_language];
    std::vector<std::pair<std::string, size_t>> by(count.begin(), count.end());
    std::stable_sort(by.begin(), by.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::vector<std::string> out;
    for (const auto& [lang, n] : by) out.push_back(lang);
    if (!s.data.codebook.language.empty() && !count.count(s.data.codebook.language)) out.push_back(s.data.codebook.language);
    return out;
}

std::string JoinLanguages(const std::vector<std::string>& langs) {
    std::string out;
    for (const std::string& l : langs) out += (out.empty() ? "" : ", ") + (l == "*" ? std::string("every language") : LanguageName(l));
    return out;
}

// [SECTION] Rules as chips -------------------------------------------------------------------------

// A rule the chips can show: its match is a term, an "any" of terms, or an "all" of parts that are
// terms or "any"s of terms; its exclusions are terms. Anything deeper is edited in the JSON tab.
bool IsTermList(const Condition& c) {
    if (!c.none.empty() || c.within) return false;
    if (c.kind == Condition::Kind::Term) return true;
    if (c.kind != Condition::Kind::Any) return false;
    return std::all_of(c.children.begin(), c.children.end(),
                       [](const Condition& k) { return k.kind == Condition::Kind::Term && k.none.empty(); });
}

bool ChipEditable(const Rule& r) {
    const Condition& m = r.match;
    for (const Condition& n : m.none)
        if (n.kind != Condition::Kind::Term || !n.none.empty()) return false;
    if (m.kind == Condition::Kind::Term) return true;
    if (m.kind == Condition::Kind::Any)
        return std::all_of(m.children.begin(), m.children.end(),
                           [](const Condition& k) { return k.kind == Condition::Kind::Term && k.none.empty(); });
    return std::all_of(m.children.begin(), m.children.end(), IsTermList);
}

Condition TermCondition(const std::string& t) {
    Condition c;
    c.term = t;
    return c;
}

// The terms of a part (a term or an "any" of terms).
std::vector<std::string> PartTerms(const Condition& c) {
    if (c.kind == Condition::Kind::Term) return {c.term};
    std::vector<std::string> out;
    for (const Condition& k : c.children) out.push_back(k.term);
    return out;
}

void SetPartTerms(Condition& c, const std::vector<std::string>& terms) {
    std::string label = c.label;
    c = Condition{};
    c.label = label;
    if (terms.size() == 1 && label.empty()) {
        c.term = terms[0];
        return;
    }
    c.kind = Condition::Kind::Any;
    for (const std::string& t : terms) c.children.push_back(TermCondition(t));
}

// One chip: the term, its live count, and an x that removes it. Returns true when x was clicked.
bool Chip(AppState& s, const std::string& term, const Rule& rule, const Codebook& cb) {
    const ChipCount* n = CountChip(s, term, RuleLanguages(cb, rule), rule.stem);
    char count[48];
    if (n) std::snprintf(count, sizeof count, " %u/%u", n->sentences, n->articles);
    else std::snprintf(count, sizeof count, " ...");
    const std::string text = term + count;
    const ImGuiStyle& st = ImGui::GetStyle();
    const float w = ImGui::CalcTextSize(text.c_str()).x + ImGui::CalcTextSize("x").x + st.FramePadding.x * 4 + st.ItemInnerSpacing.x;
    if (ImGui::GetCursorPosX() + w > ImGui::GetContentRegionMax().x && ImGui::GetCursorPosX() > st.WindowPadding.x + 1)
        ImGui::NewLine();
    ImGui::PushID(term.c_str());
    const bool vocabulary = IsVocabularyReference(term);
    ImGui::PushStyleColor(ImGuiCol_Button, vocabulary ? IM_COL32(90, 70, 140, 200) : IM_COL32(60, 90, 130, 200));
    ImGui::SmallButton(text.c_str());
    if (ImGui::IsItemHovered()) {
        std::string tip = n ? term + ": " + std::to_string(n->sentences) + " sentences in " + std::to_string(n->articles) +
                                  " articles of the loaded corpus, alone, in " + JoinLanguages(RuleLanguages(cb, rule))
                            : term + ": counting...";
        if (const Vocabulary* v = vocabulary ? FindVocabulary(term) : nullptr)
            tip += "\n\nShared vocabulary: " + std::string(v->label);
        WrappedTooltip(tip);
    }
    Publish(s, "chip/" + term, ItemRect());
    ImGui::PopStyleColor();
    ImGui::SameLine(0, 1);
    const bool remove = ImGui::SmallButton("x");
    ImGui::PopID();
    ImGui::SameLine();
    return remove;
}

// The input that adds a chip: type a term and press Enter. Returns the accepted term, or "" (a
// refused term stays in the box, and editor.refused says why).
std::string ChipInput(AppState& s, const char* id, const char* hint, const std::string& publish) {
    ImGuiID key = ImGui::GetID(id);
    std::string& buf = Scratch(key);
    if (ImGui::GetCursorPosX() + 150 > ImGui::GetContentRegionMax().x) ImGui::NewLine();
    ImGui::SetNextItemWidth(150);
    std::string out;
    const bool entered = InputString(id, buf, ImGuiInputTextFlags_EnterReturnsTrue, hint);
    if (ImGui::IsItemHovered() && !ImGui::IsItemActive())
        WrappedTooltip("A word (strike), a phrase (forced arbitration) or the start of words with * (Lohn* finds "
                       "Lohnunterschiede, Lohnerhöhung): Enter adds it. Capitals do not matter.");
    if (entered) {
        std::string term = buf;
        while (!term.empty() && term.back() == ' ') term.pop_back();
        while (!term.empty() && term.front() == ' ') term.erase(term.begin());
        if (!term.empty()) {
            std::string why = RefuseTerm(term);
            if (why.empty()) {
                out = term;
                buf.clear();
                s.editor.refused.clear();
            } else {
                s.editor.refused = "\"" + term + "\" refused: " + why;
            }
        }
        ImGui::SetKeyboardFocusHere(-1);  // keep typing chips
    }
    if (!publish.empty()) Publish(s, publish, ItemRect());
    return out;
}

// A combo of the shared vocabularies; returns the picked "@id" or "".
std::string VocabularyCombo(AppState& s, const char* id, const std::string& publish) {
    std::string out;
    ImGui::SameLine();
    if (ImGui::GetCursorPosX() + 110 > ImGui::GetContentRegionMax().x) ImGui::NewLine();
    ImGui::SetNextItemWidth(110);
    if (ImGui::BeginCombo(id, "@ vocabulary", ImGuiComboFlags_HeightLarge)) {
        for (const Vocabulary& v : Vocabularies()) {
            const std::string ref = "@" + std::string(v.id);
            if (ImGui::Selectable(ref.c_str())) out = ref;
            if (!publish.empty()) Publish(s, publish + "/" + ref, ItemRect());
            if (ImGui::IsItemHovered()) WrappedTooltip(std::string(v.label) + "\n\n" + std::string(v.description));
        }
        ImGui::EndCombo();
    }
    if (!publish.empty()) Publish(s, publish, ItemRect());
    return out;
}

// The chip rows of one part; returns true when it changed `part`.
bool DrawPart(AppState& s, Condition& part, const Rule& rule, const Codebook& cb, const std::string& publish) {
    std::vector<std::string> terms = PartTerms(part);
    bool changed = false;
    for (size_t k = 0; k < terms.size(); ++k)
        if (Chip(s, terms[k], rule, cb)) {
            terms.erase(terms.begin() + static_cast<long>(k));
            changed = true;
            break;
        }
    std::string add = ChipInput(s, "##add", "+ term or prefix*", publish + "/add");
    std::string vocab = VocabularyCombo(s, "##vocab", publish + "/vocab");
    if (!vocab.empty()) add = vocab;
    if (!add.empty() && std::find(terms.begin(), terms.end(), add) == terms.end()) {
        terms.push_back(add);
        changed = true;
    }
    if (changed) {
        if (terms.empty()) part = Condition{Condition::Kind::Any};
        else SetPartTerms(part, terms);
    }
    return changed;
}

// One rule's controls. Returns true when `rule` changed; sets `remove` for its delete button.
bool DrawRule(AppState& s, Rule& rule, const Codebook& cb, size_t index, bool& remove) {
    bool changed = false;
    ImGui::PushID(static_cast<int>(index));
    const std::string pub = "rule" + std::to_string(index);
    ImGui::TextDisabled("%s", rule.id.empty() ? "(rule)" : rule.id.c_str());
    ImGui::SameLine();
    if (!ChipEditable(rule)) {
        ImGui::TextWrapped("%s", DescribeCondition(rule.match, 8).c_str());
        ImGui::TextDisabled("(nested conditions: edit this rule in the JSON tab)");
        ImGui::PopID();
        return false;
    }
    const bool all = rule.match.kind == Condition::Kind::All;
    ImGui::SetNextItemWidth(120);
    int mode = all ? 1 : 0;
    const char* modes[] = {"any of these", "all parts"};
    bool picked = false;
    if (ImGui::BeginCombo("##mode", modes[mode])) {
        for (int m = 0; m < 2; ++m) {
            if (ImGui::Selectable(modes[m], m == mode)) {
                picked = m != mode;
                mode = m;
            }
            if (ImGui::IsItemHovered())
                WrappedTooltip(m == 0 ? "The sentence holds one of the terms"
                                      : "The sentence holds a term of every part (optionally within N words)");
            Publish(s, pub + (m == 0 ? "/mode/any" : "/mode/all"), ItemRect());
        }
        ImGui::EndCombo();
    }
    if (picked) {
        if (mode == 1) {  // the terms become the first part
            Condition part = rule.match;
            part.none.clear();
            Condition m;
            m.kind = Condition::Kind::All;
            m.none = rule.match.none;
            m.children.push_back(part);
            rule.match = m;
        } else {  // every part's terms in one list
            std::vector<std::string> terms;
            for (const Condition& p : rule.match.children)
                for (const std::string& t : PartTerms(p)) terms.push_back(t);
            std::vector<Condition> none = rule.match.none;
            SetPartTerms(rule.match, terms);
            rule.match.none = none;
        }
        changed = true;
    }
    Publish(s, pub + "/mode", ItemRect());
    if (all) {
        ImGui::SameLine();
        int within = static_cast<int>(rule.match.within);
        ImGui::TextDisabled("within");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(90);
        if (ImGui::InputInt("##within", &within, 5, 10)) {
            rule.match.within = static_cast<uint32_t>(std::clamp(within, 0, 1000));
            changed = true;
        }
        Publish(s, pub + "/within", ItemRect());
        ImGui::SameLine();
        ImGui::TextDisabled(within ? "words" : "words (0: anywhere in the sentence)");
    }
    ImGui::SameLine();
    if (ImGui::SmallButton("Delete rule")) remove = true;
    // attribution: to an actor from a combo
    ImGui::SetNextItemWidth(200);
    const std::string who = rule.attribution ? "said by " + rule.attribution->actor : "said by anyone";
    if (ImGui::BeginCombo("##actor", who.c_str())) {
        if (ImGui::Selectable("anyone", !rule.attribution)) {
            rule.attribution.reset();
            changed = true;
        }
        for (const Actor& a : cb.actors) {
            const bool on = rule.attribution && rule.attribution->actor == a.id;
            if (ImGui::Selectable((a.id + (a.label.empty() ? "" : " - " + a.label)).c_str(), on) && !on) {
                Attribution at;
                at.actor = a.id;
                rule.attribution = at;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::TextDisabled("%s", JoinLanguages(RuleLanguages(cb, rule)).c_str());
    if (!all) {
        ImGui::TextDisabled("terms:");
        ImGui::SameLine();
        changed |= DrawPart(s, rule.match, rule, cb, pub + "/part0");
        // the last term removed: the rule goes (an empty list matches nothing), and the box that
        // adds terms in its language takes the keyboard, so the next term typed lands there
        if (rule.match.kind == Condition::Kind::Any && rule.match.children.empty()) {
            remove = true;
            const std::vector<std::string> langs = RuleLanguages(cb, rule);
            s.editor.add_terms_language = langs.size() == 1 ? langs[0] : std::string();
            s.editor.focus_add_terms = true;
        }
    } else {
        for (size_t p = 0; p < rule.match.children.size(); ++p) {
            ImGui::PushID(static_cast<int>(p));
            ImGui::TextDisabled("part %zu:", p + 1);
            ImGui::SameLine();
            if (DrawPart(s, rule.match.children[p], rule, cb, pub + "/part" + std::to_string(p))) {
                if (rule.match.children[p].kind == Condition::Kind::Any && rule.match.children[p].children.empty())
                    rule.match.children.erase(rule.match.children.begin() + static_cast<long>(p));
                changed = true;
                ImGui::PopID();
                break;
            }
            ImGui::PopID();
        }
        ImGui::TextDisabled("new part:");
        ImGui::SameLine();
        ImGui::PushID("newpart");
        std::string add = ChipInput(s, "##add", "+ term or prefix*", pub + "/newpart");
        std::string vocab = VocabularyCombo(s, "##vocab", pub + "/newpart/vocab");
        if (!vocab.empty()) add = vocab;
        if (!add.empty()) {
            rule.match.children.push_back(TermCondition(add));
            changed = true;
        }
        ImGui::PopID();
    }
    // exclusions
    ImGui::TextDisabled("none of:");
    ImGui::SameLine();
    ImGui::PushID("none");
    for (size_t k = 0; k < rule.match.none.size(); ++k)
        if (Chip(s, rule.match.none[k].term, rule, cb)) {
            rule.match.none.erase(rule.match.none.begin() + static_cast<long>(k));
            changed = true;
            break;
        }
    if (std::string t = ChipInput(s, "##add", "+ exclude, Enter", pub + "/none"); !t.empty()) {
        rule.match.none.push_back(TermCondition(t));
        changed = true;
    }
    ImGui::PopID();
    ImGui::PopID();
    return changed;
}

// [SECTION] The test pane --------------------------------------------------------------------------

void DrawTestPane(AppState& s, size_t code) {
    // the matches are the current (matched) codebook's: name what they belong to while matching
    if (code >= s.data.codebook.codes.size() || s.data.codebook.codes[code].id != EditedCodebook(s).codes[code].id) {
        ImGui::TextDisabled("(matching the new claim...)");
        return;
    }
    // found again only when the matches or the claim change (90,000 hits on 5,000 articles)
    static std::vector<const Hit*> hits;
    static std::vector<const NearMiss*> misses;
    static size_t hit_count = 0;
    static long for_corpus = -1;
    static long for_generation = -1;
    static size_t for_code = 0;
    if (for_corpus != s.data.corpus_generation || for_generation != s.data.codebook_generation || for_code != code) {
        hits.clear();
        misses.clear();
        hit_count = 0;
        for (const Hit& h : s.data.match.hits)
            if (h.code == code && ++hit_count <= 50) hits.push_back(&h);
        // the 20 closest, the earlier first among equals (kept in order as they come, not sorted whole)
        for (const NearMiss& m : s.data.match.near_misses) {
            if (m.code != code || (misses.size() == 20 && misses.back()->closeness >= m.closeness)) continue;
            auto at = std::upper_bound(misses.begin(), misses.end(), m.closeness,
                                       [](double c, const NearMiss* x) { return c > x->closeness; });
            misses.insert(at, &m);
            if (misses.size() > 20) misses.pop_back();
        }
        for_corpus = s.data.corpus_generation;
        for_generation = s.data.codebook_generation;
        for_code = code;
    }
    ImGui::Text("Matches now: %zu sentences%s", hit_count, s.editor.rematch ? " (matching...)" : "");
    int row = 0;
    auto line = [&](size_t article, Span span, const std::string& note, bool hit) {
        const Article& a = s.data.corpus.articles[article];
        std::string sentence = a.text.substr(span.begin, std::min<size_t>(span.size(), 300));
        std::replace(sentence.begin(), sentence.end(), '\n', ' ');
        ImGui::PushID(row++);
        const std::string text = DisplayOutlet(a) + ": " + sentence + (note.empty() ? "" : "  [" + note + "]");
        // a row as tall as its wrapped text (a Selectable's own label does not wrap)
        const float wrap = ImGui::GetContentRegionAvail().x;
        const ImVec2 size = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        if (ImGui::Selectable("##line", false, 0, ImVec2(wrap, size.y)))
            OpenArticle(s, static_cast<int>(article), span, static_cast<int>(code));
        ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at,
                                            ImGui::GetColorU32(hit ? ImGuiCol_Text : ImGuiCol_TextDisabled), text.c_str(),
                                            nullptr, wrap);
        Publish(s, std::string(hit ? "test/hit" : "test/miss") + std::to_string(row - 1), ItemRect());
        if (ImGui::IsItemHovered()) WrappedTooltip(DisplayTitle(a) + "\n" + a.source + "\n\nClick: open in the reader");
        ImGui::PopID();
    };
    for (size_t i = 0; i < hits.size() && i < 50; ++i) {
        const Hit& h = *hits[i];
        const Code& c = s.data.codebook.codes[code];
        line(h.article, h.sentence_span, h.rule < c.rules.size() ? c.rules[h.rule].id : "", true);
    }
    ImGui::Text("Nearest misses: %zu", misses.size());
    for (const NearMiss* m : misses) line(m->article, m->sentence_span, m->missing, false);
}

// [SECTION] Suggestions ----------------------------------------------------------------------------

// Terms that carry the codebook into the corpus's languages its rules do not cover: each with
// where it came from, how often the corpus holds it and an example (hover); one click adds the
// checked ones, a rule per language.
void DrawSuggestions(AppState& s) {
    if (!s.editor.rematch) AskSuggestions(s);  // made a slice a frame, after the edit is matched
    s.layout.accept_suggestions = Rect{};
    // Dictionary translations come from the page's suggestion worker, some time after the
    // corpus's own suggestions (model.hpp, DictionaryLookup): asked for now that they are shown.
    ShowingSuggestions(s);
    const DictionaryLookup& dict = s.data.dictionaries;
    const bool dict_current = dict.for_corpus == s.data.corpus_generation && dict.for_codebook == s.data.codebook_generation;
    if (dict_current && !dict.status.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        if (dict.failed) ImGui::TextColored(ImVec4(0.95f, 0.65f, 0.3f, 1.0f), "%s", dict.status.c_str());
        else ImGui::TextDisabled("%s", dict.status.c_str());
        ImGui::PopTextWrapPos();
    }
    const bool current = SuggestionsCurrent(s);
    if (!current && s.editor.suggesting) ImGui::TextDisabled("Finding suggestions for the codebook as it is now\xE2\x80\xA6");
    if (s.data.suggestions.empty()) return;
    std::vector<std::string> langs;
    for (const Suggestion& x : s.data.suggestions)
        if (std::find(langs.begin(), langs.end(), x.language) == langs.end()) langs.push_back(x.language);
    std::string list;
    for (const std::string& l : langs) list += (list.empty() ? "" : ", ") + LanguageName(l);
    const std::string header = "Terms for " + list + " (" + std::to_string(s.data.suggestions.size()) + " suggestions)###suggestions";
    if (!ImGui::CollapsingHeader(header.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) return;
    // the last ones made, while the new ones are being made: shown, not taken
    ImGui::BeginDisabled(!current);
    size_t checked = 0;
    for (const Suggestion& x : s.data.suggestions) checked += x.accepted;
    ImGui::BeginDisabled(checked == 0);
    if (ImGui::Button(("Add the " + std::to_string(checked) + " checked").c_str())) {
        s.layout.accept_suggestions = ItemRect();
        FinishCodebookWork(s);
        AcceptSuggestions(s);
        ImGui::EndDisabled();
        ImGui::EndDisabled();
        return;
    }
    s.layout.accept_suggestions = ItemRect();
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::SmallButton("Check all")) CheckAllSuggestions(s, true);
    ImGui::SameLine();
    if (ImGui::SmallButton("Check none")) CheckAllSuggestions(s, false);
    ImGui::SameLine();
    ImGui::TextDisabled("(?)");
    if (ImGui::IsItemHovered())
        WrappedTooltip("Words of the loaded articles for each rule's terms. In each language none of its claim's rules is "
                       "written for: 'same word' (names, numbers), 'cognate' (transparency ~ transparencia), 'vocabulary' "
                       "(a shared list such as @demand), 'dictionary en-xx' (FreeDict's, for Spanish also Apertium's; "
                       "fetched when first needed). In the rule's own language: 'form' "
                       "(agencies ~ agency), 'vocabulary word' (in English, a word of the shared list a part's term is "
                       "in, found in sentences lacking only that part: 'end' for 'stop*') and 'keyness' (a word "
                       "distinctive of the sentences lacking one part; left unchecked for you to judge). Adding them writes a rule per new language after the rule it "
                       "carries; in its own language the rule gains them beside the term.");
    const float height = std::min(ImGui::GetTextLineHeightWithSpacing() * (static_cast<float>(s.data.suggestions.size()) + 1.5f),
                                  ImGui::GetTextLineHeightWithSpacing() * 9.0f);
    if (ImGui::BeginTable("suggestions", 6, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit,
                          ImVec2(0, height))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("");
        ImGui::TableSetupColumn("Code");
        ImGui::TableSetupColumn("Lang");
        ImGui::TableSetupColumn("Term -> suggestion", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("From");
        ImGui::TableSetupColumn("Articles");
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(s.data.suggestions.size()));
        while (clipper.Step())
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const Suggestion& x = s.data.suggestions[static_cast<size_t>(i)];
                ImGui::TableNextRow();
                ImGui::PushID(i);
                ImGui::TableSetColumnIndex(0);
                if (bool take = x.accepted; ImGui::Checkbox("##take", &take)) CheckSuggestion(s, static_cast<size_t>(i), take);
                ImGui::TableSetColumnIndex(1);
                const Codebook& cb = s.data.codebook;  // (the last suggestions may name a claim since removed)
                ImGui::TextUnformatted(x.actor >= 0 ? (static_cast<size_t>(x.actor) < cb.actors.size() ? cb.actors[static_cast<size_t>(x.actor)].id.c_str() : "?")
                                                    : x.code < cb.codes.size() ? cb.codes[x.code].id.c_str() : "?");
                ImGui::TableSetColumnIndex(2);
                ImGui::TextUnformatted(x.language.c_str());
                ImGui::TableSetColumnIndex(3);
                ImGui::Text("%s -> %s", x.term.c_str(), x.suggestion.c_str());
                if (ImGui::IsItemHovered() && current && x.example_article >= 0)
                    WrappedTooltip("\xE2\x80\x9C" +
                                   s.data.corpus.articles[static_cast<size_t>(x.example_article)].text.substr(x.example.begin, x.example.size()) +
                                   "\xE2\x80\x9D\n\n" + s.data.corpus.articles[static_cast<size_t>(x.example_article)].source);
                ImGui::TableSetColumnIndex(4);
                if (x.source.starts_with("dictionary")) ImGui::TextDisabled("%s en-%s", x.source.c_str(), x.language.c_str());
                else ImGui::TextDisabled("%s", x.source.c_str());
                ImGui::TableSetColumnIndex(5);
                if (x.source == "vocabulary") ImGui::TextDisabled("\xE2\x80\x94");
                else ImGui::Text("%u", x.articles);
                ImGui::PopID();
            }
        ImGui::EndTable();
    }
    ImGui::EndDisabled();
}

// [SECTION] The JSON tab ---------------------------------------------------------------------------

void DrawJsonTab(AppState& s) {
    std::string& editing = s.editor.text;
    const TextPlace place = ErrorPlace(s.editor.error);
    if (!s.editor.error.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "Not applied: %s", s.editor.error.c_str());
        ImGui::PopTextWrapPos();
    } else {
        ImGui::TextDisabled("The codebook as JSON (docs/formats.md); the matrix follows every valid edit.");
    }
    // line numbers in a gutter that scrolls with the text; the error's line marked
    const float line_h = ImGui::GetTextLineHeight();
    const float gutter = ImGui::CalcTextSize("00000").x;
    const ImVec2 size(-FLT_MIN, -FLT_MIN);
    ImGui::BeginChild("gutter", ImVec2(gutter, ImGui::GetContentRegionAvail().y), ImGuiChildFlags_None,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoInputs);
    const int lines = 1 + static_cast<int>(std::count(editing.begin(), editing.end(), '\n'));
    static float json_scroll = 0.0f;
    ImGui::SetScrollY(json_scroll);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float pad = ImGui::GetStyle().FramePadding.y;
    // only the numbers on screen (a codebook has a thousand lines)
    const int first = std::max(1, static_cast<int>(json_scroll / line_h));
    const int last = std::min(lines, first + static_cast<int>(ImGui::GetWindowHeight() / line_h) + 2);
    for (int l = first; l <= last; ++l) {
        const ImVec2 p(origin.x, origin.y + pad + static_cast<float>(l - 1) * line_h);
        char num[16];
        std::snprintf(num, sizeof num, "%4d", l);
        const bool bad = l == place.line;
        if (bad) dl->AddRectFilled(p, ImVec2(p.x + gutter, p.y + line_h), IM_COL32(200, 60, 50, 200));
        dl->AddText(p, bad ? IM_COL32(255, 255, 255, 255) : ImGui::GetColorU32(ImGuiCol_TextDisabled), num);
    }
    ImGui::Dummy(ImVec2(gutter, pad * 2 + static_cast<float>(lines) * line_h + ImGui::GetStyle().ScrollbarSize));
    ImGui::EndChild();
    ImGui::SameLine(0, 0);
    const ImVec2 text_origin = ImGui::GetCursorScreenPos();
    if (InputStringMultiline("##json", editing, size, ImGuiInputTextFlags_AllowTabInput)) TypedCodebookText(s);
    Publish(s, "json", ItemRect());
    // the multiline's own child window holds its scroll: follow it in the gutter
    if (ImGuiWindow* w = ImGui::FindWindowByName((std::string(ImGui::GetCurrentWindow()->Name) + "/##json_" +
                                                  [] {
                                                      char id[16];
                                                      std::snprintf(id, sizeof id, "%08X", ImGui::GetID("##json"));
                                                      return std::string(id);
                                                  }())
                                                     .c_str()))
        json_scroll = w->Scroll.y;
    // the error's column: a mark under the place in the text
    if (place.line > 0) {
        const float y = text_origin.y + pad + static_cast<float>(place.line - 1) * line_h - json_scroll;
        float x = text_origin.x + ImGui::GetStyle().FramePadding.x;
        size_t start = 0;
        for (int l = 1; l < place.line && start != std::string::npos; ++l) {
            start = editing.find('\n', start);
            if (start != std::string::npos) ++start;
        }
        if (start != std::string::npos && place.column > 0) {
            const size_t col = std::min(editing.size() - std::min(start, editing.size()), static_cast<size_t>(place.column - 1));
            x += ImGui::CalcTextSize(editing.data() + start, editing.data() + start + col).x;
            ImGui::GetForegroundDrawList()->AddRectFilled(ImVec2(x, y + line_h - 2), ImVec2(x + 8, y + line_h), IM_COL32(255, 80, 60, 255));
        }
    }
}

// [SECTION] The panel ------------------------------------------------------------------------------

void DrawClaimList(AppState& s, Codebook& cb, bool& changed) {
    CodebookEditor& e = s.editor;
    if (ImGui::SmallButton("+ Claim")) {
        Code c;
        c.id = NewCodeId(cb);
        c.label = "New claim";
        // the first colour of a small palette that no claim has yet
        static const char* kPalette[] = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
                                         "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};
        c.colour = kPalette[cb.codes.size() % 10];
        for (const char* p : kPalette)
            if (std::none_of(cb.codes.begin(), cb.codes.end(), [&](const Code& k) { return k.colour == p; })) {
                c.colour = p;
                break;
            }
        cb.codes.push_back(c);
        e.selected = static_cast<int>(cb.codes.size()) - 1;
        changed = true;
    }
    Publish(s, "add_claim", ItemRect());
    ImGui::SameLine();
    const int n = static_cast<int>(cb.codes.size());
    ImGui::BeginDisabled(e.selected <= 0);
    if (ImGui::SmallButton("Up")) {
        std::swap(cb.codes[static_cast<size_t>(e.selected)], cb.codes[static_cast<size_t>(e.selected - 1)]);
        --e.selected;
        changed = true;
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(e.selected >= n - 1);
    if (ImGui::SmallButton("Down")) {
        std::swap(cb.codes[static_cast<size_t>(e.selected)], cb.codes[static_cast<size_t>(e.selected + 1)]);
        ++e.selected;
        changed = true;
    }
    ImGui::EndDisabled();
    if (ImGui::BeginChild("claims", ImVec2(0, 0), ImGuiChildFlags_Border)) {
        for (int i = 0; i < static_cast<int>(cb.codes.size()); ++i) {
            const Code& c = cb.codes[static_cast<size_t>(i)];
            ImGui::PushID(i);
            ImDrawList* dl = ImGui::GetWindowDrawList();
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const float h = ImGui::GetTextLineHeight();
            dl->AddRectFilled(ImVec2(p.x, p.y + 2), ImVec2(p.x + h - 4, p.y + h - 2), CodeColour(c));
            ImGui::SetCursorScreenPos(ImVec2(p.x + h, p.y));
            std::string text = c.id + "  " + VisualText(c.label);
            if (static_cast<size_t>(i) < s.data.matrix.col_outlets.size() && static_cast<size_t>(i) < s.data.codebook.codes.size() &&
                s.data.codebook.codes[static_cast<size_t>(i)].id == c.id)
                text += "  (" + std::to_string(s.data.matrix.col_outlets[static_cast<size_t>(i)]) + "/" +
                        std::to_string(s.data.matrix.col_covered[static_cast<size_t>(i)]) + ")";
            if (ImGui::Selectable(text.c_str(), e.selected == i, kSelectOnArrows)) e.selected = i;
            Publish(s, "claim/" + c.id, ItemRect());
            if (ImGui::IsItemHovered() && static_cast<size_t>(i) < s.data.matrix.col_outlets.size())
                WrappedTooltip((c.description.empty() ? "" : c.description + "\n\n") +
                               (static_cast<size_t>(i) < s.data.matrix.cols ? ColumnTotal(s.data.matrix, static_cast<size_t>(i)) : ""));
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}

void DrawClaimEditor(AppState& s, Codebook& cb, bool& changed) {
    CodebookEditor& e = s.editor;
    if (cb.codes.empty()) {
        ImGui::TextWrapped("No claims yet: press \"+ Claim\".");
        return;
    }
    e.selected = std::clamp(e.selected, 0, static_cast<int>(cb.codes.size()) - 1);
    const size_t ci = static_cast<size_t>(e.selected);
    Code& code = cb.codes[ci];
    ImGui::PushID(code.id.c_str());
    ImU32 col = CodeColour(code);
    float rgb[3] = {static_cast<float>(col & 0xFF) / 255.0f, static_cast<float>((col >> 8) & 0xFF) / 255.0f,
                    static_cast<float>((col >> 16) & 0xFF) / 255.0f};
    if (ImGui::ColorEdit3("##colour", rgb, ImGuiColorEditFlags_NoInputs | ImGuiColorEditFlags_NoLabel)) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "#%02x%02x%02x", static_cast<int>(rgb[0] * 255.0f + 0.5f),
                      static_cast<int>(rgb[1] * 255.0f + 0.5f), static_cast<int>(rgb[2] * 255.0f + 0.5f));
        code.colour = hex;
        changed = true;
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(70);
    // The id is taken when the field is left (Enter, Tab, a click elsewhere), not on every key:
    // a half-typed id would rename the claim's column at each letter. Escape keeps the old one.
    const ImGuiID id_key = ImGui::GetID("##id");
    std::string& id = Scratch(id_key);
    if (ImGui::GetActiveID() != id_key) id = code.id;
    InputString("##id", id);
    if (ImGui::IsItemDeactivatedAfterEdit() && !ImGui::IsKeyPressed(ImGuiKey_Escape) && !id.empty() && id != code.id) {
        RenameCode(code, id);
        changed = true;
    }
    Publish(s, "id", ItemRect());
    if (ImGui::IsItemHovered()) WrappedTooltip("The claim's id (a column of the matrix): type a new one and leave the field");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (InputString("##label", code.label)) changed = !code.label.empty();
    Publish(s, "label", ItemRect());
    ImGui::SetNextItemWidth(140);
    if (InputString("##group", code.group, 0, "group"))
        changed = true;
    Publish(s, "group", ItemRect());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (InputString("##description", code.description, 0, "description"))
        changed = true;
    if (ImGui::SmallButton("Delete claim")) {
        cb.codes.erase(cb.codes.begin() + static_cast<long>(ci));
        e.selected = std::max(0, e.selected - 1);
        changed = true;
        ImGui::PopID();
        return;
    }
    ImGui::Separator();
    // rules grouped by language
    // (in the order of each language's first rule, so a block never jumps when another is added)
    std::vector<std::pair<std::string, std::vector<size_t>>> by_lang;
    for (size_t r = 0; r < code.rules.size(); ++r) {
        const std::string lang = JoinLanguages(RuleLanguages(cb, code.rules[r]));
        auto it = std::find_if(by_lang.begin(), by_lang.end(), [&](const auto& b) { return b.first == lang; });
        if (it == by_lang.end()) by_lang.push_back({lang, {r}});
        else it->second.push_back(r);
    }
    int remove = -1;
    for (const auto& [lang, rules] : by_lang) {
        ImGui::SeparatorText(lang.c_str());
        for (size_t r : rules) {
            bool rm = false;
            changed |= DrawRule(s, code.rules[r], cb, r, rm);
            if (rm) remove = static_cast<int>(r);
        }
    }
    if (remove >= 0) {
        code.rules.erase(code.rules.begin() + remove);
        changed = true;
    }
    // a new rule: its first term in one of the corpus's languages
    ImGui::SeparatorText("add terms in a language");
    std::string& new_lang = s.editor.add_terms_language;
    const std::vector<std::string> langs = CorpusLanguages(s);
    if (new_lang.empty() || (std::find(langs.begin(), langs.end(), new_lang) == langs.end() && new_lang != "*"))
        new_lang = langs.empty() ? "*" : langs.front();
    ImGui::SetNextItemWidth(130);
    if (ImGui::BeginCombo("##newlang", new_lang == "*" ? "every language" : LanguageName(new_lang).c_str())) {
        for (const std::string& l : langs)
            if (ImGui::Selectable(LanguageName(l).c_str(), l == new_lang)) new_lang = l;
        if (ImGui::Selectable("every language", new_lang == "*")) new_lang = "*";
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::PushID("newrule");
    if (s.editor.focus_add_terms) {
        ImGui::SetKeyboardFocusHere();
        s.editor.focus_add_terms = false;
    }
    std::string add = ChipInput(s, "##add", "+ term or prefix*", "newrule");
    std::string vocab = VocabularyCombo(s, "##vocab", "newrule/vocab");
    if (!vocab.empty()) add = vocab;
    ImGui::PopID();
    // into the claim's "any of" rule for that language if it has one, else a new rule
    Rule* into = nullptr;
    for (Rule& r : code.rules)
        if (!into && r.match.kind != Condition::Kind::All && ChipEditable(r) && RuleLanguages(cb, r) == std::vector<std::string>{new_lang})
            into = &r;
    if (!add.empty() && into) {
        std::vector<std::string> terms = PartTerms(into->match);
        if (std::find(terms.begin(), terms.end(), add) == terms.end()) {
            terms.push_back(add);
            std::vector<Condition> none = into->match.none;
            SetPartTerms(into->match, terms);
            into->match.none = none;
            changed = true;
        }
    } else if (!add.empty()) {
        Rule r;
        r.id = NewRuleId(code, new_lang);
        if (new_lang != cb.language || cb.language_proposed) r.languages = {new_lang};
        r.match.term = add;
        code.rules.push_back(r);
        changed = true;
    }
    ImGui::PopID();
    ImGui::Separator();
    if (ImGui::CollapsingHeader("Test: what this claim matches now", ImGuiTreeNodeFlags_DefaultOpen)) DrawTestPane(s, ci);
}

}  // namespace

void DrawCodebookPanel(AppState& s) {
    s.layout.editor_rects.clear();
    CodebookEditor& e = s.editor;
    // follow the applied codebook (a load, a reset) unless the user is typing or mid-error
    if (!e.rematch && s.editor.error.empty() && s.editor.text != s.data.codebook_text && !ImGui::IsAnyItemActive())
        s.editor.text = s.data.codebook_text;
    // undo / redo: buttons and keys (the JSON editor has its own while it has the keyboard)
    const ImGuiIO& io = ImGui::GetIO();
    const bool ctrl = io.KeyCtrl || io.KeySuper;
    bool undo = false, redo = false;
    if (!io.WantTextInput && ctrl && ImGui::IsKeyPressed(ImGuiKey_Z, false)) (io.KeyShift ? redo : undo) = true;
    if (!io.WantTextInput && ctrl && ImGui::IsKeyPressed(ImGuiKey_Y, false)) redo = true;
    ImGui::BeginDisabled(e.undo.empty());
    undo |= ImGui::Button("Undo");
    Publish(s, "undo", ItemRect());
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(e.redo.empty());
    redo |= ImGui::Button("Redo");
    Publish(s, "redo", ItemRect());
    ImGui::EndDisabled();
    if (undo) UndoCodebookEdit(s);
    if (redo) RedoCodebookEdit(s);
    ImGui::SameLine();
    if (ImGui::Button("New codebook")) {
        // one empty claim to start from (a codebook needs one); undo brings the old one back
        EditCodebookText(s, "{\n  \"presslens_codebook\": 1,\n  \"name\": \"My codebook\",\n  \"codes\": [\n    {\"id\": \"C1\", "
                            "\"label\": \"New claim\", \"colour\": \"#4e79a7\"}\n  ]\n}\n");
        e.selected = 0;
    }
    Publish(s, "new_codebook", ItemRect());
    ImGui::SameLine();
    if (ImGui::Button("Reset to default")) {
        ResetToDefaultCodebook(s);
        e.undo.clear();
        e.redo.clear();
    }
    ImGui::SameLine();
    if (ImGui::Button("Copy JSON")) ImGui::SetClipboardText(s.data.codebook_text.c_str());
    ImGui::SameLine();
    if (e.rematch) ImGui::TextColored(ImVec4(1.0f, 0.8f, 0.3f, 1.0f), "matching...");
    else ImGui::TextDisabled("re-matched in %.1f ms", s.data.match_ms);
    if (!e.refused.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(ImVec4(1.0f, 0.55f, 0.3f, 1.0f), "%s", e.refused.c_str());
        ImGui::PopTextWrapPos();
    }
    if (s.data.codebook.language_proposed) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("Rules without a language are read as %s (%s), proposed from their terms.",
                            LanguageName(s.data.codebook.language).c_str(), s.data.codebook.language.c_str());
        ImGui::PopTextWrapPos();
    }
    if (!ImGui::BeginTabBar("codebook_tabs")) return;
    const bool claims_open = ImGui::BeginTabItem("Claims");
    Publish(s, "tab/claims", ItemRect());
    if (claims_open) {
        if (!s.editor.error.empty()) {
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f),
                               "The JSON tab's text has an error, so these controls show the last valid codebook "
                               "(and the matrix uses it): %s",
                               s.editor.error.c_str());
            ImGui::PopTextWrapPos();
        }
        Codebook cb = EditedCodebook(s);
        bool changed = false;
        const float list_w = std::max(200.0f, ImGui::GetContentRegionAvail().x * 0.34f);
        // the suggestions below take a line each and their header, up to ten lines, when there are
        // any (and the dictionaries' status, two lines, when there is one); while they are remade
        // (after an edit, until the worker has answered) the room only grows, so that the claim
        // above does not move under the pointer
        float below = (s.data.suggestions.empty()
                           ? 0.0f
                           : ImGui::GetTextLineHeightWithSpacing() *
                                 std::min(11.0f, static_cast<float>(s.data.suggestions.size()) + 4.5f)) +
                      (s.data.dictionaries.status.empty() ? 0.0f : ImGui::GetTextLineHeightWithSpacing() * 2.0f);
        const DictionaryLookup& d = s.data.dictionaries;
        if (!SuggestionsCurrent(s) || d.running || d.for_codebook != s.data.codebook_generation)
            below = std::max(below, s.editor.suggestions_height);
        s.editor.suggestions_height = below;
        const float top_h = std::max(200.0f, ImGui::GetContentRegionAvail().y - below);
        ImGui::BeginChild("claimlist", ImVec2(list_w, top_h));
        DrawClaimList(s, cb, changed);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("claim", ImVec2(0, top_h), ImGuiChildFlags_Border);
        DrawClaimEditor(s, cb, changed);
        ImGui::EndChild();
        ImGui::BeginChild("below", ImVec2(0, 0));
        DrawSuggestions(s);
        ImGui::EndChild();
        if (changed) {
            EditCodebook(s, cb, io.WantTextInput);  // typing in a field: one undo step per pause
            s.host.redraw = std::max(s.host.redraw, 2);
        }
        ImGui::EndTabItem();
    }
    const bool json_open = ImGui::BeginTabItem("JSON");
    Publish(s, "tab/json", ItemRect());
    if (json_open) {
        DrawJsonTab(s);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

}  // namespace presslens::ui
