#include "store_encoding.h"

#include <nlohmann/json.hpp>

#include "jwt.h"
#include "store.h"

namespace callsession::server {

using nlohmann::json;

std::string allowListText(const std::vector<std::string>& allowList) {
  return jsonText(json(allowList));
}

std::vector<std::string> allowListFromText(const std::string& text) {
  std::vector<std::string> allowList;
  const json parsed = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_array()) throw StoreError("meetings.allow_list is not a JSON array");
  for (const json& uid : parsed) {
    if (!uid.is_string()) throw StoreError("meetings.allow_list holds a non-string");
    allowList.push_back(uid.get_ref<const std::string&>());
  }
  return allowList;
}

}  // namespace callsession::server
