#pragma once

#include <string>
#include <vector>

// How both stores spell a meeting's allow list in a TEXT column: a JSON array of uids.
namespace callsession::server {

std::string allowListText(const std::vector<std::string>& allowList);

// Throws StoreError when the column holds anything but an array of strings.
std::vector<std::string> allowListFromText(const std::string& text);

}  // namespace callsession::server
