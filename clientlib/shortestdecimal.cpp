// SPDX-License-Identifier: MIT
#include "shortestdecimal.h"

#include <array>
#include <bit>
#include <cmath>
#include <utility>

namespace Influx::ShortestDecimal {

namespace {

// Powers of ten that are exact doubles.
constexpr std::array<double, 23> ExactPowersOf10 = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                                    1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                                    1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

} // namespace

// Why the digits are the shortest: N / 10^k (N < 2^53, k <= 22: both exact doubles, and the
// division is correctly rounded) equals value exactly when the decimal N * 10^-k reads back as
// value. Two different decimals of at most 15 significant digits never read back as the same
// double (DBL_DIG is 15), so N * 10^-k without its trailing zeros is the only one, hence the
// shortest (libstdc++'s Ryu would remove those trailing digits one division at a time).
bool fastDigits(double value, quint64 *n, int *exponent)
{
    const double magnitude = std::fabs(value);
    if (!(magnitude >= 1e-5 && magnitude < 1e15))
        return false;
    // k makes magnitude * 10^k about 15 digits long; an estimate one off only costs the fast path.
    const int exponent2 =
            int(std::bit_cast<quint64>(magnitude) >> 52) - 1023; // normal: floor(log2)
    int k = 14 - (exponent2 * 1233 >> 12); // 1233 / 4096 ≈ log10(2), rounded down
    if (k < 1 || k >= int(ExactPowersOf10.size()))
        return false;
    double scaled = magnitude * ExactPowersOf10[size_t(k)];
    if (scaled >= 1e15) // the estimate was one short
        scaled = magnitude * ExactPowersOf10[size_t(--k)];
    quint64 digits = quint64(scaled + 0.5); // at most 10^15: 15 significant digits
    if (double(digits) / ExactPowersOf10[size_t(k)] != magnitude)
        return false;
    int e = -k;
    for (const auto &[power, zeros] : {std::pair {quint64(100'000'000), 8},
                                       {quint64(10'000), 4},
                                       {quint64(100), 2},
                                       {quint64(10), 1}}) {
        if (digits % power == 0) {
            digits /= power;
            e += zeros;
        }
    }
    *n = digits;
    *exponent = e;
    return true;
}

} // namespace Influx::ShortestDecimal
