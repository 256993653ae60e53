// POLDER_VERIFY is always on; POLDER_ASSERT only without NDEBUG. The sanitizer leg of CI (preset
// debug-asan) runs this file with the assertions compiled in, so a broken debug check shows there.
#include <gtest/gtest.h>

#include "solver/core/error.hpp"
#include "solver/grid/tile_layout.hpp"

namespace polder {
namespace {

TEST(Error, VerifyThrowsInternalErrorWithTheMessage) {
  try {
    POLDER_VERIFY(1 + 1 == 3, "arithmetic ", 42);
    FAIL() << "POLDER_VERIFY did not throw";
  } catch (const InternalError& e) {
    EXPECT_NE(std::string(e.what()).find("arithmetic 42"), std::string::npos) << e.what();
  }
}

TEST(Error, AssertIsLiveInDebugBuildsOnly) {
#ifdef NDEBUG
  EXPECT_NO_THROW(POLDER_ASSERT(false, "compiled out"));
#else
  EXPECT_THROW(POLDER_ASSERT(false, "debug check"), InternalError);
  // A debug check inside the library: a tile id outside the layout.
  const grid::TileLayout layout(256);
  EXPECT_THROW((void)layout.geometry(-1), InternalError);
  EXPECT_THROW((void)layout.geometry(layout.n_tiles()), InternalError);
#endif
}

}  // namespace
}  // namespace polder
