#include "solver/engine/member_record.hpp"

#include <unistd.h>

#include <filesystem>
#include <sstream>

#include "io/hdf5/h5_file.hpp"
#include "io/util/file_digest.hpp"
#include "polder/version.hpp"
#include "solver/core/error.hpp"
#include "solver/engine/measure_plan.hpp"
#include "solver/model/crt_category.hpp"
#include "solver/reporting/eu_accounting.hpp"

namespace polder::engine {
namespace {

namespace fs = std::filesystem;
constexpr std::size_t k_categories = model::k_crt_categories;
constexpr std::size_t k_tests = reporting::k_compliance_tests.size();

/// The effective config without origins, comments, the [ensemble] keys (those that decide a member's
/// numbers are in the identity on their own; groups, tolerance and window do not) and the keys that
/// only name files the run writes or label it.
std::string config_core(const std::string& effective_text) {
  std::istringstream in(effective_text);
  std::string line, out;
  bool ensemble_section = false;
  while (std::getline(in, line)) {
    if (const auto hash = line.find("   # from "); hash != std::string::npos) line.erase(hash);
    if (line.empty() || line[0] == '#') continue;
    if (line[0] == '[') ensemble_section = line.rfind("[ensemble", 0) == 0;
    if (ensemble_section) continue;
    if (line.rfind("output =", 0) == 0 || line.rfind("checkpoint_dir =", 0) == 0 || line.rfind("name =", 0) == 0)
      continue;
    out += line + '\n';
  }
  return out;
}

template <typename T>
std::span<const T> slice(const std::vector<T>& v, std::size_t row, std::size_t width) {
  return std::span<const T>(v).subspan(row * width, width);
}

}  // namespace

std::string member_record_path(const std::string& checkpoint_dir, std::int64_t member) {
  return (fs::path(checkpoint_dir) / "members" / ("member_" + std::to_string(member) + ".h5")).string();
}

std::string member_identity(const RunIdentity& run, const MemberSetup& setup, std::int64_t member,
                            const io::EnsembleConfig& ensemble) {
  return cat("polder ", k_version, " (", k_git_revision, ")\nmember ", member, " draw ", setup.draw, " of ",
             ensemble.draws, " sampling ", static_cast<int>(ensemble.sampling), " seed ", ensemble.seed, "\ninput ",
             run.input_digest, "\nclimate ", run.climate_digest, "\nparameters ", setup.parameters_digest,
             "\nmeasures ", io::sha256_hex(scenario_signature(setup.config)), "\nconfig\n",
             config_core(setup.config.effective_text));
}

void write_member_record(const std::string& path, const std::string& identity, const EnsembleTables& t,
                         std::size_t row) {
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  if (ec) throw OutputError(cat("cannot create the folder of the member record '", path, "': ", ec.message()));
  const std::string tmp = path + ".partial-" + std::to_string(::getpid());
  {
    io::H5File f(tmp, io::H5File::Mode::create);
    f.set_attr("/", "polder_file_kind", std::string("ensemble member record"));
    f.set_attr("/", "identity", identity);
    f.set_attr("/", "member", t.members[row]);
    const auto ny = static_cast<hsize_t>(t.years);
    f.write<double>("/parameters", {static_cast<hsize_t>(t.parameters)}, slice(t.parameter_values, row, t.parameters));
    f.write<double>("/net_kt_co2e", {ny, k_categories}, slice(t.net_kt_co2e, row, t.years * k_categories));
    f.write<double>("/total_kt_co2e", {ny}, slice(t.total_kt_co2e, row, t.years));
    f.write<double>("/eu_compliance", {k_tests}, slice(t.eu_compliance, row, k_tests));
    f.close();
  }
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw OutputError(cat("cannot rename the member record '", tmp, "' to '", path, "'"));
  }
}

bool read_member_record(const std::string& path, const std::string& identity, std::int64_t member, EnsembleTables& t) {
  if (!fs::is_regular_file(path)) return false;
  try {
    const io::H5File f(path, io::H5File::Mode::read);
    if (f.attr_string("/", "identity").value_or("") != identity || f.attr_int("/", "member").value_or(-1) != member)
      throw InputError(cat("--resume: the member record '", path,
                           "' was written by another ensemble, config, input or program revision: remove the "
                           "folder ",
                           fs::path(path).parent_path().string(), " or run without --resume"));
    const auto p = f.read<double>("/parameters");
    const auto net = f.read<double>("/net_kt_co2e");
    const auto total = f.read<double>("/total_kt_co2e");
    const auto eu = f.read<double>("/eu_compliance");
    if (p.size() != t.parameters || net.size() != t.years * k_categories || total.size() != t.years ||
        eu.size() != k_tests)
      throw InputError(cat("--resume: the member record '", path, "' has the wrong shape: it is damaged"));
    t.members.push_back(member);
    t.parameter_values.insert(t.parameter_values.end(), p.begin(), p.end());
    t.net_kt_co2e.insert(t.net_kt_co2e.end(), net.begin(), net.end());
    t.total_kt_co2e.insert(t.total_kt_co2e.end(), total.begin(), total.end());
    t.eu_compliance.insert(t.eu_compliance.end(), eu.begin(), eu.end());
    return true;
  } catch (const InputError&) {
    throw;
  } catch (const std::runtime_error& e) {
    throw InputError(cat("--resume: the member record '", path, "' cannot be read (", e.what(), "): it is damaged"));
  }
}

}  // namespace polder::engine
