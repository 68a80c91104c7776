/** Warms the participant page's chunk while someone fills in the join form, so "Join" lands at once. */
export const preloadParticipantPage = (): void => {
  import('./ParticipantPage.tsx').catch(() => {
    // A failed preload is retried by the real navigation.
  })
}
