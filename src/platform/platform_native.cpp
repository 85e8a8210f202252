// platform (native desktop): SDL2 event waiting, --frames / --state-out options, stderr.
// The web twin is wasm/platform_web.cpp.
#include <SDL.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <chrono>
#include <future>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>

#include "io/files.hpp"
#include "io/suggestions_io.hpp"
#include "platform/platform.hpp"

namespace presslens::platform {
namespace {
long g_frame_limit = 0;
std::string g_state_out;
std::string g_view;
std::string g_export_dir;
std::vector<std::string> g_paths;
std::vector<InputFile> g_drop_files;
std::vector<std::string> g_drop_errors;
bool g_drop_ready = false;

std::string ConfigDir() {
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    if (xdg && *xdg) return std::string(xdg) + "/presslens";
    const char* home = std::getenv("HOME");
    return std::string(home && *home ? home : ".") + "/.config/presslens";
}

bool ValidKey(const std::string& key) {
    if (key.rfind("recent-", 0) == 0)  // a recent project: "recent-<number>"
        return key.size() > 7 && key.size() < 20 && key.find_first_not_of("0123456789", 7) == std::string::npos;
    return key == "codebook" || key == "corpus" || key == "settings" || key == "project" || key == "recent" ||
           key == "review";
}
}  // namespace

bool ParseArgs(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--frames") && i + 1 < argc) {
            g_frame_limit = std::strtol(argv[++i], nullptr, 10);
        } else if (!std::strcmp(argv[i], "--state-out") && i + 1 < argc) {
            g_state_out = argv[++i];
        } else if (!std::strcmp(argv[i], "--view") && i + 1 < argc) {
            g_view = argv[++i];
        } else if (!std::strcmp(argv[i], "--export-dir") && i + 1 < argc) {
            g_export_dir = argv[++i];
        } else if (argv[i][0] != '-') {
            g_paths.push_back(argv[i]);
        } else {
            std::fprintf(stderr,
                         "presslens: unknown option '%s'\n"
                         "usage: presslens [FILE...] [--frames N] [--state-out FILE] [--view LINK] [--export-dir DIR]\n"
                         "  FILE              .txt articles, .json corpora or a .json codebook, or folders of them\n"
                         "  --export-dir DIR  where exports are written (default ~/Downloads, else here)\n"
                         "  --frames N        quit after drawing N frames\n"
                         "  --state-out FILE  write the viewer's state (JSON) to FILE after each frame\n"
                         "  --view LINK       open a view, as in the web page's URL hash (panel=words&word=ice)\n",
                         argv[i]);
            return false;
        }
    }
    return true;
}

void RunMainLoop(bool (*frame)(void*), void* user) {
    while (frame(user)) {
    }
}

void IdleUntilInput() {
    // Blocks without spinning; the timeout only bounds how stale a missed wake-up can get.
    SDL_WaitEventTimeout(nullptr, 1000);
}

long FrameLimit() { return g_frame_limit; }

bool StateWanted() { return !g_state_out.empty(); }
void FrameDrawn(long, bool, bool, bool, const double*, int) {}

void PublishState(const std::string& json) {
    if (g_state_out.empty()) return;
    // Write then rename, so a reader never sees half a file.
    std::string tmp = g_state_out + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << json << '\n';
    }
    std::rename(tmp.c_str(), g_state_out.c_str());
}

std::string ReadViewLink() { return g_view; }
void WriteViewLink(const std::string& link) { g_view = link; }

const std::vector<std::string>& StartupPaths() { return g_paths; }

static Limits g_limits;

void SetLimits(const Limits& limits) { g_limits = limits; }

void OnDropFile(const char* path) {
    std::string error;
    if (!CollectInputs(path, g_drop_files, error, g_limits)) g_drop_errors.push_back(error);
}

void OnDropComplete() { g_drop_ready = !g_drop_files.empty() || !g_drop_errors.empty(); }

bool TakeDroppedFiles(std::vector<InputFile>& files, std::vector<std::string>& errors) {
    if (!g_drop_ready) return false;
    files = std::move(g_drop_files);
    errors = std::move(g_drop_errors);
    g_drop_files.clear();
    g_drop_errors.clear();
    g_drop_ready = false;
    return true;
}

void OpenStored(const std::string& key, const std::string& name) {
    std::string bytes = LoadStored(key);
    if (bytes.empty()) g_drop_errors.push_back(name + ": no longer kept (" + key + ")");
    else g_drop_files.push_back({name, std::move(bytes)});
    g_drop_ready = true;
}

bool TakePastedHtml(std::string&) { return false; }

bool HasFilePicker() { return false; }
void OpenFilePicker() {}

std::string SaveExport(const std::string& name, const std::string&, const std::string& bytes, bool& ok) {
    namespace fs = std::filesystem;
    std::string dir = g_export_dir;
    if (dir.empty()) {
        const char* home = std::getenv("HOME");
        std::error_code ec;
        if (home && fs::is_directory(fs::path(home) / "Downloads", ec)) dir = (fs::path(home) / "Downloads").string();
        else dir = fs::current_path(ec).string();
    }
    std::string path = (fs::path(dir) / name).string(), error;
    ok = WriteFileAtomic(path, bytes, error);
    return ok ? "saved " + path : "could not save " + name + ": " + error;
}

std::string LoadStored(const std::string& key) {
    if (!ValidKey(key)) return {};
    InputFile f;
    std::string error;
    std::string path = ConfigDir() + "/" + key;
    if (!std::filesystem::exists(path)) return {};
    if (!ReadInputFile(path, f, error)) {
        std::fprintf(stderr, "presslens: %s\n", error.c_str());
        return {};
    }
    return f.bytes;
}

bool Store(const std::string& key, const std::vector<std::string_view>& pieces, std::string& error) {
    if (!ValidKey(key)) {
        error = "unknown storage key " + key;
        return false;
    }
    std::string path = ConfigDir() + "/" + key;
    if (std::all_of(pieces.begin(), pieces.end(), [](std::string_view p) { return p.empty(); })) {
        std::error_code ec;
        std::filesystem::remove(path, ec);
        return true;
    }
    return WriteFileAtomic(path, pieces, error);
}

std::string TakeStoreError() { return {}; }

void InstallClipboard() {}

void ReportFatal(const std::string& message) { std::fprintf(stderr, "presslens: %s\n", message.c_str()); }

// The desktop has no page: the canvas is all there is (docs/accessibility.md says what is left).
void PublishReaderLayout(const std::string&) {}
void PublishMirror(const std::string&) {}
void PublishReaderView(int, float, float, float, float, float, float, float, float) {}
void PublishFocus(const std::string&, float, float, float, float, bool) {}
bool TakeReaderSelection(int&, uint32_t&, uint32_t&) { return false; }
bool TakeReaderScroll(float&) { return false; }
// The panels' fonts: the TrueType cuts of scripts/setup.sh in the set-up cache (the build names the
// folder), or $PRESSLENS_FONT_DIR. Read at once; handed over at the next Take.
namespace {
std::map<std::string, std::pair<std::string, std::string>> g_fonts;  // name -> bytes, error
}
void RequestFontFile(const std::string& name) {
    const char* env = std::getenv("PRESSLENS_FONT_DIR");
    const std::filesystem::path path = std::filesystem::path(env && *env ? env : PRESSLENS_PANEL_FONT_DIR) / (name + ".ttf");
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) bytes.clear();
    g_fonts[name] = bytes.empty() ? std::make_pair(std::string(), path.string() + ": not found or unreadable")
                                  : std::make_pair(std::move(bytes), std::string());
}
bool TakeFontFile(const std::string& name, std::string& bytes, std::string& error) {
    auto it = g_fonts.find(name);
    if (it == g_fonts.end()) return false;
    bytes = std::move(it->second.first);
    error = std::move(it->second.second);
    g_fonts.erase(it);
    return true;
}
bool TakeLanguageData(std::string&, std::string&) { return false; }  // CLD2 is linked in

// ---- dictionary suggestions: a thread reads the tables beside the program (as presslens-cli does)
// and runs the full engine, so the window keeps drawing meanwhile. The corpus is read and analysed
// once per corpus generation, on a thread of its own; each lookup waits for it and then holds it
// alone (its index keeps caches).
namespace {
struct HeldCorpus {
    std::unique_ptr<SuggestionCorpus> corpus;  // null when it could not be read
    std::string error;                          // ...why
    std::mutex lookup;                          // one lookup at a time
};
std::string g_corpus_pieces;                    // the corpus being handed over
long g_corpus_pieces_for = -1;                  // ...its generation
long g_corpus_held_for = -1;                    // the generation of the last corpus handed over whole
std::shared_future<std::shared_ptr<HeldCorpus>> g_corpus_held;

struct DictionaryAnswer {
    SuggestionAnswer answer;
    std::string error;  // the lookup could not be answered
};
struct DictionaryJob {
    std::future<DictionaryAnswer> answer;
    long corpus_generation = 0, codebook_generation = 0;
};
std::vector<DictionaryJob> g_dictionary_jobs;

DictionaryAnswer AnswerFromFiles(const std::shared_future<std::shared_ptr<HeldCorpus>>& corpus, const std::string& codebook,
                                 const std::vector<std::string>& languages) {
    const std::shared_ptr<HeldCorpus> held = corpus.get();
    if (!held->corpus) return {{}, held->error};
    std::error_code ec;
    std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    const std::filesystem::path dir = (ec ? std::filesystem::path(".") : exe.parent_path()) / "dictionaries";
    std::vector<InputFile> files;
    std::vector<std::string> errors;
    Limits big;
    big.max_file_bytes = uint64_t{1} << 30;
    for (const std::string& lang : languages) {
        InputFile f;
        std::string err;
        if (ReadInputFile((dir / ("en-" + lang + ".tsv")).string(), f, err, big)) {
            f.name = lang;
            files.push_back(std::move(f));
        } else {
            errors.push_back(err);
        }
    }
    std::vector<std::pair<std::string, std::string_view>> tables;
    for (const InputFile& f : files) tables.emplace_back(f.name, f.bytes);
    std::lock_guard<std::mutex> alone(held->lookup);
    return {AnswerSuggestionRequest(*held->corpus, codebook, tables, errors), ""};
}
}  // namespace

void SendDictionaryCorpus(const std::string& piece, long generation, bool first, bool last) {
    if (first || generation != g_corpus_pieces_for) {
        g_corpus_pieces.clear();
        g_corpus_pieces_for = generation;
    }
    g_corpus_pieces += piece;
    if (!last) return;
    g_corpus_held = std::async(std::launch::async, [bytes = std::move(g_corpus_pieces)] {
                        auto held = std::make_shared<HeldCorpus>();
                        LoadError error;
                        held->corpus = ReadSuggestionCorpus(bytes, error);
                        if (!held->corpus) held->error = error.ToString();
                        return held;
                    }).share();
    g_corpus_held_for = generation;
    g_corpus_pieces = std::string();
    g_corpus_pieces_for = -1;
}

void RequestDictionarySuggestions(const std::string& codebook, const std::vector<std::string>& languages,
                                  long corpus_generation, long codebook_generation) {
    DictionaryJob job;
    if (corpus_generation == g_corpus_held_for) {
        job.answer = std::async(std::launch::async, AnswerFromFiles, g_corpus_held, codebook, languages);
    } else {
        std::promise<DictionaryAnswer> none;
        none.set_value({{}, "the lookup's corpus was not handed over (it changed meanwhile)"});
        job.answer = none.get_future();
    }
    job.corpus_generation = corpus_generation;
    job.codebook_generation = codebook_generation;
    g_dictionary_jobs.push_back(std::move(job));
}

bool TakeDictionarySuggestions(std::vector<Suggestion>& found, std::vector<std::string>& failures, long& corpus_generation,
                               long& codebook_generation, std::string& error) {
    for (auto it = g_dictionary_jobs.begin(); it != g_dictionary_jobs.end(); ++it) {
        if (it->answer.wait_for(std::chrono::seconds(0)) != std::future_status::ready) continue;
        DictionaryAnswer a = it->answer.get();
        found = std::move(a.answer.suggestions);
        failures = std::move(a.answer.errors);
        error = std::move(a.error);
        corpus_generation = it->corpus_generation;
        codebook_generation = it->codebook_generation;
        g_dictionary_jobs.erase(it);
        return true;
    }
    return false;
}

}  // namespace presslens::platform
