import type { SessionArchive } from '../../shared/archiveSchema.ts'
import { labelsFor } from './labels.ts'

/** Characters that make a spreadsheet read a cell as a formula (or a command) when they come first. */
const FORMULA_START = /^[=+\-@\t\r\n]/

/**
 * One CSV cell: text a spreadsheet would run as a formula gets a leading apostrophe, and every cell is quoted
 * with inner quotes doubled, so commas, quotes and line breaks stay inside it.
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value)
  const safe = FORMULA_START.test(value) ? `'${value}` : value
  return `"${safe.replace(/"/g, '""')}"`
}

/** The CSV columns, in order. */
export const CSV_COLUMNS = [
  'type',
  'text',
  'kind',
  'theme',
  'votes',
  'round',
  'group',
  'sector',
  'name',
  'owner',
  'due',
] as const

type Row = Partial<Record<(typeof CSV_COLUMNS)[number], string | number>>

/**
 * Key points with their provenance (every group's points, with the theme they ended up in, and the summary's
 * points with all the tables they came from), then the action items. UTF-8 with a byte order mark, CRLF lines,
 * so spreadsheets open accents and Vietnamese letters correctly.
 */
export function writeCsv(archive: SessionArchive): string {
  const L = labelsFor(archive)
  const rows: Row[] = []
  for (const theme of archive.summary.themes) {
    for (const p of theme.points) {
      const from = p.provenance[0]
      rows.push({
        type: 'summary point',
        text: p.text,
        kind: L.kinds[p.kind],
        theme: theme.title,
        votes: theme.votes,
        round: from?.roundTitle ?? '',
        group: p.provenance.map((x) => x.groupName).join('; '),
        sector: [...new Set(p.provenance.map((x) => x.sector).filter(Boolean))].join('; '),
        name: [...new Set(p.provenance.map((x) => x.name).filter(Boolean))].join('; '),
      })
    }
  }
  for (const round of archive.notes) {
    for (const group of round.groups) {
      for (const p of group.points) {
        rows.push({
          type: 'key point',
          text: p.text,
          kind: L.kinds[p.kind],
          round: round.roundTitle,
          group: group.name,
          sector: p.author?.sector ?? '',
          name: p.author?.name ?? '',
        })
      }
    }
  }
  for (const a of archive.summary.actions) {
    rows.push({ type: 'action item', text: a.text, theme: a.themeTitle ?? '', owner: a.owner, due: a.due })
  }
  const lines = [
    CSV_COLUMNS.map(csvCell).join(','),
    ...rows.map((r) => CSV_COLUMNS.map((c) => csvCell(r[c] ?? '')).join(',')),
  ]
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
