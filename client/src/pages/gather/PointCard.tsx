import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { GatherPoint, SummaryTheme } from '../../../../shared/summary.ts'
import type { BoardItem } from './boardModel.ts'

/** The drag payload type for a point. */
export const POINT_DRAG_TYPE = 'application/x-convene-point'

/** Where a point came from, in one line. */
export function ProvenanceLine({ point }: { point: GatherPoint }) {
  const { t } = useTranslation()
  const p = point.provenance
  const who = p.name ?? p.sector
  return (
    <span className="provenance">
      {p.groupName}
      {who ? ` · ${who}` : ''}
      <span className="visually-hidden">{t('gather.inRound', { round: p.roundTitle })}</span>
    </span>
  )
}

/** One key point on the board: its text, kind, provenance, duplicates, and a keyboard way to move it. */
export function PointCard({
  item,
  themes,
  proposal,
  onMove,
  onUnmerge,
  disabled,
}: {
  item: BoardItem
  themes: SummaryTheme[]
  proposal?: { themeId: string; confidence: number } | null
  onMove: (ref: string, themeId: string | null) => void
  onUnmerge: (ref: string) => void
  disabled?: boolean
}) {
  const { t } = useTranslation()
  const selectId = useId()
  const { point } = item
  const proposed = proposal ? themes.find((th) => th.id === proposal.themeId) : undefined
  return (
    <li
      className={`point point-${point.kind}`}
      id={`point-${cssId(item.ref)}`}
      tabIndex={-1}
      data-ref={item.ref}
      draggable={!disabled}
      onDragStart={(e) => {
        e.dataTransfer.setData(POINT_DRAG_TYPE, item.ref)
        e.dataTransfer.setData('text/plain', point.text)
        e.dataTransfer.effectAllowed = 'move'
      }}
    >
      <div className="point-head">
        <span className={`kind kind-${point.kind}`}>{t(`gather.kind.${point.kind}`)}</span>
        <span aria-hidden="true" className="muted">
          ·
        </span>
        <ProvenanceLine point={point} />
        {item.tables > 1 ? (
          <span className="badge said-at">{t('gather.saidAt', { count: item.tables })}</span>
        ) : null}
      </div>
      <p className="point-text">{point.text}</p>
      {item.also.length > 0 ? (
        <details className="also">
          <summary>{t('gather.alsoSaid', { count: item.also.length })}</summary>
          <ul>
            {item.also.map((other) => (
              <li key={other.ref}>
                <span>{other.text}</span> <ProvenanceLine point={other} />{' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onUnmerge(other.ref)}
                  disabled={disabled}
                >
                  {t('gather.unmerge')}
                </button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {proposed && proposal ? (
        <div className="proposal">
          <span>
            {t('gather.proposal', {
              theme: proposed.title || t('gather.untitled'),
              percent: Math.round(proposal.confidence * 100),
            })}
          </span>
          <button
            type="button"
            className="button button-small button-secondary"
            onClick={() => onMove(item.ref, proposed.id)}
            disabled={disabled}
          >
            {t('gather.acceptProposal')}
            <span className="visually-hidden">: {point.text}</span>
          </button>
        </div>
      ) : null}
      <div className="point-move">
        <label htmlFor={selectId} className="visually-hidden">
          {t('gather.moveLabel', { text: point.text })}
        </label>
        <select
          id={selectId}
          value={item.themeId ?? ''}
          disabled={disabled}
          onChange={(e) => onMove(item.ref, e.target.value || null)}
        >
          <option value="">{item.themeId ? t('gather.backToUnsorted') : t('gather.moveTo')}</option>
          {themes.map((theme) => (
            <option key={theme.id} value={theme.id}>
              {theme.title || t('gather.untitled')}
            </option>
          ))}
        </select>
      </div>
    </li>
  )
}

/** An id-safe form of a ref, for focusing a point after it moves. */
export const cssId = (ref: string): string => ref.replace(/[^A-Za-z0-9_-]/g, '_')
