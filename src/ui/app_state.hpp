// ui: the viewer's state, shared by the panels. Plain data: no SDL, GL or emscripten here.
#pragma once
#include <string>
#include <vector>

#include "core/corpus.hpp"

namespace presslens::ui {

// A rectangle in window coordinates (CSS pixels on the web), recorded while drawing so the
// state hook can say where things are.
struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
};

struct AppState {
    Corpus corpus;
    int selected_article = -1;     // index into corpus.articles, -1 = none
    int reader_scroll_to_top = 0;  // set when the reader's article changes
    std::string error;             // last load error, shown in the status bar
    bool dark_theme = true;

    // Filled while drawing (one frame behind the hook): where each article row is on screen.
    std::vector<Rect> article_rows;
};

}  // namespace presslens::ui
