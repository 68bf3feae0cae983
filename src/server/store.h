#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "meeting.h"

// What the server keeps across restarts, behind one small interface: SQLite now (sqlite_store.h),
// PostgreSQL for several nodes later. Every write is durable when the call returns, so an answer
// sent after it can never be lost to a crash.
namespace callsession::server {

// A storage failure (disk full, corrupt file): the server's fault, never the client's.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct MeetingCreation {
  Meeting meeting;  // what is stored now
  bool created = false;
};

class Store {
 public:
  virtual ~Store() = default;

  // Stores `meeting` unless a meeting with its sessionId exists and has not expired at
  // `nowSeconds`; that one is then returned unchanged (created = false). An expired one is
  // replaced, so a stable sessionId (a resource name) can be used again.
  virtual MeetingCreation createMeeting(const Meeting& meeting, int64_t nowSeconds) = 0;
  virtual std::optional<Meeting> findMeeting(std::string_view sessionId) = 0;

  // Records a token id as spent; false if it was spent before (a replay). Ids whose tokens expired
  // long enough ago are forgotten: the expiry check refuses those tokens on its own.
  virtual bool markTokenUsed(std::string_view jti, int64_t expiresAt, int64_t nowSeconds) = 0;

  // The key stored under `name`; stores `candidate` first when there is none, so concurrent
  // starts agree on one key.
  virtual std::string loadOrStoreKey(std::string_view name, std::string_view candidate) = 0;

  // Frees what the store keeps only to be quicker (cached pages), so that the memory can go back
  // to the system after a peak; the server calls it before handing freed memory back.
  virtual void releaseMemory() {}
};

}  // namespace callsession::server
