import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { POINT_KINDS } from '../../../../shared/notes.ts'
import type { GatherBoard } from '../../../../shared/summary.ts'
import { type BoardFilter, sectorsOf } from './boardModel.ts'

/** Which points the board shows: round (asked of the server), group, kind, sector and a search. */
export function Filters({
  board,
  roundId,
  onRound,
  filter,
  onFilter,
  onRefresh,
  loading,
}: {
  board: GatherBoard
  roundId: string
  onRound: (roundId: string) => void
  filter: BoardFilter
  onFilter: (filter: BoardFilter) => void
  onRefresh: () => void
  loading: boolean
}) {
  const { t } = useTranslation()
  const ids = { round: useId(), group: useId(), kind: useId(), sector: useId(), search: useId() }
  const sectors = sectorsOf(board)
  return (
    <section className="card filters" aria-label={t('gather.filtersLabel')}>
      <div className="field">
        <label htmlFor={ids.round}>{t('gather.filterRound')}</label>
        <select id={ids.round} value={roundId} onChange={(e) => onRound(e.target.value)}>
          <option value="">{t('gather.allRounds')}</option>
          {board.rounds.map((r) => (
            <option key={r.id} value={r.id}>
              {r.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.group}>{t('gather.filterGroup')}</label>
        <select
          id={ids.group}
          value={filter.groupId}
          onChange={(e) => onFilter({ ...filter, groupId: e.target.value })}
        >
          <option value="">{t('gather.allGroups')}</option>
          {board.groups.map((g) => (
            <option key={g.id} value={g.id}>
              {board.rounds.length > 1
                ? `${g.name} (${board.rounds.find((r) => r.id === g.roundId)?.title ?? ''})`
                : g.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.kind}>{t('gather.filterKind')}</label>
        <select
          id={ids.kind}
          value={filter.kind}
          onChange={(e) => onFilter({ ...filter, kind: e.target.value as BoardFilter['kind'] })}
        >
          <option value="">{t('gather.allKinds')}</option>
          {POINT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`gather.kind.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      {sectors.length > 0 ? (
        <div className="field">
          <label htmlFor={ids.sector}>{t('gather.filterSector')}</label>
          <select
            id={ids.sector}
            value={filter.sector}
            onChange={(e) => onFilter({ ...filter, sector: e.target.value })}
          >
            <option value="">{t('gather.allSectors')}</option>
            {sectors.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field filter-search">
        <label htmlFor={ids.search}>{t('gather.search')}</label>
        <input
          id={ids.search}
          type="search"
          value={filter.search}
          onChange={(e) => onFilter({ ...filter, search: e.target.value })}
        />
      </div>
      <button type="button" className="button button-quiet" onClick={onRefresh} disabled={loading}>
        {loading ? t('gather.refreshing') : t('gather.refresh')}
      </button>
    </section>
  )
}
