#include "solver/reporting/output_schema.hpp"

#include "solver/model/land_use.hpp"

#include <sstream>
#include <tuple>

#include "solver/core/error.hpp"
#include "solver/model/crt_category.hpp"
#include "solver/model/land_use.hpp"
#include "solver/model/ledger_layout.hpp"
#include "solver/model/province.hpp"
#include "solver/model/wetland_subrow.hpp"
#include "solver/reporting/eu_accounting.hpp"
#include "solver/reporting/eu_categories.hpp"

namespace polder::reporting {
namespace {

using D = Dim;
using T = ValueType;

DatasetSpec data(std::string path, T type, std::vector<Dim> dims, std::string units, std::string description,
                 std::string note = {}) {
  DatasetSpec s;
  s.path = std::move(path);
  s.type = type;
  s.dims = std::move(dims);
  s.units = std::move(units);
  s.description = std::move(description);
  s.note = std::move(note);
  return s;
}

DatasetSpec f64(std::string path, std::vector<Dim> dims, std::string units, std::string description,
                std::string note = {}) {
  return data(std::move(path), T::f64, std::move(dims), std::move(units), std::move(description), std::move(note));
}

DatasetSpec text(std::string path, Dim dim, std::string description, std::string note = {}) {
  return data(std::move(path), T::text, {dim}, "", std::move(description), std::move(note));
}

/// An EU accounting term: kt CO2-eq unless said, with its legal source and formula.
DatasetSpec eu(const std::string& path, std::string units, std::string description, std::string legal,
               std::string formula, std::vector<Dim> dims = {}) {
  DatasetSpec s = f64("/eu_accounting/" + path, std::move(dims), std::move(units), std::move(description));
  s.legal_source = std::move(legal);
  s.formula = std::move(formula);
  return s;
}

const char* const k_kt = "kt CO2-eq";
const char* const k_reg = "Reg. (EU) 2018/841 ";

std::vector<DatasetSpec> build() {
  std::vector<DatasetSpec> s;
  // ---- /inventory -------------------------------------------------------------------------------
  s.push_back(data("/inventory/years", T::i32, {D::year}, "year", "inventory years"));
  s.push_back(text("/inventory/categories", D::category, "CRT categories of sector 4 (LULUCF)", "`4.A` ... `4.G`"));
  s.push_back(text("/inventory/category_names", D::category, "names of /inventory/categories",
                   "Forest land ... Harvested wood products"));
  s.push_back(f64("/inventory/net_kt_co2e", {D::year, D::category}, k_kt,
                  "net emissions (+) / removals (-) per category, CO2 + CH4 + N2O, AR5 GWP100"));
  s.push_back(f64("/inventory/total_kt_co2e", {D::year}, k_kt, "total LULUCF net emissions"));
  s.push_back(
      f64("/inventory/co2_kt", {D::year, D::category}, "kt CO2", "net CO2 per category", "4.G holds the HWP net CO2"));
  s.push_back(f64("/inventory/ch4_kt", {D::year, D::category}, "kt CH4", "CH4 per category"));
  s.push_back(f64("/inventory/n2o_kt", {D::year, D::category}, "kt N2O", "N2O per category"));

  // ---- /crt -------------------------------------------------------------------------------------
  s.push_back(text("/crt/rows", D::row, "CRT rows: category (to) x previous category (from); row = to*6 + from"));
  s.push_back(text("/crt/row_names", D::row, "names of /crt/rows"));
  const std::vector<Dim> yr = {D::year, D::row};
  s.push_back(f64("/crt/area_kha", yr, "kha", "area at the end of the year"));
  s.push_back(f64("/crt/organic_area_kha", yr, "kha", "of which on organic soils"));
  s.push_back(f64("/crt/living_biomass_gains_kt_c", yr, "kt C", "carbon stock change, living biomass: gains"));
  s.push_back(
      f64("/crt/living_biomass_losses_kt_c", yr, "kt C", "carbon stock change, living biomass: losses (negative)"));
  s.push_back(f64("/crt/dead_wood_kt_c", yr, "kt C", "net carbon stock change, dead wood"));
  s.push_back(f64("/crt/litter_kt_c", yr, "kt C", "net carbon stock change, litter"));
  s.push_back(f64("/crt/mineral_soils_kt_c", yr, "kt C", "net carbon stock change, mineral soils"));
  s.push_back(f64("/crt/organic_soils_kt_c", yr, "kt C", "net carbon stock change, organic soils"));
  s.push_back(f64("/crt/net_stock_change_kt_c", yr, "kt C", "sum of the carbon stock changes (gain +)"));
  s.push_back(f64("/crt/co2_kt", yr, "kt CO2", "net CO2 (emission +)", "-44/12 x stock change + off-site CO2 (DOC)"));
  s.push_back(f64("/crt/ch4_kt", yr, "kt CH4", "CH4", "all CH4 sources of the row"));
  s.push_back(f64("/crt/n2o_kt", yr, "kt N2O", "N2O", "all N2O sources of the row"));
  s.push_back(f64("/crt/net_kt_co2e", yr, k_kt, "net emissions per row, AR5 GWP100"));
  s.push_back(f64("/crt/table_4_1/area_kha", {D::year, D::land_category, D::land_category}, "kha",
                  "land transition matrix: [year][initial category (previous year)][final category]"));
  s.push_back(text("/crt/table_4_1/categories", D::land_category, "order of both matrix axes"));
  const std::vector<Dim> yc = {D::year, D::land_category};
  s.push_back(
      f64("/crt/table_4_II/drained_organic_area_kha", yc, "kha", "organic soils (drained and rewetted) per category"));
  s.push_back(f64("/crt/table_4_II/rewetted_area_kha", yc, "kha", "rewetted organic soils"));
  s.push_back(f64("/crt/table_4_II/doc_co2_kt", yc, "kt CO2", "off-site CO2 from dissolved organic carbon"));
  s.push_back(f64("/crt/table_4_II/ch4_kt", yc, "kt CH4", "CH4 from drained and rewetted organic soils incl. ditches"));
  s.push_back(f64("/crt/table_4_II/n2o_kt", yc, "kt N2O", "N2O from drained organic soils"));
  s.push_back(f64("/crt/table_4_III/n2o_kt", yc, "kt N2O", "N2O from N mineralised with soil organic matter loss"));
  s.push_back(f64("/crt/table_4_V/burnt_area_ha", yc, "ha", "area burnt by wildfire"));
  s.push_back(f64("/crt/table_4_V/co2_kt", yc, "kt CO2", "memo: CO2 from wildfire (included in the stock losses)"));
  s.push_back(f64("/crt/table_4_V/ch4_kt", yc, "kt CH4", "CH4 from wildfire"));
  s.push_back(f64("/crt/table_4_V/n2o_kt", yc, "kt N2O", "N2O from wildfire"));
  s.push_back(f64("/crt/wetlands/ch4_kt", yc, "kt CH4", "CH4 from open water, marshes and other wetlands"));
  s.push_back(f64("/crt/table_4_II/n2o_agriculture_memo_kt", yc, "kt N2O",
                  "memo: N2O from drained organic soils of cropland and grassland, reported in Agriculture (CRT "
                  "3.D.a.6), not in the LULUCF totals"));
  s.push_back(f64("/crt/table_4_II/peat_area_kha", yc, "kha",
                  "of the organic soils: peat soils (veengrond, >= 40 cm peat)",
                  "the rest is peaty soil (moerige grond)"));
  s.push_back(f64("/crt/mineral_soils_climate_memo_kt_c", yc, "kt C",
                  "memo: part of the mineral-soil stock change caused by the climate response (0 in inventory mode)",
                  "0 when `processes.climate_response = false`"));
  s.push_back(f64("/crt/forest/increment_mm3", yc, "Mm3",
                  "gross stem-volume increment (forest land; wooded patches under grassland)",
                  "for comparison with the NBI"));
  s.push_back(f64("/crt/forest/fellings_mm3", yc, "Mm3", "fellings (thinning and final felling), stem volume"));
  s.push_back(f64("/crt/forest/standing_volume_mm3", yc, "Mm3", "standing stem volume at the end of the year"));
  {
    // Optional: inventories written before the sub-rows existed lack them.
    const auto opt = [&s](DatasetSpec d) {
      d.optional = true;
      s.push_back(std::move(d));
    };
    const std::vector<Dim> ys = {D::year, D::wetland_subrow};
    const std::string all = "the sub-rows add up to the 4.D rows (remaining and converted) of the year";
    opt(text("/crt/wetland_subrows/names", D::wetland_subrow,
             "4.D sub-rows by land-use class: salt marsh, seagrass meadows, tidal flats, open water (coastal and "
             "inland), reed marsh"));
    opt(f64("/crt/wetland_subrows/area_kha", ys, "kha", "area of the 4.D sub-row at the end of the year", all));
    opt(f64("/crt/wetland_subrows/net_stock_change_kt_c", ys, "kt C", "sum of the carbon stock changes (gain +)",
            "salt-marsh and seagrass burial is a gain of the soil pool"));
    opt(f64("/crt/wetland_subrows/co2_kt", ys, "kt CO2", "net CO2 (emission +)"));
    opt(f64("/crt/wetland_subrows/ch4_kt", ys, "kt CH4", "CH4"));
    opt(f64("/crt/wetland_subrows/n2o_kt", ys, "kt N2O", "N2O"));
    opt(f64("/crt/wetland_subrows/net_kt_co2e", ys, k_kt, "net emissions of the 4.D sub-row, AR5 GWP100", all));
  }
  s.push_back(text("/crt/table_4_G/products", D::product, "", "sawnwood, wood-based panels, paper and paperboard"));
  const std::vector<Dim> yp = {D::year, D::product};
  s.push_back(f64("/crt/table_4_G/inflow_kt_c", yp, "kt C", "carbon entering the HWP pools"));
  s.push_back(f64("/crt/table_4_G/stock_kt_c", yp, "kt C", "HWP pool at the end of the year"));
  s.push_back(f64("/crt/table_4_G/decay_kt_c", yp, "kt C", "carbon leaving the pools (first-order decay)"));
  s.push_back(f64("/crt/table_4_G/net_co2_kt", {D::year}, "kt CO2", "net CO2 of HWP (removal -)"));

  // ---- /provinces -------------------------------------------------------------------------------
  s.push_back(text("/provinces/names", D::province, "CBS provinces PV20..PV31", "Groningen ... Limburg"));
  s.push_back(f64("/provinces/net_kt_co2e", {D::year, D::province, D::category}, k_kt,
                  "[year][province][category]; 4.G is national and zero here"));
  s.push_back(
      f64("/provinces/area_kha", {D::year, D::province, D::land_category}, "kha", "[year][province][land category]"));

  // ---- /ledger ----------------------------------------------------------------------------------
  s.push_back(f64("/ledger/values", {D::year, D::province, D::row, D::quantity}, "t or ha (see /ledger/quantities)",
                  "[year][province][CRT row][quantity], exact integer sums in 1e-9 units",
                  "every booked quantity (solver/model/ledger_layout.hpp)"));
  s.push_back(text("/ledger/quantities", D::quantity, "quantity names; suffix gives the unit (t C, t gas, ha)",
                   "`_t_c` t of carbon, `_t` t of gas, `_ha` hectares"));
  {
    auto w = f64("/ledger/wetland_subrows", {D::year, D::province, D::wetland_subrow, D::quantity},
                 "t or ha (see /ledger/quantities)",
                 "[year][province][4.D sub-row][quantity], exact integer sums in 1e-9 units",
                 "the 4.D rows split by land-use class (/crt/wetland_subrows/names); they add up to the 4.D rows of "
                 "/ledger/values exactly; absent in inventories written before the sub-rows existed");
    w.optional = true;
    s.push_back(std::move(w));
  }

  // ---- /diagnostics -----------------------------------------------------------------------------
  s.push_back(f64("/diagnostics/mass_balance_relative_error", {D::year}, "1",
                  "|pool change - booked change| / carbon turnover, per year (must stay below 1e-9)",
                  "a run stops if it exceeds 1e-9"));
  s.push_back(f64("/diagnostics/mean_subsidence_cm", {D::year}, "cm", "mean subsidence of organic soils"));
  s.push_back(f64("/diagnostics/peat_depleted_ha", {D::year}, "ha", "organic soil that became mineral"));
  s.push_back(f64("/diagnostics/mean_water_table_depth_cm", {D::year}, "cm",
                  "mean water-table depth of the drained organic soils", "area-weighted, rewetted soils excluded"));
  s.push_back(data("/diagnostics/fire_ignitions", T::i64, {D::year}, "cells", "cells ignited"));
  s.push_back(data("/diagnostics/fire_cells", T::i64, {D::year}, "cells", "cells burnt incl. spread"));
  {
    // Optional: inventories written before fires were joined into patches lack them.
    const auto opt = [&s](DatasetSpec d) {
      d.optional = true;
      s.push_back(std::move(d));
    };
    opt(data("/diagnostics/fire_patches", T::i64, {D::year}, "1",
             "burnt patches: burnt cells of the year joined by their 8 neighbours (a fire as mapped)"));
    opt(f64("/diagnostics/fire_burnt_ha", {D::year}, "ha", "area burnt (all fires; the national fire database)"));
    opt(f64("/diagnostics/fire_effis_ha", {D::year}, "ha",
            "area burnt in patches of at least 30 ha (comparable with EFFIS, which maps fires of ~30 ha and more)"));
    opt(f64("/diagnostics/fire_largest_ha", {D::year}, "ha", "area of the year's largest burnt patch"));
  }

  // ---- /eu_accounting ---------------------------------------------------------------------------
  const std::string a21 = std::string(k_reg) + "Art. 2(1), Art. 4(1); Impl. Reg. (EU) 2020/1208 Annex XX";
  s.push_back(text("/eu_accounting/accounting_categories", D::accounting_category,
                   "land accounting categories 2021-2025 (Reg. (EU) 2018/841 Art. 2(1))"));
  s.push_back(text("/eu_accounting/row_categories", D::row,
                   "land accounting category of each CRT row (/crt/rows); 'not accounted' for rows outside them",
                   "Impl. Reg. (EU) 2020/1208 Annex XX, Table 1a"));
  s.push_back(text("/eu_accounting/hwp_origins", D::hwp_origin, "origin of the harvested wood in the HWP pools"));
  {
    auto net = eu("net_kt_co2e", k_kt,
                  "[year][accounting category] net emissions incl. HWP of that origin (afforested land, managed "
                  "forest land)",
                  a21 + "; Art. 9(1)", "sum of the CRT rows in /eu_accounting/row_categories + HWP by origin",
                  {D::year, D::accounting_category});
    s.push_back(net);
  }
  s.push_back(eu("hwp_by_origin_kt_co2", "kt CO2",
                 "[year][origin] net CO2 of HWP (4.G) by the CRT row the wood was harvested on",
                 std::string(k_reg) + "Art. 9(1), Annex V",
                 "first-order decay per product and origin with the run's half-lives; the starting stock counts "
                 "as managed forest land (Annex V)",
                 {D::year, D::hwp_origin}));
  s.push_back(eu("managed_forest_exempt_kt_co2e", k_kt,
                 "[year] net CO2 of dead wood on 4.A.1 and of HWP other than paper from managed forest land",
                 std::string(k_reg) + "Art. 8(2)",
                 "-44/12 x dead wood (4.A.1) + HWP sawnwood and panels (managed "
                 "forest land)",
                 {D::year}));
  s.push_back(eu("total_kt_co2e", k_kt, "[year] net emissions over all land reporting categories incl. HWP",
                 std::string(k_reg) + "Art. 2(2), Art. 4(3)", "sum of all CRT rows + 4.G", {D::year}));

  const std::string p = "period_2021_2025/";
  const std::string r = k_reg;
  s.push_back(eu(p + "afforested_land_kt_co2e", k_kt, "accounted afforested land 2021-2025 incl. its HWP",
                 r + "Art. 2(1)(a), Art. 6(1), Art. 9(1)", "sum 2021..2025 of 4.A.2 + HWP from afforested land"));
  s.push_back(eu(p + "deforested_land_kt_co2e", k_kt, "accounted deforested land 2021-2025",
                 r + "Art. 2(1)(b), Art. 6(1)", "sum 2021..2025 of forest land converted to other land"));
  for (const auto& [key, name, letter] :
       std::vector<std::tuple<std::string, std::string, std::string>>{{"managed_cropland", "cropland", "(c)"},
                                                                      {"managed_grassland", "grassland", "(d)"},
                                                                      {"managed_wetland", "wetland", "(f)"}}) {
    s.push_back(eu(p + key + "_reported_kt_co2e", k_kt, "managed " + name + ": net emissions summed over 2021-2025",
                   r + "Art. 2(1)" + letter + ", Art. 7(1)", "sum 2021..2025"));
    s.push_back(eu(p + key + "_base_2005_2009_kt_co2e", k_kt + std::string(" yr-1"),
                   "managed " + name + ": mean annual net emissions of the base period 2005-2009", r + "Art. 7(1)",
                   "mean 2005..2009"));
    s.push_back(eu(p + key + "_kt_co2e", k_kt, "accounted managed " + name + " 2021-2025", r + "Art. 7(1)",
                   "reported - 5 x base"));
  }
  s.push_back(eu(p + "managed_wetland_elected", "1",
                 "1 if managed wetland is accounted in 2021-2025 (parameter eu.managed_wetland_elected)",
                 r + "Art. 2(1)(f)", "parameter"));
  s.push_back(eu(p + "managed_forest_land_reported_kt_co2e", k_kt,
                 "managed forest land incl. its HWP, summed over 2021-2025", r + "Art. 2(1)(e), Art. 8(1), Art. 9(1)",
                 "sum 2021..2025 of 4.A.1 + HWP from managed forest land"));
  s.push_back(eu(p + "forest_reference_level_kt_co2e", k_kt + std::string(" yr-1"),
                 "forest reference level 2021-2025 (parameter eu.forest_reference_level)",
                 r + "Art. 8(1), Annex IV; Delegated Reg. (EU) 2021/268", "parameter"));
  s.push_back(eu(p + "managed_forest_land_difference_kt_co2e", k_kt, "managed forest land minus 5 x the FRL",
                 r + "Art. 8(1)", "reported - 5 x FRL"));
  s.push_back(eu(p + "managed_forest_exempt_removals_kt_co2e", k_kt,
                 "net removals from dead wood and HWP other than paper on managed forest land, outside the cap",
                 r + "Art. 8(2) second subparagraph", "min(0, sum 2021..2025 of managed_forest_exempt_kt_co2e)"));
  s.push_back(eu(p + "base_year_emissions_kt_co2e", k_kt + std::string(" yr-1"),
                 "national GHG emissions of the base year (parameter eu.base_year_emissions)",
                 r + "Art. 8(2), Annex III", "parameter"));
  s.push_back(eu(p + "managed_forest_cap_kt_co2e", k_kt, "most net removals managed forest land may credit",
                 r + "Art. 8(2)", "0.035 x 5 x base year emissions"));
  s.push_back(eu(p + "managed_forest_cap_binding", "1", "1 if the 3.5 % cap limits the managed forest land credit",
                 r + "Art. 8(2)", "difference < 0 and difference - exempt < -cap"));
  s.push_back(eu(p + "managed_forest_land_kt_co2e", k_kt, "accounted managed forest land 2021-2025",
                 r + "Art. 8(1), Art. 8(2)", "difference if >= 0, else max(difference - exempt, -cap) + exempt"));
  s.push_back(eu(p + "hwp_afforested_land_kt_co2", "kt CO2",
                 "HWP from afforested land, 2021-2025 (in the account above)", r + "Art. 9(1), Annex V",
                 "sum 2021..2025"));
  s.push_back(eu(p + "hwp_managed_forest_land_kt_co2", "kt CO2",
                 "HWP from managed forest land, 2021-2025 (in the account above)", r + "Art. 9(1), Annex V",
                 "sum 2021..2025"));
  s.push_back(eu(p + "total_accounted_kt_co2e", k_kt, "sum of the accounted categories 2021-2025", r + "Art. 4(1)",
                 "afforested + deforested + cropland + grassland + forest (+ wetland if elected)"));
  s.push_back(eu(p + "no_debit_met", "1", "1 if accounted emissions do not exceed accounted removals",
                 r + "Art. 4(1), before the flexibilities of Art. 11-13b", "total_accounted <= 0"));

  const std::string b = "budget_2026_2029/";
  s.push_back(eu(b + "base_2016_2018_kt_co2e", k_kt + std::string(" yr-1"),
                 "mean net emissions 2016-2018 over all land reporting categories", r + "Art. 4(3), Art. 4(4)",
                 "mean 2016..2018 of total_kt_co2e"));
  s.push_back(eu(b + "start_2021_2023_kt_co2e", k_kt + std::string(" yr-1"),
                 "mean net emissions 2021-2023: the start of the trajectory, placed at 2022", r + "Art. 4(4)",
                 "mean 2021..2023 of total_kt_co2e"));
  s.push_back(eu(b + "trajectory_kt_co2e", k_kt,
                 "[budget year] trajectory of differences from the 2016-2018 mean, 2026..2029", r + "Art. 4(4)",
                 "d0 + (y - 2022) / 8 x (C - d0), d0 = start - base, C = Annex IIa column C", {D::budget_year}));
  s.push_back(eu(b + "budget_kt_co2e", k_kt, "budget 2026-2029", r + "Art. 4(4)", "sum of the trajectory"));
  s.push_back(eu(b + "differences_kt_co2e", k_kt, "[budget year] net emissions minus the 2016-2018 mean, 2026..2029",
                 r + "Art. 4(4)", "total_kt_co2e(y) - base", {D::budget_year}));
  s.push_back(eu(b + "sum_of_differences_kt_co2e", k_kt, "sum of the differences 2026-2029", r + "Art. 4(4)",
                 "sum of differences"));
  s.push_back(eu(b + "overshoot_kt_co2e", k_kt, "sum of the differences above the budget", r + "Art. 4(4), Art. 13c",
                 "max(0, sum_of_differences - budget)"));
  s.push_back(eu(b + "article_13c_addition_kt_co2e", k_kt,
                 "amount added to the 2030 figure for an overshoot of the budget",
                 r + "Art. 13c (as amended by "
                     "Reg. (EU) 2023/839)",
                 "1.08 x overshoot"));
  s.push_back(eu(b + "within_budget", "1", "1 if the sum of the differences stays within the budget",
                 r + "Art. 4(4), before the flexibilities of Art. 12 and 13b", "sum_of_differences <= budget"));

  const std::string t = "target_2030/";
  s.push_back(eu(t + "annex_iia_average_2016_2018_kt_co2e", k_kt + std::string(" yr-1"),
                 "Annex IIa column B: mean 2016-2018 of the 2020 submission (parameter eu.annex_iia.average_2016_2018)",
                 r + "Annex IIa column B", "parameter"));
  s.push_back(eu(t + "annex_iia_target_change_kt_co2e", k_kt + std::string(" yr-1"),
                 "Annex IIa column C: the 2030 target as a change from the 2016-2018 mean (parameter "
                 "eu.annex_iia.target_change)",
                 r + "Art. 4(3), Annex IIa column C", "parameter"));
  s.push_back(eu(t + "annex_iia_value_2030_kt_co2e", k_kt + std::string(" yr-1"),
                 "Annex IIa column D: the 2030 value, B + C (parameter eu.annex_iia.value_2030)",
                 r + "Annex IIa column D", "parameter"));
  s.push_back(eu(t + "base_2016_2018_kt_co2e", k_kt + std::string(" yr-1"),
                 "mean net emissions 2016-2018 of this run (the inventory's own series)", r + "Art. 4(3)",
                 "mean 2016..2018 of total_kt_co2e"));
  s.push_back(eu(t + "net_2030_kt_co2e", k_kt, "net emissions 2030 over all land reporting categories", r + "Art. 4(3)",
                 "total_kt_co2e(2030)"));
  s.push_back(eu(t + "difference_2030_kt_co2e", k_kt, "net emissions 2030 minus the 2016-2018 mean", r + "Art. 4(3)",
                 "net_2030 - base"));
  s.push_back(eu(t + "compliance_figure_kt_co2e", k_kt, "difference 2030 plus the Article 13c addition",
                 r + "Art. 4(3), Art. 13c", "difference_2030 + article_13c_addition"));
  s.push_back(eu(t + "gap_kt_co2e", k_kt, "compliance figure minus the target (positive: the target is missed by this)",
                 r + "Art. 4(3)", "compliance_figure - C"));
  s.push_back(eu(t + "target_met", "1", "1 if the 2030 target is met",
                 r + "Art. 4(3), before the flexibilities of "
                     "Art. 12 and 13b",
                 "compliance_figure <= C"));

  // ---- /ensemble and /uncertainty (ensemble runs, docs/uncertainty.md) ---------------------------
  {
    const auto opt = [&s](DatasetSpec d) {
      d.optional = true;
      s.push_back(std::move(d));
    };
    opt(text("/ensemble/scenarios", D::scenario, "scenario entries of the ensemble, in entry order"));
    opt(data("/ensemble/draws", T::i64, {}, "1", "Monte Carlo draws N per entry (0: scenarios only)"));
    opt(data("/ensemble/member_count", T::i64, {}, "1", "members of the whole ensemble: entries x (N + 1)"));
    opt(data("/ensemble/members/index", T::i64, {D::member}, "1", "member index k = entry x (N + 1) + draw",
             "every member of an ensemble run; the one member of a --member run"));
    opt(text("/ensemble/members/scenario", D::member, "the member's scenario entry"));
    opt(text("/ensemble/members/climate", D::member, "the entry's KNMI'23 climate scenario"));
    opt(text("/ensemble/members/measures", D::member, "the entry's measure files, space-separated"));
    opt(data("/ensemble/members/draw", T::i64, {D::member}, "1", "the member's draw (0: the central estimate)"));
    opt(text("/ensemble/parameter_names", D::sampled, "sampled quantities, in plan order (with draws only)"));
    opt(f64("/ensemble/parameters", {D::member, D::sampled}, "",
            "the value each member used of each sampled quantity (units: /provenance/parameters/unit)"));
    opt(f64("/ensemble/net_kt_co2e", {D::member, D::year, D::category}, k_kt,
            "net emissions per member, year and category, as /inventory/net_kt_co2e of the member alone"));
    opt(f64("/ensemble/total_kt_co2e", {D::member, D::year}, k_kt, "total LULUCF net emissions per member"));
    opt(text("/ensemble/eu_tests", D::eu_test, "the EU compliance tests, as paths under /eu_accounting"));
    opt(f64("/ensemble/eu_compliance", {D::member, D::eu_test}, "1",
            "per member, 1 if the test is met, 0 if not, NaN if the run does not cover its years"));

    const std::vector<std::pair<std::string, std::string>> stats = {
        {"mean", "mean over draws 1..N"},
        {"median", "median over draws 1..N"},
        {"p2_5", "2.5 % percentile over draws 1..N (type 7)"},
        {"p97_5", "97.5 % percentile over draws 1..N (type 7)"},
        {"uncertainty_percent", "IPCC Approach 2 uncertainty: 100 (p97.5 - p2.5) / 2 / |mean| (NaN: mean 0)"},
        {"lower_percent", "100 (mean - p2.5) / |mean|"},
        {"upper_percent", "100 (p97.5 - mean) / |mean|"}};
    for (const auto& [suffix, what] : stats) {
      const bool pct = suffix.find("percent") != std::string::npos;
      const std::string units = pct ? "%" : k_kt;
      opt(f64("/uncertainty/net_kt_co2e_" + suffix, {D::scenario, D::year, D::category}, units,
              "net emissions per scenario entry, year and category: " + what,
              suffix == "p2_5" ? "`polder report --uncertainty` prints mean and this interval" : ""));
      opt(f64("/uncertainty/total_kt_co2e_" + suffix, {D::scenario, D::year}, units,
              "total LULUCF net emissions: " + what,
              suffix == "p2_5" ? "`polder report --html` draws the band of the first entry" : ""));
      opt(f64("/uncertainty/trend_net_kt_co2e_" + suffix, {D::scenario, D::year, D::category}, units,
              "trend since the base year (value(year) - value(base year), per member): " + what));
      opt(f64("/uncertainty/trend_total_kt_co2e_" + suffix, {D::scenario, D::year}, units,
              "trend of the total since the base year: " + what));
    }
    opt(data("/uncertainty/trend_base_year", T::i32, {}, "year", "base year of the trends (1990 if inventoried)"));
    opt(f64("/uncertainty/eu_compliance_share", {D::scenario, D::eu_test}, "1",
            "share of draws 1..N that meet each EU test, among those for which it is determined (NaN: none)"));
    opt(data("/uncertainty/eu_compliance_determined", T::i64, {D::scenario, D::eu_test}, "1",
             "draws for which each EU test is determined"));
    opt(data("/uncertainty/convergence/draws", T::i64, {D::draw}, "1", "number of draws n, 1..N"));
    opt(f64("/uncertainty/convergence/total_kt_co2e_mean", {D::scenario, D::draw, D::year}, k_kt,
            "running mean of the total after n draws"));
    opt(f64("/uncertainty/convergence/total_kt_co2e_p2_5", {D::scenario, D::draw, D::year}, k_kt,
            "running 2.5 % percentile of the total after n draws"));
    opt(f64("/uncertainty/convergence/total_kt_co2e_p97_5", {D::scenario, D::draw, D::year}, k_kt,
            "running 97.5 % percentile of the total after n draws"));
    opt(data("/uncertainty/convergence/converged", T::i32, {D::scenario, D::year}, "1",
             "1 if mean, p2.5 and p97.5 of the total stayed within the tolerance over the last window draws"));
    opt(data("/uncertainty/convergence/converged_at", T::i64, {D::scenario, D::year}, "1",
             "first n at which the rule held (0: never)"));
    opt(f64("/uncertainty/convergence/last_change_percent", {D::scenario, D::year}, "%",
            "largest relative change of the three statistics over the last window (NaN: N <= window)"));
    opt(f64("/uncertainty/convergence/tolerance_percent", {}, "%", "ensemble.tolerance"));
    opt(data("/uncertainty/convergence/window", T::i64, {}, "1", "ensemble.convergence_window"));
    opt(f64("/uncertainty/sensitivity_net_kt_co2e", {D::scenario, D::category, D::sampled}, "1",
            "Spearman rank correlation of each category's net emissions in the last year with each sampled quantity",
            "over draws 1..N; NaN where either is constant"));
    opt(f64("/uncertainty/sensitivity_total_kt_co2e", {D::scenario, D::sampled}, "1",
            "Spearman rank correlation of the total in the last year with each sampled quantity"));
  }

  // ---- /measures (runs with policy measures) ----------------------------------------------------
  {
    const auto opt = [&s](DatasetSpec d) {
      d.optional = true;
      s.push_back(std::move(d));
    };
    opt(text("/measures/ids", D::measure, "measure ids ([measure.<id>] of the config)"));
    opt(text("/measures/names", D::measure, "measure labels"));
    opt(text("/measures/actions", D::measure, "what each measure does (docs/scenarios.md)"));
    opt(text("/measures/sources", D::measure, "source of each measure's figures"));
    opt(text("/measures/files", D::measure, "measure file that defined it"));
    opt(text("/measures/shortfall", D::measure, "what the qualifying area could not meet ('' if met)",
             "non-empty only with shortfall = warn; otherwise a shortfall stops the run"));
    opt(text("/measures/target_sources", D::measure, "source of the programme targets"));
    opt(data("/measures/start_year", T::i32, {D::measure}, "year", "first year cells enter the measure"));
    opt(data("/measures/target_year", T::i32, {D::measure}, "year", "year the measure's area is reached"));
    opt(f64("/measures/qualifying_ha", {D::measure}, "ha", "area where the measure may act"));
    opt(f64("/measures/requested_ha", {D::measure}, "ha", "the measure's area by its target year"));
    opt(f64("/measures/planned_ha", {D::measure}, "ha", "area taken by the target year"));
    opt(f64("/measures/planted_ha", {D::measure}, "ha", "area taken by the run's last year"));
    opt(f64("/measures/established_ha", {D::measure}, "ha", "of it established (survival)"));
    opt(f64("/measures/taken_earlier_ha", {D::measure}, "ha",
            "qualifies, but earlier measures (config order) took it"));
    opt(f64("/measures/target_area_ha", {D::measure}, "ha", "the programme's area target (NaN: none)"));
    opt(f64("/measures/target_kt_co2e", {D::measure}, k_kt,
            "the programme's target effect on net emissions in target_effect_year (NaN: none)",
            "compare with `polder compare BASE OTHER` (the effect needs a run without the measure)"));
    opt(data("/measures/target_effect_year", T::i32, {D::measure}, "year", "year of the effect target (0: none)"));
    opt(f64("/measures/area_ha", {D::year, D::measure}, "ha", "area of the measure's active cells"));
    opt(f64("/measures/net_kt_co2e", {D::year, D::measure}, k_kt,
            "net emissions of the measure's active cells (all their books, CO2 + CH4 + N2O)"));
    opt(f64("/measures/co2_kt", {D::year, D::measure}, "kt CO2", "net CO2 of the measure's cells"));
    opt(f64("/measures/ch4_kt", {D::year, D::measure}, "kt CH4", "CH4 of the measure's cells"));
    opt(f64("/measures/n2o_kt", {D::year, D::measure}, "kt N2O", "N2O of the measure's cells (LULUCF part)"));
    opt(f64("/measures/mineral_soils_kt_c", {D::year, D::measure}, "kt C", "mineral-soil carbon change (gain +)"));
    opt(f64("/measures/organic_soils_kt_c", {D::year, D::measure}, "kt C", "organic-soil carbon change (gain +)"));
    opt(f64("/measures/living_biomass_kt_c", {D::year, D::measure}, "kt C", "living-biomass carbon change (gain +)"));
  }
  // ---- /projection (land use after the last map) ------------------------------------------------
  {
    const auto opt = [&s](DatasetSpec d) {
      d.optional = true;
      s.push_back(std::move(d));
    };
    opt(data("/projection/enabled", T::i32, {}, "1", "1 if land use keeps changing after the last map"));
    opt(data("/projection/from_year", T::i32, {}, "year", "map year the conversion rates are measured from"));
    opt(data("/projection/to_year", T::i32, {}, "year", "map year they are measured to"));
    opt(data("/projection/first_year", T::i32, {}, "year", "first projected year"));
    opt(f64("/projection/rate_per_yr", {D::province, D::land_use, D::land_use}, "yr-1",
            "conversion rate per year from a class (rows) to a class (columns), per province",
            "n(p, a -> b) / n(p, a) / (to_year - from_year); fixed classes 0 (docs/method.md)"));
    opt(data("/projection/cells", T::i64, {D::province, D::land_use, D::land_use}, "cells",
             "cells of class a at from_year that were class b at to_year"));
    opt(text("/projection/land_use_classes", D::land_use, "order of the land-use axes"));
  }

  // ---- /provenance ------------------------------------------------------------------------------
  s.push_back(text("/provenance/config", D::one, "effective configuration (INI), with the origin of each value"));
  s.push_back(text("/provenance/inputs/role", D::input, "", "input stack, climate"));
  s.push_back(text("/provenance/inputs/path", D::input, "", "path as given"));
  s.push_back(text("/provenance/inputs/digest", D::input, "sha256-tree-64MiB of each input file"));
  s.push_back(text("/provenance/parameters/name", D::parameter, "", "every science parameter used"));
  s.push_back(f64("/provenance/parameters/value", {D::parameter}, "", "", "in the unit of parameters/unit"));
  s.push_back(f64("/provenance/parameters/low", {D::parameter}, "", "lower end of the uncertainty range"));
  s.push_back(f64("/provenance/parameters/high", {D::parameter}, "", "upper end of the uncertainty range"));
  s.push_back(text("/provenance/parameters/unit", D::parameter, "", "unit of each value"));
  s.push_back(
      text("/provenance/parameters/source", D::parameter, "", "source of each value (paper, table, or 'assumption')"));
  s.push_back(text("/provenance/parameters/file", D::parameter, "", "the parameter file that defined it"));
  return s;
}

std::string type_name(ValueType t) {
  switch (t) {
    case ValueType::f64:
      return "float64";
    case ValueType::i32:
      return "int32";
    case ValueType::i64:
      return "int64";
    case ValueType::text:
      return "string";
  }
  return "?";
}

std::string escape_cell(const std::string& s) {
  std::string out;
  for (const char c : s) {
    if (c == '|')
      out += "\\|";
    else
      out += c;
  }
  return out;
}

}  // namespace

const std::vector<DatasetSpec>& inventory_schema() {
  static const std::vector<DatasetSpec> table = build();
  return table;
}

const std::vector<GroupAttribute>& group_attributes() {
  static const std::vector<GroupAttribute> table = {
      {"/inventory", "gwp", "AR5 GWP100: CO2 1, CH4 28, N2O 265"},
      {"/inventory", "sign_convention", "emissions positive, removals negative"},
      {"/eu_accounting", "regulation",
       "Regulation (EU) 2018/841 as amended by Regulation (EU) 2023/839; categories mapped as Implementing "
       "Regulation (EU) 2020/1208 Annex XX"},
      {"/eu_accounting", "sign_convention", "emissions positive, removals negative; kt CO2-eq, AR5 GWP100"},
      {"/eu_accounting", "not_applied",
       "natural disturbances (Art. 10), the flexibilities of Art. 11-13b and technical corrections are not applied"},
      {"/eu_accounting", "missing_values",
       "a term whose years or parameters the run lacks is NaN with status = missing and the missing years or "
       "parameters in its attributes"},
  };
  return table;
}

const DatasetSpec* find_spec(std::string_view path) {
  for (const auto& s : inventory_schema())
    if (s.path == path) return &s;
  return nullptr;
}

const DatasetSpec& spec(std::string_view path) {
  const DatasetSpec* s = find_spec(path);
  POLDER_VERIFY(s != nullptr, "no dataset ", std::string(path), " in the inventory schema");
  return *s;
}

std::optional<std::size_t> fixed_size(Dim d) {
  switch (d) {
    case Dim::category:
      return model::k_crt_categories;
    case Dim::row:
      return model::k_conversion_rows;
    case Dim::land_category:
      return model::k_land_categories;
    case Dim::province:
      return model::k_provinces;
    case Dim::product:
      return 3;
    case Dim::quantity:
      return model::k_quantities;
    case Dim::accounting_category:
      return k_accounting_categories;
    case Dim::hwp_origin:
      return k_hwp_origins;
    case Dim::budget_year:
      return 4;
    case Dim::one:
      return 1;
    case Dim::land_use:
      return model::k_land_use_classes;
    case Dim::eu_test:
      return k_compliance_tests.size();
    case Dim::wetland_subrow:
      return model::k_wetland_subrows;
    case Dim::year:
    case Dim::input:
    case Dim::parameter:
    case Dim::measure:
    case Dim::member:
    case Dim::scenario:
    case Dim::sampled:
    case Dim::draw:
      return std::nullopt;
  }
  return std::nullopt;
}

std::string_view dim_label(Dim d) {
  switch (d) {
    case Dim::year:
      return "year";
    case Dim::category:
      return "category";
    case Dim::row:
      return "row";
    case Dim::land_category:
      return "land category";
    case Dim::province:
      return "province";
    case Dim::product:
      return "product";
    case Dim::quantity:
      return "quantity";
    case Dim::accounting_category:
      return "accounting category";
    case Dim::hwp_origin:
      return "origin";
    case Dim::budget_year:
      return "budget year";
    case Dim::input:
      return "input";
    case Dim::parameter:
      return "parameter";
    case Dim::one:
      return "1";
    case Dim::measure:
      return "measure";
    case Dim::land_use:
      return "land use";
    case Dim::member:
      return "member";
    case Dim::scenario:
      return "scenario";
    case Dim::sampled:
      return "sampled";
    case Dim::draw:
      return "draw";
    case Dim::eu_test:
      return "EU test";
    case Dim::wetland_subrow:
      return "4.D sub-row";
  }
  return "?";
}

std::string shape_text(const DatasetSpec& s) {
  std::string out = type_name(s.type);
  if (s.dims.empty()) return out + " scalar";
  out += ' ';
  for (const Dim d : s.dims) {
    const auto n = fixed_size(d);
    // A fixed-size string list reads better with its length; everything else names its axes.
    out += '[';
    if (s.type == ValueType::text && n && d != Dim::one) {
      out += std::to_string(*n);
    } else {
      out += dim_label(d);
    }
    out += ']';
  }
  return out;
}

std::vector<std::size_t> expected_shape(const DatasetSpec& s, const RunDims& dims) {
  std::vector<std::size_t> out;
  for (const Dim d : s.dims) {
    if (const auto n = fixed_size(d)) {
      out.push_back(*n);
    } else if (d == Dim::year) {
      out.push_back(dims.years);
    } else if (d == Dim::input) {
      out.push_back(dims.inputs);
    } else if (d == Dim::measure) {
      out.push_back(dims.measures);
    } else if (d == Dim::member) {
      out.push_back(dims.members);
    } else if (d == Dim::scenario) {
      out.push_back(dims.scenarios);
    } else if (d == Dim::sampled) {
      out.push_back(dims.sampled);
    } else if (d == Dim::draw) {
      out.push_back(dims.draws);
    } else {
      out.push_back(dims.parameters);
    }
  }
  return out;
}

std::string check_dataset(const DatasetSpec& s, const Dataset& d, const RunDims& dims) {
  const bool int_spec = s.type == ValueType::i32 || s.type == ValueType::i64;
  const bool int_data = d.type == ValueType::i32 || d.type == ValueType::i64;
  if (d.type != s.type && !(int_spec && int_data)) return cat("is ", type_name(d.type), ", expected ", shape_text(s));
  const auto want = expected_shape(s, dims);
  if (d.shape != want) {
    std::ostringstream os;
    os << "has shape [";
    for (std::size_t i = 0; i < d.shape.size(); ++i) os << (i ? " x " : "") << d.shape[i];
    os << "], expected [";
    for (std::size_t i = 0; i < want.size(); ++i) os << (i ? " x " : "") << want[i];
    os << "] (" << shape_text(s) << ")";
    return os.str();
  }
  const std::size_t n = d.size();
  const std::size_t have = d.type == ValueType::f64 ? d.f64.size() : int_data ? d.ints.size() : d.text.size();
  if (have != n) return cat("holds ", have, " values for its shape of ", n);
  return {};
}

std::vector<std::string> schema_groups() {
  std::vector<std::string> out;
  for (const auto& s : inventory_schema()) {
    const std::string g = s.path.substr(0, s.path.find('/', 1));
    if (out.empty() || out.back() != g) out.push_back(g);
  }
  return out;
}

std::string schema_markdown(std::string_view group) {
  const std::string prefix = std::string(group) + "/";
  bool legal = false;
  for (const auto& s : inventory_schema())
    if (s.path.rfind(prefix, 0) == 0 && !s.legal_source.empty()) legal = true;
  std::ostringstream os;
  os << "| Dataset | Shape | Units | Meaning |" << (legal ? " Legal source | Formula |" : "") << '\n';
  os << "|---|---|---|---|" << (legal ? "---|---|" : "") << '\n';
  for (const auto& s : inventory_schema()) {
    if (s.path.rfind(prefix, 0) != 0) continue;
    std::string meaning = s.description;
    if (!s.note.empty()) meaning += meaning.empty() ? s.note : "; " + s.note;
    if (s.optional) meaning += " (optional)";
    os << "| `" << s.path.substr(prefix.size()) << "` | " << shape_text(s) << " | " << escape_cell(s.units) << " | "
       << escape_cell(meaning) << " |";
    if (legal) os << ' ' << escape_cell(s.legal_source) << " | " << escape_cell(s.formula) << " |";
    os << '\n';
  }
  return os.str();
}

}  // namespace polder::reporting
