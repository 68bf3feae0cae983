#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "http_types.h"
#include "keys.h"

// The web build (another issue builds it into the web root): the pages and the SDK bundles.
namespace callsession::server {

// Where the pages read their configuration: the server puts a script defining
// window.__CALLSESSION_CONFIG__ in place of this comment in every HTML file it serves.
inline constexpr std::string_view kConfigPlaceholder = "<!--CALLSESSION_CONFIG-->";

// The script for the placeholder. In demo mode it hands the pages the stored auth key
// ({"authKey":…,"appId":"demo"}); otherwise the config is {} and the key never leaves the server.
std::string pageConfigScript(const Keys& keys);

class StaticFiles {
 public:
  StaticFiles(std::filesystem::path webRoot, std::string configScript);

  // GET of a path outside /api: `/` → index.html, `/meet/<id>` → meet.html, `/embed/<id>` →
  // embed.html, anything else the file of that name under the root. A path that leaves the root
  // (`..`, encoded or not), names a folder, or names nothing gives a 404.
  [[nodiscard]] HttpResponse serve(std::string_view path) const;

 private:
  [[nodiscard]] std::optional<std::filesystem::path> resolve(std::string_view path) const;

  std::filesystem::path root_;
  std::string configScript_;
};

}  // namespace callsession::server
