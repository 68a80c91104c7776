import { normalizeJoinCode } from '../../../shared/joinCode.ts'
import type { SessionPreview } from '../../../shared/session.ts'
import { browserLanguage, forcedLanguage, type UiLanguage } from '../i18n/language.ts'
import { ApiError, previewSession } from '../net/api.ts'
import { recentPreview, rememberPreview } from '../net/previewCache.ts'
import { errorText } from '../ui/errorText.ts'
import { h } from './dom.ts'
import { warmApp } from './handover.ts'
import { joinForm } from './joinForm.ts'
import type { Screen } from './screen.ts'
import { stateScreen } from './shell.ts'
import { showLanguage, tx } from './text.ts'

/** The heading of each problem the join page can show; any other is "Can't join right now". */
const PROBLEM_TITLES: Record<string, string> = {
  session_closed: 'join.endedTitle',
  session_not_open: 'join.notOpenTitle',
  session_not_found: 'join.notFoundTitle',
}

/**
 * `/j/<code>`: looks the session up (no wait when the home page just did), then shows its join form, or what is
 * wrong (not found, not open yet, ended, offline), each with a way on. `focus` moves focus to each new heading.
 */
export function joinPage(screen: Screen, rawCode: string, focus: boolean): void {
  const code = normalizeJoinCode(rawCode)
  let drawing = 0

  /** Shows a screen once `language` is in; a later screen wins over an earlier one still waiting for it. */
  const draw = async (language: UiLanguage, nodes: () => Node[], focusHeading: boolean) => {
    const mine = ++drawing
    await showLanguage(forcedLanguage() ?? language)
    if (mine !== drawing || !screen.live) return false
    screen.show(nodes(), focusHeading)
    return true
  }
  /** The language shown: the browser's until the form picks one (see joinForm). */
  let language: UiLanguage = browserLanguage() ?? 'en'

  const problem = (reason: string, focusHeading: boolean, retry?: () => void) => {
    const actions = () => [
      retry && reason !== 'session_not_found'
        ? h('button', { type: 'button', class: 'button', onclick: retry }, tx('common.retry'))
        : null,
      h('a', { href: '/', class: 'button button-secondary' }, tx('join.otherCode')),
    ]
    const body = reason === 'session_closed' ? 'join.endedBody' : errorText((key) => key, reason)
    void draw(
      language,
      () =>
        stateScreen({
          title: tx(PROBLEM_TITLES[reason] ?? 'join.errorTitle'),
          body: tx(body),
          actions: actions().filter((node) => node !== null),
        }),
      focusHeading,
    )
  }

  const ready = (preview: SessionPreview, focusHeading: boolean) => {
    if (preview.status === 'closed') return problem('session_closed', focusHeading)
    if (preview.status === 'draft') return problem('session_not_open', focusHeading, () => lookUp(true))
    const form = joinForm(screen, code, preview, {
      onLanguage: (chosen) => {
        language = chosen
        warmApp(chosen)
      },
      onProblem: (reason) => problem(reason, true, () => lookUp(true)),
    })
    language = form.language
    void draw(language, () => form.nodes, focusHeading).then((drawn) => drawn && warmApp(form.language))
  }

  /** Fetches the preview, unless the home page fetched it a moment ago (`fresh` asks again regardless). */
  const lookUp = (fresh: boolean) => {
    const cached = fresh ? null : recentPreview(code)
    // After a click (Retry, or Continue on the home page), focus follows to each new heading; on arrival it stays.
    const focusHeading = fresh || focus
    if (cached) return ready(cached, focusHeading)
    void draw(language, () => stateScreen({ title: tx('join.loading'), busy: true }), focusHeading)
    previewSession(code)
      .then((preview) => {
        rememberPreview(code, preview)
        ready(preview, focusHeading)
      })
      .catch((err: unknown) =>
        problem(err instanceof ApiError ? err.code : 'generic', focusHeading, () => lookUp(true)),
      )
  }
  lookUp(false)
}
