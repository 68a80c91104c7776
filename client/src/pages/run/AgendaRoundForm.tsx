import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { GroupingRuleName } from '../../../../shared/rounds.ts'
import { GROUPING_RULES } from '../round/format.ts'
import { type DraftRound, draftProblems } from './agenda.ts'

const GRACE_CHOICES: (number | null)[] = [null, 0, 30, 60, 120, 300]

/** One planned round in the agenda editor: its fields, plus move up/down and remove. */
export function AgendaRoundForm({
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
