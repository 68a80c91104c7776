import { type ChangeEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'wouter'
import type { CreatedSession } from '../../../../shared/session.ts'
import { saveRoleToken } from '../../net/storage.ts'
import { Shell } from '../../ui/Shell.tsx'
import { forgetSession, loadSavedSessions, rememberSession } from './savedSessions.ts'
import './organizer.css'

/** /archive — the sessions this browser created or opened as an organizer, and importing a past archive. */
export default function ArchiveListPage() {
  const { t, i18n } = useTranslation()
  const [, navigate] = useLocation()
  const [sessions, setSessions] = useState(loadSavedSessions)
  const [importState, setImportState] = useState<{ busy: boolean; message: string | null; error: boolean }>({
    busy: false,
    message: null,
    error: false,
  })
  const fileId = useId()

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    if (!file) return
    setImportState({ busy: true, message: t('organizer.archive.importing'), error: false })
    try {
      const res = await fetch('/api/sessions/import', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: await file.text(),
      })
      const body = (await res.json().catch(() => null)) as
        | (CreatedSession & { error?: { message: string } })
        | null
      if (!res.ok || !body?.sessionId) throw new Error(body?.error?.message ?? `HTTP ${res.status}`)
      saveRoleToken(body.sessionId, body.facilitatorToken)
      rememberSession({
        sessionId: body.sessionId,
        title: file.name.replace(/\.json$/i, ''),
        role: 'facilitator',
      })
      setImportState({ busy: false, message: t('organizer.archive.imported'), error: false })
      navigate(`/f/${body.sessionId}`)
    } catch (err) {
      setImportState({
        busy: false,
        message: t('organizer.archive.importFailed', { message: (err as Error).message }),
        error: true,
      })
    }
  }

  const date = (ms: number) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(ms))
  return (
    <Shell>
      <h1>{t('organizer.archive.heading')}</h1>
      <p className="muted">{t('organizer.archive.intro')}</p>
      {sessions.length === 0 ? (
        <p className="card">{t('organizer.archive.empty')}</p>
      ) : (
        <ul className="saved-sessions">
          {sessions.map((s) => (
            <li key={s.sessionId} className="card">
              <div>
                <a href={`/${s.role === 'organizer' ? 'o' : 'f'}/${encodeURIComponent(s.sessionId)}`}>
                  {s.title}
                </a>
                <p className="muted small">
                  {t(`organizer.archive.roles.${s.role}`)} ·{' '}
                  {t('organizer.archive.seen', { date: date(s.openedAt) })}
                </p>
              </div>
              <button
                type="button"
                className="button button-quiet button-small"
                aria-label={t('organizer.archive.forgetLabel', { title: s.title })}
                onClick={() => {
                  forgetSession(s.sessionId)
                  setSessions(loadSavedSessions())
                }}
              >
                {t('organizer.archive.forget')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <section className="card" aria-labelledby="import-heading">
        <h2 id="import-heading">{t('organizer.archive.import')}</h2>
        <p className="hint">{t('organizer.archive.importHint')}</p>
        <div className="field">
          <label htmlFor={fileId}>{t('organizer.archive.importLabel')}</label>
          <input
            id={fileId}
            type="file"
            accept="application/json,.json"
            disabled={importState.busy}
            onChange={importFile}
          />
        </div>
        {importState.message ? (
          <p
            className={importState.error ? 'alert alert-error' : 'alert alert-info'}
            role={importState.error ? 'alert' : 'status'}
          >
            {importState.message}
          </p>
        ) : null}
      </section>
    </Shell>
  )
}
