/** Every numeric limit of Convene, shared by server and client so both sides agree. */
export const LIMITS = {
  /** Longest session title, in characters. */
  titleMaxChars: 120,
  /** Longest welcome text, in characters. */
  welcomeMaxChars: 2000,
  /** Most sectors a session can list. */
  sectorsMax: 30,
  /** Longest sector name, in characters. */
  sectorMaxChars: 60,
  /** Longest display name, in characters. */
  displayNameMaxChars: 40,
  /** Longest co-facilitator invite label, in characters. */
  inviteLabelMaxChars: 60,
  /** Longest Wi-Fi network name or password, in characters. */
  wifiFieldMaxChars: 63,
  /** Largest JSON request body, in bytes. */
  httpBodyMaxBytes: 256 * 1024,
  /** Largest single Yjs protocol message a client may send, in bytes. */
  docMessageMaxBytes: 512 * 1024,
  /** Largest document the server keeps, in bytes of encoded state. */
  docMaxBytes: 2 * 1024 * 1024,
  /** Most documents one connection may hold open at once (a facilitator watching 250 groups stays under it). */
  docsOpenPerSocketMax: 300,
  /** Failed join attempts one address may make per window before it is throttled. */
  joinFailuresPerWindow: 20,
  /** Length of the failed-join window, in milliseconds. */
  joinFailureWindowMs: 60_000,
  /** Most participants one session accepts. */
  participantsPerSessionMax: 5000,
  /** Longest parking-lot item, in characters. */
  parkingItemMaxChars: 280,
  /** Longest key point, in characters. */
  pointMaxChars: 500,
  /** Most key points one group's notes hold. */
  pointsPerGroupMax: 200,
  /** Document messages one connection may send per second, averaged; bursts up to the bucket size pass. */
  docMessagesPerSecond: 60,
  /** Burst of document messages allowed at once (a reconnect flushes many). */
  docMessageBurst: 300,
  /** After a round locks its notes, edits still arrive for this long, so phones that were offline deliver. */
  notesLockGraceMs: 120_000,
} as const

/** Socket.IO's maxHttpBufferSize: must exceed the largest document sync, or one big sync drops the connection. */
export const SOCKET_MAX_BUFFER_BYTES = LIMITS.docMaxBytes + 1024 * 1024
