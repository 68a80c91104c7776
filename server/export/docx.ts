import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import type { SessionArchive } from '../../shared/archiveSchema.ts'
import { formatDate, labelsFor, provenanceText } from './labels.ts'

// Characters XML 1.0 forbids; Word refuses a document that holds one, so user text drops them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g
const clean = (text: string) => text.replace(XML_FORBIDDEN, '')

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
  new Paragraph({ heading: level, children: [new TextRun(clean(text))] })
const para = (text: string, options: { italics?: boolean; bold?: boolean } = {}) =>
  new Paragraph({ children: [new TextRun({ text: clean(text), ...options })] })

function table(head: string[], rows: string[][]): Table {
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: clean(text), bold })] })] })
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
    ],
  })
}

/**
 * The archive as a Word document with real headings (Heading 1–4 styles) and tables, so it edits well in Word
 * and LibreOffice. The docx library escapes text into XML; control characters XML forbids are dropped.
 */
export async function writeDocx(archive: SessionArchive): Promise<Buffer> {
  const L = labelsFor(archive)
  const lang = archive.session.defaultLanguage
  const { session, participation: part, summary } = archive
  const body: (Paragraph | Table)[] = []

  body.push(heading(session.title, HeadingLevel.TITLE))
  body.push(para(`${L.date}: ${formatDate(session.closedAt ?? session.createdAt, lang)}`))
  if (archive.redactions > 0) body.push(para(`${L.redacted}: ${archive.redactions}`, { italics: true }))

  body.push(heading(L.participation, HeadingLevel.HEADING_1))
  body.push(
    table(
      [L.sector, L.people],
      [
        ...part.bySector.map((s) => [s.sector, String(s.count)]),
        ...(part.other > 0 ? [[L.other, String(part.other)]] : []),
        [L.total, String(part.total)],
      ],
    ),
  )
  if (part.names?.length) body.push(para(`${L.names}: ${part.names.join(', ')}`))

  body.push(heading(L.agenda, HeadingLevel.HEADING_1))
  body.push(
    table(
      [L.round, L.prompts, L.minutes],
      archive.agenda.map((r, i) => [`${i + 1}. ${r.title}`, r.prompts.join('\n'), String(r.durationMinutes)]),
    ),
  )

  body.push(heading(L.summary, HeadingLevel.HEADING_1))
  if (summary.source === 'none') body.push(para(L.summaryNone, { italics: true }))
  if (summary.source === 'draft') body.push(para(L.summaryDraft, { italics: true }))
  if (summary.votesCast > 0) {
    body.push(
      para(
        L.voteSummary
          .replace('{dots}', String(summary.votesCast))
          .replace('{voters}', String(summary.voters)),
      ),
    )
  }
  for (const theme of summary.themes) {
    const votes = summary.votesCast > 0 ? ` (${L.votes}: ${theme.votes})` : ''
    body.push(heading(`${theme.title}${votes}`, HeadingLevel.HEADING_2))
    for (const line of theme.synthesis.split(/\n+/)) if (line.trim()) body.push(para(line))
    if (theme.points.length) {
      body.push(
        table(
          [L.point, L.kind, L.from],
          theme.points.map((p) => [p.text, L.kinds[p.kind], p.provenance.map(provenanceText).join('\n')]),
        ),
      )
    }
  }
  if (summary.actions.length) {
    body.push(heading(L.actions, HeadingLevel.HEADING_2))
    body.push(
      table(
        [L.action, L.owner, L.due, L.theme],
        summary.actions.map((a) => [a.text, a.owner, a.due, a.themeTitle ?? '']),
      ),
    )
  }

  body.push(heading(L.notes, HeadingLevel.HEADING_1))
  for (const round of archive.notes) {
    body.push(heading(round.roundTitle, HeadingLevel.HEADING_2))
    for (const group of round.groups) {
      body.push(heading(group.name, HeadingLevel.HEADING_3))
      if (group.points.length === 0) body.push(para(L.noPoints, { italics: true }))
      else {
        body.push(
          table(
            [L.point, L.kind, L.from],
            group.points.map((p) => [
              p.text,
              L.kinds[p.kind],
              p.author ? [p.author.sector, p.author.name].filter(Boolean).join(' · ') : '',
            ]),
          ),
        )
      }
      if (group.discussion.trim()) {
        body.push(heading(L.discussion, HeadingLevel.HEADING_4))
        for (const line of group.discussion.split('\n')) if (line.trim()) body.push(para(line))
      }
    }
  }

  body.push(heading(L.parkingLot, HeadingLevel.HEADING_1))
  if (archive.parkingLot.length === 0) body.push(para(L.empty, { italics: true }))
  for (const item of archive.parkingLot)
    body.push(new Paragraph({ text: clean(item.text), bullet: { level: 0 } }))

  const doc = new Document({
    title: clean(session.title),
    creator: 'Convene',
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ children: body }],
  })
  return Packer.toBuffer(doc)
}
