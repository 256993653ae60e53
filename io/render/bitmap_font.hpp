#pragma once
// A small 5 x 7 pixel bitmap font (printable ASCII and a degree sign), drawn by Polder itself so map
// pictures need no font files. Glyphs advance 6 pixels; lines are 9 pixels; `scale` enlarges them.
// UTF-8 text is accepted: a few accented letters and symbols fall back to their ASCII look-alikes.

#include <string_view>

#include "io/render/rgb_image.hpp"

namespace polder::io::render {

inline constexpr int k_glyph_width = 5;
inline constexpr int k_glyph_height = 7;
inline constexpr int k_glyph_advance = 6;
inline constexpr int k_line_height = 9;

/// Width in pixels of `text` drawn at `scale`.
int text_width(std::string_view text, int scale = 1);

/// Draws `text` with its top-left corner at (x, y); returns the x after the last glyph.
int draw_text(RgbImage& image, int x, int y, std::string_view text, Rgb colour, int scale = 1);

}  // namespace polder::io::render
