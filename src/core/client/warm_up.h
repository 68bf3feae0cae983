#pragma once

// V8 compiles each function of a wasm module on its first call (lazy compilation, which a page
// cannot turn off: compile hints still need a browser flag). A page's first join would compile
// the token, JSON, signaling, event and layout code on its critical path, between joinSession and
// the offer. Measured in headless Chromium on a 2-core machine: the first validation of a join
// took 8-23 ms, the next ones under 6 ms.
namespace callsession::client {

// Runs that code once on a made-up join, so that a page can pay for compiling it while idle after
// loading the SDK. Pure: it touches no client state and nothing outside. True when every step took
// its success path, i.e. the warm-up still runs the code a real join runs.
bool warmUpJoinPath();

}  // namespace callsession::client
