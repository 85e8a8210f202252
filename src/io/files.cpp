// io: file-system access for the CLI and the desktop viewer (see files.hpp).
#include "io/files.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/ingest.hpp"

namespace presslens {

namespace fs = std::filesystem;

namespace {

// A browser's "Web page, complete" save: page.html beside page_files/ (Chrome, Firefox; Edge and
// Chrome in some languages write "page-Dateien" and the like, which we do not guess). The folder
// holds the page's assets (images, scripts, frames), not articles.
bool IsSavedPageAssets(const fs::path& dir) {
    std::string name = dir.filename().string();
    static constexpr std::string_view kSuffix = "_files";
    if (name.size() <= kSuffix.size() || name.compare(name.size() - kSuffix.size(), kSuffix.size(), kSuffix) != 0)
        return false;
    std::string stem = name.substr(0, name.size() - kSuffix.size());
    std::error_code ec;
    for (const char* ext : {".html", ".htm", ".xhtml", ".shtml", ".HTML", ".HTM"})
        if (fs::exists(dir.parent_path() / (stem + ext), ec)) return true;
    return false;
}

}  // namespace

bool ReadInputFile(const std::string& path, InputFile& out, std::string& error, const Limits& limits) {
    std::error_code ec;
    fs::path p(path);
    auto size = fs::file_size(p, ec);
    if (ec) {
        error = path + ": " + ec.message();
        return false;
    }
    if (fs::is_directory(p, ec)) {
        error = path + ": is a directory";
        return false;
    }
    if (size > limits.max_file_bytes) {
        error = FileTooBigMessage(path, size, limits);
        return false;
    }
    std::ifstream in(p, std::ios::binary);
    if (!in) {
        error = path + ": cannot open for reading";
        return false;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    out.name = path;
    out.bytes = ss.str();
    return true;
}

bool CollectInputs(const std::string& path, std::vector<InputFile>& out, std::string& error, const Limits& limits) {
    fs::path p(path);
    std::error_code ec;
    auto st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
        error = path + ": no such file or directory";
        return false;
    }
    if (!fs::is_directory(st)) {
        InputFile f;
        if (!ReadInputFile(path, f, error, limits)) return false;
        out.push_back(std::move(f));
        return true;
    }
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_directory() && IsSavedPageAssets(it->path())) {
            it.disable_recursion_pending();  // a saved page's images, scripts and frames
            continue;
        }
        if (!it->is_regular_file()) continue;
        std::string ext = it->path().extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (ext == ".txt" || ext == ".json" || ext == ".html" || ext == ".htm" || ext == ".xhtml" || ext == ".shtml")
            files.push_back(it->path());
    }
    if (ec) {
        error = path + ": " + ec.message();
        return false;
    }
    if (files.empty()) {
        error = path + ": directory holds no .txt, .html or .json files";
        return false;
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
        InputFile in;
        if (!ReadInputFile(f.string(), in, error, limits)) return false;
        out.push_back(std::move(in));
    }
    return true;
}

bool WriteFileAtomic(const std::string& path, const std::string& bytes, std::string& error) {
    return WriteFileAtomic(path, std::vector<std::string_view>{bytes}, error);
}

bool WriteFileAtomic(const std::string& path, const std::vector<std::string_view>& pieces, std::string& error) {
    fs::path p(path);
    std::error_code ec;
    if (p.has_parent_path()) fs::create_directories(p.parent_path(), ec);
    if (ec) {
        error = p.parent_path().string() + ": " + ec.message();
        return false;
    }
    fs::path tmp = p;
    tmp += ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) {
            error = tmp.string() + ": cannot open for writing";
            return false;
        }
        for (std::string_view piece : pieces) out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
        if (!out) {
            error = tmp.string() + ": write failed (disk full?)";
            return false;
        }
    }
    fs::rename(tmp, p, ec);
    if (ec) {
        error = path + ": " + ec.message();
        fs::remove(tmp, ec);
        return false;
    }
    return true;
}

}  // namespace presslens
