#pragma once

#include <cstddef>
#include <optional>
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

// Every tile is a 16:9 picture: cameras and screens are landscape, and a tile of the video's own
// shape shows all of it without cropping or bars.
inline constexpr int kTileAspectWidth = 16;
inline constexpr int kTileAspectHeight = 9;

struct LayoutInput {
  CallLayout layout = CallLayout::kTile;
  Size container;
  size_t count = 0;  // tiles; the result has one rectangle per tile, in this order
  // The featured layouts enlarge the pinned tile, else the speaking one, else tile 0.
  std::optional<size_t> pinned;
  std::optional<size_t> speaking;
};

// Where each tile goes. Every rectangle is the largest 16:9 box its slot allows (to the pixel),
// inside the container, overlapping no other; what is left over is spread evenly around.
// - TILE: a grid whose column count gives the largest tiles; an unfilled last row is centred.
// - SPOTLIGHT: the featured tile above, the others in a row along the bottom.
// - SIDEBAR: the featured tile on the left, the others in a column on the right.
// With one tile every layout shows it as large as fits. A container too small for a tile gets
// no rectangles at all rather than degenerate ones.
std::vector<Rect> layoutTiles(const LayoutInput& input);

}  // namespace callsession::client
