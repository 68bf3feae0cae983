#include <gtest/gtest.h>

#include "core/client/layout.h"

namespace callsession::client {
namespace {

bool overlap(const Rect& a, const Rect& b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

bool inside(const Rect& r, Size size) {
  return r.x >= 0 && r.y >= 0 && r.width > 0 && r.height > 0 && r.x + r.width <= size.width &&
         r.y + r.height <= size.height;
}

TEST(Layout, NoTilesOrNoRoomGiveNoRectangles) {
  EXPECT_TRUE(layoutTiles(CallLayout::kTile, {1280, 720}, 0).empty());
  EXPECT_TRUE(layoutTiles(CallLayout::kTile, {0, 720}, 3).empty());
}

TEST(Layout, OneTileFillsTheContainerInEveryLayout) {
  for (CallLayout layout : {CallLayout::kTile, CallLayout::kSidebar, CallLayout::kSpotlight}) {
    EXPECT_EQ(layoutTiles(layout, {1280, 720}, 1), (std::vector<Rect>{{0, 0, 1280, 720}}));
  }
}

TEST(Layout, TwoTilesSitSideBySideInALandscapeContainer) {
  EXPECT_EQ(layoutTiles(CallLayout::kTile, {1280, 720}, 2),
            (std::vector<Rect>{{0, 0, 640, 720}, {640, 0, 640, 720}}));
}

TEST(Layout, TwoTilesStackInAPortraitContainer) {
  EXPECT_EQ(layoutTiles(CallLayout::kTile, {400, 800}, 2),
            (std::vector<Rect>{{0, 0, 400, 400}, {0, 400, 400, 400}}));
}

TEST(Layout, FourTilesMakeATwoByTwoGrid) {
  EXPECT_EQ(layoutTiles(CallLayout::kTile, {1280, 720}, 4),
            (std::vector<Rect>{
                {0, 0, 640, 360}, {640, 0, 640, 360}, {0, 360, 640, 360}, {640, 360, 640, 360}}));
}

TEST(Layout, AShortLastRowIsCentred) {
  auto rects = layoutTiles(CallLayout::kTile, {1280, 720}, 3);
  ASSERT_EQ(rects.size(), 3U);
  EXPECT_EQ(rects[2], (Rect{320, 360, 640, 360}));
}

TEST(Layout, SpotlightGivesTheFirstTileTheTopAndTheOthersAStrip) {
  auto rects = layoutTiles(CallLayout::kSpotlight, {1000, 500}, 3);
  EXPECT_EQ(rects,
            (std::vector<Rect>{{0, 0, 1000, 400}, {0, 400, 500, 100}, {500, 400, 500, 100}}));
}

TEST(Layout, SidebarGivesTheFirstTileTheLeftAndStacksTheOthers) {
  auto rects = layoutTiles(CallLayout::kSidebar, {1000, 600}, 3);
  EXPECT_EQ(rects, (std::vector<Rect>{{0, 0, 750, 600}, {750, 0, 250, 300}, {750, 300, 250, 300}}));
}

// The property every layout keeps, over many sizes and counts.
TEST(Layout, TilesNeverOverlapNorLeaveTheContainer) {
  for (CallLayout layout : {CallLayout::kTile, CallLayout::kSidebar, CallLayout::kSpotlight}) {
    for (Size size : {Size{1280, 720}, Size{375, 812}, Size{1920, 1080}, Size{300, 300}}) {
      for (size_t count = 1; count <= 12; ++count) {
        auto rects = layoutTiles(layout, size, count);
        ASSERT_EQ(rects.size(), count);
        for (size_t i = 0; i < count; ++i) {
          EXPECT_TRUE(inside(rects[i], size)) << toString(layout) << " " << count << " #" << i;
          for (size_t j = i + 1; j < count; ++j) {
            EXPECT_FALSE(overlap(rects[i], rects[j])) << toString(layout) << " " << count;
          }
        }
      }
    }
  }
}

}  // namespace
}  // namespace callsession::client
