// core: inter-coder agreement (see agreement.hpp).
//   Cohen's kappa: (Po - Pe) / (1 - Pe), Pe from each coder's own share of 1s (Cohen 1960).
//   Krippendorff's alpha, nominal: 1 - Do / De over the coincidence matrix of the pairable values,
//   Do = mismatching pairs / n.., De = sum over c != k of n_c n_k / (n.. (n.. - 1))
//   (Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011).
#include "core/agreement.hpp"

#include <algorithm>
#include <map>

namespace presslens {

AgreementRow AgreementOf(const std::vector<int>& a, const std::vector<int>& b) {
    AgreementRow row;
    const size_t n = std::min(a.size(), b.size());
    row.n = n;
    if (n == 0) {
        row.note = "no unit is coded by both";
        return row;
    }
    size_t same = 0, a1 = 0, b1 = 0;
    for (size_t i = 0; i < n; ++i) {
        same += a[i] == b[i];
        a1 += a[i] == 1;
        b1 += b[i] == 1;
    }
    const double nn = static_cast<double>(n);
    const double po = static_cast<double>(same) / nn;
    row.agreement = po;
    const double pa = static_cast<double>(a1) / nn, pb = static_cast<double>(b1) / nn;
    const double pe = pa * pb + (1 - pa) * (1 - pb);
    if (pe < 1.0) row.kappa = (po - pe) / (1 - pe);
    // coincidences: each unit gives the ordered pairs (a, b) and (b, a)
    const double total = 2.0 * nn;
    const double ones = static_cast<double>(a1 + b1), zeros = total - ones;
    const double mismatched = 2.0 * static_cast<double>(n - same);
    const double de = 2.0 * ones * zeros / (total * (total - 1));
    if (de > 0) row.alpha = 1.0 - (mismatched / total) / de;
    if (!row.kappa || !row.alpha) {
        const bool all_one = a1 == n && b1 == n, all_zero = a1 == 0 && b1 == 0;
        row.note = all_one    ? "both coders gave every unit 1: no variation, so no kappa or alpha"
                   : all_zero ? "both coders gave every unit 0: no variation, so no kappa or alpha"
                              : "one coder used a single value throughout: kappa is undefined";
    }
    return row;
}

std::vector<AgreementRow> Agreement(const std::vector<Coding>& a, const std::vector<Coding>& b) {
    std::vector<std::string> codes;
    auto note_code = [&](const std::string& c) {
        if (std::find(codes.begin(), codes.end(), c) == codes.end()) codes.push_back(c);
    };
    std::map<std::pair<std::string, std::string>, int> second;
    for (const Coding& x : a) note_code(x.code);
    for (const Coding& x : b) {
        note_code(x.code);
        second[{x.article, x.code}] = x.value;
    }
    std::map<std::string, std::pair<std::vector<int>, std::vector<int>>> paired;
    std::vector<int> all_a, all_b;
    for (const Coding& x : a) {
        auto it = second.find({x.article, x.code});
        if (it == second.end()) continue;
        paired[x.code].first.push_back(x.value);
        paired[x.code].second.push_back(it->second);
        all_a.push_back(x.value);
        all_b.push_back(it->second);
    }
    std::vector<AgreementRow> out;
    for (const std::string& c : codes) {
        AgreementRow row = AgreementOf(paired[c].first, paired[c].second);
        row.code = c;
        out.push_back(std::move(row));
    }
    AgreementRow all = AgreementOf(all_a, all_b);
    all.code = "(all)";
    out.push_back(std::move(all));
    return out;
}

}  // namespace presslens
