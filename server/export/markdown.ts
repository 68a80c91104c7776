import type { SessionArchive } from '../../shared/archiveSchema.ts'
import { formatDate, labelsFor, provenanceText } from './labels.ts'

/**
 * Escapes user text for Markdown: every character that could start markup is backslash-escaped, and angle
 * brackets become entities, so no link, image, HTML tag or `javascript:` URL can be formed from what people
 * typed. Line breaks become spaces unless the caller keeps them.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#|~!]/g, '\\$&')
    .replace(/^(\s*)([-+=])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2')
}

/** One line of user text: line breaks folded into spaces. */
const inline = (text: string) => escapeMarkdown(text.replace(/\s*\n\s*/g, ' ').trim())

/** A table cell: inline, with the pipe escaped (done by escapeMarkdown). */
const cell = (text: string) => inline(text) || ' '

function table(head: string[], rows: string[][]): string[] {
  return [
    `| ${head.map(cell).join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
    '',
  ]
}

/** The archive as a Markdown report. */
export function writeMarkdown(archive: SessionArchive): string {
  const L = labelsFor(archive)
  const lang = archive.session.defaultLanguage
  const out: string[] = []
  const { session, participation: part, summary } = archive

  out.push(`# ${inline(session.title)}`, '')
  out.push(`${L.date}: ${formatDate(session.closedAt ?? session.createdAt, lang)}`, '')
  if (archive.redactions > 0) out.push(`*${L.redacted}: ${archive.redactions}*`, '')

  out.push(`## ${L.participation}`, '')
  out.push(
    ...table(
      [L.sector, L.people],
      [
        ...part.bySector.map((s) => [s.sector, String(s.count)]),
        ...(part.other > 0 ? [[L.other, String(part.other)]] : []),
        [L.total, String(part.total)],
      ],
    ),
  )
  if (part.names?.length) out.push(`${L.names}: ${part.names.map(inline).join(', ')}`, '')

  out.push(`## ${L.agenda}`, '')
  archive.agenda.forEach((r, i) => {
    out.push(`${i + 1}\\. **${inline(r.title)}** (${r.durationMinutes} min)`)
    for (const p of r.prompts) out.push(`   - ${inline(p)}`)
  })
  out.push('')

  out.push(`## ${L.summary}`, '')
  if (summary.source === 'none') out.push(`*${L.summaryNone}*`, '')
  if (summary.source === 'draft') out.push(`*${L.summaryDraft}*`, '')
  if (summary.votesCast > 0) {
    out.push(
      L.voteSummary.replace('{dots}', String(summary.votesCast)).replace('{voters}', String(summary.voters)),
      '',
    )
  }
  for (const theme of summary.themes) {
    out.push(`### ${inline(theme.title)}${summary.votesCast > 0 ? ` (${L.votes}: ${theme.votes})` : ''}`, '')
    if (theme.synthesis.trim()) {
      for (const para of theme.synthesis.split(/\n+/)) if (para.trim()) out.push(inline(para), '')
    }
    for (const p of theme.points) {
      const from = p.provenance.map(provenanceText).map(inline).join('; ')
      out.push(`- ${L.kinds[p.kind]}: ${inline(p.text)}${from ? ` — *${from}*` : ''}`)
    }
    out.push('')
  }
  if (summary.actions.length) {
    out.push(`### ${L.actions}`, '')
    out.push(
      ...table(
        [L.action, L.owner, L.due, L.theme],
        summary.actions.map((a) => [a.text, a.owner, a.due, a.themeTitle ?? '']),
      ),
    )
  }

  out.push(`## ${L.notes}`, '')
  for (const round of archive.notes) {
    out.push(`### ${inline(round.roundTitle)}`, '')
    for (const group of round.groups) {
      out.push(`#### ${inline(group.name)}`, '')
      if (group.points.length === 0) out.push(`*${L.noPoints}*`, '')
      for (const p of group.points) {
        const by = p.author ? [p.author.sector, p.author.name].filter(Boolean).join(' · ') : ''
        out.push(`- ${L.kinds[p.kind]}: ${inline(p.text)}${by ? ` — *${inline(by)}*` : ''}`)
      }
      if (group.points.length) out.push('')
      if (group.discussion.trim()) {
        out.push(`**${L.discussion}**`, '')
        for (const line of group.discussion.split('\n')) if (line.trim()) out.push(`${inline(line)}  `)
        out.push('')
      }
    }
  }

  out.push(`## ${L.parkingLot}`, '')
  if (archive.parkingLot.length === 0) out.push(`*${L.empty}*`)
  for (const item of archive.parkingLot) out.push(`- ${inline(item.text)}`)
  out.push('')
  return out.join('\n')
}
