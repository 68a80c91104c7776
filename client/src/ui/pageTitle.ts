/**
 * Keeps the tab's title in step with the page's main heading ("Community Conversation – Convene"), so every page
 * has a title that says where you are (WCAG 2.4.2), in the language shown, without each page setting it. Returns
 * the function that stops it.
 */
export function syncTitleWithHeading(root: HTMLElement, appName: () => string): () => void {
  let queued = false
  const update = () => {
    queued = false
    const heading = root.querySelector('h1')?.textContent?.trim()
    const name = appName()
    const title = heading && heading !== name ? `${heading} – ${name}` : name
    if (document.title !== title) document.title = title
  }
  const observer = new MutationObserver(() => {
    if (queued) return
    queued = true
    requestAnimationFrame(update)
  })
  observer.observe(root, { childList: true, subtree: true, characterData: true })
  // The light join page stops following when it hands the page over to the app, which follows from then on.
  return () => observer.disconnect()
}
