import '../styles.css'
import type { Language } from '../../../shared/vocabulary.ts'
import { forcedLanguage } from '../i18n/language.ts'
import { installKeepFocusedInView } from '../ui/keepInView.ts'
import { syncTitleWithHeading } from '../ui/pageTitle.ts'
import { handOver } from './handover.ts'
import { homePage } from './home.ts'
import { joinPage } from './join.ts'
import type { Screen } from './screen.ts'
import { forgetTexts, t } from './text.ts'

/**
 * client/join.html: the home page (`/`) and the join page (`/j/<code>`) in plain DOM code, without React or
 * i18next, so that a phone on venue Wi-Fi can join within a few seconds. Joining hands the tab over to the app.
 */

const JOIN_PATH = /^\/j\/([^/]+)\/?$/
const isLightPath = (path: string) => path === '/' || JOIN_PATH.test(path)
const root = document.getElementById('root') as HTMLElement
let current: { live: boolean } | null = null

/** Draws the light page of the address: the join page of a code, else the home page. */
function render(focus: boolean): void {
  const path = window.location.pathname
  if (current) current.live = false
  forgetTexts()
  const screen: Screen & { live: boolean } = {
    live: true,
    show(nodes, focusHeading = false) {
      if (!screen.live) return
      root.replaceChildren(...nodes)
      if (focusHeading) focusFirstHeading()
    },
    go,
    enterApp(to: string, language: Language) {
      void handOver(root, to, forcedLanguage() ?? language, leave)
    },
  }
  current = screen
  const code = JOIN_PATH.exec(path)?.[1]
  if (code) joinPage(screen, decoded(code), focus)
  else homePage(screen, focus)
}

/** A path segment as typed; one that is not valid percent-encoding is taken as it is (the lookup then fails). */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/** After a change the person caused, their screen reader starts at the new page's heading. */
function focusFirstHeading(): void {
  const heading = root.querySelector('h1')
  if (!heading) return
  heading.tabIndex = -1
  heading.focus()
}

function go(path: string): void {
  window.history.pushState(null, '', path)
  render(true)
}

/**
 * Back or forward within this tab's history. An address of the app's (the participant page this tab joined, before
 * a reload brought the light page back) is loaded from the server, which sends the app.
 */
const onPopState = () => {
  if (isLightPath(window.location.pathname)) render(true)
  else window.location.reload()
}

/** Links to the light pages stay in this page; any other link (creating a session) loads the app. */
function onClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return
  const link = (event.target as Element).closest('a')
  if (!link || link.origin !== window.location.origin || !isLightPath(link.pathname)) return
  event.preventDefault()
  go(link.pathname)
}

const stopTitle = syncTitleWithHeading(root, () => t('app.name'))

/** Stops the light pages, when the app takes over the tab. */
function leave(): void {
  if (current) current.live = false
  forgetTexts()
  stopTitle()
  window.removeEventListener('popstate', onPopState)
  root.removeEventListener('click', onClick)
}

installKeepFocusedInView()
window.addEventListener('popstate', onPopState)
root.addEventListener('click', onClick)
render(false)
