// Ingest on several ranks (each warps its own row blocks) writes the same stack as on one rank, and
// an error in one rank's rows is raised on every rank.
#ifdef POLDER_HAVE_GDAL

#include "solver/core/error.hpp"
#include "tests/io/ingest_test_files.hpp"

using namespace polder;
namespace gd = polder::testing::gdal;
namespace fs = std::filesystem;

namespace {

constexpr grid::GridWindow k_tall{5000, 5000, 700, 120};  // three 256-row blocks

struct Files {
  fs::path dir;
  std::string base, raster, config, bad_config;
};

Files prepare(const parallel::Comm& comm) {
  Files f;
  f.dir = fs::temp_directory_path() / ("polder_mpi_ingest_" + std::to_string(comm.size()));
  if (comm.is_root()) {
    fs::remove_all(f.dir);
    fs::create_directories(f.dir);
  }
  comm.barrier();
  f.base = (f.dir / "base.nc").string();
  f.raster = (f.dir / "lu_3035.tif").string();
  f.config = (f.dir / "ingest.ini").string();
  f.bad_config = (f.dir / "bad.ini").string();
  polder::testing::TestStackOptions opt;
  opt.window = k_tall;
  polder::testing::write_test_stack(comm, f.base, opt);
  if (comm.is_root()) {
    // LAEA 100 m pixels of LGN codes; band 2 has code 7 (unknown to LGN) in the window's southern rows.
    gd::RasterSpec spec;
    spec.srs = "EPSG:3035";
    spec.nx = 60;
    spec.ny = 260;
    const double gt[6] = {3977000, 100, 0, 3292000, 0, -100};
    std::copy(gt, gt + 6, spec.geotransform);
    spec.bands.assign(2, std::vector<double>(static_cast<std::size_t>(spec.nx * spec.ny)));
    const int lgn[] = {1, 2, 11, 12, 16, 45, 36};
    for (int j = 0; j < spec.ny; ++j)
      for (int i = 0; i < spec.nx; ++i) {
        const auto k = static_cast<std::size_t>(j * spec.nx + i);
        spec.bands[0][k] = lgn[(i / 3 + j / 5) % 7];
        spec.bands[1][k] = j >= 160 && j <= 180 && i == 30 ? 7 : spec.bands[0][k];
      }
    gd::write_raster(f.raster, spec);
    const std::string classmap = (fs::path(POLDER_SOURCE_DIR) / "configs/classmaps/lgn_to_polder.ini").string();
    gd::write_text(f.config, "[layer lu]\nvariable = land_use\nmap_year = 2021\nsource = lu_3035.tif\nclassmap = " +
                                 classmap + "\n[layer marsh]\nvariable = marsh_elevation\nsource = lu_3035.tif\n");
    gd::write_text(f.bad_config,
                   "[layer lu]\nvariable = land_use\nmap_year = 2021\nsource = lu_3035.tif\nband = 2\n"
                   "classmap = " +
                       classmap + "\n");
  }
  comm.barrier();
  return f;
}

io::ingest::IngestSummary ingest(const parallel::Comm& comm, const std::string& config, const std::string& base,
                                 const std::string& out) {
  io::ingest::IngestRequest r;
  r.config_path = config;
  r.base_path = base;
  r.output_path = out;
  r.force = true;
  return io::ingest::run_ingest(r, comm);
}

}  // namespace

TEST(IngestMpi, AnyRankCountWritesTheSameStack) {
  const auto world = parallel::Comm::borrow(MPI_COMM_WORLD);
  const auto f = prepare(world);
  const std::string parallel_out = (f.dir / "parallel.nc").string(), serial_out = (f.dir / "serial.nc").string();
  const auto s = ingest(world, f.config, f.base, parallel_out);
  EXPECT_EQ(s.window, k_tall);
  if (world.is_root()) {
    const auto self = parallel::Comm::borrow(MPI_COMM_SELF);
    ingest(self, f.config, f.base, serial_out);
    const auto read_all = [&](const std::string& file, const std::string& var, int year) {
      io::NcFile nc(self, file, io::NcFile::Mode::read);
      std::vector<float> v(static_cast<std::size_t>(k_tall.size()));
      if (year >= 0) {
        std::vector<std::uint8_t> b(v.size());
        nc.read<std::uint8_t>(var, {static_cast<std::size_t>(year), 0, 0}, {1, 700, 120}, std::span<std::uint8_t>(b));
        std::copy(b.begin(), b.end(), v.begin());
      } else {
        nc.read<float>(var, {0, 0}, {700, 120}, std::span<float>(v));
      }
      return v;
    };
    EXPECT_EQ(read_all(parallel_out, "land_use", 6), read_all(serial_out, "land_use", 6));
    EXPECT_EQ(read_all(parallel_out, "marsh_elevation", -1), read_all(serial_out, "marsh_elevation", -1));
    const auto lu = read_all(parallel_out, "land_use", 6);
    EXPECT_GT(std::count(lu.begin(), lu.end(), 1.0F), 1000);  // LGN 11/12 -> forest
  }
  world.barrier();
}

TEST(IngestMpi, AnUnknownCodeInTheLastRowsIsRaisedOnEveryRank) {
  const auto world = parallel::Comm::borrow(MPI_COMM_WORLD);
  const auto f = prepare(world);
  std::string msg;
  try {
    ingest(world, f.bad_config, f.base, (f.dir / "bad.nc").string());
  } catch (const InputError& e) {
    msg = e.what();
  }
  EXPECT_NE(msg.find("source code 7 at the cell centred on"), std::string::npos) << msg;
  EXPECT_NE(msg.find("national row 5599, col 5082"), std::string::npos) << msg;  // the third row block
  std::string root = msg;
  world.broadcast(root, 0);
  EXPECT_TRUE(world.all(root == msg));
  world.barrier();
  if (world.is_root()) {
    EXPECT_FALSE(fs::exists(f.dir / "bad.nc"));
    EXPECT_FALSE(fs::exists(f.dir / "bad.nc.partial-ingest"));
    fs::remove_all(f.dir);
  }
}

#endif  // POLDER_HAVE_GDAL
