import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import PDFDocument from 'pdfkit'
import type { SessionArchive } from '../../shared/archiveSchema.ts'
import { formatDate, labelsFor, provenanceText } from './labels.ts'

// DejaVu Sans ships with the app (npm dejavu-fonts-ttf) and covers Latin Extended Additional, so Spanish and
// Vietnamese letters render; the PDF embeds the glyphs it uses. Nothing is read from the system or the network.
const FONT_DIR = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf')
/** The embedded fonts, regular and bold. */
export const PDF_FONTS = {
  regular: join(FONT_DIR, 'DejaVuSans.ttf'),
  bold: join(FONT_DIR, 'DejaVuSans-Bold.ttf'),
}

const SIZES = { title: 22, h1: 16, h2: 13, h3: 11.5, body: 10, small: 8.5 }

/**
 * The archive as a PDF, made on the server with pdfkit (no browser). Text is drawn as text, never interpreted,
 * so markup in what people typed shows as typed.
 */
export function writePdf(archive: SessionArchive): Promise<Buffer> {
  const L = labelsFor(archive)
  const lang = archive.session.defaultLanguage
  const { session, participation: part, summary } = archive
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    font: PDF_FONTS.regular,
    info: { Title: session.title, Creator: 'Convene' },
    lang,
    bufferPages: true,
  })
  doc.registerFont('body', PDF_FONTS.regular)
  doc.registerFont('bold', PDF_FONTS.bold)
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })

  const heading = (text: string, size: number) => {
    doc.moveDown(size >= SIZES.h1 ? 0.8 : 0.5)
    doc.font('bold').fontSize(size).fillColor('#111111').text(text, { paragraphGap: 4 })
    doc.font('body').fontSize(SIZES.body)
  }
  const text = (value: string, options: { color?: string; indent?: number; size?: number } = {}) => {
    doc
      .font('body')
      .fontSize(options.size ?? SIZES.body)
      .fillColor(options.color ?? '#222222')
      .text(value, { paragraphGap: 3, indent: options.indent ?? 0 })
  }
  const bullet = (value: string, from?: string) => {
    text(`•  ${value}`, { indent: 8 })
    if (from) text(from, { color: '#555555', indent: 22, size: SIZES.small })
  }

  doc.font('bold').fontSize(SIZES.title).text(session.title)
  text(`${L.date}: ${formatDate(session.closedAt ?? session.createdAt, lang)}`, { color: '#555555' })
  if (archive.redactions > 0) text(`${L.redacted}: ${archive.redactions}`, { color: '#555555' })

  heading(L.participation, SIZES.h1)
  for (const s of part.bySector) text(`${s.sector}: ${s.count}`)
  if (part.other > 0) text(`${L.other}: ${part.other}`)
  text(`${L.total}: ${part.total}`)
  if (part.names?.length) text(`${L.names}: ${part.names.join(', ')}`)

  heading(L.agenda, SIZES.h1)
  archive.agenda.forEach((r, i) => {
    text(`${i + 1}. ${r.title} (${r.durationMinutes} min)`)
    for (const p of r.prompts) text(`–  ${p}`, { indent: 14, color: '#444444' })
  })

  heading(L.summary, SIZES.h1)
  if (summary.source === 'none') text(L.summaryNone, { color: '#555555' })
  if (summary.source === 'draft') text(L.summaryDraft, { color: '#555555' })
  if (summary.votesCast > 0) {
    text(
      L.voteSummary.replace('{dots}', String(summary.votesCast)).replace('{voters}', String(summary.voters)),
    )
  }
  for (const theme of summary.themes) {
    heading(`${theme.title}${summary.votesCast > 0 ? ` (${L.votes}: ${theme.votes})` : ''}`, SIZES.h2)
    if (theme.synthesis.trim()) text(theme.synthesis)
    for (const p of theme.points) {
      bullet(`${L.kinds[p.kind]}: ${p.text}`, p.provenance.map(provenanceText).join('; '))
    }
  }
  if (summary.actions.length) {
    heading(L.actions, SIZES.h2)
    for (const a of summary.actions) {
      const meta = [a.owner && `${L.owner}: ${a.owner}`, a.due && `${L.due}: ${a.due}`, a.themeTitle]
      bullet(a.text, meta.filter(Boolean).join(' · '))
    }
  }

  heading(L.notes, SIZES.h1)
  for (const round of archive.notes) {
    heading(round.roundTitle, SIZES.h2)
    for (const group of round.groups) {
      heading(group.name, SIZES.h3)
      if (group.points.length === 0) text(L.noPoints, { color: '#555555' })
      for (const p of group.points) {
        const by = p.author ? [p.author.sector, p.author.name].filter(Boolean).join(' · ') : ''
        bullet(`${L.kinds[p.kind]}: ${p.text}`, by || undefined)
      }
      if (group.discussion.trim()) {
        doc.moveDown(0.3)
        text(`${L.discussion}:`, { color: '#555555' })
        text(group.discussion)
      }
    }
  }

  heading(L.parkingLot, SIZES.h1)
  if (archive.parkingLot.length === 0) text(L.empty, { color: '#555555' })
  for (const item of archive.parkingLot) bullet(item.text)

  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    doc
      .font('body')
      .fontSize(SIZES.small)
      .fillColor('#777777')
      .text(`${i + 1} / ${range.count}`, 0, doc.page.height - 36, { align: 'center', width: doc.page.width })
    doc.page.margins.bottom = bottom
  }
  doc.end()
  return done
}
