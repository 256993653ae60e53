// polder report: an inventory as CRT tables on the terminal or as CSV, a CRT workbook (--xlsx), a
// folder of tidy CSV files (--csv) or a self-contained HTML page (--html). The tables come from the
// pure reporting layer (solver/reporting); this file parses the options, reads the file and writes.

#include <filesystem>
#include <iostream>
#include <sstream>

#include "io/config/run_config.hpp"
#include "io/config/suggest.hpp"
#include "io/hdf5/inventory_reader.hpp"
#include "io/render/map_file_pictures.hpp"
#include "io/report/base64.hpp"
#include "io/report/html_report.hpp"
#include "io/report/table_text.hpp"
#include "io/report/xlsx_workbook.hpp"
#include "io/synth/geojson_provinces.hpp"
#include "polder/version.hpp"
#include "solver/app/cli_options.hpp"
#include "solver/core/error.hpp"
#include "solver/core/log.hpp"
#include "solver/model/crt_category.hpp"
#include "solver/model/province.hpp"
#include "solver/reporting/report_catalogue.hpp"
#include "solver/reporting/uncertainty_table.hpp"

namespace polder::app {
namespace {

std::string help_text() {
  std::ostringstream os;
  os << "Writes an inventory's tables: on the terminal (default, or --format csv), as a CRT workbook (--xlsx), as a "
        "folder of tidy CSV files, one table a file (--csv) or as one self-contained HTML page with charts, a "
        "province map and the EU accounting (--html). Outputs appear whole or not at all.\n"
        "  polder report FILE.h5 [--table T ...] [--years A-B] [--category 4.B] [--province utrecht]\n"
        "  polder report FILE.h5 --xlsx crt.xlsx --csv crt_csv --html report.html\n"
        "Without --table the terminal shows 'summary' and the workbook, CSV folder and page hold every CRT table, "
        "the provinces and the EU accounting. Per-year tables show the last year on the terminal and every year in "
        "files, unless a year range is given. A filter a named table cannot apply is refused (exit 2); without "
        "--table, tables that cannot apply it are left out and named.\n\nTables:";
  for (const auto& e : reporting::report_catalogue()) {
    std::string filters = "years";
    if (e.category) filters += ", category";
    if (e.province) filters += ", province";
    if (!e.years) filters = "no filters";
    os << "\n  " << e.key << std::string(e.key.size() < 12 ? 12 - e.key.size() : 1, ' ') << e.summary << " (" << filters
       << ")";
  }
  return os.str();
}

std::vector<std::string> split_tables(const std::vector<std::string>& given) {
  std::vector<std::string> out;
  for (const auto& g : given) {
    std::size_t pos = 0;
    while (pos <= g.size()) {
      const auto comma = g.find(',', pos);
      const std::string k = g.substr(pos, comma - pos);
      if (!k.empty()) out.push_back(k);
      if (comma == std::string::npos) break;
      pos = comma + 1;
    }
  }
  return out;
}

void check_tables(const std::vector<std::string>& keys) {
  std::vector<std::string> known;
  for (const auto& e : reporting::report_catalogue()) known.push_back(e.key);
  for (const auto& k : keys)
    if (std::find(known.begin(), known.end(), k) == known.end())
      throw ConfigError(cat("--table '", k, "' is not a table", io::suggestion_suffix(k, known),
                            "; tables are: ", reporting::report_table_keys()));
}

/// An output must never replace the inventory it is made from.
void check_output(const std::string& output, const std::string& option, const std::string& inventory) {
  if (io::same_file(output, inventory))
    throw ConfigError(cat(option, " '", output, "' is the inventory being reported: choose another name"));
}

std::vector<io::report::ProvinceShape> province_shapes() {
  std::vector<io::report::ProvinceShape> out;
  for (const auto& p : io::synth::embedded_province_outlines()) {
    io::report::ProvinceShape s;
    s.province0 = p.code - 1;
    s.name = p.name;
    for (const auto& ring : p.shape.rings) {
      std::vector<std::pair<double, double>> r;
      for (const auto& pt : ring) r.emplace_back(pt.x_m, pt.y_m);
      s.rings.push_back(std::move(r));
    }
    out.push_back(std::move(s));
  }
  return out;
}

std::string filter_text(const reporting::ReportFilter& f) {
  std::string s;
  if (f.first_year) s += cat("from ", *f.first_year, " ");
  if (f.last_year) s += cat("to ", *f.last_year, " ");
  if (f.category) s += cat("category ", model::k_crt_codes[static_cast<std::size_t>(*f.category)], " ");
  if (f.province) s += cat("province ", model::k_province_names[static_cast<std::size_t>(*f.province + 1)], " ");
  return s.empty() ? "none" : s;
}

/// The maps of the run when it wrote them (provenance `maps_output`) and the file is still there; a
/// missing or unreadable maps file leaves the section out with a warning, never the page.
std::vector<io::report::MapPanel> map_panels(const reporting::InventoryData& data, const parallel::Comm& self) {
  const std::string maps = data.attribute("/provenance", "maps_output").value_or("");
  if (maps.empty()) return {};
  if (!std::filesystem::is_regular_file(maps)) {
    log::warn(cat("polder report: the run's maps file '", maps, "' is not there: the page has no maps"));
    return {};
  }
  std::vector<io::report::MapPanel> out;
  try {
    for (const auto& p : io::render::draw_map_file(self, maps))
      out.push_back({p.title, p.units, "data:image/png;base64," + io::report::base64(p.image.png_bytes())});
  } catch (const InputError& e) {
    log::warn(cat("polder report: ", e.what(), ": the page has no maps"));
    return {};
  }
  return out;
}

}  // namespace

int cmd_report(const Args& args, const parallel::Comm& world) {
  po::options_description opts;
  std::string format = "table", xlsx, csv_dir, html;
  std::vector<std::string> tables;
  FilterOptions filters;
  opts.add_options()("inventory", po::value<std::string>()->required(), "inventory file (HDF5) written by polder run")(
      "table,t", po::value(&tables)->composing(), "table(s) to write, repeatable or comma-separated (listed above)")(
      "format,f", po::value(&format)->default_value("table"), "terminal output: table | csv")(
      "xlsx", po::value(&xlsx), "write a CRT workbook (one sheet per table) to this .xlsx file")(
      "csv", po::value(&csv_dir), "write one tidy CSV file per table into this folder")(
      "html", po::value(&html), "write a self-contained HTML report to this file")(
      "uncertainty", "an ensemble's mean and 95 % interval per category and year, per scenario entry");
  add_filter_options(opts, filters);
  po::positional_options_description pos;
  pos.add("inventory", 1);
  po::variables_map vm;
  if (!parse_command_line("report", help_text(), args, opts, vm, &pos, world)) return 0;
  if (format != "table" && format != "csv") throw ConfigError(cat("--format '", format, "' must be table or csv"));
  const auto keys = split_tables(tables);
  check_tables(keys);

  reporting::ReportSelection sel;
  sel.keys = keys;
  sel.filter = parse_filter(filters, vm);
  const bool to_files = !xlsx.empty() || !csv_dir.empty() || !html.empty();
  if (to_files && vm["format"].defaulted() == false)
    throw ConfigError("--format applies to the terminal output; --xlsx, --csv and --html have their own format");
  if (!html.empty() && (sel.filter.category || sel.filter.province))
    throw ConfigError(
        "--html shows every category and province (the map compares them): drop --category/--province, "
        "or use --xlsx/--csv for a filtered report");
  if (!html.empty() && !keys.empty())
    throw ConfigError("--html writes the whole page; --table selects tables for the terminal, --xlsx and --csv");
  // The maps file is read by rank 0 alone, over a communicator of its own.
  const parallel::Comm self = world.split(world.rank());
  const bool uncertainty = vm.count("uncertainty") != 0;
  if (uncertainty && (to_files || !keys.empty()))
    throw ConfigError("--uncertainty prints its own table on the terminal: drop --table, --xlsx, --csv and --html");
  if (!world.is_root()) return 0;

  const std::string path = vm["inventory"].as<std::string>();
  for (const auto& [out, option] : {std::pair{xlsx, "--xlsx"}, {csv_dir, "--csv"}, {html, "--html"}})
    if (!out.empty()) check_output(out, option, path);
  const reporting::InventoryData data = io::read_inventory(path);

  if (uncertainty) {
    io::report::print_table(std::cout, reporting::uncertainty_table(data, sel.filter), format == "csv");
    return 0;
  }
  if (!to_files) {
    if (sel.keys.empty()) sel.keys = {"summary"};
    sel.filter.last_year_by_default = true;
    const auto report = reporting::build_report(data, sel);
    auto& out = std::cout;
    const bool csv = format == "csv";
    if (!csv)
      out << path << ": " << data.attribute("/", "title").value_or("") << ", scenario "
          << data.attribute("/", "scenario").value_or("") << ", Polder "
          << data.attribute("/", "polder_version").value_or("") << " ("
          << data.attribute("/", "git_revision").value_or("") << ")\n";
    for (const auto& t : report.tables) io::report::print_table(out, t, csv);
    return 0;
  }

  // Everything is built before anything is written, so a refused filter leaves no file behind.
  reporting::BuiltReport report;
  if (!xlsx.empty() || !csv_dir.empty()) {
    report = reporting::build_report(data, sel);
    if (!report.left_out.empty()) {
      std::string names;
      for (const auto& k : report.left_out) names += " " + k;
      log::warn(
          cat("polder report: left out (they cannot apply the filter, or the file has no EU accounting):", names));
    }
  }
  if (!html.empty()) (void)sel.filter.select(data.years(), false);  // refuse a year range before writing anything
  const std::string generator = cat("polder ", k_version, " (", k_git_revision, ")");
  if (!xlsx.empty()) {
    io::report::WorkbookCover cover;
    cover.title = "Polder LULUCF inventory: CRT tables of sector 4 and EU accounting";
    const auto y = data.years();
    cover.facts = {{"Inventory", path},
                   {"Run", data.attribute("/", "title").value_or("")},
                   {"Region", data.attribute("/provenance", "region").value_or("")},
                   {"Scenario", data.attribute("/", "scenario").value_or("")},
                   {"Years in the file", cat(y.front(), "-", y.back())},
                   {"Filters", filter_text(sel.filter)},
                   {"Model", cat("Polder ", data.attribute("/", "polder_version").value_or(""), " (",
                                 data.attribute("/", "git_revision").value_or(""), ")")},
                   {"Written by", generator},
                   {"Units and signs", "kt; emissions +, removals -; carbon stock changes gain +; AR5 GWP100"}};
    io::report::write_workbook(report.tables, cover, xlsx);
    log::info(cat("polder report: wrote ", xlsx, " (", report.tables.size(), " sheets and a cover)"));
  }
  if (!csv_dir.empty()) {
    io::report::write_csv_folder(report.tables, csv_dir);
    log::info(cat("polder report: wrote ", report.tables.size(), " CSV files into ", csv_dir));
  }
  if (!html.empty()) {
    io::report::HtmlReportInput in{data,      province_shapes(),     map_panels(data, self),
                                   generator, sel.filter.first_year, sel.filter.last_year};
    io::report::write_html_report(in, html);
    log::info(cat("polder report: wrote ", html));
  }
  return 0;
}

}  // namespace polder::app
