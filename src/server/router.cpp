#include "router.h"

#include <array>
#include <functional>
#include <vector>

#include "http_error.h"
#include "log.h"
#include "meetings_api.h"
#include "users_api.h"

namespace callsession::server {
namespace {

// One API route. In a pattern, "*" matches the sessionId segment, which the handler receives.
using Handler =
    std::function<HttpResponse(const HttpRequest&, const ServerContext&, const std::string&)>;
struct Route {
  std::vector<std::string_view> pattern;
  std::string_view method;
  Handler handler;
};

const std::vector<Route>& apiRoutes() {
  static const std::vector<Route> routes{
      {{"api", "users", "login"},
       "POST",
       [](const HttpRequest& r, const ServerContext& c, const std::string&) {
         return login(r, c);
       }},
      {{"api", "meetings"},
       "POST",
       [](const HttpRequest& r, const ServerContext& c, const std::string&) {
         return createMeeting(r, c);
       }},
      {{"api", "meetings", "*"},
       "GET",
       [](const HttpRequest&, const ServerContext& c, const std::string& id) {
         return getMeeting(id, c);
       }},
      {{"api", "meetings", "*", "participants"},
       "GET",
       [](const HttpRequest&, const ServerContext& c, const std::string& id) {
         return listParticipants(id, c);
       }},
      {{"api", "meetings", "*", "authorize"},
       "POST",
       [](const HttpRequest& r, const ServerContext& c, const std::string& id) {
         return authorizeMeeting(id, r, c);
       }},
      {{"api", "meetings", "*", "token"},
       "POST",
       [](const HttpRequest& r, const ServerContext& c, const std::string& id) {
         return issueJoinToken(id, r, c);
       }},
  };
  return routes;
}

std::vector<std::string> splitPath(std::string_view path) {
  std::vector<std::string> segments;
  size_t start = 1;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    segments.emplace_back(path.substr(start, end - start));
    start = end + 1;
  }
  return segments;
}

// Whether `segments` fit `pattern`; the "*" segment is stored in `wildcard`.
bool matches(const std::vector<std::string_view>& pattern, const std::vector<std::string>& segments,
             std::string& wildcard) {
  if (pattern.size() != segments.size()) return false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == "*") {
      wildcard = segments[i];
    } else if (pattern[i] != segments[i]) {
      return false;
    }
  }
  return true;
}

// The API is called from other origins too (an app that embeds the SDK); it authenticates with
// headers, never cookies, so allowing any origin exposes nothing.
void allowCrossOrigin(HttpResponse& response) {
  response.headers.emplace_back("Access-Control-Allow-Origin", "*");
}

HttpResponse preflight() {
  HttpResponse response{204, "", "", {}};
  allowCrossOrigin(response);
  response.headers.emplace_back("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
  response.headers.emplace_back("Access-Control-Allow-Headers",
                                "Authorization, Content-Type, X-Auth-Key");
  response.headers.emplace_back("Access-Control-Max-Age", "600");
  return response;
}

HttpResponse routeApi(const HttpRequest& request, const ServerContext& context) {
  if (request.method == "OPTIONS") return preflight();
  const auto segments = splitPath(request.path());
  std::string allowed;
  for (const Route& route : apiRoutes()) {
    std::string sessionId;
    if (!matches(route.pattern, segments, sessionId)) continue;
    if (route.method == request.method) return route.handler(request, context, sessionId);
    allowed = route.method;
  }
  if (!allowed.empty()) throw HttpError::methodNotAllowed(allowed);
  throw HttpError::notFound("There is no such API endpoint.");
}

HttpResponse routePage(const HttpRequest& request, const StaticFiles& files) {
  if (request.method != "GET" && request.method != "HEAD") {
    throw HttpError::methodNotAllowed("GET, HEAD");
  }
  if (request.path() == "/ws") throw HttpError::badRequest("/ws expects a WebSocket upgrade.");
  return files.serve(request.path());
}

}  // namespace

HttpResponse route(const HttpRequest& request, const ServerContext& context,
                   const StaticFiles& files) {
  const bool api = request.path().starts_with("/api/");
  HttpResponse response;
  try {
    response = api ? routeApi(request, context) : routePage(request, files);
  } catch (const HttpError& error) {
    response = errorResponse(error);
  } catch (const std::exception& error) {
    logLine("error", std::string("request failed: ") + error.what());
    response = errorResponse(HttpError::internal());
  }
  if (api) allowCrossOrigin(response);
  return response;
}

}  // namespace callsession::server
