// polder scenarios: check a scenario set (configs/scenarios/*.ini, io/config/scenario_set.hpp) and list
// its members, or print one member's `polder run` arguments for the job scripts, so the scripts never
// parse the INI file themselves.

#include <iostream>

#include "io/config/run_config.hpp"
#include "io/config/scenario_set.hpp"
#include "solver/app/cli_options.hpp"
#include "solver/core/error.hpp"

namespace polder::app {
namespace {

std::string join(const std::vector<std::string>& words) {
  std::string s;
  for (const auto& w : words) s += (s.empty() ? "" : " ") + w;
  return s;
}

std::string measures_text(const io::ScenarioEntry& e) {
  return e.measure_files.empty() ? "none" : join(e.measure_files);
}

std::size_t member_index(const io::ScenarioSet& set, const std::string& which) {
  for (std::size_t i = 0; i < set.members.size(); ++i)
    if (set.members[i].name == which) return i;
  if (!which.empty() && which.size() < 9 && which.find_first_not_of("0123456789") == std::string::npos) {
    const auto i = std::stoul(which);
    if (i < set.members.size()) return i;
  }
  std::vector<std::string> names;
  for (const auto& m : set.members) names.push_back(m.name);
  throw ConfigError(cat("--member '", which, "' is not a member of ", set.source, " (0 .. ", set.members.size() - 1,
                        " or a name: ", join(names), ")"));
}

}  // namespace

int cmd_scenarios(const Args& args, const parallel::Comm& world) {
  po::options_description opts;
  std::string file, format = "table", member;
  opts.add_options()("set", po::value(&file), "scenario set INI file (also positional)")(
      "format,f", po::value(&format)->default_value("table"),
      "table (for people) or tsv (for scripts: a 'set' line, then one 'member' line each)")(
      "member,m", po::value(&member), "one member, by index (0, 1, ...) or name")(
      "run-args", "with --member: print its polder run arguments (--config FILE ... --set KEY=VALUE ...), one a line");
  po::positional_options_description pos;
  pos.add("set", 1);
  po::variables_map vm;
  if (!parse_command_line("scenarios SET.ini",
                          "Checks a scenario set (configs/scenarios, docs/scenarios.md): its keys, scenarios and "
                          "files, and that every member's layered run config (base configs, then measure files, "
                          "then run.scenario, run.name and the years) is one polder run accepts. Lists the members, "
                          "or prints one member's polder run arguments for jobs/run_scenario_set.sh and the Slurm "
                          "array.",
                          args, opts, vm, &pos, world))
    return 0;
  if (file.empty()) throw ConfigError("polder scenarios: no scenario set given (see polder scenarios --help)");
  if (format != "table" && format != "tsv") throw ConfigError(cat("--format '", format, "' must be table or tsv"));
  if (vm.count("run-args") && member.empty()) throw ConfigError("--run-args needs --member");
  const io::ScenarioSet set = io::load_scenario_set(file);
  // Every member must be a run config polder run accepts (the output is the runner's, so any name does).
  for (std::size_t i = 0; i < set.members.size(); ++i) {
    auto overrides = set.overrides(i);
    overrides.emplace_back("run.output=scenario-set-check.h5");
    try {
      (void)io::load_run_config(set.config_files(i), overrides);
    } catch (const ConfigError& e) {
      throw ConfigError(cat(file, ": member ", set.members[i].name, ": ", e.what()));
    }
  }
  if (!world.is_root()) return 0;
  auto& out = std::cout;
  if (vm.count("run-args")) {
    const auto i = member_index(set, member);
    for (const auto& f : set.config_files(i)) out << "--config\n" << f << '\n';
    for (const auto& s : set.overrides(i)) out << "--set\n" << s << '\n';
    return 0;
  }
  std::vector<std::size_t> shown;
  if (!member.empty()) shown.push_back(member_index(set, member));
  for (std::size_t i = 0; member.empty() && i < set.members.size(); ++i) shown.push_back(i);
  if (format == "tsv") {
    out << "set\t" << set.name << '\t' << set.members.size() << '\t' << set.base << '\t' << set.members[set.base].name
        << '\n';
    for (const auto i : shown)
      out << "member\t" << i << '\t' << set.members[i].name << '\t' << set.members[i].climate << '\t'
          << measures_text(set.members[i]) << '\n';
    return 0;
  }
  out << "scenario set " << set.name << " (" << set.source << ")"
      << (set.description.empty() ? "" : ": " + set.description) << "\n  base config:";
  for (const auto& f : set.base_configs) out << ' ' << f;
  if (set.start_year) out << "; years " << *set.start_year << '-' << *set.end_year;
  out << "\n  base member: " << set.members[set.base].name << "\n";
  for (const auto i : shown) {
    const auto& m = set.members[i];
    out << "  " << i << "  " << m.name << "  scenario " << m.climate << "  measures: " << measures_text(m) << '\n';
    if (!set.descriptions[i].empty()) out << "       " << set.descriptions[i] << '\n';
  }
  out << "  every member's layered run config is valid\n";
  return 0;
}

}  // namespace polder::app
