// core: cleaning, sentences, language identification, terms and analyses (see analysis.hpp).
// std + utf8proc + libstemmer + the generated stopword table.
//
// [SECTION] Small text helpers
// [SECTION] Lines and boilerplate
// [SECTION] Sentences
// [SECTION] Stopwords and language identification
// [SECTION] Stemming
// [SECTION] Analysing articles and corpora
// [SECTION] Frequencies, keyness, concordance
#include "core/analysis.hpp"

#include <libstemmer.h>
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_set>

#include "core/language.hpp"
#include "core/stopwords.hpp"

namespace presslens {

// [SECTION] Small text helpers ------------------------------------------------------------------
namespace {

std::string_view View(std::string_view text, Span s) { return text.substr(s.begin, s.size()); }

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

// Trims ASCII and Unicode spaces (no-break space) from both ends of a span.
Span TrimSpan(std::string_view text, Span s) {
    while (s.begin < s.end) {
        int32_t cp;
        int n = DecodeUtf8(text, s.begin, cp);
        if (n > 0 && ClassifyCodePoint(cp) == CharClass::Space) s.begin += static_cast<uint32_t>(n);
        else break;
    }
    while (s.end > s.begin) {
        uint32_t k = s.end - 1;
        while (k > s.begin && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80) --k;
        int32_t cp;
        int n = DecodeUtf8(text, k, cp);
        if (n > 0 && ClassifyCodePoint(cp) == CharClass::Space) s.end = k;
        else break;
    }
    return s;
}

char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool StartsWithI(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i)
        if (LowerAscii(s[i]) != LowerAscii(prefix[i])) return false;
    return true;
}

bool ContainsI(std::string_view s, std::string_view needle) {
    if (needle.size() > s.size()) return false;
    for (size_t i = 0; i + needle.size() <= s.size(); ++i)
        if (StartsWithI(s.substr(i), needle)) return true;
    return false;
}

// s with ASCII letters in lower case, into out (made once; reused while out is not empty).
std::string_view Lowered(std::string_view s, std::string& out) {
    if (out.empty() && !s.empty()) {
        out.resize(s.size());
        for (size_t i = 0; i < s.size(); ++i) out[i] = LowerAscii(s[i]);
    }
    return out;
}

bool EndsWithI(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && StartsWithI(s.substr(s.size() - suffix.size()), suffix);
}

// The folded word tokens of a piece of text (for comparing lines regardless of case/apostrophes).
std::vector<std::string> FoldedWords(std::string_view text) {
    std::vector<std::string> out;
    std::string f;
    Tokenize(text, Span{0, static_cast<uint32_t>(text.size())}, [&](const Token& t) {
        FoldToken(View(text, t.span), f);
        out.push_back(f);
    });
    return out;
}

struct WordStats {
    size_t words = 0, capitalized = 0, lowercase_start = 0;
    size_t letters = 0;
    std::array<size_t, 7> script{};  // by Script
};

WordStats Stats(std::string_view text) {
    WordStats st;
    Tokenize(text, Span{0, static_cast<uint32_t>(text.size())}, [&](const Token& t) {
        if (t.kind != TokenKind::Word) return;
        ++st.words;
        int32_t cp;
        DecodeUtf8(text, t.span.begin, cp);
        // upper case: ASCII fast path, else the Unicode category
        bool upper = (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
                     (cp >= 0x410 && cp <= 0x42F);
        if (upper) ++st.capitalized; else ++st.lowercase_start;
    });
    for (size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {  // ASCII: a letter is Latin
            if (detail::kAsciiClass[c] == static_cast<uint8_t>(CharClass::Letter)) {
                ++st.letters;
                ++st.script[static_cast<size_t>(Script::Latin)];
            }
            ++i;
            continue;
        }
        int32_t cp;
        int n = DecodeUtf8(text, i, cp);
        if (n < 0) { ++i; continue; }
        if (ClassifyCodePoint(cp) == CharClass::Letter) {
            ++st.letters;
            ++st.script[static_cast<size_t>(ScriptOf(cp))];
        }
        i += static_cast<size_t>(n);
    }
    return st;
}

Script DominantScript(const WordStats& st) {
    size_t best = 0;
    Script s = Script::Other;
    for (size_t k = 0; k < st.script.size(); ++k)
        if (st.script[k] > best) { best = st.script[k]; s = static_cast<Script>(k); }
    return s;
}

// A language written in two scripts the rule tells apart (Serbian in Cyrillic or Latin letters): the
// article's own majority is its script. For a language of a script the rule does not tell apart, the
// rule is off (a majority there would be the front matter's or a menu's Latin letters).
bool WrittenInTwoScripts(std::string_view lang) {
    for (std::string_view l : {"sr", "kk", "uz", "az", "pa", "ku", "ks", "tt"})
        if (l == lang) return true;
    return false;
}

// The script a language is written in, of those the line rule tells apart (Script::Other: none of
// them, or two of them).
Script ScriptOfLanguage(std::string_view lang) {
    auto in = [&](std::initializer_list<std::string_view> codes) {
        return std::find(codes.begin(), codes.end(), lang) != codes.end();
    };
    if (lang.empty() || lang == "unknown" || WrittenInTwoScripts(lang)) return Script::Other;
    if (in({"ru", "uk", "bg", "mk", "be", "ky", "tg", "mn", "ba", "os", "ab"})) return Script::Cyrillic;
    if (lang == "el") return Script::Greek;
    if (in({"ar", "fa", "ur", "ps", "ug", "sd"})) return Script::Arabic;
    if (in({"he", "yi"})) return Script::Hebrew;
    if (in({"zh", "ja", "ko"})) return Script::Cjk;  // Han, kana and Hangul are one class here
    // written in a script the rule does not tell apart (Devanagari, Thaana, Thai, Georgian, ...)
    if (in({"hi", "mr", "ne", "sa", "bh", "bn", "as", "gu", "or", "ta", "te", "kn", "ml", "si", "th", "lo", "km",
            "my", "bo", "dz", "ka", "hy", "am", "ti", "iu", "dv"}))
        return Script::Other;
    return Script::Latin;
}

// Does the line end like a sentence (., !, ?, …, or a closing quote after one)?
bool EndsLikeSentence(std::string_view s) {
    while (!s.empty()) {
        unsigned char c = static_cast<unsigned char>(s.back());
        if (c == '"' || c == '\'' || c == ')' ) { s.remove_suffix(1); continue; }
        if (s.size() >= 3 && (s.substr(s.size() - 3) == "\xE2\x80\x9D" || s.substr(s.size() - 3) == "\xE2\x80\x99")) {
            s.remove_suffix(3);  // ” ’
            continue;
        }
        break;
    }
    if (s.empty()) return false;
    char c = s.back();
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == ',' ||
           (s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x80\xA6");
}

}  // namespace

std::string_view BoilerplateName(Boilerplate b) {
    switch (b) {
        case Boilerplate::None: return "";
        case Boilerplate::PageTitle: return "page title";
        case Boilerplate::PhotoCredit: return "photo credit";
        case Boilerplate::PhotoCaption: return "photo caption";
        case Boilerplate::ImageFile: return "image file name";
        case Boilerplate::Byline: return "byline";
        case Boilerplate::AuthorBio: return "author bio";
        case Boilerplate::ReadingTime: return "reading time";
        case Boilerplate::ReadMore: return "read more / related link";
        case Boilerplate::SharePrompt: return "share prompt";
        case Boilerplate::LoginPrompt: return "login or comment prompt";
        case Boilerplate::SisterSites: return "sister sites / promotion";
        case Boilerplate::TagList: return "tag list";
        case Boilerplate::Navigation: return "navigation";
        case Boilerplate::OtherScript: return "other script than the article's language";
        case Boilerplate::FrontMatter: return "front matter";
    }
    return "";
}

// [SECTION] Lines and boilerplate ---------------------------------------------------------------
namespace {

// Credits, captions and prompts are short; the substring rules look only at lines up to this size
// (bytes), which keeps cleaning linear in practice on long paragraphs.
constexpr size_t kShortLine = 400;

bool IsImageFile(std::string_view s) {
    if (s.find(' ') != std::string_view::npos) return false;
    for (std::string_view ext : {".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg"})
        if (EndsWithI(s, ext)) return true;
    return false;
}

// `low` is the line with ASCII letters in lower case (LowerAscii), so the substring rules below
// can use a plain find (memchr-fast) instead of a case-blind compare at every byte.
bool IsCredit(std::string_view s, std::string_view low, const ArticleMeta& meta) {
    if (s.rfind("\xC2\xA9", 0) == 0) return true;  // ©
    for (std::string_view k : {"ap photo", "getty images", "photo:", "photo credit", "image:", "credit:", "/ afp",
                               "reuters/", "foto:", "bild:", "shutterstock", "epa/", "anp/", "belga"})
        if (low.find(k) != std::string_view::npos) return true;
    if (meta.outlet && !meta.outlet->empty()) {
        // "… - Sputnik International": a caption signed with the outlet's name
        if (EndsWithI(s, " - " + *meta.outlet) || EndsWithI(s, " \xE2\x80\x93 " + *meta.outlet)) return true;
    }
    return false;
}

bool IsByline(std::string_view s, const ArticleMeta& meta, const WordStats& st) {
    if (meta.author && !meta.author->empty()) {
        if (s == *meta.author) return true;
        if (StartsWithI(s, *meta.author) && st.words <= 8 && !EndsLikeSentence(s)) return true;
        if (StartsWithI(s, "By " + *meta.author) || StartsWithI(s, "Door " + *meta.author) ||
            StartsWithI(s, "Von " + *meta.author) || StartsWithI(s, "Par " + *meta.author))
            return true;
    }
    if (st.words >= 2 && st.words <= 7 && !EndsLikeSentence(s) && st.capitalized == st.words) {
        for (std::string_view role : {" Writer", " Reporter", " Editor", " Correspondent", " Journalist", " Redacteur"})
            if (EndsWithI(s, role)) return true;
    }
    if (st.words >= 2 && st.words <= 5 && (StartsWithI(s, "By ") || StartsWithI(s, "Door ")) && !EndsLikeSentence(s) &&
        st.capitalized >= st.words - 1)
        return true;
    return false;
}

bool IsReadingTime(std::string_view s) {
    size_t i = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == 0) return false;
    std::string_view rest = s.substr(i);
    return rest == " min read" || rest == " minute read" || rest == " minutes read" || rest == " min leestijd" ||
           rest == " Min. Lesezeit";
}

bool IsReadMore(std::string_view s) {
    for (std::string_view k : {"READ MORE", "Read more:", "Read also", "Related:", "RELATED:", "See also:", "Lees ook",
                               "Lees meer", "Mehr zum Thema", "Lesen Sie auch", "Lire aussi", "A lire aussi",
                               "Leer m\xC3\xA1s", "Lee tambi\xC3\xA9n", "Leggi anche", "Czytaj te\xC5\xBC",
                               "Czytaj tak\xC5\xBC" "e", "\xD0\xA7\xD0\xB8\xD1\x82\xD0\xB0\xD0\xB9\xD1\x82\xD0\xB5"})
        if (StartsWithI(s, k)) return true;
    return false;
}

bool IsLoginPrompt(std::string_view low) {
    for (std::string_view k : {"log in or register", "to participate in the discussion", "sign in to comment",
                               "log in to comment", "create an account", "login to comment", "log in om te reageren",
                               "comments are closed", "leave a comment", "add a comment"})
        if (low.find(k) != std::string_view::npos) return true;
    return false;
}

bool IsSharePrompt(std::string_view s, const WordStats& st) {
    if (st.words > 6) return false;
    for (std::string_view k : {"Share this", "Share on", "Share:", "Tweet", "Follow us", "Subscribe", "Sign up for",
                               "Click here", "Deel dit", "Delen:", "Teilen", "Partager", "Compartir", "Condividi",
                               "Udost\xC4\x99pnij"})
        if (StartsWithI(s, k)) return true;
    return false;
}

bool IsSisterSites(std::string_view s, const WordStats& st) {
    if (st.words > 8) return false;
    for (std::string_view k : {"More from our", "Sponsored", "Advertisement", "Recommended for you", "Promoted",
                               "Partner content", "Advertentie", "Anzeige", "Publicit\xC3\xA9"})
        if (StartsWithI(s, k)) return true;
    return false;
}

bool IsTagList(std::string_view s, const WordStats& st) {
    size_t commas = static_cast<size_t>(std::count(s.begin(), s.end(), ','));
    return commas >= 2 && st.words <= 12 && st.capitalized == 0 && !EndsLikeSentence(s);
}

// How many times " <mid> " occurs in s, without overlaps, left to right. It looks for `mid` (a
// rare character), not for the spaces: a find(" > ") stops at every space of every line.
size_t CountSpaced(std::string_view s, std::string_view mid) {
    size_t n = 0, from = 0;  // the next occurrence may start at `from`
    for (size_t m = s.find(mid, 1); m != std::string_view::npos; m = s.find(mid, m + 1)) {
        const size_t after = m + mid.size();
        if (m - 1 >= from && s[m - 1] == ' ' && after < s.size() && s[after] == ' ') {
            ++n;
            from = after + 1;
        }
    }
    return n;
}

bool IsNavigation(std::string_view s, const WordStats& st) {
    if (st.letters <= 1 && s.size() <= 3) return true;  // "X", "|", "»"
    const size_t crumbs = CountSpaced(s, ">") + CountSpaced(s, "\xC2\xBB");  // "Home > News", "Home » News"
    return crumbs >= 2 && !EndsLikeSentence(s);
}

}  // namespace

std::vector<Line> ClassifyLines(std::string_view text, const ArticleMeta& meta, std::string_view language,
                                uint32_t body_begin) {
    std::vector<Line> lines;
    for (size_t pos = 0; pos <= text.size();) {
        size_t nl = text.find('\n', pos);
        size_t end = nl == std::string_view::npos ? text.size() : nl;
        lines.push_back(Line{TrimSpan(text, Span{static_cast<uint32_t>(pos), static_cast<uint32_t>(end)})});
        if (nl == std::string_view::npos) break;
        pos = nl + 1;
    }
    std::vector<WordStats> stats(lines.size());
    std::vector<size_t> nonempty;
    WordStats whole;  // the letters of all lines are the letters of the text
    for (size_t i = 0; i < lines.size(); ++i) {
        stats[i] = Stats(View(text, lines[i].span));
        if (lines[i].span.end <= body_begin && body_begin > 0) {
            if (lines[i].span.size() > 0) lines[i].boilerplate = Boilerplate::FrontMatter;
            continue;
        }
        for (size_t k = 0; k < whole.script.size(); ++k) whole.script[k] += stats[i].script[k];
        if (lines[i].span.size() > 0) nonempty.push_back(i);
    }
    // The article's script: from its language, else (no language, or one of two scripts) the
    // majority of its body's letters.
    Script article_script = ScriptOfLanguage(language);
    if (article_script == Script::Other && (language.empty() || language == "unknown" || WrittenInTwoScripts(language)))
        article_script = DominantScript(whole);

    for (size_t k = 0; k < nonempty.size(); ++k) {
        Line& line = lines[nonempty[k]];
        std::string_view s = View(text, line.span);
        const WordStats& st = stats[nonempty[k]];
        line.heading = st.words > 0 && st.words <= 14 && !EndsLikeSentence(s);
        Boilerplate b = Boilerplate::None;
        std::string low;  // the line in ASCII lower case, made when a substring rule needs it
        // The page title: "<headline> - <Outlet>" on the first line, the headline repeated next.
        size_t dash = k == 0 && k + 1 < nonempty.size() ? s.rfind(" - ") : std::string_view::npos;
        if (dash != std::string_view::npos &&
            FoldedWords(s.substr(0, dash)) == FoldedWords(View(text, lines[nonempty[k + 1]].span)))
            b = Boilerplate::PageTitle;
        else if (IsNavigation(s, st)) b = Boilerplate::Navigation;
        else if (IsImageFile(s)) b = Boilerplate::ImageFile;
        else if (IsReadingTime(s)) b = Boilerplate::ReadingTime;
        else if (IsReadMore(s)) b = Boilerplate::ReadMore;
        else if (s.size() <= kShortLine && IsLoginPrompt(Lowered(s, low))) b = Boilerplate::LoginPrompt;
        else if (IsSharePrompt(s, st)) b = Boilerplate::SharePrompt;
        else if (IsSisterSites(s, st)) b = Boilerplate::SisterSites;
        else if (s.size() <= kShortLine && IsCredit(s, Lowered(s, low), meta)) b = Boilerplate::PhotoCredit;
        else if (IsByline(s, meta, st)) b = Boilerplate::Byline;
        else if (StartsWithI(s, "Expertise ") && !EndsLikeSentence(s)) b = Boilerplate::AuthorBio;
        else if (IsTagList(s, st)) b = Boilerplate::TagList;
        // (a Chinese or Japanese character is often a word: a line holding any is the article's,
        // "Amazon Web ServicesのCEO、Adam Selipsky氏が語った。")
        else if (st.letters >= 3 && article_script != Script::Other && DominantScript(st) != article_script &&
                 !(article_script == Script::Cjk && st.script[static_cast<size_t>(Script::Cjk)] > 0))
            b = Boilerplate::OtherScript;
        line.boilerplate = b;
    }
    // Second pass, rules that look at neighbours.
    for (size_t k = 0; k < nonempty.size(); ++k) {
        Line& line = lines[nonempty[k]];
        if (line.boilerplate != Boilerplate::None) continue;
        const WordStats& st = stats[nonempty[k]];
        std::string_view s = View(text, line.span);
        Boilerplate prev = k > 0 ? lines[nonempty[k - 1]].boilerplate : Boilerplate::None;
        Boilerplate next = k + 1 < nonempty.size() ? lines[nonempty[k + 1]].boilerplate : Boilerplate::None;
        // a caption sits after an image file name or a credit, or just before a credit
        if (prev == Boilerplate::ImageFile || (next == Boilerplate::PhotoCredit && prev != Boilerplate::None) ||
            (prev == Boilerplate::PhotoCredit && next == Boilerplate::PhotoCredit)) {
            line.boilerplate = Boilerplate::PhotoCaption;
        } else if ((prev == Boilerplate::Byline || prev == Boilerplate::AuthorBio) && meta.author &&
                   !meta.author->empty() &&
                   StartsWithI(s, meta.author->substr(0, meta.author->find(' ')) + " ")) {
            line.boilerplate = Boilerplate::AuthorBio;  // "Sean knows far too much about …"
        } else if ((prev == Boilerplate::PhotoCredit || prev == Boilerplate::PhotoCaption) && line.heading &&
                   st.words >= 4 && st.capitalized * 4 >= st.words * 3 && k > 1) {
            line.boilerplate = Boilerplate::ReadMore;  // a related headline dropped in after a photo
        }
    }
    // Captions that end with the outlet's credit ("… - Sputnik International") were marked as
    // credits above; name them captions when they read like one (a long line with a sentence).
    for (size_t k = 0; k < nonempty.size(); ++k) {
        Line& line = lines[nonempty[k]];
        if (line.boilerplate == Boilerplate::PhotoCredit && stats[nonempty[k]].words >= 4 &&
            View(text, line.span).rfind("\xC2\xA9", 0) != 0 && !ContainsI(View(text, line.span), "Getty Images"))
            line.boilerplate = Boilerplate::PhotoCaption;
    }
    return lines;
}

// [SECTION] Sentences ---------------------------------------------------------------------------
namespace {

bool IsAbbreviation(std::string_view word) {
    // word = the characters before the '.', back to a space (may hold inner dots: "U.S", "a.m")
    if (word.empty()) return false;
    if (word.find('.') != std::string_view::npos) return true;  // U.S. U.N. a.m. e.g.
    int32_t cp;
    int n = DecodeUtf8(word, 0, cp);
    if (n > 0 && static_cast<size_t>(n) == word.size() && ClassifyCodePoint(cp) == CharClass::Letter)
        return true;  // an initial: "J. Bezos"
    static const std::unordered_set<std::string> kAbbr = {
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "inc", "ltd", "co", "corp", "no", "nr",
        "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "fig", "approx", "dept", "est", "mt", "ft", "vol", "p", "pp",
        "dhr", "mevr", "mw", "drs", "ir", "bijv", "ca", "resp", "zgn", "o.a", "bzw", "usw", "z.b", "hr", "fr",
        "mme", "mlle", "sr", "sra", "dra", "sig", "dott", "ul", "np", "tzw", "godz", "tys", "mln", "mld", "г", "т",
    };
    std::string lower;
    FoldToken(word, lower);
    return kAbbr.count(lower) > 0;
}

bool IsClosing(int32_t cp) {
    return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D || cp == 0x2019 || cp == 0x00BB ||
           cp == 0x203A || cp == 0x300D || cp == 0x300F || cp == 0xFF09;  // 」』）
}
// Ideographic full stop and the full-width ! ? (CJK), the Devanagari danda and double danda: they
// end a sentence whatever follows, as no space is written after them.
bool IsStrongTerminator(int32_t cp) {
    return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF61 || cp == 0x0964 || cp == 0x0965;
}

bool StartsSentence(int32_t cp) {
    if (cp == '"' || cp == '\'' || cp == '(' || cp == 0x201C || cp == 0x2018 || cp == 0x00AB || cp == 0x201E ||
        cp == 0x2022 || cp == 0x2014 || cp == 0x2013)
        return true;
    CharClass c = ClassifyCodePoint(cp);
    if (c == CharClass::Digit) return true;
    if (c != CharClass::Letter) return false;
    // upper- or title-case letter, or a letter of a script without case (Arabic, Hebrew, Hindi,
    // Korean, …): ask utf8proc
    const utf8proc_category_t cat = utf8proc_category(cp);
    return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT || cat == UTF8PROC_CATEGORY_LO;
}

// Trims leading bullets ("•", "-", "*", "·", "–") and spaces.
Span TrimBullet(std::string_view text, Span s) {
    s = TrimSpan(text, s);
    for (std::string_view b : {"\xE2\x80\xA2", "\xC2\xB7", "- ", "* ", "\xE2\x80\x93 ", "\xE2\x80\x94 "}) {
        if (View(text, s).rfind(b, 0) == 0) {
            s.begin += static_cast<uint32_t>(b.size());
            return TrimSpan(text, s);
        }
    }
    return s;
}

}  // namespace

std::vector<Span> SplitSentences(std::string_view text, const std::vector<Line>& lines) {
    std::vector<Span> out;
    for (const Line& line : lines) {
        if (line.boilerplate != Boilerplate::None || line.span.size() == 0) continue;
        Span ls = TrimBullet(text, line.span);
        uint32_t start = ls.begin;
        uint32_t i = ls.begin;
        while (i < ls.end) {
            const unsigned char c = static_cast<unsigned char>(text[i]);
            if (c < 0x80 && c != '.' && c != '!' && c != '?') { ++i; continue; }  // ASCII, no terminator
            int32_t cp;
            int n = DecodeUtf8(text, i, cp);
            if (n < 0) { ++i; continue; }
            uint32_t next = i + static_cast<uint32_t>(n);
            const bool strong = IsStrongTerminator(cp);
            bool term = cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == 0x061F || cp == 0x06D4 || strong;
            if (!term) { i = next; continue; }
            // the word before a '.', for abbreviations
            if (cp == '.') {
                uint32_t w = i;
                while (w > start && !IsAsciiSpace(text[w - 1]) && text[w - 1] != '(' && text[w - 1] != '"') --w;
                if (IsAbbreviation(text.substr(w, i - w))) {
                    // "U.S." before a capital may still end a sentence, but rarely: keep going
                    i = next;
                    continue;
                }
            }
            // absorb further terminators and closing quotes/brackets
            uint32_t j = next;
            while (j < ls.end) {
                int32_t c2;
                int m = DecodeUtf8(text, j, c2);
                if (m < 0) break;
                if (c2 == '.' || c2 == '!' || c2 == '?' || c2 == 0x2026 || IsStrongTerminator(c2) || IsClosing(c2))
                    j += static_cast<uint32_t>(m);
                else break;
            }
            // Chinese and Japanese (and Hindi's danda) end a sentence without a space after it
            if (strong && j < ls.end) {
                out.push_back(Span{start, j});
                uint32_t k = j;
                while (k < ls.end && IsAsciiSpace(text[k])) ++k;
                start = k;
                i = k;
                continue;
            }
            // then at least one space and a sentence start
            uint32_t k = j;
            bool space = false;
            while (k < ls.end) {
                int32_t c3;
                int m = DecodeUtf8(text, k, c3);
                if (m < 0 || ClassifyCodePoint(c3) != CharClass::Space) break;
                space = true;
                k += static_cast<uint32_t>(m);
            }
            int32_t c4 = 0;
            if (space && k < ls.end && DecodeUtf8(text, k, c4) > 0 && StartsSentence(c4)) {
                out.push_back(Span{start, j});
                start = k;
                i = k;
            } else {
                i = j > next ? j : next;
            }
        }
        Span last = TrimSpan(text, Span{start, ls.end});
        if (last.size() > 0) out.push_back(last);
    }
    return out;
}

// [SECTION] Stopwords and language identification ----------------------------------------------
namespace {

constexpr size_t kNumLanguages = std::size(kLanguages);

int LanguageIndex(std::string_view lang) {
    for (size_t i = 0; i < kNumLanguages; ++i)
        if (kLanguages[i] == lang) return static_cast<int>(i);
    return -1;
}

}  // namespace

std::string SupportedLanguage(std::string_view code) {
    std::string primary;
    for (char c : code) {
        if (c == '-' || c == '_') break;
        primary += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    if (LanguageIndex(primary) >= 0) return primary;
    // Any other language CLD2 identifies, by its two-letter code ("sv", "zh-TW", "iw" -> "he").
    // Three-letter codes and names are left out: metadata languages are ISO 639-1 here.
    if (primary.size() != 2) return {};
    return KnownLanguage(primary);
}

std::string SupportedLanguageList() {
    std::string out;
    for (std::string_view l : kLanguages) out += (out.empty() ? "" : ", ") + std::string(l);
    return out + " or another ISO 639-1 code of a language CLD2 identifies";
}

std::string LanguageName(std::string_view code) {
    static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
        {"ar", "Arabic"},     {"bg", "Bulgarian"}, {"ca", "Catalan"},   {"cs", "Czech"},      {"da", "Danish"},
        {"de", "German"},     {"el", "Greek"},     {"en", "English"},   {"es", "Spanish"},    {"et", "Estonian"},
        {"eu", "Basque"},     {"fa", "Persian"},   {"fi", "Finnish"},   {"fr", "French"},     {"ga", "Irish"},
        {"he", "Hebrew"},     {"hi", "Hindi"},     {"hr", "Croatian"},  {"hu", "Hungarian"},  {"id", "Indonesian"},
        {"it", "Italian"},    {"ja", "Japanese"},  {"ko", "Korean"},    {"lt", "Lithuanian"}, {"lv", "Latvian"},
        {"nb", "Norwegian"},  {"nl", "Dutch"},     {"no", "Norwegian"}, {"pl", "Polish"},     {"pt", "Portuguese"},
        {"ro", "Romanian"},   {"ru", "Russian"},   {"sk", "Slovak"},    {"sl", "Slovenian"},  {"sr", "Serbian"},
        {"sv", "Swedish"},    {"tr", "Turkish"},   {"uk", "Ukrainian"}, {"vi", "Vietnamese"}, {"zh", "Chinese"},
    };
    for (const auto& [c, name] : kNames)
        if (c == code) return std::string(name);
    if (code == "unknown" || code.empty()) return "an unidentified language";
    std::string cld2 = DetectorLanguageName(code);
    return cld2.empty() ? std::string(code) : cld2;
}

namespace {
}  // namespace

bool IsStopword(std::string_view folded, std::string_view lang) {
    int li = LanguageIndex(lang);
    if (li >= 0) return (StopwordLanguages(folded) >> li) & 1u;
    if (lang.empty() || lang == "unknown") return false;
    return IsListedStopword(folded, lang);
}

namespace {

// Language evidence of some words: stopword-list hits, each shared equally among the languages
// that list the word, plus Cyrillic words for ru. Scores are kept in 2520ths (2520 is divisible by
// 1..9, the number of languages that can share a word) so they add up exactly, in any order.
struct LanguageScore {
    static constexpr size_t kRussian = 7;
    static_assert(kLanguages[kRussian] == "ru");
    std::array<uint64_t, kNumLanguages> score{};  // 64 bits: a 100 MB article has ~16 million words
    uint32_t words = 0, evidence = 0;

    void AddWord(const TermInfo& t) {
        ++words;
        if (t.stopword_langs) {
            const uint32_t share = 2520u / static_cast<uint32_t>(__builtin_popcount(t.stopword_langs));
            for (size_t li = 0; li < kNumLanguages; ++li)
                if ((t.stopword_langs >> li) & 1u) score[li] += share;
            ++evidence;
        } else if (t.cyrillic) {
            score[kRussian] += 1260;  // a Cyrillic word that is no stopword still says "ru" among ours
            ++evidence;
        }
    }
    void Add(const LanguageScore& o) {
        for (size_t li = 0; li < kNumLanguages; ++li) score[li] += o.score[li];
        words += o.words;
        evidence += o.evidence;
    }
    LanguageGuess Guess() const {
        LanguageGuess g;
        g.words = words;
        uint64_t total = 0;
        uint64_t best = 0;
        size_t best_i = 0;
        for (size_t i = 0; i < kNumLanguages; ++i) {
            total += score[i];
            if (score[i] > best) { best = score[i]; best_i = i; }
        }
        if (total == 0 || evidence < 2) return g;
        g.confidence = static_cast<double>(best) / static_cast<double>(total);
        if (g.confidence >= 0.3) g.code = std::string(kLanguages[best_i]);
        else g.confidence = 0;
        return g;
    }
};

}  // namespace

namespace {

// The text of some ranges for CLD2, one range a line.
std::string JoinRanges(std::string_view text, const std::vector<Span>& ranges) {
    std::string out;
    for (const Span& r : ranges) {
        out.append(View(text, r));
        out += '\n';
    }
    return out;
}

// A whole text's language from both witnesses. CLD2 knows 83 languages from letter n-grams; the
// stopword evidence knows nine, but knows them from few words. CLD2 decides, except when it is
// not sure and the stopwords name another language (a short or mixed text in one of the nine).
// Too little text names no language, whoever names it ("Rekognition AWS ICE"): fewer than four
// words, unless it is 48 bytes or more (16 characters of a script written without spaces, Thai
// say, where a "word" of the tokenizer is a whole clause).
constexpr size_t kMinWordsForDetector = 4;
constexpr size_t kMinBytesForDetector = 48;

LanguageGuess CombineForText(const LanguageGuess& stopwords, const DetectedLanguage& cld2, size_t bytes) {
    if (cld2.code == "unknown") return stopwords;
    if (stopwords.words < kMinWordsForDetector && bytes < kMinBytesForDetector) return stopwords;
    if (!cld2.reliable && stopwords.code != "unknown" && stopwords.code != cld2.code) return stopwords;
    LanguageGuess g;
    g.code = cld2.code;
    g.confidence = cld2.percent / 100.0;
    g.words = stopwords.words;
    return g;
}

// One sentence's language: CLD2 when it is sure without being pressed; else its best-effort guess
// when that is the article's language (a sentence is short; the article around it is evidence
// too); else the stopword evidence. (Pressed for a guess, CLD2 calls a Polish sentence with three
// names in it "reliably" English: its best effort is taken only where the article backs it.)
LanguageGuess CombineForSentence(const LanguageGuess& stopwords, std::string_view sentence,
                                 const std::string& article_language) {
    DetectedLanguage cld2 = DetectLanguage(sentence, false);
    if (cld2.code == "unknown" || !cld2.reliable) {
        cld2 = DetectLanguage(sentence, true);
        if (cld2.code != article_language) return stopwords;
    }
    if (cld2.code == "unknown") return stopwords;
    LanguageGuess g;
    g.code = cld2.code;
    g.confidence = cld2.percent / 100.0;
    g.words = stopwords.words;
    return g;
}

// Whether the bytes [begin, end) lie wholly in spans of language `code` (spans in order; `k` is
// where the last look ended: the calls come in order of `begin`).
bool InSpansOf(const std::vector<LanguageSpan>& spans, size_t& k, size_t begin, size_t end, const std::string& code) {
    while (k < spans.size() && spans[k].end <= begin) ++k;
    size_t covered = begin;
    for (size_t j = k; j < spans.size() && spans[j].begin < end; ++j) {
        if (spans[j].code != code || spans[j].begin > covered) return false;
        covered = std::max(covered, spans[j].end);
    }
    return covered >= end && end > begin;
}

}  // namespace

LanguageGuess IdentifyLanguage(std::string_view text, const std::vector<Span>& ranges) {
    LanguageGuess stopwords = IdentifyStopwordLanguage(text, ranges);
    if (!LanguageTablesLoaded()) return stopwords;
    const std::string joined = JoinRanges(text, ranges);
    return CombineForText(stopwords, DetectLanguage(joined, false), joined.size());
}

LanguageGuess IdentifyStopwordLanguage(std::string_view text, const std::vector<Span>& ranges) {
    LanguageScore score;
    std::string f;
    for (const Span& r : ranges) {
        Tokenize(text, r, [&](const Token& t) {
            if (t.kind != TokenKind::Word) return;
            FoldToken(View(text, t.span), f);
            score.AddWord(DescribeTerm(f, /*stopwords=*/true));
        });
    }
    return score.Guess();
}

// [SECTION] Stemming ----------------------------------------------------------------------------
namespace {
// Every stemmer libstemmer 2.2.0 has, by the ISO 639-1 code of its language (Snowball's "porter"
// is the older English algorithm, not a language). Polish, Czech, Chinese, … have none.
constexpr std::pair<std::string_view, const char*> kSnowball[] = {
    {"ar", "arabic"},     {"ca", "catalan"},   {"da", "danish"},    {"de", "german"},     {"el", "greek"},
    {"en", "english"},    {"es", "spanish"},   {"eu", "basque"},    {"fi", "finnish"},    {"fr", "french"},
    {"ga", "irish"},      {"hi", "hindi"},     {"hu", "hungarian"}, {"hy", "armenian"},   {"id", "indonesian"},
    {"it", "italian"},    {"lt", "lithuanian"}, {"ne", "nepali"},   {"nl", "dutch"},      {"no", "norwegian"},
    {"pt", "portuguese"}, {"ro", "romanian"},  {"ru", "russian"},   {"sr", "serbian"},    {"sv", "swedish"},
    {"ta", "tamil"},      {"tr", "turkish"},   {"yi", "yiddish"},
};

const char* SnowballName(std::string_view lang) {
    for (const auto& [code, name] : kSnowball)
        if (code == lang) return name;
    return nullptr;
}

struct StemmerDeleter {
    void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};
}  // namespace

bool HasStemmer(std::string_view lang) { return SnowballName(lang) != nullptr; }

std::string Stem(std::string_view folded, std::string_view lang) {
    // one set per thread: the desktop app's dictionary lookup analyses on a thread of its own
    thread_local std::unordered_map<std::string, std::unique_ptr<sb_stemmer, StemmerDeleter>> stemmers;
    const char* name = SnowballName(lang);
    if (!name) return std::string(folded);
    auto& s = stemmers[name];
    if (!s) s.reset(sb_stemmer_new(name, "UTF_8"));
    if (!s) return std::string(folded);
    const sb_symbol* out = sb_stemmer_stem(s.get(), reinterpret_cast<const sb_symbol*>(folded.data()),
                                           static_cast<int>(folded.size()));
    if (!out) return std::string(folded);
    return std::string(reinterpret_cast<const char*>(out), static_cast<size_t>(sb_stemmer_length(s.get())));
}

// [SECTION] Analysing articles and corpora ------------------------------------------------------

AnalyzedArticle AnalyzeArticle(const Article& article, TermTable& terms) {
    AnalyzedArticle a;
    std::string_view text = article.text;
    a.utf8 = CheckUtf8(text);
    // 1. lines and boilerplate (without a known language the script rule uses the article's
    // dominant script), 2. sentences
    // A metadata language Presslens does not analyse counts as none: it is identified instead.
    std::string given = SupportedLanguage(article.meta.language.value_or(""));
    a.lines = ClassifyLines(text, article.meta, given, article.body_begin);
    for (const Line& l : a.lines)
        if (l.boilerplate != Boilerplate::None) ++a.boilerplate_lines;
    a.sentences = SplitSentences(text, a.lines);
    // 3. one pass over the sentences' tokens: their term ids and each sentence's language; the
    // article's language is the sum of its sentences' evidence.
    LanguageScore all;
    a.sentence_languages.reserve(a.sentences.size());
    a.sentence_terms.reserve(a.sentences.size() + 1);
    for (const Span& s : a.sentences) {
        a.sentence_terms.push_back(static_cast<uint32_t>(a.terms.size()));
        LanguageScore one;
        Tokenize(text, s, [&](const Token& t) {
            const uint32_t id = terms.InternToken(text, t);
            a.terms.push_back(id);
            if (t.kind == TokenKind::Word) one.AddWord(terms.Info(id));
        });
        a.sentence_languages.push_back(one.Guess());
        all.Add(one);
    }
    a.sentence_terms.push_back(static_cast<uint32_t>(a.terms.size()));
    a.terms.shrink_to_fit();
    a.words = all.words;
    a.language = all.Guess();
    // 4. CLD2 (when its tables are there) for the article, then for each sentence
    // A language given in the metadata that CLD2 does not see in the article is the user
    // overruling it: then its word on the sentences is not taken either (they keep the stopword
    // evidence, as the article keeps the given language).
    if (LanguageTablesLoaded() && !a.sentences.empty()) {
        const std::string joined = JoinRanges(text, a.sentences);
        std::vector<LanguageSpan> spans;
        a.language = CombineForText(a.language, DetectLanguage(joined, false, &spans), joined.size());
        if (given.empty() || given == a.language.code) {
            // A sentence with words whose every letter CLD2 scored in the article's language,
            // reading the whole text, is in that language: only the others are asked about alone (most
            // sentences of most articles are not, and each question costs a pass of CLD2).
            size_t at = 0, k = 0;
            for (size_t i = 0; i < a.sentences.size(); ++i) {
                const size_t begin = at, end = at + a.sentences[i].size();
                at = end + 1;  // JoinRanges's '\n'
                if (a.sentence_languages[i].words > 0 && InSpansOf(spans, k, begin, end, a.language.code)) {
                    a.sentence_languages[i].code = a.language.code;
                    a.sentence_languages[i].confidence = 1.0;
                    continue;
                }
                a.sentence_languages[i] =
                    CombineForSentence(a.sentence_languages[i], View(text, a.sentences[i]), a.language.code);
            }
            // CLD2's summary of a mixed text can favour a language most of it is not in (it
            // scores names low): when the sentences of one language hold more than half of the
            // sentences' bytes, that is the article's language.
            std::vector<std::pair<std::string, size_t>> bytes;  // language -> its sentences' bytes
            size_t total = 0;
            for (size_t i = 0; i < a.sentences.size(); ++i) {
                total += a.sentences[i].size();
                const std::string& code = a.sentence_languages[i].code;
                if (code == "unknown") continue;
                auto it = std::find_if(bytes.begin(), bytes.end(), [&](const auto& b) { return b.first == code; });
                if (it == bytes.end()) bytes.emplace_back(code, a.sentences[i].size());
                else it->second += a.sentences[i].size();
            }
            for (const auto& [code, n] : bytes)
                if (2 * n > total && code != a.language.code) {
                    a.language.code = code;
                    a.language.confidence = static_cast<double>(n) / static_cast<double>(total);
                }
        }
    }
    a.effective_language = given.empty() ? a.language.code : given;
    return a;
}

void AnalyzeNext(AnalyzedCorpus& ac) {
    const Article& art = ac.corpus->articles[ac.articles.size()];
    ac.articles.push_back(AnalyzeArticle(art, ac.terms));
    auto [it, inserted] = ac.outlet_index.emplace(DisplayOutlet(art), static_cast<int>(ac.outlets.size()));
    if (inserted) ac.outlets.push_back(it->first);
    ac.article_outlet.push_back(it->second);
}

void RegroupOutlets(AnalyzedCorpus& ac) {
    ac.outlets.clear();
    ac.article_outlet.clear();
    ac.outlet_index.clear();
    for (size_t i = 0; i < ac.articles.size(); ++i) {
        auto [it, inserted] =
            ac.outlet_index.emplace(DisplayOutlet(ac.corpus->articles[i]), static_cast<int>(ac.outlets.size()));
        if (inserted) ac.outlets.push_back(it->first);
        ac.article_outlet.push_back(it->second);
    }
}

AnalyzedCorpus AnalyzeCorpus(const Corpus& corpus) {
    AnalyzedCorpus ac;
    ac.corpus = &corpus;
    ac.articles.reserve(corpus.articles.size());
    while (ac.articles.size() < corpus.articles.size()) AnalyzeNext(ac);
    return ac;
}

// [SECTION] Frequencies, keyness, concordance ---------------------------------------------------

bool Scope::Includes(const AnalyzedCorpus& ac, size_t i) const {
    if (article >= 0) return static_cast<size_t>(article) == i;
    if (outlet >= 0) return ac.article_outlet[i] == outlet;
    return true;
}

namespace {

// The counted terms of articles under the options, as dense ids: without stemming the corpus's
// own term ids; with stemming ids into a table of stems built on the way (each distinct word is
// stemmed once per language). Callers count in flat arrays of size() entries.
class CountedTerms {
public:
    CountedTerms(const AnalyzedCorpus& ac, const TermOptions& opt) : ac_(ac), opt_(opt) {
        if (opt.stem) stem_table_ = std::make_unique<TermTable>();  // (seeding a table costs; only when stemming)
    }

    // Calls fn(id) for every counted term of article i, in text order.
    template <class Fn>
    void ForEach(size_t i, Fn&& fn) {
        const AnalyzedArticle& aa = ac_.articles[i];
        const TermTable& terms = ac_.terms;
        const int li = LanguageIndex(aa.effective_language);
        const uint16_t lang_bit = li >= 0 ? static_cast<uint16_t>(1u << li) : 0;
        std::vector<uint32_t>* stems = opt_.stem ? &StemIds(aa.effective_language) : nullptr;
        // a language outside kLanguages: its stopwords by a flag per term id, looked up once
        std::vector<uint32_t>* art_stop = opt_.remove_stopwords && li < 0 ? StopFlags(aa.effective_language) : nullptr;
        for (size_t si = 0; si < aa.sentences.size(); ++si) {
            const std::string& slang = aa.sentence_languages[si].code;
            const int sli = LanguageIndex(slang);
            const uint16_t stop = opt_.remove_stopwords
                                      ? static_cast<uint16_t>(lang_bit | (sli >= 0 ? 1u << sli : 0u))
                                      : 0;
            std::vector<uint32_t>* sent_stop =
                opt_.remove_stopwords && sli < 0 && slang != aa.effective_language ? StopFlags(slang) : nullptr;
            for (uint32_t k = aa.sentence_terms[si]; k < aa.sentence_terms[si + 1]; ++k) {
                const uint32_t id = aa.terms[k];
                const TermInfo& info = terms.Info(id);
                if (info.number && !opt_.include_numbers) continue;
                if (info.code_points < opt_.min_length) continue;
                if (info.stopword_langs & stop) continue;
                if (art_stop && IsListed(*art_stop, aa.effective_language, id)) continue;
                if (sent_stop && IsListed(*sent_stop, slang, id)) continue;
                if (!stems) {
                    fn(id);
                } else {
                    uint32_t& st = (*stems)[id];
                    if (st == kNoTerm)
                        st = info.number ? stem_table_->Intern(terms.Text(id))
                                         : stem_table_->Intern(Stem(terms.Text(id), aa.effective_language));
                    fn(st);
                }
            }
        }
    }

    // How each counted id is most often written: the term's written form; for a stem, the
    // written form of its most often written word.
    std::vector<std::string> Written(const std::vector<uint32_t>& ids) const {
        std::vector<std::string> out(ids.size());
        if (!stem_table_) {
            std::vector<TermTable::Written> w = ac_.terms.WrittenForms(ids);
            for (size_t k = 0; k < ids.size(); ++k) out[k] = std::move(w[k].form);
            return out;
        }
        std::vector<uint32_t> place(stem_table_->size(), kNoTerm);  // stem id -> row
        for (size_t k = 0; k < ids.size(); ++k)
            if (place[ids[k]] == kNoTerm) place[ids[k]] = static_cast<uint32_t>(k);
        std::vector<uint32_t> words, word_stem;
        for (const auto& [lang, stems] : stem_ids_)
            for (uint32_t t = 0; t < stems.size(); ++t)
                if (stems[t] != kNoTerm && place[stems[t]] != kNoTerm) {
                    words.push_back(t);
                    word_stem.push_back(stems[t]);
                }
        std::vector<TermTable::Written> w = ac_.terms.WrittenForms(words);
        std::vector<uint32_t> best(ids.size(), 0);
        for (size_t k = 0; k < words.size(); ++k) {
            const size_t row = place[word_stem[k]];
            if (out[row].empty() || w[k].count > best[row] || (w[k].count == best[row] && w[k].form < out[row])) {
                out[row] = w[k].form;
                best[row] = w[k].count;
            }
        }
        for (size_t k = 0; k < ids.size(); ++k)
            if (out[k].empty()) out[k] = std::string(Text(ids[k]));
        return out;
    }

    // How many ids ForEach can produce so far (grows while stemming).
    size_t size() const { return stem_table_ ? stem_table_->size() : ac_.terms.size(); }
    std::string_view Text(uint32_t id) const { return stem_table_ ? stem_table_->Text(id) : ac_.terms.Text(id); }

private:
    // Per term id of a language outside kLanguages: 0 not looked up, 1 a stopword, 2 not; null
    // for a language without a list. (uint32_t: the type of stem_ids_, one map type in the page.)
    std::vector<uint32_t>* StopFlags(const std::string& lang) {
        if (lang.empty() || lang == "unknown" || !HasStopwordList(lang)) return nullptr;
        auto& flags = stop_flags_[lang];
        flags.resize(ac_.terms.size(), 0);
        return &flags;
    }
    bool IsListed(std::vector<uint32_t>& flags, const std::string& lang, uint32_t id) {
        uint32_t& f = flags[id];
        if (f == 0) f = IsListedStopword(ac_.terms.Text(id), lang) ? 1 : 2;
        return f == 1;
    }

    std::vector<uint32_t>& StemIds(const std::string& lang) {
        auto& ids = stem_ids_[lang];
        ids.resize(ac_.terms.size(), kNoTerm);
        return ids;
    }

    const AnalyzedCorpus& ac_;
    const TermOptions& opt_;
    std::unique_ptr<TermTable> stem_table_;
    std::unordered_map<std::string, std::vector<uint32_t>> stem_ids_;  // language -> term id -> stem id
    std::unordered_map<std::string, std::vector<uint32_t>> stop_flags_;  // language -> term id -> StopFlags
};

// Adds one to counts[id], growing the array when a new stem appears.
inline void Bump(std::vector<uint32_t>& counts, uint32_t id) {
    if (id >= counts.size()) counts.resize(static_cast<size_t>(id) + 1 + counts.size() / 2, 0);
    ++counts[id];
}

// The ids ordered by `before`, the first `top` of them (0 = all).
template <class Before>
std::vector<uint32_t> TopIds(std::vector<uint32_t> ids, size_t top, Before&& before) {
    if (top > 0 && top < ids.size()) {
        std::partial_sort(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(top), ids.end(), before);
        ids.resize(top);
    } else {
        std::sort(ids.begin(), ids.end(), before);
    }
    return ids;
}

}  // namespace

std::vector<TermCount> CountTerms(const AnalyzedCorpus& ac, const Scope& scope, const TermOptions& opt, size_t top) {
    CountedTerms terms(ac, opt);
    std::vector<uint32_t> counts(terms.size(), 0);
    for (size_t i = 0; i < ac.articles.size(); ++i) {
        if (!scope.Includes(ac, i)) continue;
        terms.ForEach(i, [&](uint32_t id) { Bump(counts, id); });
    }
    std::vector<uint32_t> ids;
    for (uint32_t id = 0; id < counts.size(); ++id)
        if (counts[id] > 0) ids.push_back(id);
    ids = TopIds(std::move(ids), top, [&](uint32_t a, uint32_t b) {
        return counts[a] != counts[b] ? counts[a] > counts[b] : terms.Text(a) < terms.Text(b);
    });
    std::vector<std::string> written = terms.Written(ids);
    std::vector<TermCount> rows;
    rows.reserve(ids.size());
    for (size_t k = 0; k < ids.size(); ++k)
        rows.push_back({std::string(terms.Text(ids[k])), counts[ids[k]], std::move(written[k])});
    return rows;
}

std::vector<CompareRow> CompareScopes(const AnalyzedCorpus& ac, const Scope& a, const Scope& b, const TermOptions& opt,
                                      size_t top) {
    std::vector<TermCount> ca = CountTerms(ac, a, opt, 0), cb = CountTerms(ac, b, opt, 0);
    size_t total_a = 0, total_b = 0;
    for (const TermCount& t : ca) total_a += t.count;
    for (const TermCount& t : cb) total_b += t.count;
    std::unordered_map<std::string, size_t, StringHash, std::equal_to<>> index;
    std::vector<CompareRow> rows;
    rows.reserve(ca.size() + cb.size());
    for (TermCount& t : ca) {
        index.emplace(t.term, rows.size());
        rows.push_back({std::move(t.term), t.count, 0, 0, 0, std::move(t.written)});
    }
    for (TermCount& t : cb) {
        auto it = index.find(t.term);
        if (it != index.end()) rows[it->second].b = t.count;
        else rows.push_back({std::move(t.term), 0, t.count, 0, 0, std::move(t.written)});
    }
    for (CompareRow& r : rows) {
        r.per_k_a = total_a ? 1000.0 * static_cast<double>(r.a) / static_cast<double>(total_a) : 0.0;
        r.per_k_b = total_b ? 1000.0 * static_cast<double>(r.b) / static_cast<double>(total_b) : 0.0;
    }
    auto key = [](const CompareRow& r) { return std::max(r.per_k_a, r.per_k_b); };
    auto before = [&](const CompareRow& x, const CompareRow& y) {
        return key(x) != key(y) ? key(x) > key(y) : x.term < y.term;
    };
    if (top && rows.size() > top) {
        std::partial_sort(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(top), rows.end(), before);
        rows.resize(top);
    } else {
        std::sort(rows.begin(), rows.end(), before);
    }
    return rows;
}

std::vector<KeynessRow> Keyness(const AnalyzedCorpus& ac, int outlet, const TermOptions& opt, size_t top) {
    CountedTerms terms(ac, opt);
    std::vector<uint32_t> target(terms.size(), 0), reference(terms.size(), 0);
    size_t target_total = 0, reference_total = 0;
    for (size_t i = 0; i < ac.articles.size(); ++i) {
        if (ac.article_outlet[i] == outlet) {
            terms.ForEach(i, [&](uint32_t id) { Bump(target, id); ++target_total; });
        } else {
            terms.ForEach(i, [&](uint32_t id) { Bump(reference, id); ++reference_total; });
        }
    }
    std::vector<KeynessRow> rows;
    if (target_total == 0 || reference_total == 0) return rows;
    reference.resize(std::max(reference.size(), target.size()), 0);
    const double c = static_cast<double>(target_total), d = static_cast<double>(reference_total);
    std::vector<uint32_t> ids;
    std::vector<double> g2(target.size(), 0.0);
    for (uint32_t id = 0; id < target.size(); ++id) {
        const double a = target[id], b = reference[id];
        if (a == 0 || a / c <= b / d) continue;  // only what the outlet over-uses
        const double e1 = c * (a + b) / (c + d), e2 = d * (a + b) / (c + d);
        g2[id] = 2.0 * (a * std::log(a / e1) + (b > 0 ? b * std::log(b / e2) : 0.0));
        ids.push_back(id);
    }
    ids = TopIds(std::move(ids), top, [&](uint32_t x, uint32_t y) {
        return g2[x] != g2[y] ? g2[x] > g2[y] : terms.Text(x) < terms.Text(y);
    });
    rows.reserve(ids.size());
    std::vector<std::string> written = terms.Written(ids);
    for (size_t k = 0; k < ids.size(); ++k) {
        const uint32_t id = ids[k];
        const double a = target[id], b = reference[id];
        const double lr = std::log2(((a + 0.5) / c) / ((b + 0.5) / d));
        rows.push_back({std::string(terms.Text(id)), target[id], reference[id], g2[id], lr, std::move(written[k])});
    }
    return rows;
}

namespace {
// The last `width` code points of s (from the left context) or the first `width` (right).
std::string TakeCodePoints(std::string_view s, size_t width, bool from_end) {
    size_t cps = CountCodePoints(s);
    if (cps <= width) return std::string(s);
    size_t skip = from_end ? cps - width : width;
    size_t i = 0, seen = 0;
    while (i < s.size()) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
            if (seen == skip) break;
            ++seen;
        }
        ++i;
    }
    return from_end ? std::string(s.substr(i)) : std::string(s.substr(0, i));
}
}  // namespace

std::vector<KwicLine> Concordance(const AnalyzedCorpus& ac, std::string_view word, const Scope& scope, size_t width,
                                  bool stem) {
    std::vector<KwicLine> out;
    std::string query;
    FoldToken(word, query);
    std::string f;
    for (size_t i = 0; i < ac.articles.size(); ++i) {
        if (!scope.Includes(ac, i)) continue;
        const AnalyzedArticle& aa = ac.articles[i];
        std::string_view text = ac.corpus->articles[i].text;
        std::string q = stem ? Stem(query, aa.effective_language) : query;
        for (const Span& s : aa.sentences) {
            Tokenize(text, s, [&](const Token& t) {
                FoldToken(View(text, t.span), f);
                bool hit = stem ? Stem(f, aa.effective_language) == q : f == q;
                if (!hit) return;
                KwicLine k;
                k.article = i;
                k.sentence = s;
                k.match = t.span;
                k.keyword = std::string(View(text, t.span));
                // context: the rest of the sentence's line, both sides, within the clean text
                const Line* line = nullptr;
                for (const Line& l : aa.lines)
                    if (l.span.begin <= t.span.begin && t.span.end <= l.span.end) { line = &l; break; }
                Span ctx = line ? line->span : s;
                k.left = TakeCodePoints(text.substr(ctx.begin, t.span.begin - ctx.begin), width, true);
                k.right = TakeCodePoints(text.substr(t.span.end, ctx.end - t.span.end), width, false);
                out.push_back(std::move(k));
            });
        }
    }
    return out;
}

}  // namespace presslens
