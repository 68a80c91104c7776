import { useId } from 'react'
import { useTranslation } from 'react-i18next'

/** How the live view orders its tables. */
export type SortKey = 'table' | 'active' | 'quiet'
/** Which tables the live view shows. */
export type FilterKey = 'all' | 'quiet' | 'offline'

/** The live view's search box, filter and sort pickers and compact toggle. */
export function LiveToolbar({
  query,
  onQuery,
  filter,
  onFilter,
  sort,
  onSort,
  dense,
  onCompact,
}: {
  query: string
  onQuery: (query: string) => void
  filter: FilterKey
  onFilter: (filter: FilterKey) => void
  sort: SortKey
  onSort: (sort: SortKey) => void
  dense: boolean
  onCompact: (compact: boolean) => void
}) {
  const { t } = useTranslation()
  const id = useId()
  return (
    <div className="live-toolbar">
      <div className="field">
        <label htmlFor={`${id}-q`}>{t('rounds.live.search')}</label>
        <input
          id={`${id}-q`}
          type="search"
          value={query}
          placeholder={t('rounds.live.searchPlaceholder')}
          onChange={(e) => onQuery(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-f`}>{t('rounds.live.show')}</label>
        <select id={`${id}-f`} value={filter} onChange={(e) => onFilter(e.target.value as FilterKey)}>
          <option value="all">{t('rounds.live.filterAll')}</option>
          <option value="quiet">{t('rounds.live.filterQuiet')}</option>
          <option value="offline">{t('rounds.live.filterOffline')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-s`}>{t('rounds.live.sort')}</label>
        <select id={`${id}-s`} value={sort} onChange={(e) => onSort(e.target.value as SortKey)}>
          <option value="table">{t('rounds.live.sortTable')}</option>
          <option value="active">{t('rounds.live.sortActive')}</option>
          <option value="quiet">{t('rounds.live.sortQuiet')}</option>
        </select>
      </div>
      <label className="choice live-compact">
        <input type="checkbox" checked={dense} onChange={(e) => onCompact(e.target.checked)} />
        <span>{t('rounds.live.compact')}</span>
      </label>
    </div>
  )
}
