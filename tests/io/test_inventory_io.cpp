// The inventory written by the schema-driven writer reads back through the schema checks; files that
// are not complete inventories are refused with a message naming the file.

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "io/hdf5/h5_file.hpp"
#include "io/hdf5/inventory_reader.hpp"
#include "io/hdf5/inventory_writer.hpp"
#include "solver/core/error.hpp"
#include "tests/reporting/report_fixture.hpp"

using namespace polder;
namespace fs = std::filesystem;

namespace {

io::Provenance provenance() {
  io::Provenance p;
  p.run_name = "reader test";
  p.region = "utrecht";
  p.inputs = {{"input stack", "stack.nc", "abc"}};
  io::Parameter h;
  h.name = "hwp.half_life.sawnwood";
  h.value = h.low = h.high = 35;
  h.unit = "yr";
  p.parameters = {h};
  return p;
}

std::string temp(const std::string& name) { return (fs::temp_directory_path() / name).string(); }

std::string message_of(const std::string& path) {
  try {
    io::read_inventory(path);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST(InventoryIo, WrittenInventoryReadsBackWithItsEuTerms) {
  const auto path = temp("polder_reader_test.h5");
  io::write_inventory(path, polder::testing::report_years(), provenance(), polder::testing::report_eu_parameters());
  const auto d = io::read_inventory(path);
  EXPECT_EQ(d.years(), (std::vector<std::int32_t>{2020, 2021, 2022}));
  EXPECT_EQ(d.get("/crt/area_kha").shape, (std::vector<std::size_t>{3, 36}));
  const auto& term = d.get("/eu_accounting/period_2021_2025/afforested_land_kt_co2e");
  EXPECT_TRUE(term.shape.empty());  // a scalar
  EXPECT_TRUE(std::isnan(term.f64.at(0)));
  EXPECT_EQ(term.attribute("status").value_or(""), "missing");
  EXPECT_EQ(term.attribute("missing_years").value_or(""), "2023 2024 2025");
  EXPECT_NE(d.attribute("/eu_accounting", "scope").value_or("").find("illustration"), std::string::npos);
  {
    const io::H5File f(path, io::H5File::Mode::read);
    EXPECT_EQ(f.attr_string("/eu_accounting/period_2021_2025/afforested_land_kt_co2e", "legal_source").value_or(""),
              "Reg. (EU) 2018/841 Art. 2(1)(a), Art. 6(1), Art. 9(1)");
  }
  fs::remove(path);
}

TEST(InventoryIo, RefusesFilesThatAreNotCompleteInventories) {
  const auto path = temp("polder_reader_full.h5");
  io::write_inventory(path, polder::testing::report_years(), provenance(), polder::testing::report_eu_parameters());
  // Not HDF5 at all.
  const auto text = temp("polder_reader_text.h5");
  std::ofstream(text) << "year,value\n2020,1\n";
  EXPECT_NE(message_of(text).find("is not an HDF5 file"), std::string::npos) << message_of(text);
  // Truncated: the first half of a real inventory.
  const auto cut = temp("polder_reader_cut.h5");
  fs::copy_file(path, cut, fs::copy_options::overwrite_existing);
  fs::resize_file(cut, fs::file_size(path) / 2);
  EXPECT_NE(message_of(cut).find(cut), std::string::npos) << message_of(cut);
  // HDF5, but not an inventory.
  const auto other = temp("polder_reader_other.h5");
  {
    io::H5File f(other, io::H5File::Mode::create);
    const std::vector<double> v = {1, 2};
    f.write<double>("/x", {2}, v);
  }
  EXPECT_NE(message_of(other).find("is not a Polder inventory"), std::string::npos) << message_of(other);
  for (const auto& p : {path, text, cut, other}) fs::remove(p);
  EXPECT_NE(message_of(path).find("no such file"), std::string::npos);
}
