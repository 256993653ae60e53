#pragma once
// GDAL set-up for ingest, and RAII wrappers for the handles ingest holds. Internal to polder_ingest:
// only io/ingest/*.cpp include this (GDAL headers stay out of the rest of Polder).
//
// GDAL is registered once per process with the netCDF and HDF drivers skipped (GDAL_SKIP): Debian's
// libgdal links the serial libnetcdf/libhdf5 while Polder links the MPI builds, so ingest must never
// route a file through GDAL's netCDF/HDF5 code (docs/ingest.md, "Linking").

#include <gdal.h>
#include <ogr_srs_api.h>

#include <string>

namespace polder::io::ingest {

/// Registers GDAL's drivers once (thread-safe), skipping the netCDF/HDF ones.
void ensure_gdal();

/// The drivers ingest skips (the GDAL_SKIP list).
const char* skipped_gdal_drivers();

/// Silences GDAL's own printing for its lifetime; errors are read with last_gdal_error().
class QuietGdal {
 public:
  QuietGdal();
  QuietGdal(const QuietGdal&) = delete;
  QuietGdal& operator=(const QuietGdal&) = delete;
  ~QuietGdal();
};

/// GDAL's last error message ("" if none), for exception texts.
std::string last_gdal_error();

/// Owns a GDALDatasetH (closes it).
class Dataset {
 public:
  Dataset() = default;
  explicit Dataset(GDALDatasetH h) : m_h(h) {}
  Dataset(const Dataset&) = delete;
  Dataset& operator=(const Dataset&) = delete;
  Dataset(Dataset&& o) noexcept : m_h(o.m_h) { o.m_h = nullptr; }
  Dataset& operator=(Dataset&& o) noexcept;
  ~Dataset();
  GDALDatasetH get() const { return m_h; }
  explicit operator bool() const { return m_h != nullptr; }

 private:
  GDALDatasetH m_h = nullptr;
};

/// Owns an OGRSpatialReferenceH.
class SpatialRef {
 public:
  SpatialRef() = default;
  explicit SpatialRef(OGRSpatialReferenceH h) : m_h(h) {}
  SpatialRef(const SpatialRef&) = delete;
  SpatialRef& operator=(const SpatialRef&) = delete;
  SpatialRef(SpatialRef&& o) noexcept : m_h(o.m_h) { o.m_h = nullptr; }
  ~SpatialRef();
  OGRSpatialReferenceH get() const { return m_h; }

 private:
  OGRSpatialReferenceH m_h = nullptr;
};

/// RD New (EPSG:28992) from grid::k_rd_new_wkt, in traditional GIS axis order (x east, y north).
SpatialRef rd_new();
/// A CRS from user text (EPSG:xxxx, WKT, PROJ string); throws ConfigError naming `what` if invalid.
SpatialRef spatial_ref_from(const std::string& text, const std::string& what);

}  // namespace polder::io::ingest
