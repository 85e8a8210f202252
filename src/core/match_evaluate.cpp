// core: evaluating a compiled rule in a scanned sentence (Evaluator: any/all/none, proximity
// windows, the words that support a hit) and putting a near miss in words (see match_internal.hpp).
// std + the corpus core; no JSON, UI, platform or file access.
#include "core/match_internal.hpp"

#include <algorithm>

namespace presslens::matching {

Evaluation Evaluator::Run(uint32_t node_id, bool top) {
    const ConditionNode& node = compiled_.nodes[node_id];
    Evaluation e;
    e.support_begin = static_cast<uint32_t>(support_.size());
    e.missing_begin = static_cast<uint32_t>(missing_.size());
    if (node.kind == Condition::Kind::Term) {
        const std::vector<LeafOccurrence>& occurrences = scan_->occurrences;
        for (uint32_t leaf : node.leaves)
            for (uint32_t k = first_occurrence_[leaf]; k < occurrences.size() && occurrences[k].leaf == leaf; ++k)
                support_.push_back({occurrences[k].begin, occurrences[k].end});
        e.ok = support_.size() > e.support_begin;
        e.satisfied = e.ok;
        if (!e.ok && top) missing_.push_back(node_id);
    } else if (node.kind == Condition::Kind::Any) {
        for (uint32_t child : node.children) {
            const size_t mark = support_.size();
            if (Run(child, false).ok) e.ok = true;
            else support_.resize(mark);  // only the children that held support it
        }
        e.satisfied = e.ok;
        if (!e.ok && top) missing_.push_back(node_id);
    } else {
        const size_t parts_base = held_parts_.size();
        uint32_t held = 0;
        for (uint32_t child : node.children) {
            const uint32_t mark = static_cast<uint32_t>(support_.size());
            if (Run(child, false).ok) {
                ++held;
                held_parts_.push_back({mark, static_cast<uint32_t>(support_.size())});
            } else {
                support_.resize(mark);
                if (top) missing_.push_back(child);
            }
        }
        e.total = static_cast<uint32_t>(node.children.size());
        e.satisfied = held;
        if (held == e.total) {
            if (node.within > 0) {
                if (!Window(parts_base, node.within, e.support_begin)) {
                    e.window_failed = true;
                    e.within = node.within;
                } else {
                    e.ok = true;
                }
            } else {
                e.ok = true;
            }
            uint32_t width;
            size_t first_item, last_item;
            if (e.ok && top && node.within == 0 && SmallestWindow(parts_base, width, first_item, last_item)) {
                e.win_begin = window_items_[first_item].begin;
                e.win_end = window_items_[last_item].end;
            }
        }
        held_parts_.resize(parts_base);
    }
    if (e.ok) {
        for (uint32_t exclusion : node.none) {
            const size_t mark = support_.size();
            const bool held = Run(exclusion, false).ok;
            support_.resize(mark);
            if (held) {
                e.ok = false;
                e.excluded = true;
                e.excluded_by = exclusion;
                break;
            }
        }
    }
    if (!e.ok) support_.resize(e.support_begin);
    e.support_end = static_cast<uint32_t>(support_.size());
    e.missing_end = static_cast<uint32_t>(missing_.size());
    if (!top) {
        e.satisfied = e.ok;
        e.total = 1;
    }
    return e;
}

// The smallest window holding one occurrence of every part (held_parts_[parts_base..], ranges of
// support_); false if wider than `within`. On success support_ from `support_begin` on holds just
// that window's ranges.
bool Evaluator::Window(size_t parts_base, uint32_t within, uint32_t support_begin) {
    uint32_t width;
    size_t first_item, last_item;
    if (!SmallestWindow(parts_base, width, first_item, last_item) || width > within) return false;
    support_.resize(support_begin);
    for (size_t i = first_item; i <= last_item; ++i) support_.push_back({window_items_[i].begin, window_items_[i].end});
    return true;
}

// The smallest window holding one occurrence of every part: its width in match words and its
// first and last item in window_items_. False when some part has no occurrence.
bool Evaluator::SmallestWindow(size_t parts_base, uint32_t& width, size_t& first_item, size_t& last_item) {
    const size_t nparts = held_parts_.size() - parts_base;
    window_items_.clear();
    for (size_t p = 0; p < nparts; ++p)
        for (uint32_t k = held_parts_[parts_base + p].first; k < held_parts_[parts_base + p].second; ++k)
            window_items_.push_back({support_[k].first, support_[k].second, static_cast<uint32_t>(p)});
    std::sort(window_items_.begin(), window_items_.end(),
              [](const WindowItem& a, const WindowItem& b) { return a.begin < b.begin; });
    window_counts_.assign(nparts, 0);
    size_t covered = 0, lo = 0;
    width = UINT32_MAX;
    first_item = last_item = 0;
    for (size_t hi = 0; hi < window_items_.size(); ++hi) {
        if (window_counts_[window_items_[hi].part]++ == 0) ++covered;
        while (covered == nparts) {
            uint32_t w = window_items_[hi].end - window_items_[lo].begin;
            if (w < width) { width = w; first_item = lo; last_item = hi; }
            if (--window_counts_[window_items_[lo].part] == 0) --covered;
            ++lo;
        }
    }
    return width != UINT32_MAX;
}

std::string ExplainNearMiss(const CompiledCodebook::Impl& compiled, const Evaluator& evaluator,
                            const MissCandidate& candidate, std::string_view text) {
    auto name = [&](int32_t a) {
        const Actor& actor = compiled.codebook.actors[static_cast<size_t>(a)];
        return actor.label.empty() ? actor.id : actor.label;
    };
    if (candidate.wanted >= 0) {
        if (candidate.named >= 0)
            return "attributed to " + name(candidate.named) + " (\"" +
                   std::string(text.substr(candidate.mention.begin, candidate.mention.size())) + "\"), not " +
                   name(candidate.wanted);
        return "no mention of " + name(candidate.wanted) + " in the sentence or the " +
               std::to_string(candidate.context) + " before it";
    }
    const Evaluation& e = candidate.evaluation;
    if (e.excluded)
        return "excluded by: " + DescribeCondition(*compiled.nodes[static_cast<size_t>(e.excluded_by)].source);
    if (e.window_failed) return "the terms are more than " + std::to_string(e.within) + " words apart";
    std::string out;
    for (uint32_t k = e.missing_begin; k < e.missing_end; ++k)
        out += (out.empty() ? "" : "; ") + DescribeCondition(*compiled.nodes[evaluator.missing()[k]].source);
    return "missing: " + out;
}

}  // namespace presslens::matching
