import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RoomState, TemplateName } from '../../../../shared/rounds.ts'
import type { RoomHandle } from '../../net/useRoom.ts'
import { formatMinutes } from '../round/format.ts'
import { AgendaRoundForm } from './AgendaRoundForm.tsx'
import { blankDraft, type DraftRound, draftOf, draftProblems, inputOf } from './agenda.ts'
import { PlannedEnd, ShortenControl } from './PlannedEnd.tsx'
import { TemplatePicker } from './TemplatePicker.tsx'
import './run.css'

/** The agenda: rounds not yet run can be edited, reordered, added and removed; templates replace them. */
export function AgendaEditor({ handle, offset }: { handle: RoomHandle; offset: number }) {
  const { t, i18n } = useTranslation()
  const state = handle.room?.state as RoomState
  const planned = state.rounds.filter((r) => r.status === 'planned')
  const done = state.rounds.filter((r) => r.status !== 'planned')
  const [drafts, setDrafts] = useState<DraftRound[]>(() => planned.map(draftOf))
  const [dirty, setDirty] = useState(false)
  const [baseVersion, setBaseVersion] = useState(state.version)
  const [busy, setBusy] = useState(false)
  const [status, setStatus] = useState('')
  const [showProblems, setShowProblems] = useState(false)
  const focusKey = useRef<string | null>(null)

  // Someone else's change (or ours, acknowledged) flows in while there are no unsaved edits here.
  useEffect(() => {
    if (state.version === baseVersion) return
    if (!dirty) {
      setDrafts(state.rounds.filter((r) => r.status === 'planned').map(draftOf))
      setBaseVersion(state.version)
    }
  }, [state, baseVersion, dirty])

  useEffect(() => {
    if (!focusKey.current) return
    document.getElementById(`round-title-${focusKey.current}`)?.focus()
    focusKey.current = null
  })

  const edit = (next: DraftRound[]) => {
    setDrafts(next)
    setDirty(true)
    setStatus('')
  }
  const update = (key: string, change: Partial<DraftRound>) =>
    edit(drafts.map((d) => (d.key === key ? { ...d, ...change } : d)))
  const move = (index: number, by: -1 | 1) => {
    const next = [...drafts]
    const [item] = next.splice(index, 1)
    if (!item) return
    next.splice(index + by, 0, item)
    edit(next)
    setStatus(
      t('rounds.agenda.movedTo', {
        title: item.title || t('rounds.agenda.untitled'),
        n: done.length + index + by + 1,
      }),
    )
  }
  const remove = (index: number) => {
    const item = drafts[index]
    edit(drafts.filter((_, i) => i !== index))
    setStatus(t('rounds.agenda.removed', { title: item?.title || t('rounds.agenda.untitled') }))
  }
  const add = () => {
    const d = blankDraft('')
    focusKey.current = d.key
    edit([...drafts, d])
  }

  const problems = drafts.flatMap((d, i) =>
    draftProblems(d).map((p) => t(`rounds.agenda.problem.${p}`, { n: done.length + i + 1 })),
  )

  const save = async () => {
    if (problems.length > 0) {
      setShowProblems(true)
      return
    }
    setShowProblems(false)
    setBusy(true)
    const outcome = await handle.command({ event: 'agenda:save', rounds: drafts.map(inputOf) })
    setBusy(false)
    if (outcome.ok) {
      setDirty(false)
      setStatus(t('rounds.agenda.saved'))
    }
  }
  const discard = () => {
    setDrafts(state.rounds.filter((r) => r.status === 'planned').map(draftOf))
    setBaseVersion(state.version)
    setDirty(false)
    setStatus(t('rounds.agenda.discarded'))
  }
  const applyTemplate = async (template: TemplateName) => {
    setBusy(true)
    const outcome = await handle.command({ event: 'agenda:template', template })
    setBusy(false)
    if (outcome.ok) {
      setDirty(false)
      setStatus(t('rounds.agenda.templateApplied', { name: t(`rounds.templates.${template}.name`) }))
    }
  }

  const plannedMinutes = drafts.reduce((n, d) => n + (Number(d.durationMinutes) || 0), 0)

  return (
    <section className="card agenda" aria-labelledby="agenda-heading">
      <div className="section-head">
        <h2 id="agenda-heading">{t('rounds.agenda.heading')}</h2>
        <PlannedEnd state={state} offset={offset} plannedMs={plannedMinutes * 60_000} />
      </div>
      <p className="muted">{t('rounds.agenda.intro')}</p>
      <TemplatePicker busy={busy} draftCount={drafts.length} onApply={applyTemplate} />

      {done.length > 0 ? (
        <ol className="agenda-done">
          {done.map((r, i) => (
            <li key={r.id}>
              <span className="agenda-n">{i + 1}</span>
              <span className="agenda-done-title">{r.title}</span>
              <span className={`badge badge-${r.status}`}>{t(`rounds.status.${r.status}`)}</span>
            </li>
          ))}
        </ol>
      ) : null}

      {drafts.length === 0 ? (
        <p className="empty-note">{t('rounds.agenda.empty')}</p>
      ) : (
        <ol className="agenda-list">
          {drafts.map((d, i) => (
            <AgendaRoundForm
              key={d.key}
              draft={d}
              n={done.length + i + 1}
              first={i === 0}
              last={i === drafts.length - 1}
              showProblems={showProblems}
              onChange={(change) => update(d.key, change)}
              onMove={(by) => move(i, by)}
              onRemove={() => remove(i)}
            />
          ))}
        </ol>
      )}

      {showProblems && problems.length > 0 ? (
        <div className="alert alert-error" role="alert">
          <p>{t('rounds.agenda.fixFirst')}</p>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {dirty && state.version !== baseVersion ? (
        <p className="alert alert-warning">{t('rounds.agenda.changedElsewhere')}</p>
      ) : null}

      <div className="actions agenda-actions">
        <button type="button" className="button button-secondary" onClick={add} disabled={busy}>
          {t('rounds.agenda.add')}
        </button>
        <span className="spacer" />
        {dirty ? (
          <button type="button" className="button button-quiet" onClick={discard} disabled={busy}>
            {t('rounds.agenda.discard')}
          </button>
        ) : null}
        <button
          type="button"
          className="button"
          onClick={save}
          disabled={busy || !dirty}
          data-testid="save-agenda"
        >
          {busy ? t('rounds.agenda.saving') : t('rounds.agenda.save')}
        </button>
      </div>
      <p className="hint" role="status" aria-live="polite">
        {dirty ? t('rounds.agenda.unsaved', { total: formatMinutes(i18n.language, plannedMinutes) }) : status}
      </p>
      <ShortenControl handle={handle} />
    </section>
  )
}
