#include "io/hdf5/inventory_writer.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "io/hdf5/h5_file.hpp"
#include "solver/core/error.hpp"
#include "solver/reporting/eu_accounting.hpp"
#include "solver/reporting/inventory_builder.hpp"
#include "solver/reporting/output_schema.hpp"

namespace polder::io {
namespace {

namespace fs = std::filesystem;
using reporting::Dataset;
using reporting::ValueType;

/// The provenance datasets (/provenance/...), in the schema's layout.
void add_provenance(reporting::InventoryData& data, const Provenance& p) {
  data.put("/provenance/config", reporting::text_dataset({p.config_text}));
  std::vector<std::string> roles, paths, digests;
  for (const auto& in : p.inputs) {
    roles.push_back(in.role);
    paths.push_back(in.path);
    digests.push_back(in.digest);
  }
  data.put("/provenance/inputs/role", reporting::text_dataset(roles));
  data.put("/provenance/inputs/path", reporting::text_dataset(paths));
  data.put("/provenance/inputs/digest", reporting::text_dataset(digests));
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
  const std::size_t n = names.size();
  data.put("/provenance/parameters/name", reporting::text_dataset(names));
  data.put("/provenance/parameters/value", reporting::f64_dataset({n}, values));
  data.put("/provenance/parameters/low", reporting::f64_dataset({n}, low));
  data.put("/provenance/parameters/high", reporting::f64_dataset({n}, high));
  data.put("/provenance/parameters/unit", reporting::text_dataset(units));
  data.put("/provenance/parameters/source", reporting::text_dataset(sources));
  data.put("/provenance/parameters/file", reporting::text_dataset(files));
}

void write_dataset(H5File& f, const reporting::DatasetSpec& s, const Dataset& d, const reporting::RunDims& dims) {
  const std::string problem = reporting::check_dataset(s, d, dims);
  POLDER_VERIFY(problem.empty(), "dataset ", s.path, " ", problem);
  std::vector<hsize_t> shape(d.shape.begin(), d.shape.end());
  switch (s.type) {
    case ValueType::f64:
      f.write<double>(s.path, shape, d.f64, s.units, s.description);
      break;
    case ValueType::i32: {
      std::vector<std::int32_t> v(d.ints.begin(), d.ints.end());
      f.write<std::int32_t>(s.path, shape, v, s.units, s.description);
      break;
    }
    case ValueType::i64:
      f.write<std::int64_t>(s.path, shape, d.ints, s.units, s.description);
      break;
    case ValueType::text:
      f.write_strings(s.path, d.text, s.description);
      break;
  }
  if (!s.legal_source.empty()) {
    f.set_attr(s.path, "legal_source", s.legal_source);
    f.set_attr(s.path, "formula", s.formula);
  }
  for (const auto& [name, value] : d.attributes) f.set_attr(s.path, name, value);
}

void write_provenance_attributes(H5File& f, const Provenance& p) {
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
  f.set_attr(g, "branched_from", p.branched_from);
  if (!p.branched_from.empty()) {
    f.set_attr(g, "branch_digest", p.branch_digest);
    f.set_attr(g, "branch_year", std::int64_t{p.branch_year});
    f.set_attr(g, "parent_scenario", p.parent_scenario);
    f.set_attr(g, "parent_measure_files", p.parent_measure_files);
  }
  std::string measures;
  for (const auto& m : p.measure_files) {
    if (!measures.empty()) measures += '\n';
    measures += m;
  }
  f.set_attr(g, "measure_files", measures);
  f.set_attr(g, "maps_output", p.maps_output);
  f.set_attr(g, "digest_method", std::string("sha256-tree-64MiB"));
}

void write_file(H5File& f, const reporting::InventoryData& data, const Provenance& prov) {
  const auto sized = [&data](const char* p) { return data.has(p) ? data.get(p).size() : std::size_t{0}; };
  const reporting::RunDims dims{data.get("/inventory/years").size(),
                                prov.inputs.size(),
                                prov.parameters.size(),
                                sized("/measures/ids"),
                                sized("/ensemble/members/index"),
                                sized("/ensemble/scenarios"),
                                sized("/ensemble/parameter_names"),
                                sized("/uncertainty/convergence/draws")};
  f.create_group("/provenance");
  for (const auto& s : reporting::inventory_schema()) {
    if (!data.has(s.path)) {
      POLDER_VERIFY(s.optional, "the reporting layer gave no dataset ", s.path);
      continue;
    }
    write_dataset(f, s, data.get(s.path), dims);
  }
  for (const auto& [path, d] : data.all())
    POLDER_VERIFY(reporting::find_spec(path) != nullptr, "dataset ", path, " is not in the output schema");
  for (const auto& a : reporting::group_attributes()) f.set_attr(a.group, a.name, a.value);
  f.set_attr("/eu_accounting", "scope", reporting::eu_scope(prov.region));
  write_provenance_attributes(f, prov);
}

}  // namespace

void write_inventory(const std::string& path, const std::vector<model::YearTotals>& years, const Provenance& prov,
                     const reporting::EuParameters& eu, const reporting::ScenarioSummary& scenario,
                     const reporting::InventoryData* ensemble) {
  auto data = reporting::build_inventory_data(years, eu);
  if (ensemble != nullptr)
    for (const auto& [p, d] : ensemble->all()) data.put(p, d);
  reporting::add_measures(data, years, scenario.measures);
  reporting::add_projection(data, scenario.projection);
  add_provenance(data, prov);
  const fs::path final_path(path);
  const fs::path tmp = final_path.string() + ".partial-" + std::to_string(::getpid());
  std::vector<std::byte> bytes;
  {
    H5File f(path, H5File::Mode::memory);  // in memory: the name is only for messages
    write_file(f, data, prov);
    bytes = f.image();
    f.close();
  }
  // One checked write to a temporary name, synced, then renamed: a full disk, a quota or a file-size
  // limit leaves no file under the final name.
  const auto fail = [&](const std::string& what, int err) {
    std::error_code ec;
    fs::remove(tmp, ec);
    throw OutputError(cat("cannot write the inventory '", path, "': ", what,
                          err != 0 ? cat(" (", std::strerror(err), ")") : "", "; no file was left under that name"));
  };
  std::FILE* out = std::fopen(tmp.c_str(), "wb");
  if (out == nullptr) fail(cat("cannot create '", tmp.string(), "'"), errno);
  const std::size_t written = std::fwrite(bytes.data(), 1, bytes.size(), out);
  const int write_errno = errno;
  const bool flushed = written == bytes.size() && std::fflush(out) == 0 && ::fsync(::fileno(out)) == 0;
  const int flush_errno = errno;
  if (std::fclose(out) != 0 || !flushed)
    fail(cat("writing ", bytes.size(), " bytes to '", tmp.string(), "' failed"),
         written != bytes.size() ? write_errno : flush_errno);
  std::error_code ec;
  fs::rename(tmp, final_path, ec);
  if (ec) fail(cat("cannot rename '", tmp.string(), "': ", ec.message()), 0);
}

}  // namespace polder::io
