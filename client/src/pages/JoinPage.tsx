import { type FormEvent, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useParams } from 'wouter'
import { normalizeJoinCode } from '../../../shared/joinCode.ts'
import { LIMITS } from '../../../shared/limits.ts'
import type { Language, SessionPreview } from '../../../shared/session.ts'
import { applyLanguage, browserLanguage } from '../i18n/index.ts'
import { ApiError, joinSession, previewSession } from '../net/api.ts'
import { recentPreview, rememberPreview } from '../net/previewCache.ts'
import { saveSeat } from '../net/storage.ts'
import { errorText } from '../ui/errorText.ts'
import { FormSubmit } from '../ui/FormSubmit.tsx'
import { LanguageSelect } from '../ui/LanguageSelect.tsx'
import { Shell } from '../ui/Shell.tsx'
import { Loading, StateScreen } from '../ui/StateScreen.tsx'
import { preloadParticipantPage } from './preload.ts'

type Load =
  | { state: 'loading' }
  | { state: 'ready'; preview: SessionPreview }
  | { state: 'error'; code: string }

/** /j/:code — the join form: name (when the session shows names), sector, language, and one big button. */
export function JoinPage() {
  const { t } = useTranslation()
  const params = useParams<{ code: string }>()
  const code = normalizeJoinCode(params.code ?? '')
  const [load, setLoad] = useState<Load>(() => {
    const cached = recentPreview(code)
    return cached ? { state: 'ready', preview: cached } : { state: 'loading' }
  })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    if (attempt === 0 && recentPreview(code)) return
    let live = true
    setLoad({ state: 'loading' })
    previewSession(code)
      .then((preview) => {
        rememberPreview(code, preview)
        if (live) setLoad({ state: 'ready', preview })
      })
      .catch(
        (err: unknown) =>
          live && setLoad({ state: 'error', code: err instanceof ApiError ? err.code : 'generic' }),
      )
    return () => {
      live = false
    }
  }, [code, attempt])

  useEffect(preloadParticipantPage, [])

  if (load.state === 'loading') return <Loading label={t('join.loading')} />
  if (load.state === 'error') return <JoinProblem code={load.code} retry={() => setAttempt((n) => n + 1)} />
  if (load.preview.status === 'closed') return <JoinProblem code="session_closed" />
  if (load.preview.status === 'draft')
    return <JoinProblem code="session_not_open" retry={() => setAttempt((n) => n + 1)} />
  return (
    <JoinForm
      code={code}
      preview={load.preview}
      onProblem={(problem) => setLoad({ state: 'error', code: problem })}
    />
  )
}

function JoinForm({
  code,
  preview,
  onProblem,
}: {
  code: string
  preview: SessionPreview
  onProblem: (code: string) => void
}) {
  const { t } = useTranslation()
  const [, navigate] = useLocation()
  const [name, setName] = useState('')
  const [sector, setSector] = useState('')
  const [language, setLanguage] = useState<Language>(() => browserLanguage() ?? preview.defaultLanguage)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const nameId = useId()
  const nameHintId = useId()
  const sectorId = useId()

  useEffect(() => applyLanguage(language), [language])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const joined = await joinSession({
        joinCode: code,
        displayName: preview.anonymity === 'named' && name.trim() ? name.trim() : undefined,
        sector: sector || undefined,
        language,
        table: tableFromAddress(),
      })
      saveSeat(joined.sessionId, {
        participantId: joined.participantId,
        token: joined.participantToken,
        language,
      })
      navigate(`/s/${joined.sessionId}`)
    } catch (err) {
      const problem = err instanceof ApiError ? err.code : 'generic'
      if (problem === 'session_closed' || problem === 'session_not_found') return onProblem(problem)
      setError(errorText(t, problem))
      setBusy(false)
    }
  }

  return (
    <Shell>
      <form className="card" onSubmit={submit}>
        <p className="eyebrow">{t('join.eyebrow')}</p>
        <h1>{preview.title}</h1>
        {preview.welcome ? <p className="welcome">{preview.welcome}</p> : null}

        {preview.anonymity === 'named' ? (
          <div className="field">
            <label htmlFor={nameId}>{t('join.nameLabel')}</label>
            <span id={nameHintId} className="hint">
              {t('join.nameHint')}
            </span>
            <input
              id={nameId}
              type="text"
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={LIMITS.displayNameMaxChars}
              autoComplete="nickname"
              aria-describedby={nameHintId}
            />
          </div>
        ) : (
          <p className="alert alert-info">
            {preview.anonymity === 'sector' ? t('join.identitySector') : t('join.identityAnonymous')}
          </p>
        )}

        {preview.sectors.length > 0 ? (
          <div className="field">
            <label htmlFor={sectorId}>{t('join.sectorLabel')}</label>
            <select id={sectorId} value={sector} onChange={(e) => setSector(e.target.value)}>
              <option value="">{t('join.sectorNone')}</option>
              {preview.sectors.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </div>
        ) : null}

        <LanguageSelect value={language} onChange={setLanguage} label={t('join.languageLabel')} />

        <FormSubmit error={error} busy={busy} label={t('join.submit')} busyLabel={t('join.joining')} />
      </form>
    </Shell>
  )
}

function JoinProblem({ code, retry }: { code: string; retry?: () => void }) {
  const { t } = useTranslation()
  const title =
    code === 'session_closed'
      ? t('join.endedTitle')
      : code === 'session_not_open'
        ? t('join.notOpenTitle')
        : code === 'session_not_found'
          ? t('join.notFoundTitle')
          : t('join.errorTitle')
  const body = code === 'session_closed' ? t('join.endedBody') : errorText(t, code)
  return (
    <StateScreen
      title={title}
      body={body}
      action={
        <>
          {retry && code !== 'session_not_found' ? (
            <button type="button" className="button" onClick={retry}>
              {t('common.retry')}
            </button>
          ) : null}
          <Link href="/" className="button button-secondary">
            {t('join.otherCode')}
          </Link>
        </>
      }
    />
  )
}

/** The table number a printed table card puts in the join link (`?table=4`), if any. */
function tableFromAddress(): number | undefined {
  const table = Number(new URLSearchParams(window.location.search).get('table'))
  return Number.isInteger(table) && table >= 1 && table <= 1000 ? table : undefined
}
