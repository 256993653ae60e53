#pragma once
// RAII handles on HDF5 files. `H5File` is opened either by one process (inventories, written by
// rank 0) or collectively over a Comm with the MPI-IO driver (checkpoints, maps). It closes what it
// owns, cannot be copied, and its errors name the file and the dataset.

#include <hdf5.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "solver/parallel/comm.hpp"

namespace polder::io {

class H5File {
 public:
  /// `memory`: a serial file built in memory only (HDF5 core driver, no backing store); `image()`
  /// gives its bytes, which the caller writes to disk with its own error handling. HDF5 1.10 crashes
  /// when it finalises after a failed write of a file on disk (a full disk), so small serial outputs
  /// (inventories) are built in memory and written in one checked step.
  enum class Mode { read, create, memory };

  /// Serial access by this process only.
  H5File(std::string path, Mode mode);
  /// Parallel access over `comm` (MPI-IO driver); dataset writes are collective.
  H5File(const parallel::Comm& comm, std::string path, Mode mode);
  H5File(const H5File&) = delete;
  H5File& operator=(const H5File&) = delete;
  ~H5File();

  const std::string& path() const { return m_path; }
  hid_t id() const { return m_file; }

  void create_group(const std::string& path);
  bool exists(const std::string& path) const;

  // ---- attributes (on "/" or any group or dataset) -----------------------------------------------
  void set_attr(const std::string& object, const std::string& name, const std::string& value);
  void set_attr(const std::string& object, const std::string& name, double value);
  void set_attr(const std::string& object, const std::string& name, std::int64_t value);
  std::optional<std::string> attr_string(const std::string& object, const std::string& name) const;
  std::optional<double> attr_double(const std::string& object, const std::string& name) const;
  std::optional<std::int64_t> attr_int(const std::string& object, const std::string& name) const;

  // ---- whole datasets (serial files, or the same data from every rank in parallel files) ----------
  /// `dims` empty writes a scalar dataset (whose shape() is empty and which read() returns as one value).
  template <typename T>
  void write(const std::string& path, const std::vector<hsize_t>& dims, std::span<const T> data,
             const std::string& units = {}, const std::string& description = {});
  void write_strings(const std::string& path, const std::vector<std::string>& values,
                     const std::string& description = {});
  template <typename T>
  std::vector<T> read(const std::string& path) const;
  std::vector<std::string> read_strings(const std::string& path) const;
  std::vector<hsize_t> shape(const std::string& path) const;

  // ---- distributed 1-D datasets (parallel files) -------------------------------------------------
  /// Creates a 1-D dataset of `global_size` elements; every rank then writes its slab collectively.
  template <typename T>
  void create_1d(const std::string& path, hsize_t global_size, const std::string& units = {});
  template <typename T>
  void write_slab(const std::string& path, hsize_t offset, std::span<const T> data);
  template <typename T>
  void read_slab(const std::string& path, hsize_t offset, std::span<T> data) const;

  void close();
  /// The bytes of a Mode::memory file (flushes it first).
  std::vector<std::byte> image() const;

 private:
  [[noreturn]] void fail(const std::string& what, const std::string& object = {}) const;
  [[noreturn]] void open_failed() const;
  std::string m_path;
  hid_t m_file = H5I_INVALID_HID;
  Mode m_mode;
  bool m_parallel = false;
};

}  // namespace polder::io
