/** Warms the participant page's chunk while someone fills in the join form, so "Join" lands at once. */
export const preloadParticipantPage = (): Promise<unknown> =>
  import('./ParticipantPage.tsx').catch(() => {
    // A failed preload is retried by the real navigation.
  })

/** Warms the notes editor's chunk (ProseMirror and y-prosemirror), the heaviest part of a round, before a round opens. */
export const preloadEditor = (): Promise<unknown> =>
  import('./notes/DiscussionEditor.tsx').catch(() => {
    // A failed preload is retried when the notes open.
  })
