#include "solver/reporting/measure_report.hpp"

#include "solver/core/error.hpp"
#include "solver/model/land_use.hpp"
#include "solver/model/province.hpp"
#include "solver/reporting/crt_arithmetic.hpp"

namespace polder::reporting {
namespace {

double value(const model::YearTotals& y, std::size_t m, model::Quantity q) {
  const std::size_t k = m * model::k_quantities + static_cast<std::size_t>(model::qi(q));
  return k < y.measures.size() ? static_cast<double>(y.measures[k]) * model::k_ledger_quantum : 0.0;
}

RowGases measure_gases(const model::YearTotals& y, std::size_t m) {
  return gases_of([&](model::Quantity q) { return value(y, m, q); });
}

}  // namespace

double measure_co2e_kt(const model::YearTotals& y, std::size_t m) { return measure_gases(y, m).co2e_t() * 1e-3; }

void add_measures(InventoryData& data, const std::vector<model::YearTotals>& years,
                  const std::vector<MeasureSummary>& measures) {
  if (measures.empty()) return;
  const std::size_t n = measures.size(), ny = years.size();
  std::vector<std::string> ids, names, actions, sources, files, shortfalls, target_sources;
  std::vector<double> qualifying, requested, planned, planted, established, taken_earlier, target_area, target_effect;
  std::vector<std::int64_t> start, target, effect_year;
  for (const auto& m : measures) {
    ids.push_back(m.id);
    names.push_back(m.name);
    actions.push_back(m.action);
    sources.push_back(m.source);
    files.push_back(m.file);
    shortfalls.push_back(m.shortfall);
    target_sources.push_back(m.target_source);
    qualifying.push_back(m.qualifying_ha);
    requested.push_back(m.requested_ha);
    planned.push_back(m.planned_ha);
    planted.push_back(m.planted_ha);
    established.push_back(m.established_ha);
    taken_earlier.push_back(m.taken_earlier_ha);
    target_area.push_back(m.target_area_ha);
    target_effect.push_back(m.target_kt_co2e);
    start.push_back(m.start_year);
    target.push_back(m.target_year);
    effect_year.push_back(m.target_effect_year);
  }
  data.put("/measures/ids", text_dataset(ids));
  data.put("/measures/names", text_dataset(names));
  data.put("/measures/actions", text_dataset(actions));
  data.put("/measures/sources", text_dataset(sources));
  data.put("/measures/files", text_dataset(files));
  data.put("/measures/shortfall", text_dataset(shortfalls));
  data.put("/measures/target_sources", text_dataset(target_sources));
  data.put("/measures/start_year", int_dataset(ValueType::i32, {n}, start));
  data.put("/measures/target_year", int_dataset(ValueType::i32, {n}, target));
  data.put("/measures/qualifying_ha", f64_dataset({n}, qualifying));
  data.put("/measures/requested_ha", f64_dataset({n}, requested));
  data.put("/measures/planned_ha", f64_dataset({n}, planned));
  data.put("/measures/planted_ha", f64_dataset({n}, planted));
  data.put("/measures/established_ha", f64_dataset({n}, established));
  data.put("/measures/taken_earlier_ha", f64_dataset({n}, taken_earlier));
  data.put("/measures/target_area_ha", f64_dataset({n}, target_area));
  data.put("/measures/target_kt_co2e", f64_dataset({n}, target_effect));
  data.put("/measures/target_effect_year", int_dataset(ValueType::i32, {n}, effect_year));
  std::vector<double> area, net, co2, ch4, n2o, mineral, organic, biomass;
  for (const auto& y : years) {
    POLDER_VERIFY(y.measures.empty() || y.measures.size() == (n + 1) * model::k_quantities, "measure books of year ",
                  y.year, ": ", y.measures.size(), " values for ", n, " measures");
    for (std::size_t m = 1; m <= n; ++m) {
      const RowGases g = measure_gases(y, m);
      area.push_back(value(y, m, model::Quantity::area_ha));
      net.push_back(g.co2e_t() * 1e-3);
      co2.push_back(g.co2_t * 1e-3);
      ch4.push_back(g.ch4_t * 1e-3);
      n2o.push_back(g.n2o_t * 1e-3);
      mineral.push_back(value(y, m, model::Quantity::mineral_soil_tc) * 1e-3);
      organic.push_back(value(y, m, model::Quantity::organic_soil_tc) * 1e-3);
      biomass.push_back((value(y, m, model::Quantity::lb_gain_tc) - value(y, m, model::Quantity::lb_loss_tc)) * 1e-3);
    }
  }
  data.put("/measures/area_ha", f64_dataset({ny, n}, area));
  data.put("/measures/net_kt_co2e", f64_dataset({ny, n}, net));
  data.put("/measures/co2_kt", f64_dataset({ny, n}, co2));
  data.put("/measures/ch4_kt", f64_dataset({ny, n}, ch4));
  data.put("/measures/n2o_kt", f64_dataset({ny, n}, n2o));
  data.put("/measures/mineral_soils_kt_c", f64_dataset({ny, n}, mineral));
  data.put("/measures/organic_soils_kt_c", f64_dataset({ny, n}, organic));
  data.put("/measures/living_biomass_kt_c", f64_dataset({ny, n}, biomass));
}

void add_projection(InventoryData& data, const ProjectionSummary& p) {
  data.put("/projection/enabled", int_dataset(ValueType::i32, {}, {p.enabled ? 1 : 0}));
  data.put("/projection/from_year", int_dataset(ValueType::i32, {}, {p.from_year}));
  data.put("/projection/to_year", int_dataset(ValueType::i32, {}, {p.to_year}));
  data.put("/projection/first_year", int_dataset(ValueType::i32, {}, {p.first_year}));
  const std::size_t P = model::k_provinces, L = model::k_land_use_classes;
  std::vector<double> rate = p.rate_per_yr;
  std::vector<std::int64_t> cells = p.cells;
  rate.resize(P * L * L, 0.0);
  cells.resize(P * L * L, 0);
  data.put("/projection/rate_per_yr", f64_dataset({P, L, L}, rate));
  data.put("/projection/cells", int_dataset(ValueType::i64, {P, L, L}, cells));
  std::vector<std::string> classes;
  for (const auto& info : model::k_land_use_info) classes.emplace_back(info.key);
  data.put("/projection/land_use_classes", text_dataset(classes));
}

}  // namespace polder::reporting
