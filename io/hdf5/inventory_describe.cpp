#include "io/hdf5/inventory_describe.hpp"

#include <hdf5.h>

#include <string>
#include <vector>

#include "solver/core/error.hpp"
#include "solver/reporting/output_schema.hpp"

namespace polder::io {
namespace {

std::string read_string_attribute(hid_t obj, const char* name) {
  if (H5Aexists(obj, name) <= 0) return {};
  const hid_t attr = H5Aopen(obj, name, H5P_DEFAULT);
  const hid_t type = H5Aget_type(attr);
  std::string out;
  if (H5Tget_class(type) == H5T_STRING) {
    if (H5Tis_variable_str(type) > 0) {
      char* value = nullptr;
      const hid_t mem = H5Tcopy(H5T_C_S1);
      H5Tset_size(mem, H5T_VARIABLE);
      H5Tset_cset(mem, H5Tget_cset(type));
      if (H5Aread(attr, mem, &value) >= 0 && value != nullptr) {
        out = value;
        H5free_memory(value);
      }
      H5Tclose(mem);
    } else {
      std::vector<char> buf(H5Tget_size(type) + 1, '\0');
      if (H5Aread(attr, type, buf.data()) >= 0) out = buf.data();
    }
  }
  H5Tclose(type);
  H5Aclose(attr);
  return out;
}

herr_t visit(hid_t root, const char* name, const H5O_info_t* info, void* data) {
  auto& out = *static_cast<std::ostream*>(data);
  if (info->type != H5O_TYPE_DATASET) return 0;
  const hid_t ds = H5Dopen2(root, name, H5P_DEFAULT);
  const hid_t space = H5Dget_space(ds);
  const int rank = H5Sget_simple_extent_ndims(space);
  std::vector<hsize_t> dims(static_cast<std::size_t>(std::max(rank, 0)));
  if (rank > 0) H5Sget_simple_extent_dims(space, dims.data(), nullptr);
  std::string shape = "[";
  for (std::size_t i = 0; i < dims.size(); ++i) shape += (i ? " x " : "") + std::to_string(dims[i]);
  shape += "]";
  const std::string units = read_string_attribute(ds, "units");
  // The meaning comes from the output schema, the one table the writer also follows.
  std::string full = "/";
  full += name;
  const auto* spec = reporting::find_spec(full);
  std::string meaning = spec != nullptr ? spec->description : read_string_attribute(ds, "description");
  if (spec != nullptr && meaning.empty()) meaning = spec->note;
  out << "  /" << name << "  " << shape << (units.empty() ? "" : "  (" + units + ")")
      << (meaning.empty() ? "" : "  " + meaning) << '\n';
  H5Sclose(space);
  H5Dclose(ds);
  return 0;
}

}  // namespace

bool is_polder_hdf5(const std::string& path) {
  if (H5Fis_hdf5(path.c_str()) <= 0) return false;
  const hid_t f = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (f < 0) return false;
  const bool ok = !read_string_attribute(f, "polder_file_kind").empty();
  H5Fclose(f);
  return ok;
}

void describe_inventory(const std::string& path, std::ostream& out) {
  const hid_t f = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (f < 0) throw InputError(cat("cannot open HDF5 file '", path, "'"));
  out << path << ": Polder " << read_string_attribute(f, "polder_file_kind") << '\n';
  for (const char* key : {"polder_version", "git_revision", "created_utc", "scenario"}) {
    const std::string v = read_string_attribute(f, key);
    if (!v.empty()) out << "  " << key << ": " << v << '\n';
  }
  out << "datasets:\n";
  H5Ovisit(f, H5_INDEX_NAME, H5_ITER_INC, visit, &out);
  if (read_string_attribute(f, "polder_file_kind") == "inventory") {
    std::string missing;
    H5E_auto2_t func = nullptr;
    void* client = nullptr;
    H5Eget_auto2(H5E_DEFAULT, &func, &client);
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);  // a missing subgroup is an answer here, not an error
    for (const auto& s : reporting::inventory_schema())
      if (!s.optional && H5Lexists(f, s.path.substr(0, s.path.find('/', 1)).c_str(), H5P_DEFAULT) > 0 &&
          H5Oexists_by_name(f, s.path.c_str(), H5P_DEFAULT) <= 0)
        missing += "  " + s.path + '\n';
    H5Eset_auto2(H5E_DEFAULT, func, client);
    if (!missing.empty()) out << "missing from the schema's datasets (incomplete file):\n" << missing;
  }
  H5Fclose(f);
}

}  // namespace polder::io
