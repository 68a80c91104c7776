import { isJoinCode, JOIN_CODE_LENGTH, normalizeJoinCode } from '../../../shared/joinCode.ts'
import { browserLanguage, forcedLanguage } from '../i18n/language.ts'
import { ApiError, previewSession } from '../net/api.ts'
import { rememberPreview } from '../net/previewCache.ts'
import { errorText } from '../ui/errorText.ts'
import { h } from './dom.ts'
import type { Screen } from './screen.ts'
import { shell } from './shell.ts'
import { retext, showLanguage, tx } from './text.ts'

const FIELD_ID = 'home-code'
const HINT_ID = 'home-code-hint'
const ERROR_ID = 'home-code-error'

/** `/`, the front door: type the code from the screen; a quieter link for facilitators, into the app. */
export function homePage(screen: Screen, focus: boolean): void {
  const input = h('input', {
    id: FIELD_ID,
    class: 'code-input',
    type: 'text',
    autocomplete: 'off',
    autocapitalize: 'characters',
    autocorrect: 'off',
    spellcheck: 'false',
    inputmode: 'text',
    maxlength: JOIN_CODE_LENGTH + 4,
    'aria-describedby': HINT_ID,
    enterkeyhint: 'go',
  })
  const message = tx('errors.generic')
  const error = h('p', { id: ERROR_ID, class: 'alert alert-error', role: 'alert' }, message)
  const label = tx('home.submit')
  const button = h('button', { type: 'submit', class: 'button button-big' }, label)

  const setBusy = (busy: boolean) => {
    button.disabled = busy
    retext(label, busy ? 'home.checking' : 'home.submit')
  }
  /** Shows an error under the field (a new alert each time, so it is announced again), or clears it. */
  const setError = (key: string | null) => {
    error.remove()
    if (key) input.setAttribute('aria-invalid', 'true')
    else input.removeAttribute('aria-invalid')
    input.setAttribute('aria-describedby', key ? `${HINT_ID} ${ERROR_ID}` : HINT_ID)
    if (!key) return
    retext(message, key)
    button.before(error)
  }

  const submit = async (event: Event) => {
    event.preventDefault()
    const code = normalizeJoinCode(input.value)
    if (!isJoinCode(code)) return setError('errors.invalidCode')
    setBusy(true)
    setError(null)
    try {
      rememberPreview(code, await previewSession(code))
      if (screen.live) screen.go(`/j/${code}`)
    } catch (err) {
      setError(errorText((key) => key, err instanceof ApiError ? err.code : undefined))
      setBusy(false)
    }
  }

  const form = h(
    'form',
    { class: 'card', novalidate: true, onsubmit: submit },
    h('h1', {}, tx('home.heading')),
    h(
      'div',
      { class: 'field' },
      h('label', { for: FIELD_ID }, tx('home.codeLabel')),
      h('span', { id: HINT_ID, class: 'hint' }, tx('home.codeHint')),
      input,
    ),
    button,
  )
  const start = h(
    'p',
    { class: 'secondary-cta muted' },
    tx('home.facilitatorPrompt'),
    ' ',
    h('a', { href: '/new' }, tx('home.start')),
  )
  void showLanguage(forcedLanguage() ?? browserLanguage() ?? 'en').then(() =>
    screen.show(shell(h('div', { class: 'hero' }, form, start)), focus),
  )
}
