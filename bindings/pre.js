// Helpers the C++ bindings reach through Module (emscripten::val::module_property).

// A JS function for registered C++ callback `id` (bindings/callbacks.h). It passes on only the
// first argument: embind checks arity exactly, and browsers call handlers with varying counts.
Module["callback"] = (id) => (value) => Module["dispatch"](id, value);

// `new Type(arg)`, or null where the constructor throws (a malformed WebSocket URL, ICE servers the
// browser refuses): a JS exception must not unwind through C++ frames.
Module["construct"] = (Type, arg) => {
  try {
    return new Type(arg);
  } catch {
    return null;
  }
};

// New STUN/TURN servers for an open RTCPeerConnection, the rest of its configuration kept; servers
// the browser refuses leave the old ones (the same rule as construct: nothing throws into C++).
Module["reconfigureIceServers"] = (connection, iceServers) => {
  try {
    connection.setConfiguration(Object.assign(connection.getConfiguration(), { iceServers }));
  } catch {
    // The old servers stay in force.
  }
};
