#include "solver/reporting/eu_accounting.hpp"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <limits>

#include "solver/core/error.hpp"
#include "solver/model/ledger_layout.hpp"
#include "solver/reporting/eu_rules.hpp"

namespace polder::reporting {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();
using Series = std::vector<double>;

void merge(std::vector<std::int32_t>& into, const std::vector<std::int32_t>& from) {
  into.insert(into.end(), from.begin(), from.end());
  std::sort(into.begin(), into.end());
  into.erase(std::unique(into.begin(), into.end()), into.end());
}
void merge(std::vector<std::string>& into, const std::vector<std::string>& from) {
  for (const auto& s : from)
    if (std::find(into.begin(), into.end(), s) == into.end()) into.push_back(s);
}

/// A term computed from others: it lacks what any of them lacks, and is NaN if incomplete.
EuTerm derived(std::initializer_list<const EuTerm*> inputs, std::vector<double> values) {
  EuTerm t;
  for (const EuTerm* in : inputs) {
    merge(t.missing_years, in->missing_years);
    merge(t.missing_parameters, in->missing_parameters);
    merge(t.unverified_parameters, in->unverified_parameters);
  }
  if (!t.complete()) std::fill(values.begin(), values.end(), k_nan);
  t.values = std::move(values);
  return t;
}
EuTerm derived(std::initializer_list<const EuTerm*> inputs, double value) {
  return derived(inputs, std::vector<double>{value});
}

EuTerm parameter(const EuParameter& p) {
  EuTerm t;
  t.values = {p.given ? p.value : k_nan};
  if (!p.given) t.missing_parameters.push_back(p.name);
  if (p.given && !p.verified) t.unverified_parameters.push_back(p.name);
  return t;
}

EuTerm flag(bool met) { return EuTerm{{met ? 1.0 : 0.0}, {}, {}, {}}; }

class Years {
 public:
  explicit Years(const CrtSeries& s) : m_series(s) {}
  /// Sum (or mean) of a per-year series over [first, last]; missing years make the term NaN.
  EuTerm sum(const Series& v, std::int32_t first, std::int32_t last, bool mean = false) const {
    EuTerm t;
    double s = 0.0;
    for (std::int32_t y = first; y <= last; ++y) {
      const auto i = m_series.index_of(y);
      if (i) {
        s += v[*i];
      } else {
        t.missing_years.push_back(y);
      }
    }
    if (mean) s /= static_cast<double>(last - first + 1);
    t.values = {t.complete() ? s : k_nan};
    return t;
  }
  EuTerm mean(const Series& v, std::int32_t first, std::int32_t last) const { return sum(v, first, last, true); }
  EuTerm at(const Series& v, std::int32_t year) const { return sum(v, year, year); }

 private:
  const CrtSeries& m_series;
};

Series column(const std::vector<std::array<double, k_accounting_categories>>& v, AccountingCategory c) {
  Series out;
  for (const auto& row : v) out.push_back(row[static_cast<std::size_t>(index(c))]);
  return out;
}

}  // namespace

std::string eu_scope(const std::string& region) {
  if (region == "national")
    return "national inventory: the Member-State figures (forest reference level, Annex III base year, Annex IIa) "
           "apply";
  return cat("region '", region,
             "': the Member-State figures (forest reference level, Annex III base year, Annex IIa) are national and "
             "do not apply to part of the country; the terms are computed as for a nation, for illustration only");
}

const EuTerm& EuAccounting::term(const std::string& key) const {
  const auto it = terms.find(key);
  POLDER_VERIFY(it != terms.end(), "EU accounting term ", key, " is not computed");
  return it->second;
}

EuAccounting evaluate_eu_accounting(const CrtSeries& series, const EuParameters& par) {
  using AC = AccountingCategory;
  namespace r = eu;
  POLDER_VERIFY(series.row_net_kt_co2e.size() == series.size() && series.row_dead_wood_kt_c.size() == series.size() &&
                    series.hwp_kt_co2.size() == series.size(),
                "CRT series of different lengths");
  EuAccounting a;
  a.years = series.years;
  const std::size_t ny = series.size();
  a.net_kt_co2e.assign(ny, {});
  a.hwp_by_origin_kt_co2.assign(ny, {});
  a.managed_forest_exempt_kt_co2e.assign(ny, 0.0);
  a.total_kt_co2e.assign(ny, 0.0);
  constexpr std::size_t mfl = index_of_origin(HwpOrigin::managed_forest_land);
  constexpr std::size_t afforested = index_of_origin(HwpOrigin::afforested_land);
  for (std::size_t y = 0; y < ny; ++y) {
    double total = 0.0;
    for (int row = 0; row < model::k_conversion_rows; ++row) {
      const double v = series.row_net_kt_co2e[y][static_cast<std::size_t>(row)];
      total += v;
      const AC c = accounting_category_of_row(row);
      if (c != AC::not_accounted) a.net_kt_co2e[y][static_cast<std::size_t>(index(c))] += v;
    }
    for (std::size_t o = 0; o < static_cast<std::size_t>(k_hwp_origins); ++o)
      for (std::size_t k = 0; k < 3; ++k) {
        a.hwp_by_origin_kt_co2[y][o] += series.hwp_kt_co2[y][o][k];
        total += series.hwp_kt_co2[y][o][k];
      }
    a.net_kt_co2e[y][static_cast<std::size_t>(index(AC::afforested_land))] += a.hwp_by_origin_kt_co2[y][afforested];
    a.net_kt_co2e[y][static_cast<std::size_t>(index(AC::managed_forest_land))] += a.hwp_by_origin_kt_co2[y][mfl];
    // Art. 8(2): dead wood and HWP except paper (products 0 sawnwood, 1 panels) on managed forest land.
    const double dead_wood_kt_c = series.row_dead_wood_kt_c[y][static_cast<std::size_t>(model::conversion_row(0, 0))];
    a.managed_forest_exempt_kt_co2e[y] =
        -model::k_co2_per_c * dead_wood_kt_c + series.hwp_kt_co2[y][mfl][0] + series.hwp_kt_co2[y][mfl][1];
    a.total_kt_co2e[y] = total;
  }
  const Years years(series);
  auto& t = a.terms;
  const std::int32_t p0 = r::k_first_period_begin, p1 = r::k_first_period_end;

  // ---- 2021-2025 --------------------------------------------------------------------------------
  const std::string p = "period_2021_2025/";
  t[p + "afforested_land_kt_co2e"] = years.sum(column(a.net_kt_co2e, AC::afforested_land), p0, p1);
  t[p + "deforested_land_kt_co2e"] = years.sum(column(a.net_kt_co2e, AC::deforested_land), p0, p1);
  for (const auto c : {AC::managed_cropland, AC::managed_grassland, AC::managed_wetland}) {
    const std::string key = p + std::string(k_accounting_category_keys[static_cast<std::size_t>(index(c))]);
    const Series v = column(a.net_kt_co2e, c);
    const EuTerm reported = years.sum(v, p0, p1);
    const EuTerm base = years.mean(v, r::k_base_period_begin, r::k_base_period_end);
    t[key + "_reported_kt_co2e"] = reported;
    t[key + "_base_2005_2009_kt_co2e"] = base;
    t[key + "_kt_co2e"] = derived({&reported, &base}, reported.value() - r::k_first_period_years * base.value());
  }
  const EuTerm elected = parameter(par.managed_wetland_elected);
  t[p + "managed_wetland_elected"] = elected;

  const EuTerm mfl_reported = years.sum(column(a.net_kt_co2e, AC::managed_forest_land), p0, p1);
  const EuTerm frl = parameter(par.forest_reference_level);
  const EuTerm difference =
      derived({&mfl_reported, &frl}, mfl_reported.value() - r::k_first_period_years * frl.value());
  const EuTerm exempt_sum = years.sum(a.managed_forest_exempt_kt_co2e, p0, p1);
  const EuTerm exempt = derived({&exempt_sum}, std::min(0.0, exempt_sum.value()));
  const EuTerm base_year = parameter(par.base_year_emissions);
  const EuTerm cap = derived({&base_year}, r::k_forest_credit_cap_share * r::k_first_period_years * base_year.value());
  const bool credit = difference.value() < 0.0;
  const bool binding = credit && difference.value() - exempt.value() < -cap.value();
  const double accounted =
      credit ? std::max(difference.value() - exempt.value(), -cap.value()) + exempt.value() : difference.value();
  t[p + "managed_forest_land_reported_kt_co2e"] = mfl_reported;
  t[p + "forest_reference_level_kt_co2e"] = frl;
  t[p + "managed_forest_land_difference_kt_co2e"] = difference;
  t[p + "managed_forest_exempt_removals_kt_co2e"] = exempt;
  t[p + "base_year_emissions_kt_co2e"] = base_year;
  t[p + "managed_forest_cap_kt_co2e"] = cap;
  // Without the FRL the credit (and so the cap) cannot be judged; without the base year only when it is a credit.
  t[p + "managed_forest_cap_binding"] = derived({&difference, &exempt, &cap}, binding ? 1.0 : 0.0);
  t[p + "managed_forest_land_kt_co2e"] = derived({&difference, &exempt, &cap}, accounted);
  if (difference.complete() && exempt.complete() && !credit) {
    t[p + "managed_forest_cap_binding"] = flag(false);
    t[p + "managed_forest_land_kt_co2e"] = derived({&difference}, difference.value());
  }
  {
    Series afforested_hwp, mfl_hwp;
    for (const auto& h : a.hwp_by_origin_kt_co2) {
      afforested_hwp.push_back(h[afforested]);
      mfl_hwp.push_back(h[mfl]);
    }
    t[p + "hwp_afforested_land_kt_co2"] = years.sum(afforested_hwp, p0, p1);
    t[p + "hwp_managed_forest_land_kt_co2"] = years.sum(mfl_hwp, p0, p1);
  }
  {
    const EuTerm& af = t[p + "afforested_land_kt_co2e"];
    const EuTerm& de = t[p + "deforested_land_kt_co2e"];
    const EuTerm& cl = t[p + "managed_cropland_kt_co2e"];
    const EuTerm& gl = t[p + "managed_grassland_kt_co2e"];
    const EuTerm& wl = t[p + "managed_wetland_kt_co2e"];
    const EuTerm& fl = t[p + "managed_forest_land_kt_co2e"];
    EuTerm total;
    if (!elected.complete()) {
      total = derived({&af, &de, &cl, &gl, &fl, &elected}, k_nan);
    } else if (elected.value() != 0.0) {
      total = derived({&af, &de, &cl, &gl, &fl, &wl, &elected},
                      af.value() + de.value() + cl.value() + gl.value() + fl.value() + wl.value());
    } else {
      total =
          derived({&af, &de, &cl, &gl, &fl, &elected}, af.value() + de.value() + cl.value() + gl.value() + fl.value());
    }
    t[p + "total_accounted_kt_co2e"] = total;
    t[p + "no_debit_met"] = derived({&total}, total.value() <= 0.0 ? 1.0 : 0.0);
  }

  // ---- 2026-2029 budget -------------------------------------------------------------------------
  const std::string b = "budget_2026_2029/";
  const EuTerm base = years.mean(a.total_kt_co2e, r::k_target_base_begin, r::k_target_base_end);
  const EuTerm start = years.mean(a.total_kt_co2e, r::k_trajectory_start_begin, r::k_trajectory_start_end);
  const EuTerm target_change = parameter(par.annex_iia_target_change);
  const double d0 = start.value() - base.value();
  std::vector<double> trajectory, differences;
  std::vector<EuTerm> year_terms;
  double budget = 0.0, sum = 0.0;
  for (std::int32_t y = r::k_budget_begin; y <= r::k_budget_end; ++y) {
    const double d = d0 + static_cast<double>(y - r::k_trajectory_start_year) /
                              static_cast<double>(r::k_target_year - r::k_trajectory_start_year) *
                              (target_change.value() - d0);
    trajectory.push_back(d);
    budget += d;
    year_terms.push_back(years.at(a.total_kt_co2e, y));
    differences.push_back(year_terms.back().value() - base.value());
    sum += differences.back();
  }
  EuTerm budget_years;  // what the four budget years lack
  for (const auto& yt : year_terms) merge(budget_years.missing_years, yt.missing_years);
  budget_years.values = {0.0};
  t[b + "base_2016_2018_kt_co2e"] = base;
  t[b + "start_2021_2023_kt_co2e"] = start;
  t[b + "trajectory_kt_co2e"] = derived({&base, &start, &target_change}, trajectory);
  const EuTerm budget_term = derived({&base, &start, &target_change}, budget);
  t[b + "budget_kt_co2e"] = budget_term;
  t[b + "differences_kt_co2e"] = derived({&base, &budget_years}, differences);
  const EuTerm sum_term = derived({&base, &budget_years}, sum);
  t[b + "sum_of_differences_kt_co2e"] = sum_term;
  const EuTerm overshoot = derived({&sum_term, &budget_term}, std::max(0.0, sum - budget));
  t[b + "overshoot_kt_co2e"] = overshoot;
  const EuTerm addition = derived({&overshoot}, r::k_budget_overshoot_factor * overshoot.value());
  t[b + "article_13c_addition_kt_co2e"] = addition;
  t[b + "within_budget"] = derived({&sum_term, &budget_term}, sum <= budget ? 1.0 : 0.0);

  // ---- 2030 target ------------------------------------------------------------------------------
  const std::string g = "target_2030/";
  t[g + "annex_iia_average_2016_2018_kt_co2e"] = parameter(par.annex_iia_average_2016_2018);
  t[g + "annex_iia_target_change_kt_co2e"] = target_change;
  t[g + "annex_iia_value_2030_kt_co2e"] = parameter(par.annex_iia_value_2030);
  t[g + "base_2016_2018_kt_co2e"] = base;
  const EuTerm net_2030 = years.at(a.total_kt_co2e, r::k_target_year);
  t[g + "net_2030_kt_co2e"] = net_2030;
  const EuTerm diff_2030 = derived({&net_2030, &base}, net_2030.value() - base.value());
  t[g + "difference_2030_kt_co2e"] = diff_2030;
  const EuTerm figure = derived({&diff_2030, &addition}, diff_2030.value() + addition.value());
  t[g + "compliance_figure_kt_co2e"] = figure;
  t[g + "gap_kt_co2e"] = derived({&figure, &target_change}, figure.value() - target_change.value());
  t[g + "target_met"] = derived({&figure, &target_change}, figure.value() <= target_change.value() ? 1.0 : 0.0);
  return a;
}

}  // namespace polder::reporting
