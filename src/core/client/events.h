#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/client/account.h"
#include "core/json/writer.h"
#include "core/result.h"
#include "core/settings.h"
#include "core/signaling/messages.h"

// The app-facing events (CONTRACT.md §4): each name with its payload, built in one place so the
// JS API, its TypeScript declarations and the tests agree on one shape.
namespace callsession::client::events {

inline constexpr const char* kSessionJoined = "onSessionJoined";
inline constexpr const char* kSessionLeft = "onSessionLeft";
inline constexpr const char* kConnectionClosed = "onConnectionClosed";
inline constexpr const char* kConnectionLost = "onConnectionLost";
inline constexpr const char* kConnectionRestored = "onConnectionRestored";
inline constexpr const char* kParticipantJoined = "onParticipantJoined";
inline constexpr const char* kParticipantLeft = "onParticipantLeft";
inline constexpr const char* kParticipantListChanged = "onParticipantListChanged";
inline constexpr const char* kAudioMuted = "onAudioMuted";
inline constexpr const char* kVideoPaused = "onVideoPaused";
inline constexpr const char* kCallLayoutChanged = "onCallLayoutChanged";
inline constexpr const char* kError = "onError";

// {code, message}: how an Error reaches JS, in events and in the API's results.
void writeError(json::Writer& w, const Error& error);

// {sessionId, uid}: also the payload of onConnectionLost and onConnectionRestored
std::string session(const std::string& sessionId, const std::string& uid);
// {sessionId, reason: "left"|"closed", error: {code, message} | null}
std::string connectionClosed(const std::string& sessionId, bool ownLeave, const Error* error);
// {uid, name, joinedAt, audioMuted, videoPaused}
std::string participant(const signaling::Participant& participant);
// {uid, reason: "left"|"vanished"|"replaced"}
std::string participantLeft(const std::string& uid, signaling::LeaveReason reason);
// {participants: [{uid, name, joinedAt, audioMuted, videoPaused, isLocal}]}, oneself first
std::string participantList(const signaling::Participant& self,
                            const std::vector<signaling::Participant>& remotes);
// {uid, muted, isLocal} / {uid, paused, isLocal}: one's own change, or a remote participant's as
// the server relays it
std::string audioMuted(std::string_view uid, bool muted, bool isLocal);
std::string videoPaused(std::string_view uid, bool paused, bool isLocal);
// {layout}
std::string layoutChanged(CallLayout layout);
// {error: {code, message}}
std::string error(const Error& error);

}  // namespace callsession::client::events
