// tests: agreement between two coders: Cohen's kappa and Krippendorff's alpha against published
// worked examples and an independent computation, the degenerate cases, and the codings CSV
// (its errors name the rows, and nothing is applied half-way).
#include <doctest/doctest.h>

#include <cmath>
#include <random>

#include "core/agreement.hpp"
#include "io/codings.hpp"

using namespace presslens;

namespace {

std::vector<int> Repeat(std::initializer_list<std::pair<int, int>> runs) {  // (value, times)
    std::vector<int> v;
    for (auto [value, times] : runs) v.insert(v.end(), static_cast<size_t>(times), value);
    return v;
}

}  // namespace

TEST_CASE("agreement: Krippendorff's binary example, two observers, no missing data: alpha 0.095") {
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section A: ten units.
    std::vector<int> a{0, 1, 0, 0, 0, 0, 0, 0, 1, 0};
    std::vector<int> b{1, 1, 1, 0, 0, 1, 0, 0, 0, 0};
    AgreementRow r = AgreementOf(a, b);
    CHECK(r.n == 10);
    REQUIRE(r.alpha);
    CHECK(*r.alpha == doctest::Approx(0.095).epsilon(0.005));
    CHECK(*r.agreement == doctest::Approx(0.6));
}

TEST_CASE("agreement: the textbook kappa example: 20 yes-yes, 5 yes-no, 10 no-yes, 15 no-no gives 0.4") {
    // Po = 35/50 = 0.7; A says yes 25/50, B 30/50; Pe = 0.5 * 0.6 + 0.5 * 0.4 = 0.5; kappa = 0.4.
    std::vector<int> a = Repeat({{1, 20}, {1, 5}, {0, 10}, {0, 15}});
    std::vector<int> b = Repeat({{1, 20}, {0, 5}, {1, 10}, {0, 15}});
    AgreementRow r = AgreementOf(a, b);
    REQUIRE(r.kappa);
    CHECK(*r.kappa == doctest::Approx(0.4));
    CHECK(*r.agreement == doctest::Approx(0.7));
}

TEST_CASE("agreement: kappa and alpha agree with an independent computation on random codings") {
    std::mt19937 rng(7);
    for (int trial = 0; trial < 50; ++trial) {
        const int n = 5 + static_cast<int>(rng() % 60);
        std::vector<int> a, b;
        for (int i = 0; i < n; ++i) {
            a.push_back(static_cast<int>(rng() % 2));
            b.push_back(rng() % 4 == 0 ? 1 - a.back() : a.back());  // mostly agreeing
        }
        // contingency table
        double t[2][2] = {{0, 0}, {0, 0}};
        for (int i = 0; i < n; ++i) t[a[static_cast<size_t>(i)]][b[static_cast<size_t>(i)]] += 1;
        const double N = n;
        const double po = (t[0][0] + t[1][1]) / N;
        const double pe = ((t[0][0] + t[0][1]) * (t[0][0] + t[1][0]) + (t[1][0] + t[1][1]) * (t[0][1] + t[1][1])) / (N * N);
        // alpha from all pairs of the 2n values: expected disagreement over every pair of values,
        // observed over the pairs within units
        std::vector<int> all(a);
        all.insert(all.end(), b.begin(), b.end());
        double pairs = 0, differing = 0;
        for (size_t i = 0; i < all.size(); ++i)
            for (size_t j = 0; j < all.size(); ++j)
                if (i != j) { pairs += 1; differing += all[i] != all[j]; }
        const double de = differing / pairs;
        const double d_o = (t[0][1] + t[1][0]) / N;
        AgreementRow r = AgreementOf(a, b);
        REQUIRE(r.agreement);
        CHECK(*r.agreement == doctest::Approx(po));
        if (pe < 1) {
            REQUIRE(r.kappa);
            CHECK(*r.kappa == doctest::Approx((po - pe) / (1 - pe)));
        }
        if (de > 0) {
            REQUIRE(r.alpha);
            CHECK(*r.alpha == doctest::Approx(1 - d_o / de));
        }
    }
}

TEST_CASE("agreement: no overlap and one value only say why there is no figure (never NaN)") {
    AgreementRow none = AgreementOf({}, {});
    CHECK(none.n == 0);
    CHECK_FALSE(none.kappa);
    CHECK_FALSE(none.alpha);
    CHECK(none.note == "no unit is coded by both");
    AgreementRow ones = AgreementOf({1, 1, 1}, {1, 1, 1});
    CHECK(*ones.agreement == doctest::Approx(1.0));
    CHECK_FALSE(ones.kappa);
    CHECK_FALSE(ones.alpha);
    CHECK(ones.note.find("every unit 1") != std::string::npos);
    // one coder constant, the other not: kappa is 0, alpha is defined
    AgreementRow half = AgreementOf({0, 0, 0, 0}, {0, 1, 0, 1});
    REQUIRE(half.kappa);
    CHECK(*half.kappa == doctest::Approx(0.0));
    REQUIRE(half.alpha);
    CHECK(std::isfinite(*half.alpha));
}

TEST_CASE("agreement: units are matched by article and claim; units one side lacks are left out") {
    std::vector<Coding> a{{"a.txt", "W1", 1, ""}, {"b.txt", "W1", 0, ""}, {"c.txt", "W1", 1, ""}, {"a.txt", "W2", 1, ""}};
    std::vector<Coding> b{{"b.txt", "W1", 0, ""}, {"a.txt", "W1", 1, ""}, {"a.txt", "W2", 0, ""}, {"z.txt", "W3", 1, ""}};
    std::vector<AgreementRow> rows = Agreement(a, b);
    REQUIRE(rows.size() == 4);  // W1, W2, W3, (all)
    CHECK(rows[0].code == "W1");
    CHECK(rows[0].n == 2);
    CHECK(*rows[0].agreement == doctest::Approx(1.0));
    CHECK(rows[1].code == "W2");
    CHECK(rows[1].n == 1);
    CHECK(*rows[1].agreement == doctest::Approx(0.0));
    CHECK(rows[2].code == "W3");
    CHECK(rows[2].n == 0);
    CHECK(rows[3].code == "(all)");
    CHECK(rows[3].n == 3);
}

TEST_CASE("codings CSV: read and written back; errors name the rows and apply nothing") {
    std::vector<Coding> c{{"x"}};
    LoadError e;
    REQUIRE(ParseCodingsCsv("\xEF\xBB\xBF" "code,article,value,coder\nW1,\"a, b.txt\",1,Ann\r\nW2,c.txt,0,Ann\n", "a.csv", c, e));
    REQUIRE(c.size() == 2);
    CHECK(c[0].article == "a, b.txt");
    CHECK(c[0].value == 1);
    CHECK(c[1].coder == "Ann");
    std::vector<Coding> back;
    REQUIRE(ParseCodingsCsv(CodingsToCsv(c), "b.csv", back, e));
    CHECK(back.size() == 2);
    CHECK(back[0].article == "a, b.txt");

    std::vector<Coding> kept{{"keep.txt", "K", 1, ""}};
    auto fails = [&](std::string_view text) {
        LoadError err;
        CHECK_FALSE(ParseCodingsCsv(text, "bad.csv", kept, err));
        CHECK(kept.size() == 1);  // untouched
        return err.ToString();
    };
    CHECK(fails("article,code,value\na.txt,W1,2\nb.txt,W1,yes\n") ==
          "bad.csv: row 2: value \"2\" is not 0 or 1 (and 1 more problem)");
    CHECK(fails("article,code,value\na.txt,W1,1\nb.txt,W1,0\na.txt,W1,0\n") ==
          "bad.csv: row 4 codes a.txt x W1 again (first in row 2)");
    CHECK(fails("article,value\na.txt,1\n") ==
          "bad.csv: row 1: the header lacks code (expected \"article,code,value[,coder]\")");
    CHECK(fails("article,code,value\n,W1,1\n") == "bad.csv: row 2: the article or the code is empty");
    CHECK(fails("article,code,value\n\"a.txt,W1,1\n") == "bad.csv: row 2: a quoted field is never closed");
    CHECK(fails("") .find("empty") != std::string::npos);
    CHECK(fails("article,code,value\n") == "bad.csv: no codings: only a header");
}
