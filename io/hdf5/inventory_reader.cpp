#include "io/hdf5/inventory_reader.hpp"

#include <hdf5.h>

#include <filesystem>
#include <memory>

#include "io/hdf5/h5_file.hpp"
#include "solver/core/error.hpp"
#include "solver/reporting/output_schema.hpp"

namespace polder::io {
namespace {

using reporting::Dataset;
using reporting::ValueType;

/// Turns HDF5's own error printing off while a possibly damaged file is probed.
class QuietErrors {
 public:
  QuietErrors() {
    H5Eget_auto2(H5E_DEFAULT, &m_func, &m_data);
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  }
  QuietErrors(const QuietErrors&) = delete;
  QuietErrors& operator=(const QuietErrors&) = delete;
  ~QuietErrors() { H5Eset_auto2(H5E_DEFAULT, m_func, m_data); }

 private:
  H5E_auto2_t m_func = nullptr;
  void* m_data = nullptr;
};

std::string group_of(const std::string& path) { return path.substr(0, path.find('/', 1)); }

/// Attributes the reports use besides units and description.
constexpr const char* k_term_attributes[] = {"status", "missing_years", "missing_parameters", "unverified_parameters"};
constexpr const char* k_root_attributes[] = {"polder_file_kind", "polder_version", "git_revision",
                                             "created_utc",      "scenario",       "title"};
/// measure_files (newline-separated measure configs) is written by runs with measures; absent before.
/// maps_output (the maps file, empty without maps) is absent in inventories written before maps existed.
constexpr const char* k_provenance_attributes[] = {"run_name",       "region",        "hostname",
                                                   "restarted_from", "measure_files", "maps_output"};
constexpr const char* k_provenance_numbers[] = {"start_year", "end_year",  "active_cells", "tile_size",
                                                "seed",       "mpi_ranks", "omp_threads"};

}  // namespace

reporting::InventoryData read_inventory(const std::string& path) {
  if (!std::filesystem::is_regular_file(path)) throw InputError(cat("'", path, "': no such file"));
  const QuietErrors quiet;
  if (H5Fis_hdf5(path.c_str()) <= 0)
    throw InputError(cat("'", path, "' is not an HDF5 file, so not a Polder inventory (truncated or another format?)"));
  std::unique_ptr<H5File> file;
  try {
    file = std::make_unique<H5File>(path, H5File::Mode::read);
  } catch (const InputError&) {
    throw InputError(cat("'", path, "' cannot be opened as HDF5: the file is damaged or truncated"));
  }
  const H5File& f = *file;
  const auto kind = f.attr_string("/", "polder_file_kind");
  if (!kind) throw InputError(cat("'", path, "' is not a Polder inventory (no polder_file_kind attribute)"));
  if (*kind != "inventory") throw InputError(cat("'", path, "' is a Polder ", *kind, ", not an inventory"));

  reporting::InventoryData data(path);
  for (const char* a : k_root_attributes)
    if (const auto v = f.attr_string("/", a)) data.set_attribute("/", a, *v);
  if (f.exists("/provenance")) {
    for (const char* a : k_provenance_attributes)
      if (const auto v = f.attr_string("/provenance", a)) data.set_attribute("/provenance", a, *v);
    for (const char* a : k_provenance_numbers)
      if (const auto v = f.attr_int("/provenance", a)) data.set_attribute("/provenance", a, std::to_string(*v));
  }

  if (f.exists("/eu_accounting"))
    if (const auto v = f.attr_string("/eu_accounting", "scope")) data.set_attribute("/eu_accounting", "scope", *v);
  const auto sized = [&](const char* p) -> std::size_t {
    if (!f.exists(p)) return 0;
    const auto s = f.shape(p);
    return s.empty() ? 0 : static_cast<std::size_t>(s[0]);
  };
  if (!f.exists("/inventory/years"))
    throw InputError(cat("'", path, "' has no dataset /inventory/years: the inventory is incomplete (truncated?)"));
  const reporting::RunDims dims{sized("/inventory/years"),
                                sized("/provenance/inputs/role"),
                                sized("/provenance/parameters/name"),
                                sized("/measures/ids"),
                                sized("/ensemble/members/index"),
                                sized("/ensemble/scenarios"),
                                sized("/ensemble/parameter_names"),
                                sized("/uncertainty/convergence/draws")};
  for (const auto& s : reporting::inventory_schema()) {
    if (!f.exists(s.path)) {
      const std::string g = group_of(s.path);
      if (s.optional || (g == "/eu_accounting" && !f.exists(g))) continue;
      throw InputError(cat("'", path, "' has no dataset ", s.path,
                           ": not a complete Polder inventory (truncated, or written by another version)"));
    }
    Dataset d;
    d.type = s.type;
    try {
      for (const auto n : f.shape(s.path)) d.shape.push_back(static_cast<std::size_t>(n));
      switch (s.type) {
        case ValueType::f64:
          d.f64 = f.read<double>(s.path);
          break;
        case ValueType::i32:
        case ValueType::i64:
          d.ints = f.read<std::int64_t>(s.path);
          break;
        case ValueType::text:
          d.text = f.read_strings(s.path);
          break;
      }
    } catch (const InputError& e) {
      throw InputError(
          cat("'", path, "': dataset ", s.path, " cannot be read (damaged or truncated file): ", e.what()));
    }
    const std::string problem = reporting::check_dataset(s, d, dims);
    if (!problem.empty()) throw InputError(cat("'", path, "': dataset ", s.path, " ", problem));
    if (!s.legal_source.empty())
      for (const char* a : k_term_attributes)
        if (const auto v = f.attr_string(s.path, a)) d.attributes.emplace_back(a, *v);
    data.put(s.path, std::move(d));
  }
  return data;
}

}  // namespace polder::io
