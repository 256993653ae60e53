#include "io/hdf5/h5_file.hpp"

#include <cerrno>
#include <cstring>
#include <utility>

#include "solver/core/error.hpp"

namespace polder::io {
namespace {

template <typename T>
hid_t mem_type();
template <>
hid_t mem_type<double>() {
  return H5T_NATIVE_DOUBLE;
}
template <>
hid_t mem_type<float>() {
  return H5T_NATIVE_FLOAT;
}
template <>
hid_t mem_type<std::int64_t>() {
  return H5T_NATIVE_INT64;
}
template <>
hid_t mem_type<std::int32_t>() {
  return H5T_NATIVE_INT32;
}
template <>
hid_t mem_type<std::int16_t>() {
  return H5T_NATIVE_INT16;
}
template <>
hid_t mem_type<std::uint16_t>() {
  return H5T_NATIVE_UINT16;
}
template <>
hid_t mem_type<std::uint8_t>() {
  return H5T_NATIVE_UINT8;
}

template <typename T>
hid_t file_type();
template <>
hid_t file_type<double>() {
  return H5T_IEEE_F64LE;
}
template <>
hid_t file_type<float>() {
  return H5T_IEEE_F32LE;
}
template <>
hid_t file_type<std::int64_t>() {
  return H5T_STD_I64LE;
}
template <>
hid_t file_type<std::int32_t>() {
  return H5T_STD_I32LE;
}
template <>
hid_t file_type<std::int16_t>() {
  return H5T_STD_I16LE;
}
template <>
hid_t file_type<std::uint16_t>() {
  return H5T_STD_U16LE;
}
template <>
hid_t file_type<std::uint8_t>() {
  return H5T_STD_U8LE;
}

/// Owns one HDF5 identifier and closes it with the right function.
class Handle {
 public:
  using Closer = herr_t (*)(hid_t);
  Handle(hid_t id, Closer closer) : m_id(id), m_closer(closer) {}
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  ~Handle() {
    if (m_id >= 0) m_closer(m_id);
  }
  hid_t get() const { return m_id; }
  bool valid() const { return m_id >= 0; }

 private:
  hid_t m_id;
  Closer m_closer;
};

hid_t string_type() {
  const hid_t t = H5Tcopy(H5T_C_S1);
  H5Tset_size(t, H5T_VARIABLE);
  H5Tset_cset(t, H5T_CSET_UTF8);
  return t;
}

/// HDF5 prints its error stack to stderr by default; Polder reports errors itself, once.
void quiet_hdf5_errors() { H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr); }

}  // namespace

H5File::H5File(std::string path, Mode mode) : m_path(std::move(path)), m_mode(mode) {
  quiet_hdf5_errors();
  errno = 0;
  if (mode == Mode::create) {
    m_file = H5Fcreate(m_path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
  } else if (mode == Mode::memory) {
    const Handle fapl(H5Pcreate(H5P_FILE_ACCESS), H5Pclose);
    H5Pset_fapl_core(fapl.get(), 1 << 20, false);
    m_file = H5Fcreate(m_path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, fapl.get());
  } else {
    m_file = H5Fopen(m_path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  }
  if (m_file < 0) open_failed();
}

H5File::H5File(const parallel::Comm& comm, std::string path, Mode mode)
    : m_path(std::move(path)), m_mode(mode), m_parallel(true) {
  quiet_hdf5_errors();
  errno = 0;
  const Handle fapl(H5Pcreate(H5P_FILE_ACCESS), H5Pclose);
  H5Pset_fapl_mpio(fapl.get(), comm.raw(), MPI_INFO_NULL);
  H5Pset_all_coll_metadata_ops(fapl.get(), true);
  H5Pset_coll_metadata_write(fapl.get(), true);
  if (mode == Mode::create) {
    m_file = H5Fcreate(m_path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, fapl.get());
  } else {
    m_file = H5Fopen(m_path.c_str(), H5F_ACC_RDONLY, fapl.get());
  }
  if (m_file < 0) open_failed();
}

H5File::~H5File() {
  if (m_file >= 0) H5Fclose(m_file);
}

void H5File::open_failed() const {
  if (m_mode != Mode::read) fail("cannot create the file");
  throw InputError(cat("cannot open HDF5 file '", m_path, "': not an HDF5 file, or truncated or damaged"));
}

std::vector<std::byte> H5File::image() const {
  POLDER_VERIFY(m_mode == Mode::memory && m_file >= 0, "image() of '", m_path,
                "', which is not an open in-memory file");
  if (H5Fflush(m_file, H5F_SCOPE_GLOBAL) < 0) fail("flush");
  const ssize_t size = H5Fget_file_image(m_file, nullptr, 0);
  if (size < 0) fail("get the file image");
  std::vector<std::byte> bytes(static_cast<std::size_t>(size));
  if (H5Fget_file_image(m_file, bytes.data(), bytes.size()) != size) fail("get the file image");
  return bytes;
}

void H5File::close() {
  if (m_file < 0) return;
  const herr_t status = H5Fclose(m_file);
  m_file = H5I_INVALID_HID;
  if (status < 0) fail("close");
}

void H5File::fail(const std::string& what, const std::string& object) const {
  // The system's reason, when the failure came from the file system (a full disk, a quota, a
  // file-size limit, permissions): HDF5's own error stack is not printed (quiet_hdf5_errors).
  const int err = errno;
  const bool system = err == ENOSPC || err == EDQUOT || err == EFBIG || err == EACCES || err == EROFS || err == EIO;
  const std::string msg = cat("HDF5 error in '", m_path, "'", object.empty() ? "" : ", object '" + object + "'", ": ",
                              what, system ? cat(" (", std::strerror(err), ")") : std::string());
  if (m_mode == Mode::read) throw InputError(msg);
  throw OutputError(msg);
}

void H5File::create_group(const std::string& path) {
  const Handle lcpl(H5Pcreate(H5P_LINK_CREATE), H5Pclose);
  H5Pset_create_intermediate_group(lcpl.get(), 1);
  const Handle g(H5Gcreate2(m_file, path.c_str(), lcpl.get(), H5P_DEFAULT, H5P_DEFAULT), H5Gclose);
  if (!g.valid()) fail("create group", path);
}

bool H5File::exists(const std::string& path) const {
  if (path == "/") return true;
  // Check each link along the path so missing intermediate groups are not an error.
  std::size_t pos = 1;
  while (pos <= path.size()) {
    const std::size_t next = path.find('/', pos);
    const std::string prefix = path.substr(0, next);
    if (H5Lexists(m_file, prefix.c_str(), H5P_DEFAULT) <= 0) return false;
    if (next == std::string::npos) break;
    pos = next + 1;
  }
  return true;
}

namespace {
hid_t open_object(hid_t file, const std::string& object) {
  return H5Oopen(file, object.empty() ? "/" : object.c_str(), H5P_DEFAULT);
}
}  // namespace

void H5File::set_attr(const std::string& object, const std::string& name, const std::string& value) {
  const Handle obj(open_object(m_file, object), H5Oclose);
  if (!obj.valid()) fail("open object for attribute " + name, object);
  if (H5Aexists(obj.get(), name.c_str()) > 0) H5Adelete(obj.get(), name.c_str());
  const Handle type(string_type(), H5Tclose);
  const Handle space(H5Screate(H5S_SCALAR), H5Sclose);
  const Handle attr(H5Acreate2(obj.get(), name.c_str(), type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose);
  const char* ptr = value.c_str();
  if (!attr.valid() || H5Awrite(attr.get(), type.get(), &ptr) < 0) fail("write attribute " + name, object);
}

void H5File::set_attr(const std::string& object, const std::string& name, double value) {
  const Handle obj(open_object(m_file, object), H5Oclose);
  if (!obj.valid()) fail("open object for attribute " + name, object);
  if (H5Aexists(obj.get(), name.c_str()) > 0) H5Adelete(obj.get(), name.c_str());
  const Handle space(H5Screate(H5S_SCALAR), H5Sclose);
  const Handle attr(H5Acreate2(obj.get(), name.c_str(), H5T_IEEE_F64LE, space.get(), H5P_DEFAULT, H5P_DEFAULT),
                    H5Aclose);
  if (!attr.valid() || H5Awrite(attr.get(), H5T_NATIVE_DOUBLE, &value) < 0) fail("write attribute " + name, object);
}

void H5File::set_attr(const std::string& object, const std::string& name, std::int64_t value) {
  const Handle obj(open_object(m_file, object), H5Oclose);
  if (!obj.valid()) fail("open object for attribute " + name, object);
  if (H5Aexists(obj.get(), name.c_str()) > 0) H5Adelete(obj.get(), name.c_str());
  const Handle space(H5Screate(H5S_SCALAR), H5Sclose);
  const Handle attr(H5Acreate2(obj.get(), name.c_str(), H5T_STD_I64LE, space.get(), H5P_DEFAULT, H5P_DEFAULT),
                    H5Aclose);
  if (!attr.valid() || H5Awrite(attr.get(), H5T_NATIVE_INT64, &value) < 0) fail("write attribute " + name, object);
}

std::optional<std::string> H5File::attr_string(const std::string& object, const std::string& name) const {
  const Handle obj(open_object(m_file, object), H5Oclose);
  if (!obj.valid() || H5Aexists(obj.get(), name.c_str()) <= 0) return std::nullopt;
  const Handle attr(H5Aopen(obj.get(), name.c_str(), H5P_DEFAULT), H5Aclose);
  const Handle type(string_type(), H5Tclose);
  char* value = nullptr;
  if (H5Aread(attr.get(), type.get(), &value) < 0) return std::nullopt;
  std::string out = value != nullptr ? value : "";
  H5free_memory(value);
  return out;
}

std::optional<double> H5File::attr_double(const std::string& object, const std::string& name) const {
  const Handle obj(open_object(m_file, object), H5Oclose);
  if (!obj.valid() || H5Aexists(obj.get(), name.c_str()) <= 0) return std::nullopt;
  const Handle attr(H5Aopen(obj.get(), name.c_str(), H5P_DEFAULT), H5Aclose);
  double v = 0.0;
  if (H5Aread(attr.get(), H5T_NATIVE_DOUBLE, &v) < 0) return std::nullopt;
  return v;
}

std::optional<std::int64_t> H5File::attr_int(const std::string& object, const std::string& name) const {
  const Handle obj(open_object(m_file, object), H5Oclose);
  if (!obj.valid() || H5Aexists(obj.get(), name.c_str()) <= 0) return std::nullopt;
  const Handle attr(H5Aopen(obj.get(), name.c_str(), H5P_DEFAULT), H5Aclose);
  std::int64_t v = 0;
  if (H5Aread(attr.get(), H5T_NATIVE_INT64, &v) < 0) return std::nullopt;
  return v;
}

template <typename T>
void H5File::write(const std::string& path, const std::vector<hsize_t>& dims, std::span<const T> data,
                   const std::string& units, const std::string& description) {
  hsize_t n = 1;
  for (auto d : dims) n *= d;
  POLDER_VERIFY(data.size() == n, "dataset ", path, " has ", data.size(), " values for ", n);
  const auto slash = path.rfind('/');
  if (slash != std::string::npos && slash > 0 && !exists(path.substr(0, slash))) create_group(path.substr(0, slash));
  // No dimensions: a scalar dataset.
  const Handle space(
      dims.empty() ? H5Screate(H5S_SCALAR) : H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr),
      H5Sclose);
  const Handle ds(H5Dcreate2(m_file, path.c_str(), file_type<T>(), space.get(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                  H5Dclose);
  if (!ds.valid()) fail("create dataset", path);
  if (n > 0 && H5Dwrite(ds.get(), mem_type<T>(), H5S_ALL, H5S_ALL, H5P_DEFAULT, data.data()) < 0) fail("write", path);
  if (!units.empty()) set_attr(path, "units", units);
  if (!description.empty()) set_attr(path, "description", description);
}

void H5File::write_strings(const std::string& path, const std::vector<std::string>& values,
                           const std::string& description) {
  const auto slash = path.rfind('/');
  if (slash != std::string::npos && slash > 0 && !exists(path.substr(0, slash))) create_group(path.substr(0, slash));
  const hsize_t n = values.size();
  const Handle type(string_type(), H5Tclose);
  const Handle space(H5Screate_simple(1, &n, nullptr), H5Sclose);
  const Handle ds(H5Dcreate2(m_file, path.c_str(), type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                  H5Dclose);
  if (!ds.valid()) fail("create dataset", path);
  std::vector<const char*> ptrs;
  for (const auto& v : values) ptrs.push_back(v.c_str());
  if (n > 0 && H5Dwrite(ds.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, ptrs.data()) < 0) fail("write", path);
  if (!description.empty()) set_attr(path, "description", description);
}

std::vector<hsize_t> H5File::shape(const std::string& path) const {
  const Handle ds(H5Dopen2(m_file, path.c_str(), H5P_DEFAULT), H5Dclose);
  if (!ds.valid()) fail("open dataset (missing?)", path);
  const Handle space(H5Dget_space(ds.get()), H5Sclose);
  const int rank = H5Sget_simple_extent_ndims(space.get());
  std::vector<hsize_t> dims(static_cast<std::size_t>(std::max(rank, 0)));
  if (rank > 0) H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr);
  return dims;
}

template <typename T>
std::vector<T> H5File::read(const std::string& path) const {
  hsize_t n = 1;
  for (auto d : shape(path)) n *= d;
  std::vector<T> out(n);
  const Handle ds(H5Dopen2(m_file, path.c_str(), H5P_DEFAULT), H5Dclose);
  if (n > 0 && H5Dread(ds.get(), mem_type<T>(), H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data()) < 0) fail("read", path);
  return out;
}

std::vector<std::string> H5File::read_strings(const std::string& path) const {
  const auto dims = shape(path);
  const hsize_t n = dims.empty() ? 0 : dims[0];
  std::vector<char*> ptrs(n, nullptr);
  const Handle ds(H5Dopen2(m_file, path.c_str(), H5P_DEFAULT), H5Dclose);
  const Handle type(string_type(), H5Tclose);
  if (n > 0 && H5Dread(ds.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, ptrs.data()) < 0) fail("read", path);
  std::vector<std::string> out;
  for (auto* p : ptrs) {
    out.emplace_back(p != nullptr ? p : "");
    H5free_memory(p);
  }
  return out;
}

template <typename T>
void H5File::create_1d(const std::string& path, hsize_t global_size, const std::string& units) {
  const auto slash = path.rfind('/');
  if (slash != std::string::npos && slash > 0 && !exists(path.substr(0, slash))) create_group(path.substr(0, slash));
  const Handle space(H5Screate_simple(1, &global_size, nullptr), H5Sclose);
  const Handle ds(H5Dcreate2(m_file, path.c_str(), file_type<T>(), space.get(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                  H5Dclose);
  if (!ds.valid()) fail("create dataset", path);
  if (!units.empty()) set_attr(path, "units", units);
}

template <typename T>
void H5File::write_slab(const std::string& path, hsize_t offset, std::span<const T> data) {
  const Handle ds(H5Dopen2(m_file, path.c_str(), H5P_DEFAULT), H5Dclose);
  if (!ds.valid()) fail("open dataset", path);
  const Handle file_space(H5Dget_space(ds.get()), H5Sclose);
  const hsize_t count = data.size();
  if (count > 0) {
    H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, &offset, nullptr, &count, nullptr);
  } else {
    H5Sselect_none(file_space.get());
  }
  const hsize_t mem_count = std::max<hsize_t>(count, 1);
  const Handle mem_space(H5Screate_simple(1, &mem_count, nullptr), H5Sclose);
  if (count == 0) H5Sselect_none(mem_space.get());
  const Handle dxpl(H5Pcreate(H5P_DATASET_XFER), H5Pclose);
  if (m_parallel) H5Pset_dxpl_mpio(dxpl.get(), H5FD_MPIO_COLLECTIVE);
  const T dummy{};
  if (H5Dwrite(ds.get(), mem_type<T>(), mem_space.get(), file_space.get(), dxpl.get(),
               count > 0 ? static_cast<const void*>(data.data()) : static_cast<const void*>(&dummy)) < 0)
    fail("write slab", path);
}

template <typename T>
void H5File::read_slab(const std::string& path, hsize_t offset, std::span<T> data) const {
  const Handle ds(H5Dopen2(m_file, path.c_str(), H5P_DEFAULT), H5Dclose);
  if (!ds.valid()) fail("open dataset (missing?)", path);
  const Handle file_space(H5Dget_space(ds.get()), H5Sclose);
  const hsize_t count = data.size();
  if (count > 0) {
    H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, &offset, nullptr, &count, nullptr);
  } else {
    H5Sselect_none(file_space.get());
  }
  const hsize_t mem_count = std::max<hsize_t>(count, 1);
  const Handle mem_space(H5Screate_simple(1, &mem_count, nullptr), H5Sclose);
  if (count == 0) H5Sselect_none(mem_space.get());
  const Handle dxpl(H5Pcreate(H5P_DATASET_XFER), H5Pclose);
  if (m_parallel) H5Pset_dxpl_mpio(dxpl.get(), H5FD_MPIO_COLLECTIVE);
  T dummy{};
  if (H5Dread(ds.get(), mem_type<T>(), mem_space.get(), file_space.get(), dxpl.get(),
              count > 0 ? static_cast<void*>(data.data()) : static_cast<void*>(&dummy)) < 0)
    fail("read slab", path);
}

#define POLDER_H5_INSTANTIATE(T)                                                                      \
  template void H5File::write<T>(const std::string&, const std::vector<hsize_t>&, std::span<const T>, \
                                 const std::string&, const std::string&);                             \
  template std::vector<T> H5File::read<T>(const std::string&) const;                                  \
  template void H5File::create_1d<T>(const std::string&, hsize_t, const std::string&);                \
  template void H5File::write_slab<T>(const std::string&, hsize_t, std::span<const T>);               \
  template void H5File::read_slab<T>(const std::string&, hsize_t, std::span<T>) const;
POLDER_H5_INSTANTIATE(double)
POLDER_H5_INSTANTIATE(float)
POLDER_H5_INSTANTIATE(std::int64_t)
POLDER_H5_INSTANTIATE(std::int32_t)
POLDER_H5_INSTANTIATE(std::int16_t)
POLDER_H5_INSTANTIATE(std::uint16_t)
POLDER_H5_INSTANTIATE(std::uint8_t)
#undef POLDER_H5_INSTANTIATE

}  // namespace polder::io
