#include "io/render/rgb_image.hpp"

#include <png.h>

#include <algorithm>
#include <cstring>

#include "solver/core/error.hpp"

namespace polder::io::render {

RgbImage::RgbImage(int width, int height, Rgb background)
    : m_width(width),
      m_height(height),
      m_pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3) {
  POLDER_VERIFY(width > 0 && height > 0, "image of ", width, " x ", height, " pixels");
  fill_rect(0, 0, width, height, background);
}

Rgb RgbImage::at(int x, int y) const {
  const std::size_t i =
      (static_cast<std::size_t>(y) * static_cast<std::size_t>(m_width) + static_cast<std::size_t>(x)) * 3;
  return {m_pixels[i], m_pixels[i + 1], m_pixels[i + 2]};
}

void RgbImage::set(int x, int y, Rgb c) {
  if (x < 0 || y < 0 || x >= m_width || y >= m_height) return;
  const std::size_t i =
      (static_cast<std::size_t>(y) * static_cast<std::size_t>(m_width) + static_cast<std::size_t>(x)) * 3;
  m_pixels[i] = c.r;
  m_pixels[i + 1] = c.g;
  m_pixels[i + 2] = c.b;
}

void RgbImage::fill_rect(int x, int y, int w, int h, Rgb c) {
  const int x0 = std::max(0, x), y0 = std::max(0, y);
  const int x1 = std::min(m_width, x + w), y1 = std::min(m_height, y + h);
  for (int yy = y0; yy < y1; ++yy)
    for (int xx = x0; xx < x1; ++xx) set(xx, yy, c);
}

void RgbImage::frame(int x, int y, int w, int h, Rgb c) {
  fill_rect(x, y, w, 1, c);
  fill_rect(x, y + h - 1, w, 1, c);
  fill_rect(x, y, 1, h, c);
  fill_rect(x + w - 1, y, 1, h, c);
}

namespace {
/// libpng's simplified-API description of an 8-bit RGB image.
png_image png_description(int width, int height) {
  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  image.width = static_cast<png_uint_32>(width);
  image.height = static_cast<png_uint_32>(height);
  image.format = PNG_FORMAT_RGB;
  return image;
}
}  // namespace

void RgbImage::write_png(const std::string& path) const {
  png_image image = png_description(m_width, m_height);
  if (png_image_write_to_file(&image, path.c_str(), 0, m_pixels.data(), 0, nullptr) == 0)
    throw InputError(cat("cannot write PNG '", path, "': ", image.message));
}

std::vector<std::uint8_t> RgbImage::png_bytes() const {
  png_image image = png_description(m_width, m_height);
  png_alloc_size_t size = 0;
  if (png_image_write_to_memory(&image, nullptr, &size, 0, m_pixels.data(), 0, nullptr) == 0)
    throw InternalError(cat("cannot encode a PNG in memory: ", image.message));
  std::vector<std::uint8_t> out(size);
  if (png_image_write_to_memory(&image, out.data(), &size, 0, m_pixels.data(), 0, nullptr) == 0)
    throw InternalError(cat("cannot encode a PNG in memory: ", image.message));
  out.resize(size);
  return out;
}

RgbImage RgbImage::read_png(const std::string& path) {
  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  if (png_image_begin_read_from_file(&image, path.c_str()) == 0)
    throw InputError(cat("cannot read PNG '", path, "': ", image.message));
  image.format = PNG_FORMAT_RGB;
  RgbImage out(static_cast<int>(image.width), static_cast<int>(image.height), Rgb{});
  if (png_image_finish_read(&image, nullptr, out.m_pixels.data(), 0, nullptr) == 0)
    throw InputError(cat("cannot read PNG '", path, "': ", image.message));
  return out;
}

}  // namespace polder::io::render
