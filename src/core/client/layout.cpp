#include "layout.h"

#include <algorithm>

namespace callsession::client {
namespace {

// The picture area of a 16:9 video shown whole ("contain") in a cell.
long long pictureArea(int cellWidth, int cellHeight) {
  const long long width = std::min<long long>(cellWidth, cellHeight * 16LL / 9);
  return width * width * 9 / 16;
}

int columnsFor(Size size, int count) {
  int best = 1;
  long long bestArea = -1;
  for (int columns = 1; columns <= count; ++columns) {
    const int rows = (count + columns - 1) / columns;
    const long long area = pictureArea(size.width / columns, size.height / rows);
    if (area >= bestArea) {  // a tie goes to more columns: side by side on a wide screen
      bestArea = area;
      best = columns;
    }
  }
  return best;
}

std::vector<Rect> grid(Size size, int count) {
  const int columns = columnsFor(size, count);
  const int rows = (count + columns - 1) / columns;
  const int cellWidth = size.width / columns;
  const int cellHeight = size.height / rows;
  std::vector<Rect> rects;
  rects.reserve(static_cast<size_t>(count));
  for (int i = 0; i < count; ++i) {
    const int row = i / columns;
    const int inRow = std::min(columns, count - row * columns);
    const int indent = (size.width - inRow * cellWidth) / 2;  // centres a short last row
    rects.push_back({indent + (i % columns) * cellWidth, row * cellHeight, cellWidth, cellHeight});
  }
  return rects;
}

// Tile 0 gets `main`; the rest split `strip` along its longer side.
std::vector<Rect> featured(Rect main, Rect strip, int count) {
  std::vector<Rect> rects{main};
  const int others = count - 1;
  const bool across = strip.width >= strip.height;
  for (int i = 0; i < others; ++i) {
    if (across) {
      const int width = strip.width / others;
      rects.push_back({strip.x + i * width, strip.y, width, strip.height});
    } else {
      const int height = strip.height / others;
      rects.push_back({strip.x, strip.y + i * height, strip.width, height});
    }
  }
  return rects;
}

}  // namespace

std::vector<Rect> layoutTiles(CallLayout layout, Size size, size_t count) {
  if (count == 0 || size.width <= 0 || size.height <= 0) return {};
  const int n = static_cast<int>(count);
  if (n == 1) return {{0, 0, size.width, size.height}};
  switch (layout) {
    case CallLayout::kTile:
      return grid(size, n);
    case CallLayout::kSpotlight: {
      const int stripHeight = size.height / 5;
      const int mainHeight = size.height - stripHeight;
      return featured({0, 0, size.width, mainHeight}, {0, mainHeight, size.width, stripHeight}, n);
    }
    case CallLayout::kSidebar: {
      const int sideWidth = size.width / 4;
      const int mainWidth = size.width - sideWidth;
      return featured({0, 0, mainWidth, size.height}, {mainWidth, 0, sideWidth, size.height}, n);
    }
  }
  return grid(size, n);
}

}  // namespace callsession::client
