#include "solver/engine/ensemble_output.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#include "solver/core/error.hpp"
#include "solver/ensemble/convergence.hpp"
#include "solver/ensemble/rank_correlation.hpp"
#include "solver/ensemble/uncertainty_summary.hpp"
#include "solver/model/crt_category.hpp"
#include "solver/reporting/eu_accounting.hpp"

namespace polder::engine {
namespace {

using reporting::f64_dataset;
using reporting::int_dataset;
using reporting::InventoryData;
using reporting::text_dataset;
using reporting::ValueType;

constexpr std::size_t k_categories = model::k_crt_categories;
constexpr std::size_t k_tests = reporting::k_compliance_tests.size();

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

void add_members(InventoryData& d, const io::EnsembleConfig& config, const std::vector<std::string>& sampled,
                 const EnsembleTables& t) {
  std::vector<std::string> entries, scenario, climate, measures;
  for (const auto& e : config.scenarios) entries.push_back(e.name);
  std::vector<std::int64_t> draws;
  for (const std::int64_t k : t.members) {
    const io::EnsembleMember m = config.member(k);
    const io::ScenarioEntry& e = config.scenarios[m.scenario];
    scenario.push_back(e.name);
    climate.push_back(e.climate);
    measures.push_back(joined(e.measure_files));
    draws.push_back(m.draw);
  }
  const std::size_t n = t.members.size(), ny = t.years;
  d.put("/ensemble/scenarios", text_dataset(entries));
  d.put("/ensemble/draws", int_dataset(ValueType::i64, {}, {config.draws}));
  d.put("/ensemble/member_count", int_dataset(ValueType::i64, {}, {config.member_count()}));
  d.put("/ensemble/members/index", int_dataset(ValueType::i64, {n}, t.members));
  d.put("/ensemble/members/scenario", text_dataset(scenario));
  d.put("/ensemble/members/climate", text_dataset(climate));
  d.put("/ensemble/members/measures", text_dataset(measures));
  d.put("/ensemble/members/draw", int_dataset(ValueType::i64, {n}, draws));
  if (!sampled.empty()) {
    d.put("/ensemble/parameter_names", text_dataset(sampled));
    d.put("/ensemble/parameters", f64_dataset({n, sampled.size()}, t.parameter_values));
  }
  d.put("/ensemble/net_kt_co2e", f64_dataset({n, ny, k_categories}, t.net_kt_co2e));
  d.put("/ensemble/total_kt_co2e", f64_dataset({n, ny}, t.total_kt_co2e));
  d.put("/ensemble/eu_tests",
        text_dataset({reporting::k_compliance_tests.begin(), reporting::k_compliance_tests.end()}));
  d.put("/ensemble/eu_compliance", f64_dataset({n, k_tests}, t.eu_compliance));
}

/// Rows [draw 1..N][width] of entry `e`, taken from a table [member][width] of every member.
std::vector<double> draw_rows(const std::vector<double>& table, std::size_t width, std::size_t e, std::size_t draws) {
  const std::size_t first = e * (draws + 1) + 1;
  const auto begin = table.begin() + static_cast<std::ptrdiff_t>(first * width);
  return {begin, begin + static_cast<std::ptrdiff_t>(draws * width)};
}

/// Appends the seven statistics of `s` to the seven columns in `out`.
void append_summary(std::vector<std::vector<double>>& out, const ensemble::Summary& s) {
  const double v[] = {s.mean, s.median, s.p2_5, s.p97_5, s.uncertainty_percent, s.lower_percent, s.upper_percent};
  for (std::size_t k = 0; k < 7; ++k) out[k].push_back(v[k]);
}

const char* const k_stats[] = {"mean",          "median",       "p2_5", "p97_5", "uncertainty_percent",
                               "lower_percent", "upper_percent"};

void add_uncertainty(InventoryData& d, const io::EnsembleConfig& config, const std::vector<std::string>& sampled,
                     const EnsembleTables& t, std::span<const std::int32_t> years) {
  const auto n_draws = static_cast<std::size_t>(config.draws);
  const std::size_t ny = t.years, ne = config.scenarios.size(), np = sampled.size();
  const auto base_it = std::find(years.begin(), years.end(), 1990);
  const std::size_t base = base_it == years.end() ? 0 : static_cast<std::size_t>(base_it - years.begin());
  // Columns: the seven statistics, each [scenario][year][output], for net and total, level and trend.
  std::vector<std::vector<double>> net(7), total(7), trend_net(7), trend_total(7);
  std::vector<double> conv_mean, conv_low, conv_high, last_change;
  std::vector<std::int64_t> converged, converged_at;
  std::vector<double> sens_net, sens_total, eu_share;
  std::vector<std::int64_t> eu_determined;
  for (std::size_t e = 0; e < ne; ++e) {
    // EU tests: share of the draws that meet each, among those it can be decided for.
    const auto eu_rows = draw_rows(t.eu_compliance, k_tests, e, n_draws);
    for (std::size_t k = 0; k < k_tests; ++k) {
      std::int64_t determined = 0, met = 0;
      for (std::size_t r = 0; r < n_draws; ++r) {
        const double v = eu_rows[r * k_tests + k];
        if (std::isnan(v)) continue;
        ++determined;
        if (v == 1.0) ++met;
      }
      eu_determined.push_back(determined);
      eu_share.push_back(determined > 0 ? static_cast<double>(met) / static_cast<double>(determined)
                                        : std::numeric_limits<double>::quiet_NaN());
    }
    const auto net_rows = draw_rows(t.net_kt_co2e, ny * k_categories, e, n_draws);
    const auto total_rows = draw_rows(t.total_kt_co2e, ny, e, n_draws);
    const auto u_net = ensemble::summarize_members(net_rows, n_draws, ny, k_categories, base);
    const auto u_total = ensemble::summarize_members(total_rows, n_draws, ny, 1, base);
    for (std::size_t y = 0; y < ny; ++y) {
      for (std::size_t c = 0; c < k_categories; ++c) {
        append_summary(net, u_net.level_at(y, c));
        append_summary(trend_net, u_net.trend_at(y, c));
      }
      append_summary(total, u_total.level_at(y, 0));
      append_summary(trend_total, u_total.trend_at(y, 0));
    }
    // Convergence of the total, year by year: [draw][year] per entry.
    std::vector<ensemble::ConvergenceRecord> records;
    for (std::size_t y = 0; y < ny; ++y) {
      std::vector<double> series(n_draws);
      for (std::size_t r = 0; r < n_draws; ++r) series[r] = total_rows[r * ny + y];
      records.push_back(
          ensemble::convergence(series, config.tolerance_percent, static_cast<std::size_t>(config.convergence_window)));
      converged.push_back(records.back().converged ? 1 : 0);
      converged_at.push_back(static_cast<std::int64_t>(records.back().converged_at));
      last_change.push_back(records.back().last_change_percent);
    }
    for (std::size_t n = 0; n < n_draws; ++n)
      for (std::size_t y = 0; y < ny; ++y) {
        conv_mean.push_back(records[y].mean[n]);
        conv_low.push_back(records[y].p2_5[n]);
        conv_high.push_back(records[y].p97_5[n]);
      }
    // Sensitivity in the last year.
    if (np > 0) {
      const auto params = draw_rows(t.parameter_values, np, e, n_draws);
      std::vector<double> last_net, last_total;
      for (std::size_t r = 0; r < n_draws; ++r) {
        const auto row = net_rows.begin() + static_cast<std::ptrdiff_t>((r * ny + ny - 1) * k_categories);
        last_net.insert(last_net.end(), row, row + static_cast<std::ptrdiff_t>(k_categories));
        last_total.push_back(total_rows[r * ny + ny - 1]);
      }
      const auto sn = ensemble::sensitivity(last_net, k_categories, params, np);
      const auto st = ensemble::sensitivity(last_total, 1, params, np);
      sens_net.insert(sens_net.end(), sn.begin(), sn.end());
      sens_total.insert(sens_total.end(), st.begin(), st.end());
    }
  }
  for (std::size_t k = 0; k < 7; ++k) {
    const std::string s = k_stats[k];
    d.put("/uncertainty/net_kt_co2e_" + s, f64_dataset({ne, ny, k_categories}, net[k]));
    d.put("/uncertainty/total_kt_co2e_" + s, f64_dataset({ne, ny}, total[k]));
    d.put("/uncertainty/trend_net_kt_co2e_" + s, f64_dataset({ne, ny, k_categories}, trend_net[k]));
    d.put("/uncertainty/trend_total_kt_co2e_" + s, f64_dataset({ne, ny}, trend_total[k]));
  }
  d.put("/uncertainty/eu_compliance_share", f64_dataset({ne, k_tests}, eu_share));
  d.put("/uncertainty/eu_compliance_determined", int_dataset(ValueType::i64, {ne, k_tests}, eu_determined));
  d.put("/uncertainty/trend_base_year", int_dataset(ValueType::i32, {}, {years.empty() ? 0 : years[base]}));
  std::vector<std::int64_t> counts(n_draws);
  for (std::size_t n = 0; n < n_draws; ++n) counts[n] = static_cast<std::int64_t>(n + 1);
  d.put("/uncertainty/convergence/draws", int_dataset(ValueType::i64, {n_draws}, counts));
  d.put("/uncertainty/convergence/total_kt_co2e_mean", f64_dataset({ne, n_draws, ny}, conv_mean));
  d.put("/uncertainty/convergence/total_kt_co2e_p2_5", f64_dataset({ne, n_draws, ny}, conv_low));
  d.put("/uncertainty/convergence/total_kt_co2e_p97_5", f64_dataset({ne, n_draws, ny}, conv_high));
  d.put("/uncertainty/convergence/converged", int_dataset(ValueType::i32, {ne, ny}, converged));
  d.put("/uncertainty/convergence/converged_at", int_dataset(ValueType::i64, {ne, ny}, converged_at));
  d.put("/uncertainty/convergence/last_change_percent", f64_dataset({ne, ny}, last_change));
  d.put("/uncertainty/convergence/tolerance_percent", f64_dataset({}, {config.tolerance_percent}));
  d.put("/uncertainty/convergence/window", int_dataset(ValueType::i64, {}, {config.convergence_window}));
  if (np > 0) {
    d.put("/uncertainty/sensitivity_net_kt_co2e", f64_dataset({ne, k_categories, np}, sens_net));
    d.put("/uncertainty/sensitivity_total_kt_co2e", f64_dataset({ne, np}, sens_total));
  }
}

}  // namespace

reporting::InventoryData ensemble_datasets(const io::EnsembleConfig& config,
                                           const std::vector<std::string>& sampled_names, const EnsembleTables& t,
                                           std::span<const std::int32_t> years) {
  POLDER_VERIFY(t.years == years.size(), "ensemble tables of ", t.years, " years for ", years.size(), " years");
  InventoryData d;
  add_members(d, config, sampled_names, t);
  const bool every_member = static_cast<std::int64_t>(t.members.size()) == config.member_count();
  if (config.draws >= 1 && every_member) add_uncertainty(d, config, sampled_names, t, years);
  return d;
}

}  // namespace polder::engine
