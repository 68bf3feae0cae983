// callsession: video calls joined by a shared sessionId (CONTRACT.md §4 and §6).
// `import { CallSession } from "callsession"`, or `window.CallSession` from the script-tag bundle.

export type ErrorCode =
  | "ERROR_NOT_INITIALIZED"
  | "ERROR_AUTH_TOKEN_MISSING"
  | "ERROR_AUTH_FAILED"
  | "ERROR_SESSION_NOT_FOUND"
  | "ERROR_SESSION_EXPIRED"
  | "ERROR_NOT_AUTHORIZED"
  | "ERROR_TOKEN_INVALID"
  | "ERROR_TOKEN_EXPIRED"
  | "ERROR_TOKEN_USER_MISMATCH"
  | "ERROR_TOKEN_SESSION_MISMATCH"
  | "ERROR_TOKEN_ALREADY_USED"
  | "ERROR_CONTAINER_MISSING"
  | "ERROR_CONTAINER_ZERO_SIZE"
  | "ERROR_SETTINGS_INVALID"
  | "ERROR_JOIN_IN_PROGRESS"
  | "ERROR_ALREADY_JOINED"
  | "ERROR_JOIN_CANCELLED"
  | "ERROR_MEDIA_PERMISSION_DENIED"
  | "ERROR_SIGNALING_FAILED"
  | "ERROR_NETWORK"
  /** A TURN server refused the call (onError): e.g. credentials minted under another secret. An addition to the contract. */
  | "ERROR_RELAY_REFUSED"
  /** Too many logins, tokens or joins in a short time, from this user or address: try again later. An addition to the contract. */
  | "ERROR_RATE_LIMITED";

export interface CallSessionError {
  code: ErrorCode;
  message: string;
}

/** Expected failures never reject or throw: they resolve with `error` set and `data` null. */
export type Result<T> = { data: T; error: null } | { data: null; error: CallSessionError };

export interface InitConfig {
  appId: string;
  region?: string;
  /** The app's auth key, needed by login(). */
  authKey?: string;
  /** The callsession server; default: the page's origin. */
  serverUrl?: string;
}

export interface User {
  uid: string;
  name: string;
  avatar: string;
}

export type CallLayout = "TILE" | "SIDEBAR" | "SPOTLIGHT";

/** All optional; an unknown key or a wrong type gives ERROR_SETTINGS_INVALID. */
export interface SessionSettings {
  sessionType?: "VIDEO" | "VOICE";
  layout?: CallLayout;
  startAudioMuted?: boolean;
  startVideoPaused?: boolean;
  hideControlPanel?: boolean;
  hideLeaveSessionButton?: boolean;
  hideToggleAudioButton?: boolean;
  hideToggleVideoButton?: boolean;
  /**
   * "relay": media only through the TURN servers the server hands out, so the other side never
   * learns this machine's addresses (no TURN server: no call). Default "all". An addition to the
   * contract.
   */
  iceTransportPolicy?: "all" | "relay";
}

export type TokenResult =
  | { token: string; expiresAt: number; error: null }
  | { token?: undefined; expiresAt?: undefined; error: CallSessionError };

export interface Participant {
  uid: string;
  name: string;
  /** Milliseconds since the epoch, server clock. */
  joinedAt: number;
  audioMuted: boolean;
  videoPaused: boolean;
}

export interface SessionEvents {
  onSessionJoined: { sessionId: string; uid: string };
  onSessionLeft: { sessionId: string; uid: string };
  /** Every end: own leave ("left"), the in-container Leave button ("left"), server or network ("closed"). */
  onConnectionClosed: { sessionId: string; reason: "left" | "closed"; error: CallSessionError | null };
  /** The signaling connection dropped: the call and its media go on while the SDK reconnects. */
  onConnectionLost: { sessionId: string; uid: string };
  /** Reconnected: the participant list is the server's again. */
  onConnectionRestored: { sessionId: string; uid: string };
  onParticipantJoined: Participant;
  /** "vanished": stopped answering the server, or their media connection failed and ICE restarts
   * could not bring it back. */
  onParticipantLeft: { uid: string; reason: "left" | "vanished" | "replaced" };
  /** Everyone in the session, oneself first (isLocal: true). */
  onParticipantListChanged: { participants: Array<Participant & { isLocal: boolean }> };
  /** One's own mute (isLocal: true) or a remote participant's, as the server relays it. */
  onAudioMuted: { uid: string; muted: boolean; isLocal: boolean };
  /** One's own video pause (isLocal: true) or a remote participant's. */
  onVideoPaused: { uid: string; paused: boolean; isLocal: boolean };
  onCallLayoutChanged: { layout: CallLayout };
  onError: { error: CallSessionError };
  /** A microphone or camera was plugged in or out (an addition to the contract). */
  onDeviceListChanged: DeviceList;
}

export interface MediaDeviceEntry {
  deviceId: string;
  /** Empty until the page has been allowed a camera or microphone once. */
  label: string;
}

export interface DeviceList {
  audioInputs: MediaDeviceEntry[];
  videoInputs: MediaDeviceEntry[];
}

export interface CallSessionApi {
  init(config: InitConfig): Promise<Result<null>>;
  /** Logs in with the authKey given to init; `profile` is sent to the server with the uid. */
  login(uid: string, profile?: { name?: string; avatar?: string }): Promise<Result<User>>;
  logout(): Promise<Result<null>>;
  /** A plain object, or null when nobody is logged in. */
  getLoggedInUser(): User | null;
  generateToken(sessionId: string): Promise<TokenResult>;
  /**
   * Joins with a single-use token. The container (an element or its id) is styled
   * `position:fixed; inset:0; 100vw×100vh`, gets `data-callsession-state`, `video[data-local]`,
   * one `video[data-uid]` per remote participant and controls with `data-action`.
   */
  joinSession(
    token: string,
    settings?: SessionSettings,
    container?: HTMLElement | string | null,
  ): Promise<Result<{ sessionId: string; uid: string }>>;
  /** Idempotent; a join in flight ends with ERROR_JOIN_CANCELLED. */
  leaveSession(): Promise<Result<null>>;
  /** The others see it (onParticipantListChanged, a mark on the tile). */
  muteAudio(): Promise<Result<null>>;
  unmuteAudio(): Promise<Result<null>>;
  /** Pausing while sharing the screen pauses the share. In a VOICE session resumeVideo gives
   * ERROR_SETTINGS_INVALID. */
  pauseVideo(): Promise<Result<null>>;
  resumeVideo(): Promise<Result<null>>;
  /** SPOTLIGHT and SIDEBAR enlarge the pinned tile (a click on it), else the active speaker. */
  setLayout(layout: CallLayout): Promise<Result<null>>;
  getDevices(): Promise<Result<DeviceList>>;
  /** Switch the microphone or camera in the call, without reconnecting; the old one is stopped.
   * An unknown id gives ERROR_MEDIA_PERMISSION_DENIED; a camera in a VOICE session,
   * ERROR_SETTINGS_INVALID. */
  setAudioInput(deviceId: string): Promise<Result<null>>;
  setVideoInput(deviceId: string): Promise<Result<null>>;
  /** Sends a screen (the browser asks which) instead of the camera until stopScreenSharing or the
   * browser's own "Stop sharing"; resumes a paused video. Refused: ERROR_MEDIA_PERMISSION_DENIED. */
  startScreenSharing(): Promise<Result<null>>;
  stopScreenSharing(): Promise<Result<null>>;
  /** Returns the function that unsubscribes. */
  addEventListener<K extends keyof SessionEvents>(
    name: K,
    callback: (event: SessionEvents[K]) => void,
  ): () => void;
}

export declare const CallSession: CallSessionApi;
export default CallSession;

declare global {
  interface Window {
    /** Set by the script-tag bundle (callsession.js). */
    CallSession: CallSessionApi;
  }
}
