#include "solver/reporting/run_comparison.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "solver/core/error.hpp"
#include "solver/model/crt_category.hpp"
#include "solver/model/crt_rows.hpp"
#include "solver/model/province.hpp"
#include "solver/reporting/crt_arithmetic.hpp"
#include "solver/reporting/eu_tables.hpp"
#include "solver/reporting/ledger_view.hpp"

namespace polder::reporting {
namespace {

std::string digest_text(const std::string& d) {
  if (d.empty()) return "(none recorded)";
  return d.size() > 12 ? d.substr(0, 12) + "..." : d;
}

std::string years_text(const std::vector<std::int32_t>& y) {
  if (y.empty()) return "no years";
  const bool contiguous = y.back() - y.front() + 1 == static_cast<std::int32_t>(y.size());
  return contiguous ? cat(y.front(), "-", y.back()) : cat(y.front(), "-", y.back(), " (", y.size(), " years)");
}

std::string number_text(const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : "(none recorded)"; }

std::optional<std::int64_t> int_attribute(const InventoryData& d, const char* name) {
  const auto v = d.attribute("/provenance", name);
  if (!v) return std::nullopt;
  try {
    return std::stoll(*v);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string line = text.substr(pos, nl - pos);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (!line.empty()) out.push_back(line);
    pos = nl + 1;
  }
  return out;
}

std::optional<std::size_t> index_of(const std::vector<std::int32_t>& years, std::int32_t y) {
  const auto it = std::find(years.begin(), years.end(), y);
  if (it == years.end()) return std::nullopt;
  return static_cast<std::size_t>(it - years.begin());
}

/// Values of one run for the rows of the comparison: [selected year][row].
std::vector<double> run_values(const InventoryData& d, const std::vector<std::int32_t>& years,
                               const ComparisonRequest& q, const std::vector<int>& row_index) {
  const auto run_years = d.years();
  std::vector<double> out;
  out.reserve(years.size() * row_index.size());
  const std::size_t nc = model::k_crt_categories, np = model::k_provinces, nr = model::k_conversion_rows;
  for (const std::int32_t y : years) {
    const auto yi = index_of(run_years, y);
    POLDER_VERIFY(yi.has_value(), "year ", y, " is not in ", d.source(), " although it was checked");
    const std::size_t i = *yi;
    for (const int k : row_index) {
      if (q.quantity == ComparedQuantity::summary) {
        if (!q.filter.province) {
          out.push_back(k < 0 ? d.f64("/inventory/total_kt_co2e")[i] : d.f64("/inventory/net_kt_co2e")[i * nc + k]);
          continue;
        }
        const auto v = d.f64("/provinces/net_kt_co2e");
        const auto p = static_cast<std::size_t>(*q.filter.province);
        if (k >= 0) {
          out.push_back(v[(i * np + p) * nc + static_cast<std::size_t>(k)]);
        } else {
          double total = 0.0;  // the province's land categories, in category order (4.G is national)
          for (std::size_t c = 0; c < model::k_land_categories; ++c) total += v[(i * np + p) * nc + c];
          out.push_back(total);
        }
        continue;
      }
      if (!q.filter.province) {
        out.push_back(d.f64("/crt/net_kt_co2e")[i * nr + static_cast<std::size_t>(k)]);
      } else {
        const LedgerView ledger(d.f64("/ledger/values"), run_years.size());
        out.push_back(gases_at(ledger, i, *q.filter.province, k).co2e_t() * 1e-3);
      }
    }
  }
  return out;
}

}  // namespace

RunFacts run_facts(const InventoryData& d) {
  RunFacts f;
  f.source = d.source();
  f.title = d.attribute("/", "title").value_or("");
  f.scenario = d.attribute("/", "scenario").value_or("");
  f.region = d.attribute("/provenance", "region").value_or("");
  f.seed = d.attribute("/provenance", "seed").value_or("");
  f.tile_size = int_attribute(d, "tile_size");
  f.active_cells = int_attribute(d, "active_cells");
  f.years = d.years();
  const auto& roles = d.text("/provenance/inputs/role");
  const auto& digests = d.text("/provenance/inputs/digest");
  for (std::size_t i = 0; i < roles.size() && i < digests.size(); ++i) {
    if (roles[i] == "input stack") f.input_digest = digests[i];
    if (roles[i] == "climate") f.climate_digest = digests[i];
  }
  if (const auto m = d.attribute("/provenance", "measure_files")) f.measure_files = lines(*m);
  return f;
}

std::vector<std::string> run_labels(const std::vector<std::string>& sources) {
  std::vector<std::string> out;
  for (const auto& s : sources) {
    std::string stem = s.substr(s.find_last_of('/') == std::string::npos ? 0 : s.find_last_of('/') + 1);
    if (const auto dot = stem.rfind('.'); dot != std::string::npos && dot > 0) stem.resize(dot);
    out.push_back(stem.empty() ? s : stem);
  }
  std::map<std::string, int> count;
  for (const auto& l : out) ++count[l];
  for (std::size_t i = 0; i < out.size(); ++i)
    if (count[out[i]] > 1) out[i] += cat("#", i + 1);
  return out;
}

std::vector<std::string> comparability_problems(const RunFacts& base, const RunFacts& other, bool common_years) {
  std::vector<std::string> p;
  const auto differs = [&](const std::string& what, const std::string& a, const std::string& b) {
    p.push_back(cat(what, " differs: ", base.source, " ", a, " vs ", other.source, " ", b));
  };
  if (base.input_digest != other.input_digest || base.input_digest.empty())
    differs("input stack digest", digest_text(base.input_digest), digest_text(other.input_digest));
  if (base.climate_digest != other.climate_digest || base.climate_digest.empty())
    differs("climate file digest", digest_text(base.climate_digest), digest_text(other.climate_digest));
  if (base.region != other.region) differs("region", "'" + base.region + "'", "'" + other.region + "'");
  if (base.tile_size != other.tile_size || !base.tile_size)
    differs("grid tile size", number_text(base.tile_size), number_text(other.tile_size));
  if (base.active_cells != other.active_cells || !base.active_cells)
    differs("active cell count", number_text(base.active_cells), number_text(other.active_cells));
  if (!common_years) {
    if (base.years != other.years)
      p.push_back(cat("years differ: ", base.source, " ", years_text(base.years), " vs ", other.source, " ",
                      years_text(other.years), " (--common-years compares the years both have)"));
  } else {
    bool any = false;
    for (const auto y : base.years) any = any || index_of(other.years, y).has_value();
    if (!any)
      p.push_back(cat("no year in common: ", base.source, " ", years_text(base.years), " vs ", other.source, " ",
                      years_text(other.years)));
  }
  return p;
}

std::vector<std::int32_t> check_comparable(const std::vector<RunFacts>& runs, bool common_years) {
  POLDER_VERIFY(runs.size() >= 2, "a comparison needs two runs");
  std::string problems;
  for (std::size_t i = 1; i < runs.size(); ++i)
    for (const auto& p : comparability_problems(runs[0], runs[i], common_years)) problems += "\n  " + p;
  std::vector<std::int32_t> years;
  for (const auto y : runs[0].years) {
    bool everywhere = true;
    for (std::size_t i = 1; i < runs.size(); ++i) everywhere = everywhere && index_of(runs[i].years, y).has_value();
    if (everywhere) years.push_back(y);
  }
  if (problems.empty() && years.empty())  // every pair overlaps, but not all runs at once
    problems = "\n  no year is in every run (--common-years compares the years all runs have)";
  if (!problems.empty())
    throw InputError(cat("the runs are not comparable (compare needs the same input stack, climate file, grid and ",
                         common_years ? "overlapping years" : "years", "):", problems));
  return years;
}

const std::vector<std::string>& compared_quantity_keys() {
  static const std::vector<std::string> keys = {"summary", "crt"};
  return keys;
}

ComparedQuantity parse_compared_quantity(const std::string& key) {
  if (key == "summary") return ComparedQuantity::summary;
  if (key == "crt") return ComparedQuantity::crt;
  throw ConfigError(cat("--table '", key,
                        "' is not a table compare shows: summary (net emissions per CRT category and the total) or "
                        "crt (net emissions per CRT row, /crt/net_kt_co2e)"));
}

Comparison compare_runs(const std::vector<const InventoryData*>& data, const std::vector<RunFacts>& facts,
                        const std::vector<std::int32_t>& years, const ComparisonRequest& q) {
  POLDER_VERIFY(data.size() == facts.size() && data.size() >= 2, "compare_runs: ", data.size(), " inventories, ",
                facts.size(), " facts");
  Comparison c;
  c.runs = facts;
  for (const auto i : q.filter.select(years, true)) c.years.push_back(years[i]);
  const std::string where =
      q.filter.province ? ", " + std::string(model::k_province_names[static_cast<std::size_t>(*q.filter.province + 1)])
                        : std::string();
  std::vector<int> index;  // category (or -1: total) or CRT row of each comparison row
  if (q.quantity == ComparedQuantity::summary) {
    c.title = "Net emissions (+) / removals (-) per CRT category" + where;
    const int categories = q.filter.province ? model::k_land_categories : model::k_crt_categories;
    if (q.filter.category && *q.filter.category >= categories)
      throw ConfigError("--category 4.G with --province: HWP (4.G) is national, not booked per province");
    for (int k = 0; k < categories; ++k) {
      if (q.filter.category && *q.filter.category != k) continue;
      const auto i = static_cast<std::size_t>(k);
      c.rows.push_back({std::string(model::k_crt_codes[i]), std::string(model::k_crt_names[i]), 1});
      index.push_back(k);
    }
    if (!q.filter.category) {
      c.rows.push_back({"4", q.filter.province ? "Total LULUCF (without 4.G)" : "Total LULUCF", 0});
      index.push_back(-1);
    }
    if (q.filter.province) c.note = "HWP (4.G) is national and not in a province's total.";
  } else {
    c.title = "Net emissions (+) / removals (-) per CRT row" + where;
    if (q.filter.category && *q.filter.category == model::k_crt_hwp)
      throw ConfigError("--table crt has no row of 4.G (HWP is not land): use --table summary --category 4.G");
    // The CRT layout: per category the land remaining (4.X.1), then the conversions to it (4.X.2.n).
    for (int to = 0; to < model::k_land_categories; ++to) {
      if (q.filter.category && *q.filter.category != to) continue;
      for (int n = 0; n < model::k_land_categories; ++n) {
        const int from = n == 0 ? to : (n <= to ? n - 1 : n);
        const int r = model::conversion_row(to, from);
        c.rows.push_back({model::crt_row_code(r), model::crt_row_name(r), n == 0 ? 1 : 2});
        index.push_back(r);
      }
    }
  }
  for (const InventoryData* d : data) {
    const auto v = run_values(*d, c.years, q, index);
    c.values.insert(c.values.end(), v.begin(), v.end());
  }
  return c;
}

ReportTable comparison_table(const Comparison& c) {
  ReportTable t;
  t.key = "compare";
  t.sheet = "Compare";
  t.file = "compare";
  t.title = c.title;
  t.units = c.units;
  t.note = c.note;
  t.columns.push_back("1 base");
  t.csv_columns.push_back(c.runs[0].label);
  for (std::size_t r = 1; r < c.runs.size(); ++r) {
    t.columns.push_back(std::to_string(r + 1));
    t.columns.push_back(cat(r + 1, " - 1"));
    t.csv_columns.push_back(c.runs[r].label);
    t.csv_columns.push_back(c.runs[r].label + "_minus_base");
  }
  for (std::size_t y = 0; y < c.years.size(); ++y) {
    ReportBlock b;
    b.year = c.years[y];
    for (std::size_t k = 0; k < c.rows.size(); ++k) {
      ReportRow row{c.rows[k].code, c.rows[k].label, c.rows[k].level, {}};
      row.cells.push_back(ReportCell::number(c.value(0, y, k)));
      for (std::size_t r = 1; r < c.runs.size(); ++r) {
        row.cells.push_back(ReportCell::number(c.value(r, y, k)));
        row.cells.push_back(ReportCell::number(c.difference(r, y, k)));
      }
      b.rows.push_back(row);
    }
    t.blocks.push_back(b);
  }
  return t;
}

PolicyTargets targets_in_provenance(const InventoryData& d) {
  PolicyTargets t;
  if (!d.has("/provenance/parameters/name")) return t;
  const auto& names = d.text("/provenance/parameters/name");
  const auto values = d.f64("/provenance/parameters/value");
  const auto& sources = d.text("/provenance/parameters/source");
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == "nl.land_use_goal_2030") {
      t.nl_goal_2030_kt = values[i];
      t.nl_source = sources[i];
    } else if (names[i] == "eu.annex_iia.value_2030") {
      t.eu_value_2030_kt = values[i];
      t.eu_source = sources[i];
    }
  }
  return t;
}

ReportTable targets_table(const std::vector<const InventoryData*>& data, const std::vector<RunFacts>& facts,
                          const PolicyTargets& targets) {
  ReportTable t;
  t.key = "targets";
  t.title = "Net LULUCF emissions against the 2030 goals";
  t.units = "kt CO2-eq, emissions +";
  t.code_header = "run";
  t.label_header = "label";
  t.columns = {"net 2030", "- NL goal", "- EU value", "EU 4(3)", "4(3) gap", "net 2050"};
  t.csv_columns = {"net_2030_kt_co2e", "minus_nl_goal_kt_co2e",      "minus_eu_value_kt_co2e",
                   "eu_article_4_3",   "eu_article_4_3_gap_kt_co2e", "net_2050_kt_co2e"};
  const ReportCell not_in_run = ReportCell::key("not in run");
  ReportBlock b;
  for (std::size_t r = 0; r < data.size(); ++r) {
    const InventoryData& d = *data[r];
    const auto years = d.years();
    const auto total = d.f64("/inventory/total_kt_co2e");
    const auto y2030 = index_of(years, 2030), y2050 = index_of(years, 2050);
    ReportRow row{std::to_string(r + 1), facts[r].label, 0, {}};
    if (y2030) {
      const double net = total[*y2030];
      row.cells.push_back(ReportCell::number(net));
      row.cells.push_back(targets.nl_goal_2030_kt ? ReportCell::number(net - *targets.nl_goal_2030_kt)
                                                  : ReportCell::key("no goal"));
      row.cells.push_back(targets.eu_value_2030_kt ? ReportCell::number(net - *targets.eu_value_2030_kt)
                                                   : ReportCell::key("no value"));
    } else {
      row.cells.insert(row.cells.end(), 3, not_in_run);
    }
    // The Regulation's own test, as the run's EU accounting computed it (its 2016-2018 base and column C).
    const std::string met = "/eu_accounting/target_2030/target_met", gap = "/eu_accounting/target_2030/gap_kt_co2e";
    if (has_eu_accounting(d) && d.has(met) && d.has(gap) && !std::isnan(d.f64(met)[0]) && !std::isnan(d.f64(gap)[0])) {
      row.cells.push_back(ReportCell::key(d.f64(met)[0] != 0.0 ? "met" : "not met"));
      row.cells.push_back(ReportCell::number(d.f64(gap)[0]));
    } else {
      row.cells.insert(row.cells.end(), 2, ReportCell::key(y2030 ? "missing" : "not in run"));
    }
    row.cells.push_back(y2050 ? ReportCell::number(total[*y2050]) : not_in_run);
    b.rows.push_back(row);
  }
  t.blocks.push_back(b);
  // Sources in full are in the parameter file; the note names them briefly.
  const auto brief = [](const std::string& source) {
    return source.size() > 90 ? source.substr(0, 87) + "..." : source;
  };
  std::string note = "- NL goal: net 2030 minus the Dutch 2030 goal for land use";
  note += targets.nl_goal_2030_kt ? cat(" (<= ", *targets.nl_goal_2030_kt, " kt; ", brief(targets.nl_source), ")")
                                  : std::string(" (not given: nl.land_use_goal_2030)");
  note += "; - EU value: net 2030 minus the EU 2030 value for NL";
  note += targets.eu_value_2030_kt ? cat(" (", *targets.eu_value_2030_kt, " kt; ", brief(targets.eu_source), ")")
                                   : std::string(" (not given: eu.annex_iia.value_2030)");
  note +=
      "; <= 0 meets it. EU 4(3): the Regulation's test, the change from the run's own 2016-2018 mean against "
      "Annex IIa column C, from the inventory's /eu_accounting (gap > 0 misses it).";
  t.note = note;
  return t;
}

}  // namespace polder::reporting
