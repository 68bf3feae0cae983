#pragma once

#include <string>
#include <string_view>

namespace callsession::server {

// The address the limits count a request against. `peer`: the TCP peer. `forwardedFor`: the
// request's X-Forwarded-For. Only behind a trusted reverse proxy is the header believed (anyone
// else could write any address into it), and then only its last entry: the one the proxy itself
// appended, where earlier ones came from the client.
std::string clientAddress(std::string_view peer, std::string_view forwardedFor, bool trustProxy);

}  // namespace callsession::server
