#include "io/ingest/gdal_session.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>

#include <mutex>

#include "solver/core/error.hpp"
#include "solver/grid/national_grid.hpp"

namespace polder::io::ingest {

const char* skipped_gdal_drivers() { return "netCDF HDF5 HDF5Image BAG KEA HDF4 HDF4Image"; }

void ensure_gdal() {
  static std::once_flag once;
  std::call_once(once, [] {
    const QuietGdal quiet;  // GDAL warns about skipped drivers it was built without
    // Only if the user has not chosen their own list.
    if (CPLGetConfigOption("GDAL_SKIP", nullptr) == nullptr) CPLSetConfigOption("GDAL_SKIP", skipped_gdal_drivers());
    GDALAllRegister();
  });
}

QuietGdal::QuietGdal() {
  CPLPushErrorHandler(CPLQuietErrorHandler);
  CPLErrorReset();
}
QuietGdal::~QuietGdal() { CPLPopErrorHandler(); }

std::string last_gdal_error() {
  const char* msg = CPLGetLastErrorMsg();
  return msg == nullptr ? std::string() : std::string(msg);
}

Dataset& Dataset::operator=(Dataset&& o) noexcept {
  if (this != &o) {
    if (m_h != nullptr) GDALClose(m_h);
    m_h = o.m_h;
    o.m_h = nullptr;
  }
  return *this;
}

Dataset::~Dataset() {
  if (m_h != nullptr) GDALClose(m_h);
}

SpatialRef::~SpatialRef() {
  if (m_h != nullptr) OSRRelease(m_h);
}

SpatialRef rd_new() {
  SpatialRef srs(OSRNewSpatialReference(grid::k_rd_new_wkt));
  if (srs.get() == nullptr) throw InternalError("GDAL cannot parse the RD New WKT");
  OSRSetAxisMappingStrategy(srs.get(), OAMS_TRADITIONAL_GIS_ORDER);
  return srs;
}

SpatialRef spatial_ref_from(const std::string& text, const std::string& what) {
  SpatialRef srs(OSRNewSpatialReference(nullptr));
  if (OSRSetFromUserInput(srs.get(), text.c_str()) != OGRERR_NONE)
    throw ConfigError(cat(what, ": cannot understand the coordinate reference system '", text,
                          "' (give EPSG:xxxx, WKT or a PROJ string)"));
  OSRSetAxisMappingStrategy(srs.get(), OAMS_TRADITIONAL_GIS_ORDER);
  return srs;
}

}  // namespace polder::io::ingest
