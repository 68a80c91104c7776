import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GroupingRuleName, RoomState, TemplateName } from '../../../../shared/rounds.ts'
import type { RoomHandle } from '../../net/useRoom.ts'
import { formatMinutes, GROUPING_RULES, TEMPLATES } from '../round/format.ts'
import { blankDraft, type DraftRound, draftOf, draftProblems, inputOf } from './agenda.ts'
import { PlannedEnd, ShortenControl } from './PlannedEnd.tsx'
import './run.css'

const GRACE_CHOICES: (number | null)[] = [null, 0, 30, 60, 120, 300]

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
  const [template, setTemplate] = useState<TemplateName>('community-conversation')
  const [confirmTemplate, setConfirmTemplate] = useState(false)
  const focusKey = useRef<string | null>(null)
  const templateId = useId()

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
  const applyTemplate = async () => {
    setConfirmTemplate(false)
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

      <div className="template-row">
        <div className="field">
          <label htmlFor={templateId}>{t('rounds.agenda.templateLabel')}</label>
          <select
            id={templateId}
            value={template}
            onChange={(e) => {
              setTemplate(e.target.value as TemplateName)
              setConfirmTemplate(false)
            }}
            aria-describedby={`${templateId}-hint`}
          >
            {TEMPLATES.map((name) => (
              <option key={name} value={name}>
                {t(`rounds.templates.${name}.name`)}
              </option>
            ))}
          </select>
          <span className="hint" id={`${templateId}-hint`}>
            {t(`rounds.templates.${template}.about`)}
          </span>
        </div>
        <button
          type="button"
          className="button button-secondary"
          disabled={busy}
          onClick={() => (drafts.length > 0 ? setConfirmTemplate(true) : applyTemplate())}
        >
          {t('rounds.agenda.useTemplate')}
        </button>
      </div>
      {confirmTemplate ? (
        <div className="confirm" role="alertdialog" aria-label={t('rounds.agenda.useTemplate')}>
          <p>{t('rounds.agenda.templateConfirm', { count: drafts.length })}</p>
          <button type="button" className="button button-danger button-small" onClick={applyTemplate}>
            {t('rounds.agenda.templateReplace')}
          </button>
          <button
            type="button"
            className="button button-quiet button-small"
            onClick={() => setConfirmTemplate(false)}
            ref={(el) => el?.focus()}
          >
            {t('common.cancel')}
          </button>
        </div>
      ) : null}

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
            <RoundFields
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

function RoundFields({
  draft: d,
  n,
  first,
  last,
  showProblems,
  onChange,
  onMove,
  onRemove,
}: {
  draft: DraftRound
  n: number
  first: boolean
  last: boolean
  showProblems: boolean
  onChange: (change: Partial<DraftRound>) => void
  onMove: (by: -1 | 1) => void
  onRemove: () => void
}) {
  const { t } = useTranslation()
  const id = useId()
  const problems = showProblems ? draftProblems(d) : []
  const invalid = (field: string) => (problems.includes(field) ? true : undefined)
  const name = d.title.trim() || t('rounds.agenda.roundN', { n })
  return (
    <li className="agenda-round">
      <fieldset>
        <legend>{t('rounds.agenda.roundN', { n })}</legend>
        <div className="field">
          <label htmlFor={`round-title-${d.key}`}>{t('rounds.agenda.title')}</label>
          <input
            id={`round-title-${d.key}`}
            type="text"
            value={d.title}
            maxLength={120}
            aria-invalid={invalid('title')}
            onChange={(e) => onChange({ title: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-prompts`}>{t('rounds.agenda.prompts')}</label>
          <textarea
            id={`${id}-prompts`}
            value={d.promptsText}
            rows={3}
            aria-describedby={`${id}-prompts-hint`}
            aria-invalid={invalid('prompts')}
            onChange={(e) => onChange({ promptsText: e.target.value })}
          />
          <span className="hint" id={`${id}-prompts-hint`}>
            {t('rounds.agenda.promptsHint')}
          </span>
        </div>
        <div className="agenda-grid">
          <div className="field">
            <label htmlFor={`${id}-minutes`}>{t('rounds.agenda.minutes')}</label>
            <input
              id={`${id}-minutes`}
              type="number"
              inputMode="numeric"
              min={1}
              max={180}
              value={d.durationMinutes}
              aria-invalid={invalid('duration')}
              onChange={(e) => onChange({ durationMinutes: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-size`}>{t('rounds.agenda.groupSize')}</label>
            <input
              id={`${id}-size`}
              type="number"
              inputMode="numeric"
              min={1}
              max={50}
              value={d.groupSize}
              aria-invalid={invalid('groupSize')}
              onChange={(e) => onChange({ groupSize: e.target.value })}
            />
          </div>
          <div className="field field-wide">
            <label htmlFor={`${id}-grouping`}>{t('rounds.agenda.grouping')}</label>
            <select
              id={`${id}-grouping`}
              value={d.grouping}
              aria-describedby={`${id}-grouping-hint`}
              onChange={(e) => onChange({ grouping: e.target.value as GroupingRuleName })}
            >
              {GROUPING_RULES.map((rule) => (
                <option key={rule} value={rule}>
                  {t(`rounds.rules.${rule}.name`)}
                </option>
              ))}
            </select>
            <span className="hint" id={`${id}-grouping-hint`}>
              {t(`rounds.rules.${d.grouping}.about`)}
            </span>
          </div>
          <div className="field">
            <label htmlFor={`${id}-grace`}>{t('rounds.agenda.atZero')}</label>
            <select
              id={`${id}-grace`}
              value={d.graceSeconds === null ? 'wait' : String(d.graceSeconds)}
              onChange={(e) =>
                onChange({ graceSeconds: e.target.value === 'wait' ? null : Number(e.target.value) })
              }
            >
              {GRACE_CHOICES.map((s) => (
                <option key={String(s)} value={s === null ? 'wait' : String(s)}>
                  {s === null
                    ? t('rounds.agenda.graceWait')
                    : s === 0
                      ? t('rounds.agenda.graceNow')
                      : s < 60
                        ? t('rounds.agenda.graceSeconds', { count: s })
                        : t('rounds.agenda.graceMinutes', { count: s / 60 })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-after`}>{t('rounds.agenda.notesAfter')}</label>
            <select
              id={`${id}-after`}
              value={d.notesAfter}
              onChange={(e) => onChange({ notesAfter: e.target.value as 'editable' | 'readonly' })}
            >
              <option value="readonly">{t('rounds.agenda.notesReadonly')}</option>
              <option value="editable">{t('rounds.agenda.notesEditable')}</option>
            </select>
          </div>
        </div>
        <label className="choice">
          <input
            type="checkbox"
            checked={d.continueNotes}
            onChange={(e) => onChange({ continueNotes: e.target.checked })}
          />
          <span>
            <strong>{t('rounds.agenda.continueNotes')}</strong>
            <span className="hint">{t('rounds.agenda.continueNotesHint')}</span>
          </span>
        </label>
        <div className="actions agenda-round-actions">
          <button
            type="button"
            className="button button-quiet button-small"
            disabled={first}
            onClick={() => onMove(-1)}
            aria-label={t('rounds.agenda.moveUpLabel', { name })}
          >
            {t('rounds.agenda.moveUp')}
          </button>
          <button
            type="button"
            className="button button-quiet button-small"
            disabled={last}
            onClick={() => onMove(1)}
            aria-label={t('rounds.agenda.moveDownLabel', { name })}
          >
            {t('rounds.agenda.moveDown')}
          </button>
          <button
            type="button"
            className="button button-quiet button-small"
            onClick={onRemove}
            aria-label={t('rounds.agenda.removeLabel', { name })}
          >
            {t('rounds.agenda.remove')}
          </button>
        </div>
      </fieldset>
    </li>
  )
}
