// Types of callsession/react. The SDK's own types come from "callsession".
import type { CSSProperties, JSX } from "react";

/** The container's life, as in the SDK's data-callsession-state. */
export type CallState = "idle" | "joining" | "joined" | "leaving" | "left" | "error";

export interface CallError {
  code: string;
  message: string;
}

/** As the SDK's onParticipantListChanged gives it. */
export interface Participant {
  uid: string;
  name: string;
  joinedAt: number;
  audioMuted: boolean;
  videoPaused: boolean;
  /** This page's own user. */
  isLocal: boolean;
}

/** Given to CallSession.init before the first join (skip it if the app called init itself). */
export interface CallConfig {
  appId: string;
  region?: string;
  authKey?: string;
  serverUrl?: string;
}

/** Logged in before the first join (skip it if the app logged in itself). */
export interface CallUser {
  uid: string;
  name?: string;
}

export interface CallSettings {
  sessionType?: "VIDEO" | "VOICE";
  layout?: "TILE" | "SIDEBAR" | "SPOTLIGHT";
  startAudioMuted?: boolean;
  startVideoPaused?: boolean;
  hideControlPanel?: boolean;
  hideLeaveSessionButton?: boolean;
  hideToggleAudioButton?: boolean;
  hideToggleVideoButton?: boolean;
}

export interface UseCallSessionOptions {
  config?: CallConfig;
  user?: CallUser;
  /** Read when a join starts; changing it does not rejoin. */
  settings?: CallSettings;
}

type Result = Promise<{ data?: unknown; error?: CallError | null }>;

export interface CallActions {
  /** Leave the room; the hook stays mounted, in state "left". */
  leave(): void;
  /** Join again (after leaving, an error, or the in-container Leave button), with a fresh token. */
  rejoin(): void;
  muteAudio(): Result;
  unmuteAudio(): Result;
  pauseVideo(): Result;
  resumeVideo(): Result;
  setLayout(layout: "TILE" | "SIDEBAR" | "SPOTLIGHT"): Result;
  startScreenSharing(): Result;
  stopScreenSharing(): Result;
}

export interface CallSessionHandle {
  state: CallState;
  /** Everyone in the room, oneself first (isLocal). */
  participants: Participant[];
  /** Set when state is "error"; a cancelled join (the room changed) is not an error. */
  error: CallError | null;
  actions: CallActions;
  /** Put on the element the SDK draws the room into; the join waits until it is attached. */
  containerRef: (element: HTMLElement | null) => void;
}

/**
 * Joins `sessionId` once its container is attached, StrictMode-safe: one live connection, never
 * "connects, then leaves at once". A new sessionId leaves the old room and joins the new one;
 * unmount and pagehide leave. One room per page: the SDK holds one connection.
 */
export function useCallSession(sessionId: string, options?: UseCallSessionOptions): CallSessionHandle;

export interface CallRoomProps extends UseCallSessionOptions {
  sessionId: string;
  className?: string;
  style?: CSSProperties;
}

/** The full-screen room, with readable screens for connecting, left and every error. */
export function CallRoom(props: CallRoomProps): JSX.Element;

export interface Screen {
  id: "connecting" | "left" | "expired" | "not-found" | "not-allowed" | "camera-denied" | "error";
  title: string;
  body: string;
  retry?: boolean;
  busy?: boolean;
}

/** What to show instead of video for a state (null once joined). */
export function screenFor(state: CallState, error: CallError | null): Screen | null;
