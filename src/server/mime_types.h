#pragma once

#include <string_view>

namespace callsession::server {

// The Content-Type for a file name, by extension; application/octet-stream when unknown.
std::string_view mimeTypeFor(std::string_view fileName);

}  // namespace callsession::server
