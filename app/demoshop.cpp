// SPDX-License-Identifier: MIT
// The "shop" database: an online shop's events over the last 3 days, ending at the end time
// rounded down to a minute.
//   orders      tags region (eu, us, apac), category (books, games, home & garden),
//               "payment method" (card, paypal, invoice; a key that InfluxQL must quote)
//               fields amount (float), items (int), paid (bool), customer (string)
//   page_views  tags region   fields count (int): views per minute
// and in the retention policy "one_year" (52 weeks, not the default):
//   page_views  tags region   fields count (int), peak (int): hourly rollups of the minutes,
//               for the 71 hours that are complete in the data and over
// Each region is busy in its own afternoon (UTC 13:30 in eu, 19:30 in us, 05:00 in apac).
// Orders arrive at irregular whole seconds like a Poisson process following that rate.
// 24,000 orders + 4,320 minutes × 3 regions = 36,960 points; rollups 71 × 3 = 213.
#include "demoset.h"
#include "demosupport.h"

#include <array>

using namespace Qt::StringLiterals;

namespace Explorer {

namespace {

using namespace Demo;
using Influx::DataPoint;
using Influx::Fields;
using Influx::Tags;

constexpr qint64 Minutes = 3 * 24 * 60;
constexpr qsizetype Orders = 24000;
constexpr int RollupHours = 71;
constexpr int Regions = 3;

struct Region
{
    const char *name;
    double size; // relative traffic
    double peakHour; // UTC
    std::array<double, 3> categoryWeights; // books, games, home & garden
};

constexpr std::array<Region, Regions> regions = {{
        {"eu", 1.0, 13.5, {0.45, 0.25, 0.30}},
        {"us", 1.3, 19.5, {0.30, 0.35, 0.35}},
        {"apac", 0.7, 5.0, {0.25, 0.55, 0.20}},
}};

struct Category
{
    const char *name;
    double itemPrice; // typical, in the shop's currency
};

constexpr std::array<Category, 3> categories = {{
        {"books", 14.0},
        {"games", 39.0},
        {"home & garden", 28.0},
}};

constexpr std::array<const char *, 3> paymentMethods = {"card", "paypal", "invoice"};

// Visitors (and buyers) per unit of time in a region, relative.
double regionRate(int region, qint64 second)
{
    return regions[region].size * (0.08 + dayCurve(second, regions[region].peakHour));
}

// The page views per minute and region, drawn in minute order: the raw set and the rollup
// set each run one and get the same counts.
class PageViews
{
public:
    std::array<qint64, Regions> next(qint64 minute)
    {
        std::array<qint64, Regions> counts {};
        for (int r = 0; r < Regions; ++r)
            counts[r] = m_random.poisson(122.0 * regionRate(r, minute));
        return counts;
    }

private:
    Random m_random {9001};
};

std::array<Tags, Regions> regionTags()
{
    std::array<Tags, Regions> tags;
    for (int r = 0; r < Regions; ++r)
        tags[r] = {{u"region"_s, QString::fromLatin1(regions[r].name)}};
    return tags;
}

class ShopSet final : public DemoSet
{
public:
    explicit ShopSet(Influx::Timestamp end)
        : m_last(endSecond(end, SecondsPerMinute)),
          m_first(m_last - (Minutes - 1) * SecondsPerMinute),
          m_regionTags(regionTags())
    {
        Random arrivals(9100);
        m_orderTimes = arrivalTimes(m_first, m_last, Orders, 1, arrivals, [](qint64 second) {
            return regionRate(0, second) + regionRate(1, second) + regionRate(2, second);
        });
    }

    QString database() const override { return u"shop"_s; }
    qint64 totalPoints() const override { return Orders + Minutes * Regions; }
    bool atEnd() const override { return m_minute >= Minutes; }

    // One minute: its orders, then its page views.
    void appendNext(QList<DataPoint> &points) override
    {
        const qint64 minute = m_first + m_minute * SecondsPerMinute;
        const bool lastMinute = m_minute == Minutes - 1;
        while (m_nextOrder < m_orderTimes.size()
               && (lastMinute || m_orderTimes[m_nextOrder] < minute + SecondsPerMinute)) {
            points.append(order(m_orderTimes[m_nextOrder++]));
        }
        const auto counts = m_pageViews.next(minute);
        for (int r = 0; r < Regions; ++r) {
            points.append(DataPoint(u"page_views"_s, m_regionTags[r],
                                    Fields {{u"count"_s, counts[r]}}, atSecond(minute)));
        }
        ++m_minute;
    }

private:
    DataPoint order(qint64 second)
    {
        Random &random = m_random;
        const int region =
                random.pick({regionRate(0, second), regionRate(1, second), regionRate(2, second)});
        const auto &weights = regions[region].categoryWeights;
        const int category = random.pick({weights[0], weights[1], weights[2]});
        // Invoices are for the European customers mostly.
        const int payment = random.pick({0.62, 0.28, region == 0 ? 0.16 : 0.04});
        qint64 items = 1;
        while (items < 9 && random.uniform() < 0.45)
            ++items;
        double amount = 0;
        for (qint64 i = 0; i < items; ++i)
            amount += categories[category].itemPrice * std::exp(0.45 * random.normal());
        const double unpaid = payment == 2 ? 0.3 : payment == 0 ? 0.02 : 0.01;
        const bool paid = random.uniform() >= unpaid;
        // A few regular customers and a long tail of occasional ones.
        const int customer = int(20000.0 * std::pow(random.uniform(), 2.2));
        return DataPoint(u"orders"_s,
                         Tags {{u"region"_s, QString::fromLatin1(regions[region].name)},
                               {u"category"_s, QString::fromLatin1(categories[category].name)},
                               {u"payment method"_s, QString::fromLatin1(paymentMethods[payment])}},
                         Fields {{u"amount"_s, round2(amount)},
                                 {u"items"_s, items},
                                 {u"paid"_s, paid},
                                 {u"customer"_s, u"c-%1"_s.arg(customer, 5, 10, QLatin1Char('0'))}},
                         atSecond(second));
    }

    qint64 m_last;
    qint64 m_first;
    std::array<Tags, Regions> m_regionTags;
    QList<qint64> m_orderTimes;
    qsizetype m_nextOrder = 0;
    qint64 m_minute = 0;
    Random m_random {9200};
    PageViews m_pageViews;
};

// The hourly rollups: sums and peaks of the same page views, at the start of each hour.
class ShopRollupSet final : public DemoSet
{
public:
    explicit ShopRollupSet(Influx::Timestamp end)
        : m_last(endSecond(end, SecondsPerMinute)),
          m_first(m_last - (Minutes - 1) * SecondsPerMinute),
          m_regionTags(regionTags())
    { }

    QString database() const override { return u"shop"_s; }
    QString retentionPolicy() const override { return u"one_year"_s; }
    QString retentionDuration() const override { return u"52w"_s; }
    qint64 totalPoints() const override { return RollupHours * Regions; }
    bool atEnd() const override { return m_hours >= RollupHours || m_minute >= Minutes; }

    void appendNext(QList<DataPoint> &points) override
    {
        while (!atEnd()) {
            const qint64 minute = m_first + m_minute++ * SecondsPerMinute;
            const qint64 hour = floorTo(minute, SecondsPerHour);
            const auto counts = m_pageViews.next(minute);
            for (int r = 0; r < Regions; ++r) {
                m_sum[r] += counts[r];
                m_peak[r] = std::max(m_peak[r], counts[r]);
            }
            if (minute != hour + SecondsPerHour - SecondsPerMinute)
                continue;
            // An hour's last minute: roll it up if the whole hour is in the data and over.
            if (hour >= m_first && hour + SecondsPerHour <= m_last) {
                for (int r = 0; r < Regions; ++r) {
                    points.append(DataPoint(u"page_views"_s, m_regionTags[r],
                                            Fields {{u"count"_s, m_sum[r]}, {u"peak"_s, m_peak[r]}},
                                            atSecond(hour)));
                }
                ++m_hours;
            }
            m_sum = {};
            m_peak = {};
            return;
        }
    }

private:
    qint64 m_last;
    qint64 m_first;
    std::array<Tags, Regions> m_regionTags;
    qint64 m_minute = 0;
    int m_hours = 0;
    std::array<qint64, Regions> m_sum {};
    std::array<qint64, Regions> m_peak {};
    PageViews m_pageViews;
};

} // namespace

std::unique_ptr<DemoSet> createShopSet(Influx::Timestamp end)
{
    return std::make_unique<ShopSet>(end);
}

std::unique_ptr<DemoSet> createShopRollupSet(Influx::Timestamp end)
{
    return std::make_unique<ShopRollupSet>(end);
}

} // namespace Explorer
