// core: agreement between two coders (or a coder and the automatic coder) on article x claim
// codings: observed agreement, Cohen's kappa and Krippendorff's alpha (nominal), per claim and
// over all claims. std only; the codings CSV is read by io/codings.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace presslens {

// One decision: does `article` report claim `code`? (value 0 or 1)
struct Coding {
    std::string article, code;
    int value = 0;
    std::string coder;     // optional
    std::string evidence;  // optional: the sentence or passage that proves a 1, as quoted
};

struct AgreementRow {
    std::string code;              // a claim, or "(all)" for every claim together
    size_t n = 0;                  // units (article x claim) coded by both
    std::optional<double> agreement;  // observed agreement, share of units with the same value
    std::optional<double> kappa;   // Cohen's kappa; none when it is undefined (see `note`)
    std::optional<double> alpha;   // Krippendorff's alpha, nominal, two coders
    std::string note;              // why a figure is missing ("no unit coded by both", ...)
};

// Per claim, in the order claims first appear in `a` (then those only in `b`), then "(all)".
// Units are matched by (article, code); units coded by one side only are left out.
std::vector<AgreementRow> Agreement(const std::vector<Coding>& a, const std::vector<Coding>& b);

// The statistics of paired binary values (a[i], b[i]); exposed for tests.
AgreementRow AgreementOf(const std::vector<int>& a, const std::vector<int>& b);

}  // namespace presslens
