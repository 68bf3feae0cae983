#pragma once

#include <cstddef>
#include <vector>

#include "core/settings.h"

namespace callsession::client {

// CSS pixels, as the container measures.
struct Size {
  int width = 0;
  int height = 0;

  friend bool operator==(const Size&, const Size&) = default;
};

struct Rect {
  int x = 0;
  int y = 0;
  int width = 0;
  int height = 0;

  friend bool operator==(const Rect&, const Rect&) = default;
};

// Where `count` tiles go in a container of `size`, one rectangle per tile, in tile order. Tiles
// never overlap and never leave the container.
// - TILE: a grid whose column count gives the largest 16:9 picture per tile; an unfilled last row
//   is centred.
// - SPOTLIGHT: tile 0 fills the top, the others share a strip along the bottom.
// - SIDEBAR: tile 0 fills the left, the others stack in a column on the right.
// With one tile every layout is the whole container.
std::vector<Rect> layoutTiles(CallLayout layout, Size size, size_t count);

}  // namespace callsession::client
