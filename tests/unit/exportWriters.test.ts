import { parse as parseCsv } from 'csv-parse/sync'
import JSZip from 'jszip'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, it } from 'vitest'
import { csvCell, writeCsv } from '../../server/export/csv.ts'
import { writeDocx } from '../../server/export/docx.ts'
import { writeJson } from '../../server/export/json.ts'
import { escapeMarkdown, writeMarkdown } from '../../server/export/markdown.ts'
import { writePdf } from '../../server/export/pdf.ts'
import { archiveJsonSchema } from '../../server/export/schema.ts'
import { sessionArchiveSchema } from '../../shared/archiveSchema.ts'
import { INJECTIONS, sampleArchive } from './exportFixture.ts'

/** The text of every page of a PDF, read by pdf.js (an independent reader). */
async function pdfText(data: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false })
    .promise
  const pages: string[] = []
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent()
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '))
  }
  await pdf.destroy()
  return pages.join('\n').replace(/\s+/g, ' ')
}

const xmlText = (xml: string) =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1] ?? '')
    .join(' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')

describe('export writers', () => {
  const archive = sampleArchive()

  it('Markdown holds every section and escapes markup people typed', () => {
    const md = writeMarkdown(archive)
    expect(md).toContain('# Conversación comunitaria — Nguyễn Văn Ánh')
    for (const heading of ['Who took part', 'Agenda', 'Summary', 'Group notes', 'Parking lot']) {
      expect(md).toContain(`## ${heading}`)
    }
    expect(md).toContain('| Faith-based | 4 |')
    expect(md).toContain('Vivienda segura (Votes: 7)')
    expect(md).toContain('Trường học an toàn hơn')
    // No raw tag, no link: brackets and parentheses are escaped, angle brackets are entities.
    expect(md).not.toMatch(/<script|<img/i)
    expect(md).not.toContain('](javascript:')
    expect(md).toContain('\\[click me\\]\\(javascript:alert\\(3\\)\\)')
    expect(md).toContain('&lt;script&gt;')
  })

  it('escapeMarkdown neutralises block syntax at the start of a line', () => {
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading')
    expect(escapeMarkdown('- not a list')).toBe('\\- not a list')
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list')
    expect(escapeMarkdown('![x](javascript:y)')).toBe('\\!\\[x\\]\\(javascript:y\\)')
  })

  it('DOCX has real headings and tables, read back from word/document.xml', async () => {
    const zip = await JSZip.loadAsync(await writeDocx(archive))
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
    expect(xml).toContain('<w:pStyle w:val="Title"/>')
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>')
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>')
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThanOrEqual(4)
    const text = xmlText(xml)
    expect(text).toContain('Conversación comunitaria — Nguyễn Văn Ánh')
    expect(text).toContain('Trường học an toàn hơn')
    expect(text).toContain('Where should we as a community go next?')
    // User text is XML-escaped, never markup: the script tag is text in a w:t element.
    expect(xml).not.toMatch(/<script/i)
    expect(text).toContain('<script>alert(1)</script>')
  })

  it('PDF text, extracted by pdf.js, has Spanish and Vietnamese letters and every section', async () => {
    const pdf = await writePdf(archive)
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const text = await pdfText(pdf)
    expect(text).toContain('Conversación comunitaria — Nguyễn Văn Ánh')
    expect(text).toContain('Trường học an toàn hơn')
    expect(text).toContain('Vivienda segura')
    expect(text).toContain('Parking lot')
    // Embedded font (DejaVu), no reference to a font the reader would have to find.
    expect(pdf.toString('latin1')).toMatch(/\/FontFile2/)
  })

  it('CSV neutralises formula prefixes and parses back with every point and action', () => {
    const csv = writeCsv(archive)
    const rows = parseCsv(csv.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[]
    const keyPoints = rows.filter((r) => r.type === 'key point')
    expect(keyPoints).toHaveLength(4)
    expect(rows.filter((r) => r.type === 'summary point')).toHaveLength(1)
    expect(rows.filter((r) => r.type === 'action item')).toHaveLength(1)
    for (const row of rows) {
      for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+\-@\t\r\n]/)
    }
    expect(keyPoints[0]?.text).toBe(`'${INJECTIONS[0]}`)
    expect(keyPoints[0]?.group).toBe('Table 1')
    expect(keyPoints[0]?.name).toBe('Ana Pérez')
    expect(keyPoints[2]?.text).toBe(`'${INJECTIONS[4]}`)
    const action = rows.find((r) => r.type === 'action item')
    expect(action?.text).toBe(`'${INJECTIONS[1]}`)
    expect(action?.owner).toBe(`'${INJECTIONS[3]}`)
    expect(csvCell('=1+1')).toBe(`"'=1+1"`)
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('\rx')).toBe(`"'\rx"`)
  })

  it('JSON validates against the archive schema, and the JSON Schema document exists', () => {
    const parsed = JSON.parse(writeJson(archive))
    expect(sessionArchiveSchema.parse(parsed)).toEqual(archive)
    const schema = archiveJsonSchema() as { properties: Record<string, unknown> }
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['format', 'version', 'session', 'participation', 'agenda', 'summary', 'notes']),
    )
    expect(() => writeJson({ ...archive, version: 2 } as never)).toThrow()
  })
})
