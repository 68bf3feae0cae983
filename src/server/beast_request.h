#pragma once

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include "http_types.h"

namespace callsession::server {

// A request as Beast parsed it, as the handlers see it: header names in lower case, the body as
// sent. The client address is left for the caller, which knows the connection.
HttpRequest toHttpRequest(
    const boost::beast::http::request<boost::beast::http::string_body>& request);

}  // namespace callsession::server
