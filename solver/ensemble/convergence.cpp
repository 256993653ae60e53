#include "solver/ensemble/convergence.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <numeric>

#include "solver/core/error.hpp"

namespace polder::ensemble {
namespace {

/// Counts of inserted values by rank; finds the k-th smallest in O(log N) (a Fenwick tree).
class RankCounter {
 public:
  explicit RankCounter(std::size_t n) : m_tree(n + 1, 0) {
    while (m_top * 2 <= n) m_top *= 2;
  }
  void insert(std::size_t rank) {
    for (std::size_t i = rank + 1; i < m_tree.size(); i += i & (~i + 1)) ++m_tree[i];
  }
  /// Rank (0-based) of the k-th smallest inserted value, k = 1..count.
  std::size_t kth(std::size_t k) const {
    std::size_t pos = 0;
    for (std::size_t step = m_top; step > 0; step /= 2) {
      if (pos + step < m_tree.size() && m_tree[pos + step] < k) {
        pos += step;
        k -= m_tree[pos];
      }
    }
    return pos;  // 1-based position pos + 1, so rank pos
  }

 private:
  std::vector<std::size_t> m_tree;
  std::size_t m_top = 1;
};

/// Percentile type 7 of the first n inserted values.
double running_percentile(const RankCounter& counter, const std::vector<double>& by_rank, std::size_t n, double p) {
  const double h = static_cast<double>(n - 1) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const double x_lo = by_rank[counter.kth(lo + 1)];
  if (lo + 1 >= n) return x_lo;
  const double x_hi = by_rank[counter.kth(lo + 2)];
  return x_lo + (h - static_cast<double>(lo)) * (x_hi - x_lo);
}

/// Max and min of s over the sliding window [n - window, n] (indices of s), by monotonic deques.
struct WindowRange {
  std::deque<std::size_t> max_q, min_q;
  void push(const std::vector<double>& s, std::size_t i, std::size_t window) {
    while (!max_q.empty() && s[max_q.back()] <= s[i]) max_q.pop_back();
    while (!min_q.empty() && s[min_q.back()] >= s[i]) min_q.pop_back();
    max_q.push_back(i);
    min_q.push_back(i);
    while (max_q.front() + window < i) max_q.pop_front();
    while (min_q.front() + window < i) min_q.pop_front();
  }
  /// Largest |s(j) - s(i)| over the window ending at i.
  double spread_from(const std::vector<double>& s, std::size_t i) const {
    return std::max(s[max_q.front()] - s[i], s[i] - s[min_q.front()]);
  }
};

bool within(double change, double final_value, double tolerance_percent) {
  return change <= tolerance_percent / 100.0 * std::abs(final_value);
}

double change_percent(double change, double final_value) {
  if (change == 0.0) return 0.0;
  if (final_value == 0.0) return std::numeric_limits<double>::infinity();
  return 100.0 * change / std::abs(final_value);
}

}  // namespace

ConvergenceRecord convergence(std::span<const double> series, double tolerance_percent, std::size_t window) {
  POLDER_VERIFY(window >= 1, "convergence window must be >= 1");
  POLDER_VERIFY(tolerance_percent > 0.0, "convergence tolerance must be > 0");
  const std::size_t n = series.size();
  ConvergenceRecord r;
  r.tolerance_percent = tolerance_percent;
  r.window = window;
  if (n == 0) {
    r.last_change_percent = std::numeric_limits<double>::quiet_NaN();
    return r;
  }
  for (const double v : series) POLDER_VERIFY(std::isfinite(v), "a member result is not finite: ", v);

  // Rank of each draw's value (ties by draw order), so order statistics need only counts.
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return series[a] < series[b] || (series[a] == series[b] && a < b); });
  std::vector<std::size_t> rank(n);
  std::vector<double> by_rank(n);
  for (std::size_t k = 0; k < n; ++k) {
    rank[order[k]] = k;
    by_rank[k] = series[order[k]];
  }

  RankCounter counter(n);
  r.mean.resize(n);
  r.p2_5.resize(n);
  r.p97_5.resize(n);
  double sum = 0.0, comp = 0.0;
  WindowRange w_mean, w_lo, w_hi;
  for (std::size_t i = 0; i < n; ++i) {
    const double v = series[i];
    const double t = sum + v;
    comp += std::abs(sum) >= std::abs(v) ? (sum - t) + v : (v - t) + sum;
    sum = t;
    counter.insert(rank[i]);
    r.mean[i] = (sum + comp) / static_cast<double>(i + 1);
    r.p2_5[i] = running_percentile(counter, by_rank, i + 1, 0.025);
    r.p97_5[i] = running_percentile(counter, by_rank, i + 1, 0.975);
    w_mean.push(r.mean, i, window);
    w_lo.push(r.p2_5, i, window);
    w_hi.push(r.p97_5, i, window);
    if (i >= window && r.converged_at == 0 && within(w_mean.spread_from(r.mean, i), r.mean[i], tolerance_percent) &&
        within(w_lo.spread_from(r.p2_5, i), r.p2_5[i], tolerance_percent) &&
        within(w_hi.spread_from(r.p97_5, i), r.p97_5[i], tolerance_percent))
      r.converged_at = i + 1;
  }
  if (n <= window) {
    r.last_change_percent = std::numeric_limits<double>::quiet_NaN();
    return r;
  }
  const std::size_t last = n - 1;
  const double c_mean = w_mean.spread_from(r.mean, last), c_lo = w_lo.spread_from(r.p2_5, last),
               c_hi = w_hi.spread_from(r.p97_5, last);
  r.converged = within(c_mean, r.mean[last], tolerance_percent) && within(c_lo, r.p2_5[last], tolerance_percent) &&
                within(c_hi, r.p97_5[last], tolerance_percent);
  r.last_change_percent = std::max(
      {change_percent(c_mean, r.mean[last]), change_percent(c_lo, r.p2_5[last]), change_percent(c_hi, r.p97_5[last])});
  return r;
}

}  // namespace polder::ensemble
