#include "io/netcdf/nc_file.hpp"

#include <netcdf.h>
#include <netcdf_par.h>

#include <utility>

#include "solver/core/error.hpp"

namespace polder::io {
namespace {

nc_type to_nc(NcType t) {
  switch (t) {
    case NcType::u8:
      return NC_UBYTE;
    case NcType::i16:
      return NC_SHORT;
    case NcType::i32:
      return NC_INT;
    case NcType::f32:
      return NC_FLOAT;
    case NcType::f64:
      return NC_DOUBLE;
  }
  return NC_NAT;
}

template <typename T>
constexpr nc_type nc_type_of();
template <>
constexpr nc_type nc_type_of<std::uint8_t>() {
  return NC_UBYTE;
}
template <>
constexpr nc_type nc_type_of<std::int16_t>() {
  return NC_SHORT;
}
template <>
constexpr nc_type nc_type_of<std::int32_t>() {
  return NC_INT;
}
template <>
constexpr nc_type nc_type_of<float>() {
  return NC_FLOAT;
}
template <>
constexpr nc_type nc_type_of<double>() {
  return NC_DOUBLE;
}

std::size_t product(const std::vector<std::size_t>& v) {
  std::size_t n = 1;
  for (auto x : v) n *= x;
  return n;
}

}  // namespace

NcFile::NcFile(const parallel::Comm& comm, std::string path, Mode mode) : m_path(std::move(path)), m_mode(mode) {
  int status = 0;
  if (mode == Mode::create) {
    status = nc_create_par(m_path.c_str(), NC_NETCDF4 | NC_CLOBBER, comm.raw(), MPI_INFO_NULL, &m_ncid);
    if (status != NC_NOERR) {
      m_ncid = -1;
      throw OutputError(cat("cannot create NetCDF file '", m_path, "': ", nc_strerror(status)));
    }
  } else {
    status = nc_open_par(m_path.c_str(), NC_NOWRITE, comm.raw(), MPI_INFO_NULL, &m_ncid);
    if (status != NC_NOERR) {
      m_ncid = -1;
      throw InputError(cat("cannot open NetCDF file '", m_path, "': ", nc_strerror(status),
                           " (not a NetCDF-4 file, or truncated or damaged)"));
    }
  }
}

NcFile::NcFile(NcFile&& other) noexcept
    : m_path(std::move(other.m_path)), m_ncid(std::exchange(other.m_ncid, -1)), m_mode(other.m_mode) {}

NcFile::~NcFile() {
  if (m_ncid >= 0) nc_close(m_ncid);
}

void NcFile::close() {
  if (m_ncid < 0) return;
  const int status = nc_close(m_ncid);
  m_ncid = -1;
  check(status, "close");
}

void NcFile::fail(int status, const std::string& what, const std::string& var) const {
  const std::string where = var.empty() ? "" : cat(", variable '", var, "'");
  const std::string msg = cat("NetCDF error in '", m_path, "'", where, " (", what, "): ", nc_strerror(status));
  if (m_mode == Mode::read) throw InputError(msg);
  throw OutputError(msg);  // a write that fails: a full disk, a quota, a file-size limit
}

int NcFile::define_dim(const std::string& name, std::size_t length) {
  int id = -1;
  check(nc_def_dim(m_ncid, name.c_str(), length, &id), "define dimension " + name);
  return id;
}

int NcFile::define_var(const std::string& name, NcType type, const std::vector<std::string>& dims,
                       const std::vector<std::size_t>& chunks, int deflate) {
  std::vector<int> dim_ids;
  for (const auto& d : dims) {
    int id = -1;
    check(nc_inq_dimid(m_ncid, d.c_str(), &id), "look up dimension " + d, name);
    dim_ids.push_back(id);
  }
  int var = -1;
  check(nc_def_var(m_ncid, name.c_str(), to_nc(type), static_cast<int>(dim_ids.size()), dim_ids.data(), &var),
        "define variable", name);
  if (!chunks.empty()) {
    POLDER_VERIFY(chunks.size() == dims.size(), "chunk rank mismatch for ", name);
    check(nc_def_var_chunking(m_ncid, var, NC_CHUNKED, chunks.data()), "set chunking", name);
  }
  if (deflate > 0) check(nc_def_var_deflate(m_ncid, var, 1, 1, deflate), "set deflate", name);
  return var;
}

void NcFile::set_fill(const std::string& var, double fill_value) {
  const int v = var_id(var);
  nc_type t = NC_NAT;
  check(nc_inq_vartype(m_ncid, v, &t), "inquire type", var);
  switch (t) {
    case NC_UBYTE: {
      const auto f = static_cast<unsigned char>(fill_value);
      check(nc_def_var_fill(m_ncid, v, 0, &f), "set fill", var);
      break;
    }
    case NC_SHORT: {
      const auto f = static_cast<short>(fill_value);
      check(nc_def_var_fill(m_ncid, v, 0, &f), "set fill", var);
      break;
    }
    case NC_INT: {
      const auto f = static_cast<int>(fill_value);
      check(nc_def_var_fill(m_ncid, v, 0, &f), "set fill", var);
      break;
    }
    case NC_FLOAT: {
      const auto f = static_cast<float>(fill_value);
      check(nc_def_var_fill(m_ncid, v, 0, &f), "set fill", var);
      break;
    }
    default: {
      check(nc_def_var_fill(m_ncid, v, 0, &fill_value), "set fill", var);
      break;
    }
  }
}

void NcFile::put_att(const std::string& var, const std::string& name, const std::string& text) {
  const int v = var.empty() ? NC_GLOBAL : var_id(var);
  check(nc_put_att_text(m_ncid, v, name.c_str(), text.size(), text.c_str()), "write attribute " + name, var);
}

void NcFile::put_att(const std::string& var, const std::string& name, double value) {
  put_att(var, name, std::span<const double>(&value, 1));
}

void NcFile::put_att(const std::string& var, const std::string& name, std::span<const double> values) {
  const int v = var.empty() ? NC_GLOBAL : var_id(var);
  check(nc_put_att_double(m_ncid, v, name.c_str(), NC_DOUBLE, values.size(), values.data()), "write attribute " + name,
        var);
}

void NcFile::put_att_int(const std::string& var, const std::string& name, std::span<const std::int32_t> values) {
  const int v = var.empty() ? NC_GLOBAL : var_id(var);
  check(nc_put_att_int(m_ncid, v, name.c_str(), NC_INT, values.size(), values.data()), "write attribute " + name, var);
}

void NcFile::put_att_u8(const std::string& var, const std::string& name, std::span<const std::uint8_t> values) {
  const int v = var.empty() ? NC_GLOBAL : var_id(var);
  check(nc_put_att_uchar(m_ncid, v, name.c_str(), NC_UBYTE, values.size(), values.data()), "write attribute " + name,
        var);
}

void NcFile::end_define() { check(nc_enddef(m_ncid), "end define mode"); }

int NcFile::var_id(const std::string& name) const {
  int id = -1;
  const int status = nc_inq_varid(m_ncid, name.c_str(), &id);
  if (status != NC_NOERR) {
    if (m_mode == Mode::read) throw InputError(cat("input file '", m_path, "' has no variable '", name, "'"));
    fail(status, "look up variable", name);
  }
  return id;
}

bool NcFile::has_var(const std::string& name) const {
  int id = -1;
  return nc_inq_varid(m_ncid, name.c_str(), &id) == NC_NOERR;
}

bool NcFile::has_dim(const std::string& name) const {
  int id = -1;
  return nc_inq_dimid(m_ncid, name.c_str(), &id) == NC_NOERR;
}

std::size_t NcFile::dim_length(const std::string& name) const {
  int id = -1;
  if (nc_inq_dimid(m_ncid, name.c_str(), &id) != NC_NOERR)
    throw InputError(cat("input file '", m_path, "' has no dimension '", name, "'"));
  std::size_t len = 0;
  check(nc_inq_dimlen(m_ncid, id, &len), "inquire dimension " + name);
  return len;
}

std::vector<std::string> NcFile::var_dims(const std::string& var) const {
  const int v = var_id(var);
  int ndims = 0;
  check(nc_inq_varndims(m_ncid, v, &ndims), "inquire rank", var);
  std::vector<int> ids(static_cast<std::size_t>(ndims));
  check(nc_inq_vardimid(m_ncid, v, ids.data()), "inquire dimensions", var);
  std::vector<std::string> out;
  for (const int id : ids) {
    char name[NC_MAX_NAME + 1] = {};
    check(nc_inq_dimname(m_ncid, id, name), "inquire dimension name", var);
    out.emplace_back(name);
  }
  return out;
}

std::vector<std::size_t> NcFile::var_shape(const std::string& var) const {
  std::vector<std::size_t> shape;
  for (const auto& d : var_dims(var)) shape.push_back(dim_length(d));
  return shape;
}

NcType NcFile::var_type(const std::string& var) const {
  nc_type t = NC_NAT;
  check(nc_inq_vartype(m_ncid, var_id(var), &t), "inquire type", var);
  switch (t) {
    case NC_UBYTE:
      return NcType::u8;
    case NC_SHORT:
      return NcType::i16;
    case NC_INT:
      return NcType::i32;
    case NC_FLOAT:
      return NcType::f32;
    case NC_DOUBLE:
      return NcType::f64;
    default:
      break;
  }
  throw InputError(cat("variable '", var, "' in '", m_path, "' has an unsupported NetCDF type (", t, ")"));
}

std::optional<std::string> NcFile::get_att_text(const std::string& var, const std::string& name) const {
  const int v = var.empty() ? NC_GLOBAL : var_id(var);
  std::size_t len = 0;
  nc_type t = NC_NAT;
  if (nc_inq_att(m_ncid, v, name.c_str(), &t, &len) != NC_NOERR || t != NC_CHAR) return std::nullopt;
  std::string out(len, '\0');
  check(nc_get_att_text(m_ncid, v, name.c_str(), out.data()), "read attribute " + name, var);
  while (!out.empty() && out.back() == '\0') out.pop_back();
  return out;
}

std::vector<double> NcFile::get_att_doubles(const std::string& var, const std::string& name) const {
  const int v = var.empty() ? NC_GLOBAL : var_id(var);
  std::size_t len = 0;
  nc_type t = NC_NAT;
  if (nc_inq_att(m_ncid, v, name.c_str(), &t, &len) != NC_NOERR || t == NC_CHAR || t == NC_STRING) return {};
  std::vector<double> out(len);
  check(nc_get_att_double(m_ncid, v, name.c_str(), out.data()), "read attribute " + name, var);
  return out;
}

std::optional<double> NcFile::get_att_double(const std::string& var, const std::string& name) const {
  auto v = get_att_doubles(var, name);
  if (v.empty()) return std::nullopt;
  return v.front();
}

std::vector<std::string> NcFile::var_names() const {
  int n = 0;
  check(nc_inq_nvars(m_ncid, &n), "count variables");
  std::vector<std::string> out;
  for (int i = 0; i < n; ++i) {
    char name[NC_MAX_NAME + 1] = {};
    check(nc_inq_varname(m_ncid, i, name), "inquire variable name");
    out.emplace_back(name);
  }
  return out;
}

void NcFile::set_independent(const std::string& var) const {
  check(nc_var_par_access(m_ncid, var_id(var), NC_INDEPENDENT), "set independent access", var);
}

template <typename T>
void NcFile::write(const std::string& var, const std::vector<std::size_t>& start, const std::vector<std::size_t>& count,
                   std::span<const T> data) {
  const int v = var_id(var);
  POLDER_VERIFY(data.size() >= product(count), "buffer too small writing ", var);
  check(nc_var_par_access(m_ncid, v, NC_COLLECTIVE), "set collective access", var);
  check(nc_put_vara(m_ncid, v, start.data(), count.data(), data.data()), "write", var);
}

template <typename T>
void NcFile::read(const std::string& var, const std::vector<std::size_t>& start, const std::vector<std::size_t>& count,
                  std::span<T> data) const {
  const int v = var_id(var);
  POLDER_VERIFY(data.size() >= product(count), "buffer too small reading ", var);
  nc_type t = NC_NAT;
  check(nc_inq_vartype(m_ncid, v, &t), "inquire type", var);
  if (t != nc_type_of<T>())
    throw InputError(cat("variable '", var, "' in '", m_path, "' has NetCDF type ", t, ", expected ", nc_type_of<T>(),
                         " (see docs/input-format.md)"));
  check(nc_var_par_access(m_ncid, v, NC_COLLECTIVE), "set collective access", var);
  check(nc_get_vara(m_ncid, v, start.data(), count.data(), data.data()), "read", var);
}

template <typename T>
void NcFile::read_independent(const std::string& var, const std::vector<std::size_t>& start,
                              const std::vector<std::size_t>& count, std::span<T> data) const {
  const int v = var_id(var);
  POLDER_VERIFY(data.size() >= product(count), "buffer too small reading ", var);
  nc_type t = NC_NAT;
  check(nc_inq_vartype(m_ncid, v, &t), "inquire type", var);
  if (t != nc_type_of<T>())
    throw InputError(cat("variable '", var, "' in '", m_path, "' has NetCDF type ", t, ", expected ", nc_type_of<T>(),
                         " (see docs/input-format.md)"));
  check(nc_var_par_access(m_ncid, v, NC_INDEPENDENT), "set independent access", var);
  check(nc_get_vara(m_ncid, v, start.data(), count.data(), data.data()), "read", var);
}

#define POLDER_NC_INSTANTIATE(T)                                                                                       \
  template void NcFile::write<T>(const std::string&, const std::vector<std::size_t>&, const std::vector<std::size_t>&, \
                                 std::span<const T>);                                                                  \
  template void NcFile::read<T>(const std::string&, const std::vector<std::size_t>&, const std::vector<std::size_t>&,  \
                                std::span<T>) const;                                                                   \
  template void NcFile::read_independent<T>(const std::string&, const std::vector<std::size_t>&,                       \
                                            const std::vector<std::size_t>&, std::span<T>) const;
POLDER_NC_INSTANTIATE(std::uint8_t)
POLDER_NC_INSTANTIATE(std::int16_t)
POLDER_NC_INSTANTIATE(std::int32_t)
POLDER_NC_INSTANTIATE(float)
POLDER_NC_INSTANTIATE(double)
#undef POLDER_NC_INSTANTIATE

}  // namespace polder::io
