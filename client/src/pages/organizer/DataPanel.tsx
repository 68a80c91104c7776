import { type FormEvent, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ArchiveSettingsView, RetentionChoice } from '../../../../shared/archiveProtocol.ts'
import type { ClientSocket } from '../../net/docTunnel.ts'
import { request } from '../../net/request.ts'
import { CopyField } from '../../ui/CopyField.tsx'
import { errorText } from '../../ui/errorText.ts'

const formatDate = (ms: number, language: string) =>
  new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(ms))

/** The public "what we heard" link, how long the data is kept, and "Delete now". */
export function DataPanel({
  socket,
  title,
  onDeleted,
}: {
  socket: ClientSocket
  title: string
  onDeleted: () => void
}) {
  const { t, i18n } = useTranslation()
  const [settings, setSettings] = useState<ArchiveSettingsView | null>(null)
  const [publicUrl, setPublicUrl] = useState<string | null>(null)
  const [mode, setMode] = useState<RetentionChoice['mode']>('default')
  const [days, setDays] = useState(30)
  const [saved, setSaved] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [typed, setTyped] = useState('')
  const ids = { mode: useId(), days: useId(), confirm: useId() }

  useEffect(() => {
    const apply = (view: ArchiveSettingsView) => {
      setSettings(view)
      setMode(view.retention.mode)
      if (view.retention.mode === 'days') setDays(view.retention.days)
    }
    request(socket, 'archive:settings').then((r) =>
      r.ok ? apply(r.data) : setError(errorText(t, r.error.code)),
    )
    socket.on('archive:changed', setSettings)
    return () => {
      socket.off('archive:changed', setSettings)
    }
  }, [socket, t])

  const setPublic = async (enabled: boolean) => {
    setError(null)
    const r = await request(socket, 'archive:publicLink', { enabled })
    if (!r.ok) return setError(errorText(t, r.error.code))
    setPublicUrl(r.data.url)
  }

  const saveRetention = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    setSaved(false)
    const choice: RetentionChoice = mode === 'days' ? { mode, days } : { mode }
    const r = await request(socket, 'archive:retention', choice)
    if (!r.ok) return setError(errorText(t, r.error.code))
    setSettings(r.data)
    setSaved(true)
  }

  const deleteNow = async (event: FormEvent) => {
    event.preventDefault()
    const r = await request(socket, 'archive:delete', { confirmTitle: typed })
    if (!r.ok) return setError(errorText(t, r.error.code))
    onDeleted()
  }

  if (!settings) return null
  const lang = i18n.language
  return (
    <>
      <section className="card" aria-labelledby="share-heading">
        <h2 id="share-heading">{t('organizer.share.heading')}</h2>
        <p className="muted">{t('organizer.share.intro')}</p>
        {!settings.hasPublishedSummary ? (
          <p className="alert alert-warning">{t('organizer.share.noSummary')}</p>
        ) : null}
        <p role="status">{settings.publicLinkEnabled ? t('organizer.share.on') : t('organizer.share.off')}</p>
        {publicUrl ? (
          <>
            <CopyField value={publicUrl} label={t('organizer.share.urlLabel')} />
            <a className="small" href={publicUrl} target="_blank" rel="noopener" data-testid="public-link">
              {publicUrl.split('#')[0]}
              <span className="visually-hidden"> {t('common.opensNewTab')}</span>
            </a>
          </>
        ) : settings.publicLinkEnabled ? (
          <p className="hint">{t('organizer.share.shownOnce')}</p>
        ) : null}
        <div className="actions">
          <button type="button" className="button button-secondary" onClick={() => setPublic(true)}>
            {settings.publicLinkEnabled ? t('organizer.share.newLink') : t('organizer.share.turnOn')}
          </button>
          {settings.publicLinkEnabled ? (
            <button
              type="button"
              className="button button-quiet"
              onClick={() => {
                setPublicUrl(null)
                void setPublic(false)
              }}
            >
              {t('organizer.share.turnOff')}
            </button>
          ) : null}
        </div>
      </section>

      <section className="card" aria-labelledby="retention-heading">
        <h2 id="retention-heading">{t('organizer.retention.heading')}</h2>
        {error ? (
          <p className="alert alert-error" role="alert">
            {error}
          </p>
        ) : null}
        <ul className="retention-facts">
          {settings.autoCloseAt ? (
            <li>{t('organizer.retention.autoClose', { date: formatDate(settings.autoCloseAt, lang) })}</li>
          ) : null}
          <li>
            {settings.retention.mode === 'keep'
              ? t('organizer.retention.kept')
              : settings.purgeAt
                ? t('organizer.retention.purgeAt', { date: formatDate(settings.purgeAt, lang) })
                : t('organizer.retention.purgeAfterClose', {
                    days:
                      settings.retention.mode === 'days'
                        ? settings.retention.days
                        : settings.defaultPurgeDays,
                  })}
          </li>
        </ul>
        <form onSubmit={saveRetention}>
          <div className="field">
            <label htmlFor={ids.mode}>{t('organizer.retention.choiceLabel')}</label>
            <select
              id={ids.mode}
              value={mode}
              onChange={(e) => setMode(e.target.value as RetentionChoice['mode'])}
            >
              <option value="default">
                {t('organizer.retention.choices.default', { days: settings.defaultPurgeDays })}
              </option>
              <option value="days">{t('organizer.retention.choices.days')}</option>
              <option value="keep">{t('organizer.retention.choices.keep')}</option>
            </select>
          </div>
          {mode === 'days' ? (
            <div className="field">
              <label htmlFor={ids.days}>{t('organizer.retention.daysLabel')}</label>
              <input
                id={ids.days}
                type="number"
                min={1}
                max={3650}
                value={days}
                onChange={(e) => setDays(Math.max(1, Math.min(3650, Number(e.target.value) || 1)))}
              />
            </div>
          ) : null}
          <div className="actions">
            <button type="submit" className="button button-secondary">
              {t('organizer.retention.save')}
            </button>
            {saved ? <span role="status">{t('organizer.retention.saved')}</span> : null}
          </div>
        </form>

        <h3>{t('organizer.retention.deleteHeading')}</h3>
        <p className="hint">{t('organizer.retention.deleteIntro')}</p>
        {confirming ? (
          <form onSubmit={deleteNow} className="confirm">
            <div className="field">
              <label htmlFor={ids.confirm}>{t('organizer.retention.confirmLabel', { title })}</label>
              <input
                id={ids.confirm}
                type="text"
                value={typed}
                autoComplete="off"
                onChange={(e) => setTyped(e.target.value)}
              />
            </div>
            <div className="actions">
              <button type="submit" className="button button-danger" disabled={typed.trim() !== title.trim()}>
                {t('organizer.retention.deleteConfirm')}
              </button>
              <button type="button" className="button button-quiet" onClick={() => setConfirming(false)}>
                {t('organizer.retention.cancel')}
              </button>
            </div>
          </form>
        ) : (
          <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
            {t('organizer.retention.deleteOpen')}
          </button>
        )}
      </section>
    </>
  )
}
