// polder compare: inventories side by side, each run's net emissions and its difference from the base
// (the first file), after checking that the runs are comparable. The comparison is built by the pure
// reporting layer (solver/reporting/run_comparison.hpp); this file reads the files, hashes the
// parameter values, prints and writes the CSV.

#include <iostream>
#include <sstream>

#include "io/config/eu_parameter_reader.hpp"
#include "io/config/parameter_set.hpp"
#include "io/config/run_config.hpp"
#include "io/hdf5/inventory_reader.hpp"
#include "io/report/comparison_csv.hpp"
#include "io/report/table_text.hpp"
#include "io/util/file_digest.hpp"
#include "solver/app/cli_options.hpp"
#include "solver/core/error.hpp"
#include "solver/reporting/run_comparison.hpp"

namespace polder::app {
namespace {

std::string help_text() {
  return "Prints inventories side by side: per year and CRT category (or CRT row), each run's net emissions "
         "(kt CO2-eq) and its difference from the base, the first file; then each run's net total in 2030 "
         "against the Dutch 2030 goal for land use and the EU 2030 value for NL, and in 2050.\n"
         "  polder compare BASE.h5 OTHER.h5 [OTHER2.h5 ...] [--table summary|crt] [--years A-B] [--category 4.B]\n"
         "  polder compare BASE.h5 OTHER.h5 --csv compare.csv     (tidy: run,file,year,code,category,net,difference)\n"
         "The runs must share the input stack and climate file (digests), the grid (tile size, active cells, "
         "region) and the years (--common-years: the years all have); otherwise exit 2 naming what differs. "
         "They may differ in scenario, measures and parameters, which the header lists. The terminal shows the "
         "last year unless a year range is given; the CSV every compared year.";
}

/// The parameters digest of a run, as its checkpoints record it: SHA-256 of the parameter values.
std::string parameters_digest(const reporting::InventoryData& d) {
  const auto& names = d.text("/provenance/parameters/name");
  const auto values = d.f64("/provenance/parameters/value");
  const auto& units = d.text("/provenance/parameters/unit");
  std::vector<io::Parameter> list;
  for (std::size_t i = 0; i < names.size(); ++i) {
    io::Parameter p;
    p.name = names[i];
    p.value = values[i];
    p.unit = units[i];
    list.push_back(p);
  }
  return io::sha256_hex(io::ParameterSet::from(list).values_text());
}

std::string short_digest(const std::string& d) { return d.size() > 12 ? d.substr(0, 12) : d; }

void print_header(std::ostream& out, const std::vector<reporting::RunFacts>& runs,
                  const std::vector<std::int32_t>& years) {
  const auto& b = runs.front();
  out << "polder compare: " << runs.size() << " runs on input stack " << short_digest(b.input_digest) << ", climate "
      << short_digest(b.climate_digest) << ", region " << b.region << ", tile size " << b.tile_size.value_or(0) << ", "
      << b.active_cells.value_or(0) << " active cells, years " << years.front() << "-" << years.back() << "\n";
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const auto& r = runs[i];
    out << "  " << i + 1 << (i == 0 ? " (base)" : "") << ": " << r.label << "  " << r.source << "\n"
        << "      scenario " << r.scenario << ", parameters " << short_digest(r.parameters_digest) << ", seed "
        << r.seed << ", measures: ";
    if (!r.measure_files) {
      out << "not recorded (inventory without /provenance measure_files)";
    } else if (r.measure_files->empty()) {
      out << "none";
    } else {
      for (std::size_t k = 0; k < r.measure_files->size(); ++k) out << (k ? " " : "") << (*r.measure_files)[k];
    }
    out << "\n";
  }
}

}  // namespace

int cmd_compare(const Args& args, const parallel::Comm& world) {
  po::options_description opts;
  std::vector<std::string> files, target_files;
  std::string table = "summary", csv;
  FilterOptions filters;
  opts.add_options()("inventories", po::value(&files)->composing(),
                     "inventories (HDF5): the base first (also positional)")(
      "table,t", po::value(&table)->default_value("summary"),
      "summary (per CRT category and the total) or crt (per CRT row, /crt/net_kt_co2e)")(
      "csv", po::value(&csv), "write the comparison as one tidy CSV file")(
      "common-years", "compare the years all runs have instead of requiring the same years")(
      "all-years", "show every compared year on the terminal (default: the last, unless a year range is given)")(
      "targets", po::value(&target_files)->composing(),
      "parameter file with nl.land_use_goal_2030 and eu.annex_iia.value_2030, repeatable (default: the figures in "
      "the base inventory, from configs/parameters/eu_lulucf_nl.ini)");
  add_filter_options(opts, filters);
  po::positional_options_description pos;
  pos.add("inventories", -1);
  po::variables_map vm;
  if (!parse_command_line("compare", help_text(), args, opts, vm, &pos, world)) return 0;
  if (files.size() < 2)
    throw ConfigError(cat("polder compare needs a base inventory and at least one other (", files.size(),
                          " given; see polder compare --help)"));
  reporting::ComparisonRequest request;
  request.quantity = reporting::parse_compared_quantity(table);
  request.filter = parse_filter(filters, vm);
  const bool common_years = vm.count("common-years") != 0U;
  const bool all_years = vm.count("all-years") != 0U;
  if (all_years && request.filter.has_years())
    throw ConfigError("give --all-years or a year range (--years, --year, --from/--to), not both");
  for (const auto& f : files)
    if (!csv.empty() && io::same_file(csv, f))
      throw ConfigError(cat("--csv '", csv, "' is the inventory '", f, "': choose another name"));
  if (!world.is_root()) return 0;

  std::vector<reporting::InventoryData> data;
  data.reserve(files.size());
  for (const auto& f : files) data.push_back(io::read_inventory(f));
  std::vector<reporting::RunFacts> facts;
  const auto labels = reporting::run_labels(files);
  for (std::size_t i = 0; i < data.size(); ++i) {
    facts.push_back(reporting::run_facts(data[i]));
    facts.back().label = labels[i];
    facts.back().parameters_digest = parameters_digest(data[i]);
  }
  const auto years = reporting::check_comparable(facts, common_years);
  std::vector<const reporting::InventoryData*> runs;
  for (const auto& d : data) runs.push_back(&d);

  reporting::PolicyTargets targets = reporting::targets_in_provenance(data.front());
  if (!target_files.empty()) {
    const auto set = io::ParameterSet::load(target_files);
    const auto eu = io::read_eu_parameters(set);
    targets = {};
    if (eu.nl_land_use_goal_2030.given) {
      targets.nl_goal_2030_kt = eu.nl_land_use_goal_2030.value;
      targets.nl_source = eu.nl_land_use_goal_2030.source;
    }
    if (eu.annex_iia_value_2030.given) {
      targets.eu_value_2030_kt = eu.annex_iia_value_2030.value;
      targets.eu_source = eu.annex_iia_value_2030.source;
    }
  }

  // Everything is computed before anything is printed or written: a refused filter leaves nothing.
  reporting::ComparisonRequest terminal = request;
  terminal.filter.last_year_by_default = !all_years;
  const auto shown = reporting::compare_runs(runs, facts, years, terminal);
  const auto all = reporting::compare_runs(runs, facts, years, request);
  const auto goals = reporting::targets_table(runs, facts, targets);
  if (!csv.empty()) io::report::write_comparison_csv(all, csv);

  auto& out = std::cout;
  print_header(out, facts, years);
  io::report::print_table(out, reporting::comparison_table(shown), false);
  io::report::print_table(out, goals, false);
  return 0;
}

}  // namespace polder::app
