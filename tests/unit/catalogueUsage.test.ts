import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildCatalogues, type Catalogue } from '../../client/src/i18n/catalogues.ts'

const CLIENT_SRC = join(import.meta.dirname, '../../client/src')
const CATALOGUE_DIR = join(CLIENT_SRC, 'i18n')

/**
 * Keys the code builds at run time, as `t(\`prefix.${value}\`)`: every key under each prefix counts as used, and each
 * prefix must exist in the English catalogue. Add a prefix here (with the file that builds it) when code composes a
 * key; the test below fails for a dynamic key whose prefix is not listed, so none slips through unchecked.
 */
const DYNAMIC_KEY_PREFIXES = [
  'connection.', // ui/ConnectionBadge: the socket's status
  'languages.', // ui/LanguageSelect: each language's own name
  'errors.', // ui/errorText: the server's error codes
  'status.', // facilitator/SessionHeader: the session's status
  'create.anonymity.', // CreatePage: each anonymity option and its hint
  'facilitator.role.', // facilitator/LinksPanel: an invite's role
  'notes.kinds.', // notes/PointItem, AddPoint: a point's kind
  'notes.tools.', // notes/DiscussionEditor: the toolbar's buttons
  'notes.status.', // notes/SaveStatus: the saved status word
  'organizer.preview.kinds.', // organizer/ArchivePreview
  'organizer.status.', // organizer/OrganizerPage, AdminPage
  'organizer.review.kinds.', // organizer/ExportPanel
  'organizer.export.formats.', // organizer/ExportPanel
  'organizer.export.formatHints.', // organizer/ExportPanel
  'organizer.archive.roles.', // organizer/ArchiveListPage
  'rounds.agenda.problem.', // run/AgendaEditor: a draft's problems
  'rounds.templates.', // run/AgendaEditor: each template's name and about
  'rounds.status.', // run/AgendaEditor, RunControls: a round's status
  'rounds.rules.', // run/AgendaEditor, RunControls: grouping rules
  'rounds.kinds.', // run/LiveView: a point's kind
  'rounds.log.', // run/ActionLog: each logged action
  'rounds.moments.', // run/Moments: prepare, run, gather, close
  'gather.kind.', // gather/Filters, PointCard: a point's kind
  'gather.voteStatus.', // gather/VotePanel
] as const

/**
 * Messages where `count` is a number shown as it is, with no word agreeing with it in English or Spanish
 * ("Round 2 of 5", "3×"): they need no plural forms. Any other message with {{count}} must have them.
 */
const COUNT_WITHOUT_PLURAL = new Set([
  'facilitator.onlineCount', // "{{count}} online" / "{{count}} en línea"
  'notes.pointLabel', // "point {{position}} of {{count}}"
  'notes.moved', // "position {{position}} of {{count}}"
  'organizer.review.count', // "{{count}}×"
  'rounds.run.roundOf', // "Round {{n}} of {{count}}"
  'rounds.run.upNext', // "round {{n}} of {{count}}"
  'rounds.projector.roundOf', // "Round {{n}} of {{count}}"
])

/** The plural suffixes i18next adds for `count` (CLDR categories). */
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/

function loadEnglish(): Catalogue {
  const read = (path: string) => JSON.parse(readFileSync(join(CATALOGUE_DIR, path), 'utf8')) as Catalogue
  const areas: Record<string, Catalogue> = {}
  for (const entry of readdirSync(CATALOGUE_DIR, { withFileTypes: true })) {
    if (entry.isDirectory()) areas[`${entry.name}/en.json`] = read(join(entry.name, 'en.json'))
  }
  return buildCatalogues({ en: read('en.json') }, areas).en ?? {}
}

function flatKeys(catalogue: Catalogue, prefix = '', into: string[] = []): string[] {
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') into.push(path)
    else flatKeys(value, path, into)
  }
  return into
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(entry.name) ? [path] : []
  })
}

interface Usage {
  /** Keys written out in full: `t('a.b')`, `i18nKey="a.b"`, or any string literal that is a catalogue key. */
  literal: Map<string, string>
  /** Where `t(...)` was called with a literal that must be a key. */
  called: Map<string, string>
  /** The fixed start of each composed key: `t(\`a.${x}\`)` gives `a.`. */
  dynamic: Map<string, string>
}

/** Reads every key the client's code uses. */
function scanUsage(): Usage {
  const usage: Usage = { literal: new Map(), called: new Map(), dynamic: new Map() }
  for (const file of sourceFiles(CLIENT_SRC)) {
    const where = relative(CLIENT_SRC, file)
    const code = readFileSync(file, 'utf8')
    // t() in React and in the light pages, and the light pages' bound texts: tx('key'), retext(node, 'key').
    for (const m of code.matchAll(/\b(?:t\(|tx\(|retext\([^,()]+,)\s*(['"])([^'"]+)\1/g))
      usage.called.set(m[2] as string, where)
    for (const m of code.matchAll(/i18nKey=(?:\{\s*)?(['"])([^'"]+)\1/g))
      usage.called.set(m[2] as string, where)
    for (const m of code.matchAll(/\b(?:t|tx)\(\s*`([^`$]*)\$\{/g)) usage.dynamic.set(m[1] as string, where)
    for (const m of code.matchAll(/i18nKey=\{`([^`$]*)\$\{/g)) usage.dynamic.set(m[1] as string, where)
    // Keys held in a variable or table before reaching t(): any literal shaped like a key.
    for (const m of code.matchAll(/(['"`])([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_]+)+)\1/g)) {
      usage.literal.set(m[2] as string, where)
      // The light pages pass keys around in tables and ternaries before tx(): each must exist.
      if (where.startsWith(`join${sep}`)) usage.called.set(m[2] as string, where)
    }
  }
  for (const [key, where] of usage.called) usage.literal.set(key, where)
  return usage
}

const english = new Set(flatKeys(loadEnglish()))
const baseOf = (key: string) => key.replace(PLURAL_SUFFIX, '')
const exists = (key: string) => english.has(key) || english.has(`${key}_other`)
const usage = scanUsage()

describe('the keys the code uses', () => {
  it('finds a plausible number of uses (the scanner works)', () => {
    expect(usage.called.size).toBeGreaterThan(300)
    expect(usage.dynamic.size).toBeGreaterThan(10)
  })

  it('all exist in the English catalogue (a plural key as its _other form)', () => {
    const missing = [...usage.called]
      .filter(([key]) => !exists(key))
      .map(([key, where]) => `${key} (${where})`)
    expect(missing).toEqual([])
  })

  it('compose keys only under a listed prefix, and every listed prefix exists', () => {
    const unlisted = [...usage.dynamic]
      .filter(([prefix]) => !DYNAMIC_KEY_PREFIXES.some((p) => prefix.startsWith(p)))
      .map(([prefix, where]) => `${prefix}… (${where})`)
    expect(unlisted).toEqual([])
    const empty = DYNAMIC_KEY_PREFIXES.filter((prefix) => ![...english].some((key) => key.startsWith(prefix)))
    expect(empty).toEqual([])
    const unusedPrefixes = DYNAMIC_KEY_PREFIXES.filter(
      (prefix) => ![...usage.dynamic.keys()].some((used) => used.startsWith(prefix)),
    )
    expect(unusedPrefixes).toEqual([])
  })
})

describe('the English catalogue', () => {
  it('has no key that the code never uses', () => {
    const used = (key: string) =>
      usage.literal.has(key) ||
      usage.literal.has(baseOf(key)) ||
      DYNAMIC_KEY_PREFIXES.some((prefix) => key.startsWith(prefix))
    expect([...english].filter((key) => !used(key))).toEqual([])
  })

  it('uses a plural form wherever a message counts', () => {
    const messages = new Map<string, string>()
    const walk = (c: Catalogue, prefix = '') => {
      for (const [k, v] of Object.entries(c)) {
        const path = prefix ? `${prefix}.${k}` : k
        if (typeof v === 'string') messages.set(path, v)
        else walk(v, path)
      }
    }
    walk(loadEnglish())
    const counting = [...messages].filter(
      ([key, text]) =>
        /\{\{count\}\}/.test(text) && !PLURAL_SUFFIX.test(key) && !COUNT_WITHOUT_PLURAL.has(key),
    )
    expect(counting.map(([key]) => key)).toEqual([])
  })
})
