// ui: the reader panel: the selected article's metadata and full text, as published.
#include <imgui.h>

#include <string_view>

#include "ui/ui.hpp"

namespace presslens::ui {

void DrawReaderPanel(AppState& state) {
    if (state.selected_article < 0 || state.selected_article >= static_cast<int>(state.corpus.articles.size())) {
        ImGui::TextDisabled("Select an article on the left to read it.");
        return;
    }
    const Article& a = state.corpus.articles[static_cast<size_t>(state.selected_article)];
    if (state.reader_scroll_to_top) {
        ImGui::SetScrollY(0.0f);
        state.reader_scroll_to_top = 0;
    }
    std::string title = DisplayTitle(a);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopTextWrapPos();
    ImGui::TextDisabled("%s  \xC2\xB7  %s  \xC2\xB7  %s  \xC2\xB7  %s", DisplayOutlet(a).c_str(),
                        a.meta.author.value_or("author unknown").c_str(), a.meta.date.value_or("date unknown").c_str(),
                        a.meta.language.value_or("language unknown").c_str());
    ImGui::Separator();

    // The text exactly as published, line by line, wrapped to the panel.
    ImGui::PushTextWrapPos(0.0f);
    std::string_view text = a.text;
    while (!text.empty()) {
        size_t nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty()) {
            ImGui::Spacing();
        } else {
            ImGui::TextUnformatted(line.data(), line.data() + line.size());
        }
        if (nl == std::string_view::npos) break;
        text.remove_prefix(nl + 1);
    }
    ImGui::PopTextWrapPos();
}

}  // namespace presslens::ui
