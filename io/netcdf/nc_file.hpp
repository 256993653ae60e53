#pragma once
// RAII handle on a NetCDF-4 file opened for parallel access over a Comm. It closes what it owns, cannot
// be copied, and every failure names the file and the variable. Data transfers are collective by
// default (every rank of the Comm must call them, possibly with an empty hyperslab).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "solver/parallel/comm.hpp"

namespace polder::io {

enum class NcType { u8, i16, i32, f32, f64 };

class NcFile {
 public:
  enum class Mode { read, create };

  /// Opens (read) or creates (clobbering) `path` for parallel I/O over `comm`.
  NcFile(const parallel::Comm& comm, std::string path, Mode mode);
  NcFile(const NcFile&) = delete;
  NcFile& operator=(const NcFile&) = delete;
  NcFile(NcFile&& other) noexcept;
  NcFile& operator=(NcFile&&) = delete;
  ~NcFile();

  const std::string& path() const { return m_path; }
  int id() const { return m_ncid; }

  // ---- definition (create mode) ---------------------------------------------------------------
  int define_dim(const std::string& name, std::size_t length);
  /// Defines a variable over `dims`; `chunks` (same rank) enables chunked storage, `deflate` 1–9 zlib.
  int define_var(const std::string& name, NcType type, const std::vector<std::string>& dims,
                 const std::vector<std::size_t>& chunks = {}, int deflate = 0);
  void set_fill(const std::string& var, double fill_value);
  void put_att(const std::string& var, const std::string& name, const std::string& text);
  void put_att(const std::string& var, const std::string& name, double value);
  void put_att(const std::string& var, const std::string& name, std::span<const double> values);
  void put_att_int(const std::string& var, const std::string& name, std::span<const std::int32_t> values);
  /// An NC_UBYTE attribute (CF `flag_values` of a uint8 class variable must have the variable's type).
  void put_att_u8(const std::string& var, const std::string& name, std::span<const std::uint8_t> values);
  /// Global attributes use var = "" (NC_GLOBAL).
  void end_define();

  // ---- queries ----------------------------------------------------------------------------------
  bool has_var(const std::string& name) const;
  bool has_dim(const std::string& name) const;
  std::size_t dim_length(const std::string& name) const;
  std::vector<std::string> var_dims(const std::string& var) const;
  std::vector<std::size_t> var_shape(const std::string& var) const;
  NcType var_type(const std::string& var) const;
  std::optional<std::string> get_att_text(const std::string& var, const std::string& name) const;
  std::optional<double> get_att_double(const std::string& var, const std::string& name) const;
  std::vector<double> get_att_doubles(const std::string& var, const std::string& name) const;
  std::vector<std::string> var_names() const;

  // ---- data -------------------------------------------------------------------------------------
  /// Collective hyperslab transfer: every rank calls with its own start/count (count may be zero).
  template <typename T>
  void write(const std::string& var, const std::vector<std::size_t>& start, const std::vector<std::size_t>& count,
             std::span<const T> data);
  template <typename T>
  void read(const std::string& var, const std::vector<std::size_t>& start, const std::vector<std::size_t>& count,
            std::span<T> data) const;

  /// Independent hyperslab read: only this rank takes part (per-tile reads of owned tiles).
  template <typename T>
  void read_independent(const std::string& var, const std::vector<std::size_t>& start,
                        const std::vector<std::size_t>& count, std::span<T> data) const;

  /// Switches a variable to independent access (transfers need not be matched across ranks).
  void set_independent(const std::string& var) const;

  void close();

 private:
  int var_id(const std::string& name) const;
  [[noreturn]] void fail(int status, const std::string& what, const std::string& var = {}) const;
  void check(int status, const std::string& what, const std::string& var = {}) const {
    if (status != 0) fail(status, what, var);
  }

  std::string m_path;
  int m_ncid = -1;
  Mode m_mode;
};

}  // namespace polder::io
