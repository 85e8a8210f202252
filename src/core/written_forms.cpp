// core: the term table's written forms (TermTable::WrittenForms, see terms.hpp): once per word
// list, not per token. std only.
#include <cstring>

#include "core/terms.hpp"

namespace presslens {

std::vector<TermTable::Written> TermTable::WrittenForms(const std::vector<uint32_t>& ids) const {
    std::vector<uint32_t> want(size(), kNoTerm);  // id -> its first place in ids
    for (size_t k = 0; k < ids.size(); ++k)
        if (want[ids[k]] == kNoTerm) want[ids[k]] = static_cast<uint32_t>(k);
    std::vector<Written> out(ids.size());
    std::vector<bool> seen(ids.size(), false);
    auto offer = [&](uint32_t id, std::string_view form, uint32_t count) {
        if (id >= want.size() || want[id] == kNoTerm || count == 0) return;
        const size_t k = want[id];
        Written& w = out[k];
        bool better = !seen[k] || count > w.count;
        if (seen[k] && count == w.count) {
            const bool folded = form == Text(id), was_folded = w.form == Text(id);
            better = folded != was_folded ? folded : form < w.form;
        }
        if (better) {
            w.form = std::string(form);
            w.count = count;
            seen[k] = true;
        }
    };
    for (const RawSlot& r : raw_) {
        if (r.key == 0) continue;
        char bytes[8];
        std::memcpy(bytes, &r.key, 8);
        size_t len = 0;
        while (len < 8 && bytes[len] != 0) ++len;
        offer(r.id, std::string_view(bytes, len), r.count);
    }
    for (const auto& [form, index] : long_forms_) offer(long_form_counts_[index].first, form, long_form_counts_[index].second);
    for (uint32_t id : ids)
        if (id < long_exact_.size()) offer(id, Text(id), long_exact_[id]);
    for (size_t k = 0; k < ids.size(); ++k) {
        if (seen[k]) continue;
        out[k].form = std::string(Text(ids[k]));
        out[k].count = 0;
    }
    // a repeated id gets its first place's answer
    for (size_t k = 0; k < ids.size(); ++k) {
        const size_t first = want[ids[k]];
        if (first != k) out[k] = out[first];
    }
    return out;
}

}  // namespace presslens
