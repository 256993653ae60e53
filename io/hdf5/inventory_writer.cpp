#include "io/hdf5/inventory_writer.hpp"

#include <unistd.h>
#include <filesystem>

#include "io/hdf5/h5_file.hpp"
#include "solver/core/error.hpp"
#include "solver/model/crt_rows.hpp"
#include "solver/model/inventory_tables.hpp"

namespace polder::io {
namespace {

namespace fs = std::filesystem;
using model::Quantity;

constexpr int k_rows = model::k_conversion_rows;
constexpr int k_cats = model::k_land_categories;

/// Sum over provinces of one quantity of one row.
double national(const model::YearTotals& y, int row, Quantity q) {
  double v = 0.0;
  for (int p = 0; p < model::k_provinces; ++p) v += y.value(p, row, q);
  return v;
}

void write_tables(H5File& f, const std::vector<model::YearTotals>& years) {
  const auto ny = static_cast<hsize_t>(years.size());
  std::vector<std::int32_t> year_values;
  for (const auto& y : years) year_values.push_back(y.year);

  // ---- /inventory: the summary per CRT category -------------------------------------------------
  f.write<std::int32_t>("/inventory/years", {ny}, year_values, "year", "inventory years");
  std::vector<std::string> codes, names;
  for (int c = 0; c < model::k_crt_categories; ++c) {
    codes.emplace_back(model::k_crt_codes[static_cast<std::size_t>(c)]);
    names.emplace_back(model::k_crt_names[static_cast<std::size_t>(c)]);
  }
  f.write_strings("/inventory/categories", codes, "CRT categories of sector 4 (LULUCF)");
  f.write_strings("/inventory/category_names", names, "names of /inventory/categories");
  std::vector<double> net, co2, ch4, n2o, total;
  for (const auto& y : years) {
    const auto cat = model::category_co2e_kt(y);
    double sum = 0.0;
    std::array<double, model::k_crt_categories> c2{}, c4{}, n2{};
    for (int row = 0; row < k_rows; ++row) {
      const auto g = model::national_row(y, row);
      const auto c = static_cast<std::size_t>(model::row_to(row));
      c2[c] += g.co2_t * 1e-3;
      c4[c] += g.ch4_t * 1e-3;
      n2[c] += g.n2o_t * 1e-3;
    }
    c2[model::k_crt_hwp] = model::hwp_co2_t(y) * 1e-3;
    for (std::size_t c = 0; c < cat.size(); ++c) {
      net.push_back(cat[c]);
      co2.push_back(c2[c]);
      ch4.push_back(c4[c]);
      n2o.push_back(n2[c]);
      sum += cat[c];
    }
    total.push_back(sum);
  }
  const hsize_t nc = model::k_crt_categories;
  f.write<double>("/inventory/net_kt_co2e", {ny, nc}, net, "kt CO2-eq",
                  "net emissions (+) / removals (-) per category, CO2 + CH4 + N2O, AR5 GWP100");
  f.write<double>("/inventory/total_kt_co2e", {ny}, total, "kt CO2-eq", "total LULUCF net emissions");
  f.write<double>("/inventory/co2_kt", {ny, nc}, co2, "kt CO2", "net CO2 per category");
  f.write<double>("/inventory/ch4_kt", {ny, nc}, ch4, "kt CH4", "CH4 per category");
  f.write<double>("/inventory/n2o_kt", {ny, nc}, n2o, "kt N2O", "N2O per category");
  f.set_attr("/inventory", "gwp", std::string("AR5 GWP100: CO2 1, CH4 28, N2O 265"));
  f.set_attr("/inventory", "sign_convention", std::string("emissions positive, removals negative"));

  // ---- /crt: every row (remaining / converted from), pools and gases ------------------------------
  std::vector<std::string> row_codes, row_names;
  for (int row = 0; row < k_rows; ++row) {
    row_codes.push_back(model::crt_row_code(row));
    row_names.push_back(model::crt_row_name(row));
  }
  f.write_strings("/crt/rows", row_codes, "CRT rows: category (to) x previous category (from); row = to*6 + from");
  f.write_strings("/crt/row_names", row_names, "names of /crt/rows");
  const auto per_row = [&](const std::string& name, const std::string& units, const std::string& description,
                           auto&& value) {
    std::vector<double> v;
    for (const auto& y : years)
      for (int row = 0; row < k_rows; ++row) v.push_back(value(y, row));
    f.write<double>("/crt/" + name, {ny, static_cast<hsize_t>(k_rows)}, v, units, description);
  };
  const auto kilo = [](Quantity q) {
    return [q](const model::YearTotals& y, int row) { return national(y, row, q) * 1e-3; };
  };
  per_row("area_kha", "kha", "area at the end of the year", kilo(Quantity::area_ha));
  per_row("organic_area_kha", "kha", "of which on organic soils", kilo(Quantity::organic_area_ha));
  per_row("living_biomass_gains_kt_c", "kt C", "carbon stock change, living biomass: gains",
          kilo(Quantity::lb_gain_tc));
  per_row("living_biomass_losses_kt_c", "kt C", "carbon stock change, living biomass: losses (negative)",
          [](const model::YearTotals& y, int row) { return -national(y, row, Quantity::lb_loss_tc) * 1e-3; });
  per_row("dead_wood_kt_c", "kt C", "net carbon stock change, dead wood", kilo(Quantity::dead_wood_tc));
  per_row("litter_kt_c", "kt C", "net carbon stock change, litter", kilo(Quantity::litter_tc));
  per_row("mineral_soils_kt_c", "kt C", "net carbon stock change, mineral soils", kilo(Quantity::mineral_soil_tc));
  per_row("organic_soils_kt_c", "kt C", "net carbon stock change, organic soils", kilo(Quantity::organic_soil_tc));
  per_row("net_stock_change_kt_c", "kt C", "sum of the carbon stock changes (gain +)",
          [](const model::YearTotals& y, int row) { return model::national_row(y, row).stock_change_tc * 1e-3; });
  per_row("co2_kt", "kt CO2", "net CO2 (emission +)",
          [](const model::YearTotals& y, int row) { return model::national_row(y, row).co2_t * 1e-3; });
  per_row("ch4_kt", "kt CH4", "CH4",
          [](const model::YearTotals& y, int row) { return model::national_row(y, row).ch4_t * 1e-3; });
  per_row("n2o_kt", "kt N2O", "N2O",
          [](const model::YearTotals& y, int row) { return model::national_row(y, row).n2o_t * 1e-3; });
  per_row("net_kt_co2e", "kt CO2-eq", "net emissions per row, AR5 GWP100",
          [](const model::YearTotals& y, int row) { return model::national_row(y, row).co2e_t() * 1e-3; });

  // Table 4.1: land transition matrix (category last year -> this year).
  std::vector<double> matrix;
  for (const auto& y : years)
    for (int from = 0; from < k_cats; ++from)
      for (int to = 0; to < k_cats; ++to) {
        double v = 0.0;
        for (int p = 0; p < model::k_provinces; ++p)
          v += static_cast<double>(y.transitions[model::transition_index(p, from, to)]) * model::k_ledger_quantum;
        matrix.push_back(v * 1e-3);
      }
  f.write<double>("/crt/table_4_1/area_kha", {ny, k_cats, k_cats}, matrix, "kha",
                  "land transition matrix: [year][initial category (previous year)][final category]");
  std::vector<std::string> cat_names(model::k_land_category_names.begin(), model::k_land_category_names.end());
  f.write_strings("/crt/table_4_1/categories", cat_names, "order of both matrix axes");

  // Tables 4(II), 4(III), 4(V) per land category.
  const auto per_category = [&](const std::string& name, const std::string& units, const std::string& description,
                                Quantity q, double scale) {
    std::vector<double> v;
    for (const auto& y : years) {
      std::array<double, k_cats> c{};
      for (int row = 0; row < k_rows; ++row) c[static_cast<std::size_t>(model::row_to(row))] += national(y, row, q);
      for (const double x : c) v.push_back(x * scale);
    }
    f.write<double>(name, {ny, k_cats}, v, units, description);
  };
  per_category("/crt/table_4_II/drained_organic_area_kha", "kha", "organic soils (drained and rewetted) per category",
               Quantity::organic_area_ha, 1e-3);
  per_category("/crt/table_4_II/rewetted_area_kha", "kha", "rewetted organic soils", Quantity::rewetted_area_ha, 1e-3);
  per_category("/crt/table_4_II/doc_co2_kt", "kt CO2", "off-site CO2 from dissolved organic carbon", Quantity::doc_tc,
               model::k_co2_per_c * 1e-3);
  per_category("/crt/table_4_II/ch4_kt", "kt CH4", "CH4 from drained and rewetted organic soils incl. ditches",
               Quantity::ch4_organic_t, 1e-3);
  per_category("/crt/table_4_II/n2o_kt", "kt N2O", "N2O from drained organic soils", Quantity::n2o_organic_t, 1e-3);
  per_category("/crt/table_4_III/n2o_kt", "kt N2O", "N2O from N mineralised with soil organic matter loss",
               Quantity::n2o_mineralisation_t, 1e-3);
  per_category("/crt/table_4_V/burnt_area_ha", "ha", "area burnt by wildfire", Quantity::burnt_area_ha, 1.0);
  per_category("/crt/table_4_V/co2_kt", "kt CO2", "memo: CO2 from wildfire (included in the stock losses)",
               Quantity::fire_co2_t, 1e-3);
  per_category("/crt/table_4_V/ch4_kt", "kt CH4", "CH4 from wildfire", Quantity::ch4_fire_t, 1e-3);
  per_category("/crt/table_4_V/n2o_kt", "kt N2O", "N2O from wildfire", Quantity::n2o_fire_t, 1e-3);
  per_category("/crt/wetlands/ch4_kt", "kt CH4", "CH4 from open water, marshes and other wetlands",
               Quantity::ch4_wetland_t, 1e-3);
  per_category("/crt/table_4_II/n2o_agriculture_memo_kt", "kt N2O",
               "memo: N2O from drained organic soils of cropland and grassland, reported in Agriculture (CRT 3.D.a.6), "
               "not in the LULUCF totals",
               Quantity::n2o_organic_agri_t, 1e-3);
  per_category("/crt/table_4_II/peat_area_kha", "kha", "of the organic soils: peat soils (veengrond, >= 40 cm peat)",
               Quantity::peat_area_ha, 1e-3);
  per_category("/crt/mineral_soils_climate_memo_kt_c", "kt C",
               "memo: part of the mineral-soil stock change caused by the climate response (0 in inventory mode)",
               Quantity::mineral_climate_tc, 1e-3);
  per_category("/crt/forest/increment_mm3", "Mm3",
               "gross stem-volume increment (forest land; wooded patches under grassland)", Quantity::increment_m3,
               1e-6);
  per_category("/crt/forest/fellings_mm3", "Mm3", "fellings (thinning and final felling), stem volume",
               Quantity::fellings_m3, 1e-6);
  per_category("/crt/forest/standing_volume_mm3", "Mm3", "standing stem volume at the end of the year",
               Quantity::standing_volume_m3, 1e-6);

  // Table 4.G: harvested wood products.
  std::vector<double> inflow, stock, decay, hwp_net;
  for (const auto& y : years) {
    for (int k = 0; k < 3; ++k) {
      inflow.push_back(y.hwp.inflow_tc[k] * 1e-3);
      stock.push_back(y.hwp.stock_tc[k] * 1e-3);
      decay.push_back(y.hwp.decay_tc[k] * 1e-3);
    }
    hwp_net.push_back(model::hwp_co2_t(y) * 1e-3);
  }
  f.write_strings("/crt/table_4_G/products", {"sawnwood", "wood-based panels", "paper and paperboard"});
  f.write<double>("/crt/table_4_G/inflow_kt_c", {ny, 3}, inflow, "kt C", "carbon entering the HWP pools");
  f.write<double>("/crt/table_4_G/stock_kt_c", {ny, 3}, stock, "kt C", "HWP pool at the end of the year");
  f.write<double>("/crt/table_4_G/decay_kt_c", {ny, 3}, decay, "kt C", "carbon leaving the pools (first-order decay)");
  f.write<double>("/crt/table_4_G/net_co2_kt", {ny}, hwp_net, "kt CO2", "net CO2 of HWP (removal -)");

  // ---- /provinces --------------------------------------------------------------------------------
  std::vector<std::string> prov(model::k_province_names.begin() + 1, model::k_province_names.end());
  f.write_strings("/provinces/names", prov, "CBS provinces PV20..PV31");
  std::vector<double> pnet, parea;
  for (const auto& y : years)
    for (int p = 0; p < model::k_provinces; ++p) {
      const auto c = model::category_co2e_kt(y, p);
      for (int k = 0; k < model::k_crt_categories; ++k) pnet.push_back(c[static_cast<std::size_t>(k)]);
      std::array<double, k_cats> area{};
      for (int row = 0; row < k_rows; ++row)
        area[static_cast<std::size_t>(model::row_to(row))] += y.value(p, row, Quantity::area_ha) * 1e-3;
      parea.insert(parea.end(), area.begin(), area.end());
    }
  f.write<double>("/provinces/net_kt_co2e", {ny, model::k_provinces, nc}, pnet, "kt CO2-eq",
                  "[year][province][category]; 4.G is national and zero here");
  f.write<double>("/provinces/area_kha", {ny, model::k_provinces, k_cats}, parea, "kha",
                  "[year][province][land category]");

  // ---- /ledger: the full reduced ledger, for analysis ---------------------------------------------
  std::vector<double> ledger;
  for (const auto& y : years)
    for (const auto v : y.ledger) ledger.push_back(static_cast<double>(v) * model::k_ledger_quantum);
  std::vector<std::string> qnames(model::k_quantity_keys.begin(), model::k_quantity_keys.end());
  f.write<double>("/ledger/values", {ny, model::k_provinces, static_cast<hsize_t>(k_rows), model::k_quantities}, ledger,
                  "t or ha (see /ledger/quantities)",
                  "[year][province][CRT row][quantity], exact integer sums in 1e-9 units");
  f.write_strings("/ledger/quantities", qnames, "quantity names; suffix gives the unit (t C, t gas, ha)");

  // ---- /diagnostics -------------------------------------------------------------------------------
  std::vector<double> balance, subsidence, depleted, water_table;
  std::vector<std::int64_t> ignitions, burnt;
  for (const auto& y : years) {
    balance.push_back(y.mass_balance_relative_error);
    double sub = 0.0, org = 0.0, dep = 0.0, wtd = 0.0, rewetted = 0.0;
    for (int row = 0; row < k_rows; ++row) {
      sub += national(y, row, Quantity::subsidence_cm_ha);
      org += national(y, row, Quantity::organic_area_ha);
      dep += national(y, row, Quantity::peat_depleted_ha);
      wtd += national(y, row, Quantity::wtd_cm_ha);
      rewetted += national(y, row, Quantity::rewetted_area_ha);
    }
    subsidence.push_back(org > 0.0 ? sub / org : 0.0);
    water_table.push_back(org - rewetted > 0.0 ? wtd / (org - rewetted) : 0.0);
    depleted.push_back(dep);
    ignitions.push_back(y.fire_ignitions);
    burnt.push_back(y.fire_cells);
  }
  f.write<double>("/diagnostics/mass_balance_relative_error", {ny}, balance, "1",
                  "|pool change - booked change| / carbon turnover, per year (must stay below 1e-9)");
  f.write<double>("/diagnostics/mean_subsidence_cm", {ny}, subsidence, "cm", "mean subsidence of organic soils");
  f.write<double>("/diagnostics/peat_depleted_ha", {ny}, depleted, "ha", "organic soil that became mineral");
  f.write<double>("/diagnostics/mean_water_table_depth_cm", {ny}, water_table, "cm",
                  "mean water-table depth of the drained organic soils");
  f.write<std::int64_t>("/diagnostics/fire_ignitions", {ny}, ignitions, "cells", "cells ignited");
  f.write<std::int64_t>("/diagnostics/fire_cells", {ny}, burnt, "cells", "cells burnt incl. spread");
}

void write_provenance(H5File& f, const Provenance& p) {
  f.create_group("/provenance");
  f.set_attr("/", "polder_file_kind", std::string("inventory"));
  f.set_attr("/", "polder_version", p.version);
  f.set_attr("/", "git_revision", p.git_revision);
  f.set_attr("/", "created_utc", p.created_utc);
  f.set_attr("/", "scenario", p.scenario);
  f.set_attr("/", "title", p.run_name);
  const std::string g = "/provenance";
  f.set_attr(g, "run_name", p.run_name);
  f.set_attr(g, "hostname", p.hostname);
  f.set_attr(g, "seed", static_cast<std::int64_t>(p.seed));
  f.set_attr(g, "start_year", std::int64_t{p.start_year});
  f.set_attr(g, "end_year", std::int64_t{p.end_year});
  f.set_attr(g, "tile_size", std::int64_t{p.tile_size});
  f.set_attr(g, "active_cells", p.active_cells);
  f.set_attr(g, "territory_kha", p.territory_kha);
  f.set_attr(g, "region", p.region);
  f.set_attr(g, "mpi_ranks", std::int64_t{p.ranks});
  f.set_attr(g, "omp_threads", std::int64_t{p.threads});
  f.set_attr(g, "wall_time_s", p.wall_time_s);
  f.set_attr(g, "years_time_s", p.years_time_s);
  f.set_attr(g, "load_time_s", p.load_time_s);
  f.set_attr(g, "initialise_time_s", p.initialise_time_s);
  const char* loop_parts[] = {"loop_land_use_s", "loop_fire_s", "loop_processes_s", "loop_reduce_s"};
  for (std::size_t k = 0; k < p.loop_parts_s.size() && k < 4; ++k) f.set_attr(g, loop_parts[k], p.loop_parts_s[k]);
  const char* load_parts[] = {"load_read_s", "load_check_s", "load_distribute_s"};
  for (std::size_t k = 0; k < p.load_parts_s.size() && k < 3; ++k) f.set_attr(g, load_parts[k], p.load_parts_s[k]);
  if (p.repeat_member_s > 0.0) {
    f.set_attr(g, "repeat_member_s", p.repeat_member_s);
    f.set_attr(g, "repeat_member_loop_s", p.repeat_member_loop_s);
    f.set_attr(g, "repeat_member_initialise_s", p.repeat_member_initialise_s);
  }
  f.set_attr(g, "peak_rss_bytes", p.peak_rss_bytes);
  f.set_attr(g, "state_bytes_per_cell", p.state_bytes_per_cell);
  f.set_attr(g, "restarted_from", p.restarted_from);
  f.set_attr(g, "digest_method", std::string("sha256-tree-64MiB"));
  f.write_strings(g + "/config", {p.config_text}, "effective configuration (INI), with the origin of each value");
  std::vector<std::string> roles, paths, digests;
  for (const auto& in : p.inputs) {
    roles.push_back(in.role);
    paths.push_back(in.path);
    digests.push_back(in.digest);
  }
  f.write_strings(g + "/inputs/role", roles);
  f.write_strings(g + "/inputs/path", paths);
  f.write_strings(g + "/inputs/digest", digests, "sha256-tree-64MiB of each input file");
  std::vector<std::string> names, units, sources, files;
  std::vector<double> values, low, high;
  for (const auto& q : p.parameters) {
    names.push_back(q.name);
    units.push_back(q.unit);
    sources.push_back(q.source);
    files.push_back(q.file);
    values.push_back(q.value);
    low.push_back(q.low);
    high.push_back(q.high);
  }
  const auto n = static_cast<hsize_t>(names.size());
  f.write_strings(g + "/parameters/name", names);
  f.write<double>(g + "/parameters/value", {n}, values);
  f.write<double>(g + "/parameters/low", {n}, low, "", "lower end of the uncertainty range");
  f.write<double>(g + "/parameters/high", {n}, high, "", "upper end of the uncertainty range");
  f.write_strings(g + "/parameters/unit", units);
  f.write_strings(g + "/parameters/source", sources);
  f.write_strings(g + "/parameters/file", files);
}

}  // namespace

void write_inventory(const std::string& path, const std::vector<model::YearTotals>& years, const Provenance& prov) {
  const fs::path final_path(path);
  const fs::path tmp = final_path.string() + ".partial-" + std::to_string(::getpid());
  try {
    {
      H5File f(tmp.string(), H5File::Mode::create);
      write_tables(f, years);
      write_provenance(f, prov);
      f.close();
    }
    fs::rename(tmp, final_path);
  } catch (...) {
    std::error_code ec;
    fs::remove(tmp, ec);
    throw;
  }
}

}  // namespace polder::io
