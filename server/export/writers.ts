import type { ExportFormat } from '../../shared/archiveProtocol.ts'
import type { SessionArchive } from '../../shared/archiveSchema.ts'
import { writeCsv } from './csv.ts'
import { writeDocx } from './docx.ts'
import { writeJson } from './json.ts'
import { exportFileName } from './labels.ts'
import { writeMarkdown } from './markdown.ts'
import { writePdf } from './pdf.ts'

/** A written export, ready to send. */
export interface ExportFile {
  filename: string
  contentType: string
  data: Buffer
}

const FORMATS: Record<
  ExportFormat,
  { extension: string; contentType: string; write: (a: SessionArchive) => string | Buffer | Promise<Buffer> }
> = {
  markdown: { extension: 'md', contentType: 'text/markdown; charset=utf-8', write: writeMarkdown },
  docx: {
    extension: 'docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    write: writeDocx,
  },
  pdf: { extension: 'pdf', contentType: 'application/pdf', write: writePdf },
  csv: { extension: 'csv', contentType: 'text/csv; charset=utf-8', write: writeCsv },
  json: { extension: 'json', contentType: 'application/json; charset=utf-8', write: writeJson },
}

/** Writes an archive in one format. */
export async function writeExport(archive: SessionArchive, format: ExportFormat): Promise<ExportFile> {
  const spec = FORMATS[format]
  const written = await spec.write(archive)
  return {
    filename: exportFileName(archive, spec.extension),
    contentType: spec.contentType,
    data: typeof written === 'string' ? Buffer.from(written, 'utf8') : written,
  }
}
