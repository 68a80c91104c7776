import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  EXPORT_FORMATS,
  type ExportDone,
  type ExportFormat,
  type ExportProgress,
  type PiiFinding,
} from '../../../../shared/archiveProtocol.ts'
import type { ClientSocket } from '../../net/docTunnel.ts'
import { request } from '../../net/request.ts'
import { errorText } from '../../ui/errorText.ts'
import { downloadFile } from './download.ts'
import './organizer.css'

type JobState =
  | { state: 'idle' }
  | { state: 'running'; format: ExportFormat; jobId: string | null; label: string; percent: number }
  | { state: 'done'; message: string }
  | { state: 'failed'; message: string }

/** Export in five formats, after an optional review of personal details to redact; shows progress, never freezes. */
export function ExportPanel({ socket, token }: { socket: ClientSocket; token: string }) {
  const { t } = useTranslation()
  const [findings, setFindings] = useState<PiiFinding[] | null>(null)
  const [redact, setRedact] = useState<Set<string>>(new Set())
  const [reviewing, setReviewing] = useState(false)
  const [reviewError, setReviewError] = useState<string | null>(null)
  const [job, setJob] = useState<JobState>({ state: 'idle' })
  const jobRef = useRef(job)
  jobRef.current = job

  useEffect(() => {
    const onProgress = (p: ExportProgress) => {
      const current = jobRef.current
      if (current.state !== 'running' || current.jobId !== p.jobId) return
      const label =
        p.phase === 'collecting'
          ? t('organizer.export.collecting', { done: p.done, total: p.total })
          : t('organizer.export.writing')
      const percent = p.phase === 'collecting' ? Math.round((p.done / Math.max(1, p.total)) * 80) : 85
      setJob({ ...current, label, percent })
    }
    const onDone = (d: ExportDone) => {
      const current = jobRef.current
      if (current.state !== 'running' || current.jobId !== d.jobId) return
      if (!d.ok) {
        setJob({ state: 'failed', message: t('organizer.export.failed', { message: d.message ?? '' }) })
        return
      }
      downloadFile(`/api/exports/${encodeURIComponent(d.jobId)}`, token, d.filename, (fraction) =>
        setJob((j) =>
          j.state === 'running'
            ? {
                ...j,
                percent: 85 + Math.round(fraction * 15),
                label: t('organizer.export.downloading', { percent: Math.round(fraction * 100) }),
              }
            : j,
        ),
      )
        .then(() => setJob({ state: 'done', message: t('organizer.export.done', { filename: d.filename }) }))
        .catch((err: Error) =>
          setJob({ state: 'failed', message: t('organizer.export.failed', { message: err.message }) }),
        )
    }
    socket.on('export:progress', onProgress)
    socket.on('export:done', onDone)
    return () => {
      socket.off('export:progress', onProgress)
      socket.off('export:done', onDone)
    }
  }, [socket, token, t])

  const review = async () => {
    setReviewing(true)
    setReviewError(null)
    const result = await request(socket, 'export:review')
    setReviewing(false)
    if (!result.ok) {
      setReviewError(errorText(t, result.error.code))
      return
    }
    setFindings(result.data.findings)
    setRedact(new Set(result.data.findings.map((f) => f.id)))
  }

  const start = async (format: ExportFormat) => {
    const label = t('organizer.export.collecting', { done: 0, total: '…' })
    setJob({ state: 'running', format, jobId: null, label, percent: 2 })
    const result = await request(socket, 'export:start', { format, redact: [...redact] })
    if (!result.ok) {
      setJob({
        state: 'failed',
        message: t('organizer.export.failed', { message: errorText(t, result.error.code) }),
      })
      return
    }
    setJob((j) => (j.state === 'running' && j.jobId === null ? { ...j, jobId: result.data.jobId } : j))
  }

  const toggle = (id: string) =>
    setRedact((current) => {
      const next = new Set(current)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })

  const running = job.state === 'running'
  return (
    <section className="card" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('organizer.export.heading')}</h2>
      <p className="muted">{t('organizer.export.intro')}</p>

      <h3>{t('organizer.review.heading')}</h3>
      <p className="hint">{t('organizer.review.intro')}</p>
      <button type="button" className="button button-secondary" onClick={review} disabled={reviewing}>
        {reviewing ? t('organizer.review.running') : t('organizer.review.run')}
      </button>
      {reviewError ? (
        <p className="alert alert-error" role="alert">
          {reviewError}
        </p>
      ) : null}
      {findings ? (
        <div className="pii-review" data-testid="pii-review">
          <p role="status">
            {findings.length === 0
              ? t('organizer.review.none')
              : t('organizer.review.found', { count: findings.length })}
          </p>
          {findings.length > 0 ? (
            <>
              <div className="actions">
                <button
                  type="button"
                  className="button button-quiet button-small"
                  onClick={() => setRedact(new Set(findings.map((f) => f.id)))}
                >
                  {t('organizer.review.selectAll')}
                </button>
                <button
                  type="button"
                  className="button button-quiet button-small"
                  onClick={() => setRedact(new Set())}
                >
                  {t('organizer.review.selectNone')}
                </button>
              </div>
              <ul className="pii-list">
                {findings.map((f) => (
                  <li key={f.id}>
                    <label className="choice">
                      <input type="checkbox" checked={redact.has(f.id)} onChange={() => toggle(f.id)} />
                      <span>
                        <span className="pii-kind">{t(`organizer.review.kinds.${f.kind}`)}</span>{' '}
                        <span className="pii-text">{f.text}</span>{' '}
                        <span className="muted small">
                          {t('organizer.review.count', { count: f.count })} · {f.where}
                        </span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
              <p className="hint">{t('organizer.review.selected', { count: redact.size })}</p>
            </>
          ) : null}
        </div>
      ) : null}

      <h3>{t('organizer.export.heading')}</h3>
      <ul className="export-formats">
        {EXPORT_FORMATS.map((format) => {
          const name = t(`organizer.export.formats.${format}`)
          return (
            <li key={format}>
              <button
                type="button"
                className="button"
                disabled={running}
                onClick={() => start(format)}
                data-format={format}
              >
                {t('organizer.export.download', { format: name })}
              </button>
              <span className="hint">{t(`organizer.export.formatHints.${format}`)}</span>
            </li>
          )
        })}
      </ul>
      <div aria-live="polite" className="export-status">
        {job.state === 'running' ? (
          <div>
            <label className="small" htmlFor="export-progress">
              {job.label}
            </label>
            <progress id="export-progress" max={100} value={job.percent} />
          </div>
        ) : null}
        {job.state === 'done' ? <p className="alert alert-info">{job.message}</p> : null}
        {job.state === 'failed' ? (
          <p className="alert alert-error" role="alert">
            {job.message}
          </p>
        ) : null}
      </div>
    </section>
  )
}
