import { type FormEvent, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'wouter'
import { isJoinCode, JOIN_CODE_LENGTH, normalizeJoinCode } from '../../../shared/joinCode.ts'
import { applyLanguage, browserLanguage } from '../i18n/index.ts'
import { ApiError, previewSession } from '../net/api.ts'
import { rememberPreview } from '../net/previewCache.ts'
import { errorText } from '../ui/errorText.ts'
import { Shell } from '../ui/Shell.tsx'

/** The front door: type the code from the screen; a quieter link for facilitators. */
export function HomePage() {
  const { t } = useTranslation()
  const [, navigate] = useLocation()
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const fieldId = useId()
  const hintId = useId()
  const errorId = useId()

  useEffect(() => applyLanguage(browserLanguage() ?? 'en'), [])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const normalized = normalizeJoinCode(code)
    if (!isJoinCode(normalized)) {
      setError(t('errors.invalidCode'))
      return
    }
    setBusy(true)
    setError(null)
    try {
      rememberPreview(normalized, await previewSession(normalized))
      navigate(`/j/${normalized}`)
    } catch (err) {
      setError(errorText(t, err instanceof ApiError ? err.code : undefined))
      setBusy(false)
    }
  }

  return (
    <Shell>
      <div className="hero">
        <form className="card" onSubmit={submit} noValidate>
          <h1>{t('home.heading')}</h1>
          <div className="field">
            <label htmlFor={fieldId}>{t('home.codeLabel')}</label>
            <span id={hintId} className="hint">
              {t('home.codeHint')}
            </span>
            <input
              id={fieldId}
              className="code-input"
              type="text"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              autoComplete="off"
              autoCapitalize="characters"
              autoCorrect="off"
              spellCheck={false}
              inputMode="text"
              maxLength={JOIN_CODE_LENGTH + 4}
              aria-describedby={error ? `${hintId} ${errorId}` : hintId}
              aria-invalid={error ? true : undefined}
              enterKeyHint="go"
            />
          </div>
          {error ? (
            <p id={errorId} className="alert alert-error" role="alert">
              {error}
            </p>
          ) : null}
          <button type="submit" className="button button-big" disabled={busy}>
            {busy ? t('home.checking') : t('home.submit')}
          </button>
        </form>
        <p className="secondary-cta muted">
          {t('home.facilitatorPrompt')} <Link href="/new">{t('home.start')}</Link>
        </p>
      </div>
    </Shell>
  )
}
