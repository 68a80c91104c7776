import { LIMITS } from '../../../shared/limits.ts'
import type { SessionPreview } from '../../../shared/session.ts'
import type { Language } from '../../../shared/vocabulary.ts'
import { LANGUAGES } from '../constants.ts'
import { browserLanguage, forcedLanguage } from '../i18n/language.ts'
import { ApiError, joinSession } from '../net/api.ts'
import { saveSeat } from '../net/storage.ts'
import { errorText } from '../ui/errorText.ts'
import { h } from './dom.ts'
import type { Screen } from './screen.ts'
import { shell } from './shell.ts'
import { retext, showLanguage, tx } from './text.ts'

/** What the join form tells its page. */
export interface JoinFormEvents {
  /** The person chose another language (the page now shows it). */
  onLanguage(language: Language): void
  /** The session cannot be joined at all (ended, gone): the page shows why instead of the form. */
  onProblem(reason: string): void
}

/** A labelled control in a `.field`, as the app's forms draw it. */
function field(id: string, labelKey: string, control: HTMLElement, hint?: HTMLElement): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: id }, tx(labelKey)), hint ?? null, control)
}

/** A `<select>` of `values`, each option labelled by `label(value)`, showing `selected`. */
function select(id: string, values: readonly string[], label: (value: string) => Node, selected: string) {
  const element = h('select', { id }, ...values.map((value) => h('option', { value }, label(value))))
  element.value = selected
  return element
}

/**
 * The join form: name (when the session shows names), sector, language (the page follows it at once), and one big
 * button. Joining saves the seat on this phone and hands the tab to the participant page.
 */
export function joinForm(screen: Screen, code: string, preview: SessionPreview, events: JoinFormEvents) {
  let language: Language = browserLanguage() ?? preview.defaultLanguage
  const name = h('input', {
    id: 'join-name',
    type: 'text',
    maxlength: LIMITS.displayNameMaxChars,
    autocomplete: 'nickname',
    'aria-describedby': 'join-name-hint',
  })
  const sector = select(
    'join-sector',
    ['', ...preview.sectors],
    (s) => (s ? document.createTextNode(s) : tx('join.sectorNone')),
    '',
  )
  const languages = select('join-language', LANGUAGES, (lng) => tx(`languages.${lng}`), language)
  for (const option of languages.options) option.lang = option.value
  languages.addEventListener('change', () => {
    language = languages.value as Language
    void showLanguage(forcedLanguage() ?? language)
    events.onLanguage(language)
  })

  const message = tx('errors.generic')
  const error = h('p', { class: 'alert alert-error', role: 'alert' }, message)
  const label = tx('join.submit')
  const button = h('button', { type: 'submit', class: 'button button-big' }, label)

  const submit = async (event: Event) => {
    event.preventDefault()
    button.disabled = true
    retext(label, 'join.joining')
    error.remove()
    try {
      const joined = await joinSession({
        joinCode: code,
        displayName: preview.anonymity === 'named' && name.value.trim() ? name.value.trim() : undefined,
        sector: sector.value || undefined,
        language,
        table: tableFromAddress(),
      })
      saveSeat(joined.sessionId, {
        participantId: joined.participantId,
        token: joined.participantToken,
        language,
      })
      screen.enterApp(`/s/${joined.sessionId}`, language)
    } catch (err) {
      const problem = err instanceof ApiError ? err.code : 'generic'
      if (problem === 'session_closed' || problem === 'session_not_found') return events.onProblem(problem)
      retext(
        message,
        errorText((key) => key, problem),
      )
      button.before(error)
      button.disabled = false
      retext(label, 'join.submit')
    }
  }

  const identity =
    preview.anonymity === 'named'
      ? field(
          'join-name',
          'join.nameLabel',
          name,
          h('span', { id: 'join-name-hint', class: 'hint' }, tx('join.nameHint')),
        )
      : h(
          'p',
          { class: 'alert alert-info' },
          tx(preview.anonymity === 'sector' ? 'join.identitySector' : 'join.identityAnonymous'),
        )
  const form = h(
    'form',
    { class: 'card', onsubmit: submit },
    h('p', { class: 'eyebrow' }, tx('join.eyebrow')),
    h('h1', {}, preview.title),
    preview.welcome ? h('p', { class: 'welcome' }, preview.welcome) : null,
    identity,
    preview.sectors.length > 0 ? field('join-sector', 'join.sectorLabel', sector) : null,
    field('join-language', 'join.languageLabel', languages),
    button,
  )
  return { language, nodes: shell(form) }
}

/** The table number a printed table card puts in the join link (`?table=4`), if any. */
function tableFromAddress(): number | undefined {
  const table = Number(new URLSearchParams(window.location.search).get('table'))
  return Number.isInteger(table) && table >= 1 && table <= 1000 ? table : undefined
}
