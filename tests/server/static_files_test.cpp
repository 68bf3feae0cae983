#include "static_files.h"

#include <gtest/gtest.h>

#include <fstream>

#include "temp_dir.h"

namespace callsession::server {
namespace {

namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
 protected:
  StaticFilesTest() {
    write("index.html", "<head><!--CALLSESSION_CONFIG--></head>index");
    write("meet.html", "<head><!--CALLSESSION_CONFIG--></head>meet");
    write("embed.html", "embed");
    write("sdk/callsession.wasm", "\0asm");
    write("sdk/callsession.js", "js");
    write("sdk/callsession.mjs", "mjs");
    write("assets/page.css", "css");
    write("assets/logo.PNG", "png");
    write("../secret.txt", "secret");
  }

  void write(const std::string& name, const std::string& content) {
    const fs::path file = root() / name;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
  }
  [[nodiscard]] fs::path root() const { return dir.path() / "web"; }
  [[nodiscard]] HttpResponse get(std::string_view path) const { return files.serve(path); }

  testing::TempDir dir;
  StaticFiles files{root(), pageConfigScript(Keys{"signing", "demo-key", true})};
};

TEST_F(StaticFilesTest, TheRootIsTheStartPage) {
  const HttpResponse response = get("/");
  EXPECT_EQ(response.status, 200U);
  EXPECT_EQ(response.contentType, "text/html; charset=utf-8");
  EXPECT_NE(response.body.find("index"), std::string::npos);
}

TEST_F(StaticFilesTest, MeetingAndEmbedRoutesServeTheirPages) {
  EXPECT_NE(get("/meet/team-42").body.find("meet"), std::string::npos);
  EXPECT_EQ(get("/embed/team-42").body, "embed");
}

TEST_F(StaticFilesTest, DemoModeHandsTheAuthKeyToThePages) {
  EXPECT_EQ(get("/meet/team-42").body,
            "<head><script>window.__CALLSESSION_CONFIG__={\"authKey\":\"demo-key\",\"appId\":"
            "\"demo\"}</script></head>meet");
}

TEST_F(StaticFilesTest, OutsideDemoModeThePagesGetAnEmptyConfig) {
  const StaticFiles production(root(), pageConfigScript(Keys{"signing", "secret-key", false}));
  const HttpResponse response = production.serve("/");
  EXPECT_NE(response.body.find("window.__CALLSESSION_CONFIG__={}"), std::string::npos);
  EXPECT_EQ(response.body.find("secret-key"), std::string::npos);
}

TEST_F(StaticFilesTest, TheConfigCannotEndItsScriptEarly) {
  EXPECT_EQ(pageConfigScript(Keys{"s", "</script><script>alert(1)", true}).find("</script><"),
            std::string::npos);
}

TEST_F(StaticFilesTest, FilesGetTheirMimeTypes) {
  EXPECT_EQ(get("/sdk/callsession.wasm").contentType, "application/wasm");
  EXPECT_EQ(get("/sdk/callsession.js").contentType, "text/javascript; charset=utf-8");
  EXPECT_EQ(get("/sdk/callsession.mjs").contentType, "text/javascript; charset=utf-8");
  EXPECT_EQ(get("/assets/page.css").contentType, "text/css; charset=utf-8");
  EXPECT_EQ(get("/assets/logo.PNG").contentType, "image/png");
}

TEST_F(StaticFilesTest, NoPathLeavesTheRoot) {
  for (const char* path : {"/../secret.txt", "/sdk/../../secret.txt", "/%2e%2e/secret.txt",
                           "/%2E%2E%2fsecret.txt", "/sdk/%2e%2e/%2e%2e/secret.txt",
                           "/..%5csecret.txt", "/sdk/callsession.js%00.png", "/%zz"}) {
    const HttpResponse response = get(path);
    EXPECT_EQ(response.status, 404U) << path;
    EXPECT_EQ(response.body.find("secret\""), std::string::npos) << path;
  }
}

TEST_F(StaticFilesTest, ASymlinkOutOfTheRootIsNotFollowed) {
  fs::create_symlink(dir.path() / "secret.txt", root() / "link.txt");
  EXPECT_EQ(get("/link.txt").status, 404U);
}

TEST_F(StaticFilesTest, FoldersAndMissingFilesAre404Json) {
  for (const char* path : {"/sdk", "/sdk/", "/nothing.js", "/meet/a/b"}) {
    const HttpResponse response = get(path);
    EXPECT_EQ(response.status, 404U) << path;
    EXPECT_EQ(response.contentType, "application/json") << path;
  }
}

TEST_F(StaticFilesTest, AMissingWebBuildIs404NotACrash) {
  const StaticFiles empty(dir.path() / "no-build-yet", "");
  EXPECT_EQ(empty.serve("/").status, 404U);
  EXPECT_EQ(empty.serve("/sdk/callsession.js").status, 404U);
}

}  // namespace
}  // namespace callsession::server
