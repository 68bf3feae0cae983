#pragma once

#include "core/client/ports.h"

namespace callsession::bindings {

// HTTP through fetch. A request always completes (status 0 when no answer came): the Account
// decides whether an answer still matters.
class BrowserHttp final : public client::Http {
 public:
  void send(const client::HttpRequest& request, Callback<void(client::HttpResponse)> done) override;
};

}  // namespace callsession::bindings
