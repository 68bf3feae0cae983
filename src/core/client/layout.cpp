#include "layout.h"

#include <algorithm>

namespace callsession::client {
namespace {

// The largest 16:9 size that fits in `width` × `height`.
Size fit(int width, int height) {
  const int w = std::min(width, height * kTileAspectWidth / kTileAspectHeight);
  return {w, w * kTileAspectHeight / kTileAspectWidth};
}

// A row (or column) of `count` tiles of `tile` size, centred on the segment [from, from + length)
// along its axis and at `cross` across it.
void placeRun(std::vector<Rect>& rects, Size tile, int count, bool across, int from, int length,
              int cross) {
  const int step = across ? tile.width : tile.height;
  const int start = from + (length - count * step) / 2;
  for (int i = 0; i < count; ++i) {
    rects.push_back(across ? Rect{start + i * step, cross, tile.width, tile.height}
                           : Rect{cross, start + i * step, tile.width, tile.height});
  }
}

std::vector<Rect> grid(Size container, int count) {
  // The column count that gives the largest tiles; a tie goes to more columns (wide screens).
  int columns = 1;
  Size tile;
  for (int c = 1; c <= count; ++c) {
    const int rows = (count + c - 1) / c;
    const Size candidate = fit(container.width / c, container.height / rows);
    if (candidate.width >= tile.width) {
      tile = candidate;
      columns = c;
    }
  }
  const int rows = (count + columns - 1) / columns;
  const int top = (container.height - rows * tile.height) / 2;
  std::vector<Rect> rects;
  for (int row = 0; row < rows; ++row) {
    const int inRow = std::min(columns, count - row * columns);
    placeRun(rects, tile, inRow, true, 0, container.width, top + row * tile.height);
  }
  return rects;
}

// The featured tile in `main`, the others in one run along a strip beside it: below (SPOTLIGHT)
// or to the right (SIDEBAR). The strip takes at most a fifth of the height or a quarter of the
// width, and no more than its tiles need, so the featured tile gets the rest.
std::vector<Rect> featured(CallLayout layout, Size container, int count) {
  const int others = count - 1;
  const bool below = layout == CallLayout::kSpotlight;
  Size small = below ? fit(container.width / others, container.height / 5)
                     : fit(container.width / 4, container.height / others);
  auto mainFor = [&](Size strip) {
    return below ? fit(container.width, container.height - strip.height)
                 : fit(container.width - strip.width, container.height);
  };
  // In a container much wider (or taller) than 16:9 the strip's limit alone would let a small
  // tile match the featured one: keep it at most half as wide, which only frees room for it.
  small = fit(std::min(small.width, mainFor(small).width / 2), small.height);
  const Size main = mainFor(small);
  std::vector<Rect> rects;
  if (below) {
    const int gap = (container.height - main.height - small.height) / 3;
    placeRun(rects, main, 1, true, 0, container.width, gap);
    placeRun(rects, small, others, true, 0, container.width, 2 * gap + main.height);
  } else {
    const int gap = (container.width - main.width - small.width) / 3;
    placeRun(rects, main, 1, false, 0, container.height, gap);
    placeRun(rects, small, others, false, 0, container.height, 2 * gap + main.width);
  }
  return rects;
}

}  // namespace

std::vector<Rect> layoutTiles(const LayoutInput& input) {
  if (input.count == 0) return {};
  const int count = static_cast<int>(input.count);
  const bool isFeatured = input.layout != CallLayout::kTile && count > 1;
  std::vector<Rect> slots =
      isFeatured ? featured(input.layout, input.container, count) : grid(input.container, count);
  if (std::any_of(slots.begin(), slots.end(), [](const Rect& r) { return r.height <= 0; })) {
    return {};
  }
  if (!isFeatured) return slots;
  // slots[0] is the large one; the other tiles take the strip's slots in their own order.
  auto valid = [&input](std::optional<size_t> index) { return index && *index < input.count; };
  const size_t chosen = valid(input.pinned)     ? *input.pinned
                        : valid(input.speaking) ? *input.speaking
                                                : 0;
  std::vector<Rect> rects(input.count);
  rects[chosen] = slots[0];
  for (size_t tile = 0, slot = 1; tile < input.count; ++tile) {
    if (tile != chosen) rects[tile] = slots[slot++];
  }
  return rects;
}

}  // namespace callsession::client
