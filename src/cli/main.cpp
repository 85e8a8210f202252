// cli: presslens-cli, the command-line tool on the same core + io as the viewer (native only).
// This layer does the file access; io parses the bytes; core analyses. docs/cli.md documents it.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/analysis.hpp"
#include "core/codebook.hpp"
#include "core/suggest.hpp"
#include "io/codebook_io.hpp"
#include "io/codings.hpp"
#include "io/corpus_io.hpp"
#include "io/files.hpp"
#include "io/ingest.hpp"
#include "io/inputs.hpp"
#include "io/project.hpp"
#include "io/review_io.hpp"
#include "io/reports.hpp"

namespace fs = std::filesystem;
using namespace presslens;

namespace {

const char* kUsage =
    "usage: presslens-cli <command> [PATH...] [options]\n"
    "  PATH: .txt articles, saved web pages (.html, .htm), .json corpora, .presslens projects (their articles\n"
    "        and, without --codebook, their codebook), or directories of them; none = the embedded default corpus\n"
    "commands:\n"
    "  text [PATH...]                          the text that counts (boilerplate left out); several articles:\n"
    "                                          each after a line '==> SOURCE <=='\n"
    "  articles [PATH...]                      id, source, outlet, title, language, words, boilerplate_lines\n"
    "  boilerplate [PATH...]                   the quarantined lines: id, source, line, start, end, reason, text\n"
    "  sentences [PATH...]                     each sentence's own language: id, source, sentence, start, end,\n"
    "                                          language, confidence, text\n"
    "  freq [PATH...] [--top N] [--outlet NAME | --article ID] [--keep-stopwords] [--stem] [--min-length N]\n"
    "  keyness [PATH...] --outlet NAME [--top N] [--keep-stopwords] [--stem]\n"
    "  kwic [PATH...] WORD [--width N] [--stem] [--outlet NAME | --article ID]\n"
    "  matrix [PATH...] [--codebook FILE] [--why-empty] [--labels]  outlets x codes (hits per cell); --why-empty:\n"
    "                                          near misses; --labels: columns headed \"ID: label\"\n"
    "  evidence [PATH...] [--codebook FILE]    one row per quote: outlet, source, code, sentence, start, end, language, rule, best\n"
    "  codebook check FILE                     validate a codebook; codebook default: print the embedded one\n"
    "  codebook suggest FILE [PATH...] [--dictionaries DIR]  terms for the corpus's languages no rule covers, and forms\n"
    "                                          and distinctive words in a rule's own: code, rule, language, term, suggestion,\n"
    "                                          source, articles, sentences, taken (by expand), example\n"
    "  codebook expand FILE [PATH...] [--dictionaries DIR]   the codebook with every default suggestion accepted\n"
    "                                          suggest|expand --parallel agreeing|keyness|off: parallel sentences' candidates\n"
    "                                          (default keyness; agreeing: only a translation or a cognate)\n"
    "  project [PATH...] [--codebook FILE] [--name NAME]  a project file (.presslens) of the articles and the\n"
    "                                          codebook (default: the embedded one), on standard output\n"
    "  agreement A.csv B.csv                   two coders' codings (article,code,value): per claim n, agreement, kappa, alpha\n"
    "  codings PROJECT [--rules]               the project's reviewed codings (article,code,value,coder,evidence);\n"
    "                                          --rules: the rules' codings of every article and claim\n"
    "  review PROJECT                          the rules against the project's review, per claim: n, tp, fp, fn, tn,\n"
    "                                          precision, recall, f1, agreement, kappa\n"
    "matrix and evidence apply a project's review: its decisions override the rules (evidence gains state, coder)\n"
    "every command: --format table|csv|json (default table), --max-file-mb N (default 256: bigger files are refused)\n";

struct Options {
    std::string command;
    std::vector<std::string> positional;
    TableFormat format = TableFormat::Text;
    size_t top = 30;
    size_t width = 40;
    size_t min_length = 1;
    std::string outlet;
    long article = -1;
    bool keep_stopwords = false;
    bool stem = false;
    bool why_empty = false;
    bool labels = false;       // matrix --labels
    bool rules = false;        // codings --rules
    std::string codebook;
    std::string name;          // project --name
    std::string dictionaries;  // default: "dictionaries" beside the executable
    SuggestOptions::Parallel parallel = SuggestOptions::Parallel::Keyness;  // codebook suggest|expand --parallel
    std::string exe;
    Limits limits{kMaxFileBytes, 0, "--max-file-mb N"};
};

[[noreturn]] void Fail(const std::string& msg, int code = 2) {
    std::fprintf(stderr, "presslens-cli: %s\n", msg.c_str());
    std::exit(code);
}

size_t ParseCount(const char* flag, const char* value, size_t min, size_t max) {
    char* end = nullptr;
    long long v = std::strtoll(value, &end, 10);
    if (!*value || *end || v < static_cast<long long>(min) || v > static_cast<long long>(max))
        Fail(std::string(flag) + " expects a whole number from " + std::to_string(min) + " to " + std::to_string(max) +
             ", got '" + value + "'");
    return static_cast<size_t>(v);
}

Options ParseArgs(int argc, char** argv) {
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) {
        std::fputs(kUsage, argc < 2 ? stderr : stdout);
        std::exit(argc < 2 ? 2 : 0);
    }
    Options o;
    o.command = argv[1];
    o.exe = argv[0];
    for (int i = 2; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&]() -> const char* {
            if (i + 1 >= argc) Fail(a + " needs a value");
            return argv[++i];
        };
        if (a == "--format") {
            const char* v = value();
            if (!ParseTableFormat(v, o.format)) Fail(std::string("--format expects table, csv or json, got '") + v + "'");
        } else if (a == "--top") o.top = ParseCount("--top", value(), 1, 1000000);
        else if (a == "--width") o.width = ParseCount("--width", value(), 1, 10000);
        else if (a == "--min-length") o.min_length = ParseCount("--min-length", value(), 1, 1000);
        else if (a == "--outlet") o.outlet = value();
        else if (a == "--article") o.article = static_cast<long>(ParseCount("--article", value(), 0, 100000000));
        else if (a == "--keep-stopwords") o.keep_stopwords = true;
        else if (a == "--stem") o.stem = true;
        else if (a == "--why-empty") o.why_empty = true;
        else if (a == "--labels") o.labels = true;
        else if (a == "--rules") o.rules = true;
        else if (a == "--codebook") o.codebook = value();
        else if (a == "--dictionaries") o.dictionaries = value();
        else if (a == "--parallel") {
            const std::string v = value();
            if (v == "agreeing") o.parallel = SuggestOptions::Parallel::Agreeing;
            else if (v == "keyness") o.parallel = SuggestOptions::Parallel::Keyness;
            else if (v == "off") o.parallel = SuggestOptions::Parallel::Off;
            else Fail("--parallel takes agreeing, keyness or off, not '" + v + "'");
        }
        else if (a == "--name") o.name = value();
        else if (a == "--max-file-mb") o.limits.max_file_bytes = ParseCount("--max-file-mb", value(), 1, 2047) << 20;
        else if (a.rfind("--", 0) == 0) Fail("unknown option '" + a + "'\n" + kUsage);
        else o.positional.push_back(a);
    }
    return o;
}

// The codebook of the first project file among the inputs, used when no --codebook is given.
struct {
    std::string name, text;
    std::string project_name, codebook_file;  // the project's own name and codebook file name
    std::string review_text;  // its review (io/review_io), "" none
} g_project_codebook;

// The first project's review, read (a damaged one was refused with the file).
Review ProjectReview() {
    Review r;
    LoadError le;
    if (!g_project_codebook.review_text.empty() && !ParseReviewJson(g_project_codebook.review_text, "review", r, le))
        Fail(le.ToString(), 1);
    return r;
}

// Loads the given files and directories (.txt articles, .json corpora, metadata.json); none =
// the embedded default corpus. Any bad file stops the command with its message.
Corpus LoadCorpus(const std::vector<std::string>& paths, const Limits& limits) {
    Corpus corpus;
    if (paths.empty()) {
        LoadError err;
        if (!LoadDefaultCorpus(corpus, err)) Fail(err.ToString(), 1);
        return corpus;
    }
    std::vector<MetadataEntry> metadata;
    for (const std::string& path : paths) {
        std::vector<InputFile> files;
        std::string err;
        if (!CollectInputs(path, files, err, limits)) Fail(err, 1);
        for (const InputFile& f : files) {
            InputKind kind = ClassifyInput(f);
            if (kind == InputKind::Codebook) Fail(f.name + ": is a codebook; pass it with --codebook", 1);
            std::vector<std::string> warnings;
            LoadError le;
            bool ok = true;
            if (kind == InputKind::Project) {
                // its articles, and its codebook for the commands given no --codebook
                Project p;
                ok = ParseProject(f.bytes, f.name, p, warnings, le);
                if (ok && g_project_codebook.text.empty()) {
                    g_project_codebook.name = f.name + " (its codebook)";
                    g_project_codebook.text = std::move(p.codebook_text);
                    g_project_codebook.project_name = p.name;
                    g_project_codebook.codebook_file = p.codebook_name;
                    g_project_codebook.review_text = std::move(p.review_text);
                }
                for (Article& a : p.corpus.articles) corpus.articles.push_back(std::move(a));
            } else {
                ok = ParseInput(f, kind, corpus.articles, metadata, warnings, le);
            }
            for (const std::string& w : warnings) std::fprintf(stderr, "presslens-cli: warning: %s\n", w.c_str());
            if (!ok) Fail(le.ToString(), 1);
        }
    }
    if (std::string w = UnmatchedMetadataWarning(ApplyMetadata(corpus, metadata)); !w.empty())
        std::fprintf(stderr, "presslens-cli: warning: %s\n", w.c_str());
    if (corpus.articles.empty()) Fail("no articles in the given paths", 1);
    return corpus;
}

int OutletIndex(const AnalyzedCorpus& ac, const std::string& name) {
    for (size_t i = 0; i < ac.outlets.size(); ++i)
        if (ac.outlets[i] == name) return static_cast<int>(i);
    std::string list;
    for (const auto& o : ac.outlets) list += "\n  " + o;
    Fail("no outlet named '" + name + "'; the outlets are:" + list);
}

Scope MakeScope(const AnalyzedCorpus& ac, const Options& o) {
    Scope s;
    if (o.article >= 0) {
        if (static_cast<size_t>(o.article) >= ac.articles.size())
            Fail("--article " + std::to_string(o.article) + " is out of range: ids are 0 to " +
                 std::to_string(ac.articles.size() - 1));
        s.article = static_cast<int>(o.article);
    } else if (!o.outlet.empty()) {
        s.outlet = OutletIndex(ac, o.outlet);
    }
    return s;
}

TermOptions MakeTermOptions(const Options& o) {
    TermOptions t;
    t.remove_stopwords = !o.keep_stopwords;
    t.stem = o.stem;
    t.min_length = o.min_length;
    return t;
}

void Print(const Table& t, const Options& o) { std::fputs(RenderTable(t, o.format).c_str(), stdout); }

int CmdArticles(const Options& o) {
    Corpus corpus = LoadCorpus(o.positional, o.limits);
    Print(ArticlesTable(AnalyzeCorpus(corpus)), o);
    return 0;
}

// The text of each article that the analysis counts: its lines without the boilerplate ones
// (front matter, bylines, share prompts, …), runs of blank lines kept as one. For scripts and for
// checking what a saved web page gave.
int CmdText(const Options& o) {
    Corpus corpus = LoadCorpus(o.positional, o.limits);
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    std::string out;
    for (size_t i = 0; i < corpus.articles.size(); ++i) {
        const Article& a = corpus.articles[i];
        if (corpus.articles.size() > 1) out += (i ? "\n==> " : "==> ") + a.source + " <==\n";
        bool blank = true;  // no blank line at the start
        for (const Line& line : ac.articles[i].lines) {
            if (line.boilerplate != Boilerplate::None) continue;
            std::string_view text = std::string_view(a.text).substr(line.span.begin, line.span.end - line.span.begin);
            bool empty = text.find_first_not_of(" \t\r") == std::string_view::npos;
            if (empty && blank) continue;
            blank = empty;
            out += empty ? std::string_view() : text;
            out += '\n';
        }
        while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}

int CmdSentences(const Options& o) {
    Corpus corpus = LoadCorpus(o.positional, o.limits);
    Print(SentencesTable(AnalyzeCorpus(corpus)), o);
    return 0;
}

int CmdBoilerplate(const Options& o) {
    Corpus corpus = LoadCorpus(o.positional, o.limits);
    Print(BoilerplateTable(AnalyzeCorpus(corpus)), o);
    return 0;
}

int CmdFreq(const Options& o) {
    Corpus corpus = LoadCorpus(o.positional, o.limits);
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    Print(FreqTable(CountTerms(ac, MakeScope(ac, o), MakeTermOptions(o), o.top)), o);
    return 0;
}

int CmdKeyness(const Options& o) {
    if (o.outlet.empty()) Fail("keyness needs --outlet NAME");
    Corpus corpus = LoadCorpus(o.positional, o.limits);
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    Print(KeynessTable(Keyness(ac, OutletIndex(ac, o.outlet), MakeTermOptions(o), o.top)), o);
    return 0;
}

int CmdKwic(Options o) {
    if (o.positional.empty()) Fail("kwic needs a WORD");
    std::string word = o.positional.back();
    o.positional.pop_back();
    Corpus corpus = LoadCorpus(o.positional, o.limits);
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    Print(KwicTable(ac, Concordance(ac, word, MakeScope(ac, o), o.width, o.stem)), o);
    return 0;
}

Codebook LoadCodebook(const std::string& path, const Limits& limits) {
    Codebook cb;
    LoadError le;
    if (path.empty() && !g_project_codebook.text.empty()) {
        if (!ParseCodebookJson(g_project_codebook.text, g_project_codebook.name, cb, le)) Fail(le.ToString(), 1);
        return cb;
    }
    if (path.empty()) {
        if (!LoadDefaultCodebook(cb, le)) Fail(le.ToString(), 1);
        return cb;
    }
    InputFile f;
    std::string err;
    if (!ReadInputFile(path, f, err, limits)) Fail(err, 1);
    if (!ParseCodebookJson(f.bytes, path, cb, le)) Fail(le.ToString(), 1);
    return cb;
}

int CmdMatrix(const Options& o, bool evidence) {
    Corpus corpus = LoadCorpus(o.positional, o.limits);  // first: a project file brings its codebook
    Codebook cb = LoadCodebook(o.codebook, o.limits);
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    CompiledCodebook compiled(cb);
    MatchResult m = MatchCorpus(ac, compiled);
    Matrix mx = BuildMatrix(ac, cb, m);
    const Review review = ProjectReview();
    ReviewedUnits units = ApplyReview(corpus, cb, m, review);
    ApplyReviewToMatrix(ac, m, units, mx);
    if (evidence) Print(EvidenceTable(ac, cb, m, mx, review.decisions.empty() ? nullptr : &review, &units), o);
    else if (o.why_empty) Print(NearMissTable(ac, cb, m, mx), o);
    else Print(MatrixTable(ac, cb, mx, o.format == TableFormat::Text, o.labels), o);
    return 0;
}

// The bilingual tables for the corpus's languages (en-<lang>.tsv in the dictionaries folder), read
// only for the codebook's words. A missing or unreadable table is said once; suggestions from the
// corpus itself go on without it.
std::vector<BilingualDictionary> LoadDictionaries(const Options& o, const Codebook& cb, const AnalyzedCorpus& ac) {
    std::vector<BilingualDictionary> out;
    fs::path dir = o.dictionaries.empty() ? fs::path(o.exe).parent_path() / "dictionaries" : fs::path(o.dictionaries);
    std::set<std::string> langs;
    for (const AnalyzedArticle& aa : ac.articles)
        if (aa.effective_language != "unknown" && aa.effective_language != "en") langs.insert(aa.effective_language);
    const DictionaryKeySet keys = DictionaryKeys(cb);
    std::vector<std::string> missing;
    for (const std::string& lang : langs) {
        fs::path file = dir / ("en-" + lang + ".tsv");
        std::error_code ec;
        if (!fs::exists(file, ec)) {
            missing.push_back(lang);
            continue;
        }
        InputFile f;
        std::string err;
        Limits big = o.limits;
        big.max_file_bytes = std::max<uint64_t>(big.max_file_bytes, uint64_t{1} << 30);
        if (!ReadInputFile(file.string(), f, err, big)) {
            std::fprintf(stderr, "presslens-cli: warning: %s; suggestions for %s come from the corpus only\n", err.c_str(),
                         lang.c_str());
            continue;
        }
        BilingualDictionary d(lang);
        d.Load(f.bytes, keys.words, keys.prefixes, CorpusWords(ac, lang));
        out.push_back(std::move(d));
    }
    if (!missing.empty()) {
        std::string list;
        for (const std::string& l : missing) list += (list.empty() ? "" : ", ") + l;
        std::fprintf(stderr,
                     "presslens-cli: note: no dictionary for %s in %s; suggestions for %s come from the corpus only "
                     "(same words, cognates, shared vocabularies)\n",
                     list.c_str(), dir.string().c_str(), missing.size() == 1 ? "it" : "them");
    }
    return out;
}

Table SuggestionTable(const AnalyzedCorpus& ac, const Codebook& cb, const std::vector<Suggestion>& rows) {
    Table t{{"code", "rule", "language", "term", "suggestion", "source", "articles", "sentences", "taken", "example"}, {}};
    for (const Suggestion& s : rows) {
        std::string example;
        if (s.example_article >= 0)
            example = ac.corpus->articles[static_cast<size_t>(s.example_article)].text.substr(s.example.begin, s.example.size());
        const bool actor = s.actor >= 0;
        t.rows.push_back({actor ? "actor:" + cb.actors[static_cast<size_t>(s.actor)].id : cb.codes[s.code].id,
                          actor ? std::string(s.weak ? "weak_terms" : "terms") : RuleName(cb, s.code, s.rule), s.language,
                          s.term, s.suggestion, s.source,
                          static_cast<int64_t>(s.articles), static_cast<int64_t>(s.sentences),
                          std::string(s.accepted ? "yes" : "no"), example});
    }
    return t;
}

int CmdCodebook(const Options& o) {
    if (o.positional.empty()) Fail("codebook needs a subcommand: check FILE | suggest FILE [PATH...] | expand FILE [PATH...] | default");
    const std::string& sub = o.positional.front();
    if (sub == "default") {
        std::fputs(std::string(DefaultCodebookJson()).c_str(), stdout);
        return 0;
    }
    if (sub == "suggest" || sub == "expand") {
        if (o.positional.size() < 2) Fail("codebook " + sub + " needs a codebook FILE (then the corpus PATHs)");
        Codebook cb = LoadCodebook(o.positional[1], o.limits);
        Corpus corpus = LoadCorpus({o.positional.begin() + 2, o.positional.end()}, o.limits);
        AnalyzedCorpus ac = AnalyzeCorpus(corpus);
        std::vector<BilingualDictionary> dictionaries = LoadDictionaries(o, cb, ac);
        SuggestOptions options;
        options.parallel = o.parallel;
        std::vector<Suggestion> suggestions = SuggestTerms(ac, cb, dictionaries, options);
        if (sub == "suggest") Print(SuggestionTable(ac, cb, suggestions), o);
        else std::fputs(CodebookToJson(ExpandCodebook(cb, suggestions)).c_str(), stdout);
        return 0;
    }
    if (sub != "check") Fail("unknown codebook subcommand '" + sub + "' (check FILE | suggest FILE | expand FILE | default)");
    if (o.positional.size() != 2) Fail("codebook check needs exactly one FILE");
    Codebook cb = LoadCodebook(o.positional[1], o.limits);
    size_t rules = 0;
    for (const Code& c : cb.codes) rules += c.rules.size();
    std::fprintf(stderr, "%s: valid: %zu codes, %zu rules, %zu actors\n", o.positional[1].c_str(), cb.codes.size(), rules,
                 cb.actors.size());
    if (cb.language_proposed)
        std::fprintf(stderr,
                     "%s: note: rules without \"lang\" are read as %s (%s), proposed from their terms; write \"lang\" "
                     "at the top of the codebook to choose, or \"*\" on a rule meant for every language\n",
                     o.positional[1].c_str(), LanguageName(cb.language).c_str(), cb.language.c_str());
    Print(CodebookTable(cb), o);
    return 0;
}

// Two codings files: per claim the units both coded, observed agreement, Cohen's kappa and
// Krippendorff's alpha (nominal), then all claims together. A missing figure is NA and says why.
int CmdAgreement(const Options& o) {
    if (o.positional.size() != 2) Fail("agreement needs two codings files: agreement A.csv B.csv");
    std::vector<Coding> sides[2];
    for (int k = 0; k < 2; ++k) {
        InputFile f;
        std::string err;
        if (!ReadInputFile(o.positional[static_cast<size_t>(k)], f, err, o.limits)) Fail(err, 1);
        LoadError le;
        if (!ParseCodingsCsv(f.bytes, f.name, sides[k], le)) Fail(le.ToString(), 1);
    }
    std::vector<AgreementRow> rows = Agreement(sides[0], sides[1]);
    if (rows.back().n == 0)
        Fail("the two files code no article x claim in common (are they of the same project? their article names must match)", 1);
    Table t{{"code", "n", "agreement", "kappa", "alpha", "note"}, {}};
    auto value = [](const std::optional<double>& v) -> Cell { return v ? Cell(*v) : Cell(NoValue{"NA"}); };
    for (const AgreementRow& r : rows)
        t.rows.push_back({r.code, static_cast<int64_t>(r.n), value(r.agreement), value(r.kappa), value(r.alpha), r.note});
    Print(t, o);
    return 0;
}

// A project's review: its codings (or the rules'), or the rules measured against it.
int CmdReview(const Options& o, bool codings) {
    if (o.positional.size() != 1) Fail(std::string(codings ? "codings" : "review") + " needs one project file");
    Corpus corpus = LoadCorpus(o.positional, o.limits);
    if (g_project_codebook.text.empty()) Fail(o.positional[0] + ": not a project file (.presslens)", 1);
    Codebook cb = LoadCodebook(o.codebook, o.limits);
    AnalyzedCorpus ac = AnalyzeCorpus(corpus);
    CompiledCodebook compiled(cb);
    MatchResult m = MatchCorpus(ac, compiled);
    const Review review = ProjectReview();
    ReviewedUnits units = ApplyReview(corpus, cb, m, review);
    if (units.orphans)
        std::fprintf(stderr, "presslens-cli: warning: %zu decisions name an article or claim not in the project\n", units.orphans);
    if (codings) {
        std::vector<Coding> out = o.rules ? AutomaticCodings(corpus, cb, units) : ReviewCodings(corpus, cb, review, units);
        if (out.empty()) Fail(o.positional[0] + ": nothing reviewed yet (no decision in the project); --rules gives the rules' codings", 1);
        Table t{{"article", "code", "value", "coder", "evidence"}, {}};
        for (const Coding& c : out) t.rows.push_back({c.article, c.code, static_cast<int64_t>(c.value), c.coder, c.evidence});
        if (o.format == TableFormat::Csv) std::fputs(CodingsToCsv(out).c_str(), stdout);
        else Print(t, o);
        return 0;
    }
    if (units.reviewed == 0) Fail(o.positional[0] + ": nothing reviewed yet (no decision in the project)", 1);
    Table t{{"code", "n", "tp", "fp", "fn", "tn", "precision", "recall", "f1", "agreement", "kappa", "note"}, {}};
    auto value = [](const std::optional<double>& v) -> Cell { return v ? Cell(*v) : Cell(NoValue{"NA"}); };
    for (const RulesVsReview& r : CompareRulesWithReview(cb, units)) {
        if (r.n == 0 && r.code != "(all)") continue;
        t.rows.push_back({r.code, static_cast<int64_t>(r.n), static_cast<int64_t>(r.tp), static_cast<int64_t>(r.fp),
                          static_cast<int64_t>(r.fn), static_cast<int64_t>(r.tn), value(r.precision), value(r.recall),
                          value(r.f1), value(r.agreement.agreement), value(r.agreement.kappa), r.agreement.note});
    }
    Print(t, o);
    return 0;
}

// A project file of the inputs and a codebook, on standard output: the codebook's text exactly as
// written (checked first), the articles as read.
int CmdProject(const Options& o) {
    Project p;
    p.name = o.name;
    p.corpus = LoadCorpus(o.positional, o.limits);
    Codebook cb;
    LoadError le;
    if (!o.codebook.empty()) {
        InputFile f;
        std::string err;
        if (!ReadInputFile(o.codebook, f, err, o.limits)) Fail(err, 1);
        if (!ParseCodebookJson(f.bytes, o.codebook, cb, le)) Fail(le.ToString(), 1);
        p.codebook_name = std::filesystem::path(o.codebook).filename().string();
        p.codebook_text = std::move(f.bytes);
    } else if (!g_project_codebook.text.empty()) {
        p.codebook_name = g_project_codebook.codebook_file;
        p.codebook_text = g_project_codebook.text;
        if (p.name.empty()) p.name = g_project_codebook.project_name;
    } else {
        p.codebook_name = "codebook.json";
        p.codebook_text = std::string(DefaultCodebookJson());
    }
    if (p.name.empty()) {
        if (!ParseCodebookJson(p.codebook_text, p.codebook_name, cb, le)) Fail(le.ToString(), 1);
        p.name = cb.name;
    }
    p.review_text = g_project_codebook.review_text;  // a project's review goes with its articles
    for (std::string_view piece : ProjectPieces(p).pieces) std::fwrite(piece.data(), 1, piece.size(), stdout);
    return std::fflush(stdout) == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    Options o = ParseArgs(argc, argv);
    if (o.command == "text") return CmdText(o);
    if (o.command == "articles") return CmdArticles(o);
    if (o.command == "boilerplate") return CmdBoilerplate(o);
    if (o.command == "sentences") return CmdSentences(o);
    if (o.command == "freq") return CmdFreq(o);
    if (o.command == "keyness") return CmdKeyness(o);
    if (o.command == "kwic") return CmdKwic(o);
    if (o.command == "matrix") return CmdMatrix(o, false);
    if (o.command == "evidence") return CmdMatrix(o, true);
    if (o.command == "codebook") return CmdCodebook(o);
    if (o.command == "agreement") return CmdAgreement(o);
    if (o.command == "project") return CmdProject(o);
    if (o.command == "codings") return CmdReview(o, true);
    if (o.command == "review") return CmdReview(o, false);
    Fail("unknown command '" + o.command + "'\n" + kUsage);
}
