#pragma once
// A plain 8-bit RGB raster with the few drawing operations map pictures need, and PNG output through
// libpng's simplified API.

#include <cstdint>
#include <string>
#include <vector>

namespace polder::io::render {

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
  friend bool operator==(const Rgb&, const Rgb&) = default;
};

class RgbImage {
 public:
  RgbImage(int width, int height, Rgb background);

  int width() const { return m_width; }
  int height() const { return m_height; }
  Rgb at(int x, int y) const;
  /// Sets a pixel; points outside the image are ignored.
  void set(int x, int y, Rgb c);
  void fill_rect(int x, int y, int w, int h, Rgb c);
  /// A one-pixel outline.
  void frame(int x, int y, int w, int h, Rgb c);

  /// Writes the image as an 8-bit RGB PNG; throws InputError naming the path on failure.
  void write_png(const std::string& path) const;
  /// The same PNG in memory (for pages that embed it).
  std::vector<std::uint8_t> png_bytes() const;
  /// Reads an 8-bit RGB PNG (for tests and checks).
  static RgbImage read_png(const std::string& path);

 private:
  int m_width;
  int m_height;
  std::vector<std::uint8_t> m_pixels;  ///< row-major RGB
};

}  // namespace polder::io::render
