// ui: the Dear ImGui viewer's entry points, called by main.cpp once per frame.
// Needs only ImGui and the core/io layers; no SDL, GL or emscripten calls.
#pragma once
#include <string>
#include <vector>

#include "ui/model.hpp"

namespace presslens::ui {

// (Re)builds the font atlas for a framebuffer scale (device pixel ratio): glyphs are rasterised
// at scale x the CSS size and drawn back at 1/scale, so text is crisp at DPR 2.
// The caller must re-upload the font texture to the renderer afterwards.
void LoadFonts(float framebuffer_scale);
// Fonts for the scripts the UI font lacks are merged into it by LoadFonts: panel_fonts.hpp.

void ApplyTheme(bool dark);

// Draws the whole interface for one frame (between ImGui::NewFrame and ImGui::Render).
void DrawFrame(AppState& state);

// The small JSON state the app publishes for scripts and browser tests (docs/architecture.md).
std::string StateJson(const AppState& state, long frame);

// What the web page mirrors as real DOM (page_mirror.cpp, docs/accessibility.md): the reader's
// visual lines for its text layer, and the matrix and article list for its accessible tables,
// each as JSON, with a cheap key that changes when the JSON would (so it is rebuilt only then).
// The matrix and the article list have a key each: a codebook edit does not send 2,000 articles
// again (MirrorJson without `articles` leaves them out, and the page keeps the list it has).
uint64_t ReaderLayoutKey(const AppState& state);
std::string ReaderLayoutJson(const AppState& state);
uint64_t MirrorKey(const AppState& state);
uint64_t ArticlesMirrorKey(const AppState& state);
std::string MirrorJson(const AppState& state, bool articles = true);

// The view as a link (the web page's URL hash) and back; values that do not fit are ignored. A
// link carries its project's fingerprint and name: one of a project that is not open is not
// applied but kept in state.project.missing_link (the viewer offers to open that project).
std::string LinkValue(const std::string& link, std::string_view key);
std::string ViewLink(const AppState& state);
void ApplyViewLink(AppState& state, const std::string& link);

// The menu bar, and the exports it offers (menu.cpp).
enum class ExportKind { MatrixCsv, MatrixJson, EvidenceCsv, WordsCsv, Codebook };
Export MakeExport(const AppState& state, ExportKind kind);
std::string WordsScopeName(const AppState& state);  // "corpus", "outlet-CNET", "article-3"
// The Words chart, whole, as SVG or PNG (chart_export.cpp).
Export ChartExport(const AppState& state, bool svg);
void DrawMenuBar(AppState& state);

// The project's dialogs (paste form, name), its shortcuts, and the banner for a view link of a
// project that is not open (project_dialogs.cpp).
void DrawProjectDialogs(AppState& state);
void DrawProjectBanner(AppState& state);

// Per-panel drawing, one file each.
void DrawArticlesPanel(AppState& state);
void DrawReaderPanel(AppState& state);
void DrawMatrixPanel(AppState& state);
void DrawWordsPanel(AppState& state);
void DrawCodebookPanel(AppState& state);
// The human review: coder, progress, the rules against the review, other coders' agreement and
// disagreements, codings import and export (review_panel.cpp).
void DrawReviewPanel(AppState& state);
// "Your name" for the review's decisions, asked once (review_panel.cpp).
void DrawCoderDialog(AppState& state);
// A matrix cell's review menu (right-click): confirm, reject, back to the rules.
void DrawCellReviewMenu(AppState& state, size_t row, size_t col);

}  // namespace presslens::ui
