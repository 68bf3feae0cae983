#pragma once

#include <cstdint>
#include <string_view>

// One line per event on stderr: time, the subject's id, and what happened. Callers never pass a
// token, a key or a request body: only methods, paths, ids and outcomes.
namespace callsession::server {

// A fresh id for a request or connection ("r12", "c7"): numbers count up per process.
uint64_t nextLogId();

// Never throws: safe in destructors and last-resort handlers.
void logLine(std::string_view subject, std::string_view message) noexcept;

}  // namespace callsession::server
