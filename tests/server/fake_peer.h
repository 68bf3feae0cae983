#pragma once

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "rooms.h"

namespace callsession::server::testing {

// A connection as Rooms sees it, recording what it was sent, already parsed.
class FakePeer final : public Peer {
 public:
  void send(std::string text) override {
    auto parsed = signaling::parseServerMessage(text);
    ASSERT_TRUE(parsed.ok()) << text;
    received.push_back(parsed.value());
  }
  void close(std::string_view reason) override { closedWith = std::string(reason); }

  // How many messages of type T it was sent.
  template <class T>
  [[nodiscard]] size_t count() const {
    size_t found = 0;
    for (const auto& message : received) found += std::holds_alternative<T>(message) ? 1U : 0U;
    return found;
  }

  std::vector<signaling::ServerMessage> received;
  std::optional<std::string> closedWith;
};

}  // namespace callsession::server::testing
