// polder report: print an inventory as tables or CSV.

#include <cstdio>
#include <iostream>
#include <sstream>

#include "io/config/suggest.hpp"
#include "io/hdf5/h5_file.hpp"
#include "solver/app/cli_options.hpp"
#include "solver/core/error.hpp"

namespace polder::app {
namespace {

struct Table {
  std::string title;
  std::string units;
  std::vector<std::string> columns;
  std::vector<std::string> row_labels;
  std::vector<std::vector<double>> values;  // [row][column]
};

void print(std::ostream& out, const Table& t, bool csv) {
  if (csv) {
    out << "# " << t.title << " (" << t.units << ")\n";
    out << "label";
    for (const auto& c : t.columns) out << ',' << c;
    out << '\n';
    for (std::size_t r = 0; r < t.row_labels.size(); ++r) {
      out << t.row_labels[r];
      for (const double v : t.values[r]) {
        char buf[32];
        std::snprintf(buf, sizeof buf, ",%.6g", v);
        out << buf;
      }
      out << '\n';
    }
    return;
  }
  out << '\n' << t.title << " [" << t.units << "]\n";
  std::size_t label_width = 6;
  for (const auto& l : t.row_labels) label_width = std::max(label_width, l.size());
  char buf[256];
  std::snprintf(buf, sizeof buf, "%-*s", static_cast<int>(label_width), "");
  out << buf;
  for (const auto& c : t.columns) {
    std::snprintf(buf, sizeof buf, " %10.10s", c.c_str());
    out << buf;
  }
  out << '\n';
  for (std::size_t r = 0; r < t.row_labels.size(); ++r) {
    std::snprintf(buf, sizeof buf, "%-*s", static_cast<int>(label_width), t.row_labels[r].c_str());
    out << buf;
    for (const double v : t.values[r]) {
      std::snprintf(buf, sizeof buf, " %10.2f", v);
      out << buf;
    }
    out << '\n';
  }
}

/// Rows = years, columns = the second dimension of a [year][k] dataset.
Table by_year(const io::H5File& f, const std::string& path, const std::vector<std::string>& columns,
              const std::string& title) {
  const auto years = f.read<std::int32_t>("/inventory/years");
  const auto data = f.read<double>(path);
  Table t;
  t.title = title;
  t.units = f.attr_string(path, "units").value_or("");
  t.columns = columns;
  const std::size_t k = columns.size();
  for (std::size_t y = 0; y < years.size(); ++y) {
    t.row_labels.push_back(std::to_string(years[y]));
    t.values.emplace_back(data.begin() + static_cast<std::ptrdiff_t>(y * k),
                          data.begin() + static_cast<std::ptrdiff_t>((y + 1) * k));
  }
  return t;
}

std::size_t year_index(const io::H5File& f, std::int32_t year) {
  const auto years = f.read<std::int32_t>("/inventory/years");
  for (std::size_t i = 0; i < years.size(); ++i)
    if (years[i] == year) return i;
  throw ConfigError(cat("--year ", year, " is not in the inventory (", years.front(), "..", years.back(), ")"));
}

}  // namespace

int cmd_report(const Args& args, const parallel::Comm& world) {
  po::options_description opts;
  std::string table = "summary", format = "table";
  std::int32_t year = 0;
  opts.add_options()("inventory", po::value<std::string>()->required(), "inventory file (HDF5) written by polder run")(
      "table,t", po::value(&table)->default_value("summary"),
      "summary | gases | crt | provinces | transitions | organic | fire | hwp | diagnostics")(
      "year,y", po::value(&year), "year for the per-year tables (crt, provinces, transitions); default: last")(
      "format,f", po::value(&format)->default_value("table"), "table | csv");
  po::positional_options_description pos;
  pos.add("inventory", 1);
  po::variables_map vm;
  if (!parse_command_line(
          "report",
          "Print an inventory as tables or CSV.\n  polder report FILE.h5 [--table T] [--year Y] [--format csv]", args,
          opts, vm, &pos, world))
    return 0;
  const std::vector<std::string> tables = {"summary", "gases", "crt", "provinces",  "transitions",
                                           "organic", "fire",  "hwp", "diagnostics"};
  if (std::find(tables.begin(), tables.end(), table) == tables.end())
    throw ConfigError(cat("--table '", table,
                          "' is not one of summary gases crt provinces transitions organic fire hwp diagnostics",
                          io::suggestion_suffix(table, tables)));
  if (format != "table" && format != "csv") throw ConfigError(cat("--format '", format, "' must be table or csv"));
  if (!world.is_root()) return 0;

  const std::string path = vm["inventory"].as<std::string>();
  const io::H5File f(path, io::H5File::Mode::read);
  if (f.attr_string("/", "polder_file_kind").value_or("") != "inventory")
    throw InputError(cat("'", path, "' is not a Polder inventory (no polder_file_kind = inventory)"));
  const bool csv = format == "csv";
  auto& out = std::cout;
  const auto categories = f.read_strings("/inventory/categories");
  const auto years = f.read<std::int32_t>("/inventory/years");
  if (!csv) {
    out << path << ": " << f.attr_string("/", "title").value_or("") << ", scenario "
        << f.attr_string("/", "scenario").value_or("") << ", Polder "
        << f.attr_string("/", "polder_version").value_or("") << " (" << f.attr_string("/", "git_revision").value_or("")
        << ")\n";
  }
  const std::size_t yi = vm.count("year") ? year_index(f, year) : years.size() - 1;
  const std::string ylabel = std::to_string(years[yi]);

  if (table == "summary") {
    auto t = by_year(f, "/inventory/net_kt_co2e", categories, "Net emissions (+) / removals (-) per CRT category");
    const auto total = f.read<double>("/inventory/total_kt_co2e");
    t.columns.push_back("total");
    for (std::size_t y = 0; y < t.values.size(); ++y) t.values[y].push_back(total[y]);
    print(out, t, csv);
  } else if (table == "gases") {
    print(out, by_year(f, "/inventory/co2_kt", categories, "Net CO2 per category"), csv);
    print(out, by_year(f, "/inventory/ch4_kt", categories, "CH4 per category"), csv);
    print(out, by_year(f, "/inventory/n2o_kt", categories, "N2O per category"), csv);
  } else if (table == "crt") {
    const auto rows = f.read_strings("/crt/rows");
    const auto names = f.read_strings("/crt/row_names");
    const std::vector<std::pair<std::string, std::string>> cols = {{"area_kha", "area kha"},
                                                                   {"living_biomass_gains_kt_c", "LB gain"},
                                                                   {"living_biomass_losses_kt_c", "LB loss"},
                                                                   {"dead_wood_kt_c", "dead wood"},
                                                                   {"litter_kt_c", "litter"},
                                                                   {"mineral_soils_kt_c", "mineral"},
                                                                   {"organic_soils_kt_c", "organic"},
                                                                   {"co2_kt", "CO2 kt"},
                                                                   {"ch4_kt", "CH4 kt"},
                                                                   {"n2o_kt", "N2O kt"},
                                                                   {"net_kt_co2e", "kt CO2e"}};
    Table t;
    t.title = "CRT tables 4.A-4.F, " + ylabel + ": areas, carbon stock changes (kt C, gain +) and gases";
    t.units = "as in column names";
    for (const auto& c : cols) t.columns.push_back(c.second);
    std::vector<std::vector<double>> data;
    for (const auto& c : cols) data.push_back(f.read<double>("/crt/" + c.first));
    const std::size_t n = rows.size();
    for (std::size_t r = 0; r < n; ++r) {
      std::vector<double> v;
      for (const auto& d : data) v.push_back(d[yi * n + r]);
      bool empty = true;
      for (const double x : v) empty = empty && x == 0.0;
      if (empty) continue;
      t.row_labels.push_back(rows[r] + " " + names[r]);
      t.values.push_back(v);
    }
    print(out, t, csv);
  } else if (table == "provinces") {
    const auto names = f.read_strings("/provinces/names");
    const auto data = f.read<double>("/provinces/net_kt_co2e");
    Table t;
    t.title = "Net emissions per province and category, " + ylabel;
    t.units = "kt CO2-eq";
    t.columns = categories;
    const std::size_t np = names.size(), nc = categories.size();
    for (std::size_t p = 0; p < np; ++p) {
      t.row_labels.push_back(names[p]);
      t.values.emplace_back(data.begin() + static_cast<std::ptrdiff_t>((yi * np + p) * nc),
                            data.begin() + static_cast<std::ptrdiff_t>((yi * np + p + 1) * nc));
    }
    print(out, t, csv);
  } else if (table == "transitions") {
    const auto cats = f.read_strings("/crt/table_4_1/categories");
    const auto data = f.read<double>("/crt/table_4_1/area_kha");
    Table t;
    t.title = "Table 4.1 land transition matrix, " + ylabel + " (rows: previous year, columns: this year)";
    t.units = "kha";
    t.columns = cats;
    const std::size_t nc = cats.size();
    for (std::size_t a = 0; a < nc; ++a) {
      t.row_labels.push_back(cats[a]);
      t.values.emplace_back(data.begin() + static_cast<std::ptrdiff_t>((yi * nc + a) * nc),
                            data.begin() + static_cast<std::ptrdiff_t>((yi * nc + a + 1) * nc));
    }
    print(out, t, csv);
  } else if (table == "organic") {
    std::vector<std::string> cats;
    for (const auto& c : f.read_strings("/crt/table_4_1/categories")) cats.push_back(c);
    print(out, by_year(f, "/crt/table_4_II/drained_organic_area_kha", cats, "Table 4(II): organic-soil area"), csv);
    print(out, by_year(f, "/crt/table_4_II/doc_co2_kt", cats, "Table 4(II): off-site CO2 (DOC)"), csv);
    print(out, by_year(f, "/crt/table_4_II/ch4_kt", cats, "Table 4(II): CH4 from organic soils"), csv);
    print(out, by_year(f, "/crt/table_4_II/n2o_kt", cats, "Table 4(II): N2O from organic soils"), csv);
  } else if (table == "fire") {
    const auto cats = f.read_strings("/crt/table_4_1/categories");
    print(out, by_year(f, "/crt/table_4_V/burnt_area_ha", cats, "Table 4(V): burnt area"), csv);
    print(out, by_year(f, "/crt/table_4_V/ch4_kt", cats, "Table 4(V): CH4 from wildfire"), csv);
    print(out, by_year(f, "/crt/table_4_V/n2o_kt", cats, "Table 4(V): N2O from wildfire"), csv);
  } else if (table == "hwp") {
    const std::vector<std::string> products = {"sawnwood", "panels", "paper"};
    print(out, by_year(f, "/crt/table_4_G/inflow_kt_c", products, "Table 4.G: inflow to HWP pools"), csv);
    print(out, by_year(f, "/crt/table_4_G/stock_kt_c", products, "Table 4.G: HWP pools"), csv);
    print(out, by_year(f, "/crt/table_4_G/net_co2_kt", {"net CO2"}, "Table 4.G: net CO2 of HWP"), csv);
  } else {
    auto t = by_year(f, "/diagnostics/mass_balance_relative_error", {"closure"}, "Diagnostics");
    t.units = "closure: relative; subsidence cm; depleted ha";
    const auto sub = f.read<double>("/diagnostics/mean_subsidence_cm");
    const auto dep = f.read<double>("/diagnostics/peat_depleted_ha");
    t.columns = {"closure", "subsid cm", "depleted", "fire cells"};
    const auto fire = f.read<std::int64_t>("/diagnostics/fire_cells");
    for (std::size_t y = 0; y < t.values.size(); ++y) {
      t.values[y].push_back(sub[y]);
      t.values[y].push_back(dep[y]);
      t.values[y].push_back(static_cast<double>(fire[y]));
    }
    print(out, t, csv);
  }
  return 0;
}

}  // namespace polder::app
