/** Room kept between the field being typed in and the on-screen keyboard, in CSS pixels. */
const MARGIN_PX = 24

/**
 * Scrolls the focused field (or, in the rich-text editor, the caret) into the part of the page the on-screen
 * keyboard leaves visible. Browsers do this for inputs, but not reliably for a caret deep in a contenteditable,
 * nor after the keyboard finished opening.
 */
export function keepFocusedInView(): void {
  const el = document.activeElement as HTMLElement | null
  if (!el || el === document.body) return
  const view = window.visualViewport
  const top = view?.offsetTop ?? 0
  const height = view?.height ?? window.innerHeight
  let rect = el.getBoundingClientRect()
  if (el.isContentEditable) {
    const selection = window.getSelection()
    const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null
    const caret = range?.getClientRects()[0] ?? range?.getBoundingClientRect()
    if (caret && (caret.width > 0 || caret.height > 0)) rect = caret
    else return
  }
  if (rect.bottom > top + height - MARGIN_PX) window.scrollBy(0, rect.bottom - (top + height) + MARGIN_PX)
  else if (rect.top < top + MARGIN_PX) window.scrollBy(0, rect.top - top - MARGIN_PX)
}

/** How long after focus the on-screen keyboard has usually finished opening. */
const KEYBOARD_SETTLE_MS = 300

const isTypedIn = (el: Element | null): el is HTMLElement =>
  el instanceof HTMLTextAreaElement ||
  el instanceof HTMLSelectElement ||
  (el instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'range'].includes(el.type)) ||
  (el instanceof HTMLElement && el.isContentEditable)

let installed = false

/**
 * On every page: whenever a field takes focus or the on-screen keyboard resizes the visual viewport, keeps the
 * field being typed in above the keyboard. Installed once, at start (the light join page and the app it hands
 * over to both ask; the second asking does nothing).
 */
export function installKeepFocusedInView(): void {
  if (installed) return
  installed = true
  let timer: ReturnType<typeof setTimeout> | undefined
  document.addEventListener('focusin', (event) => {
    if (!isTypedIn(event.target as Element)) return
    clearTimeout(timer)
    timer = setTimeout(keepFocusedInView, KEYBOARD_SETTLE_MS)
  })
  window.visualViewport?.addEventListener('resize', () => {
    if (isTypedIn(document.activeElement)) keepFocusedInView()
  })
}
