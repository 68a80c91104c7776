import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildCatalogues, type Catalogue } from '../../client/src/i18n/catalogues.ts'
import { LANGUAGES } from '../../shared/session.ts'

const CATALOGUE_DIR = join(import.meta.dirname, '../../client/src/i18n')

/** Every language's catalogue, merged as the client merges them: core `<lang>.json` plus `<area>/<lang>.json`. */
function loadCatalogues(): Map<string, Catalogue> {
  if (!existsSync(CATALOGUE_DIR)) return new Map()
  const read = (path: string) => JSON.parse(readFileSync(join(CATALOGUE_DIR, path), 'utf8')) as Catalogue
  const core: Record<string, Catalogue> = {}
  const areas: Record<string, Catalogue> = {}
  for (const entry of readdirSync(CATALOGUE_DIR, { withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.json'))
      core[entry.name.replace(/\.json$/, '')] = read(entry.name)
    if (!entry.isDirectory()) continue
    for (const file of readdirSync(join(CATALOGUE_DIR, entry.name)).filter((f) => f.endsWith('.json'))) {
      areas[`${entry.name}/${file}`] = read(join(entry.name, file))
    }
  }
  return new Map(Object.entries(buildCatalogues(core, areas)).sort(([a], [b]) => a.localeCompare(b)))
}

/** Flattens nested keys to dotted paths; anything that is neither a string nor an object is reported as such. */
function flatten(catalogue: Catalogue, prefix = '', into = new Map<string, unknown>()): Map<string, unknown> {
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) flatten(value, path, into)
    else into.set(path, value)
  }
  return into
}

/** The {{variables}} a message interpolates, sorted. */
function variables(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\{\s*([^}\s,]+)[^}]*\}\}/g)].map((m) => m[1] as string))].sort()
}

/** `x` for a plural key `x_one`/`x_other`/…, null for any other key. */
function pluralBase(key: string): string | null {
  const match = /^(.*)_(zero|one|two|few|many|other)$/.exec(key)
  return match ? (match[1] as string) : null
}

const catalogues = loadCatalogues()
const flat = new Map([...catalogues].map(([lang, catalogue]) => [lang, flatten(catalogue)]))
const reference = flat.get('en') ?? new Map<string, unknown>()

describe('message catalogues', () => {
  it('exist for every language the app offers', () => {
    for (const lang of LANGUAGES) expect([...catalogues.keys()], `missing ${lang}.json`).toContain(lang)
  })

  it('are not empty', () => {
    expect(reference.size).toBeGreaterThan(0)
  })

  for (const [lang, messages] of flat) {
    describe(lang, () => {
      it('has exactly the same keys as English, with the plural forms its own language needs', () => {
        const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories
        // A plural message in English (`x_one`, `x_other`) needs every one of this language's CLDR categories.
        const expected = new Set<string>()
        for (const key of reference.keys()) {
          const base = pluralBase(key)
          if (base === null) expected.add(key)
          else for (const category of categories) expected.add(`${base}_${category}`)
        }
        const missing = [...expected].filter((k) => !messages.has(k))
        const extra = [...messages.keys()].filter((k) => !expected.has(k))
        expect({ missing, extra }).toEqual({ missing: [], extra: [] })
      })

      it('has a non-empty string for every key', () => {
        const bad = [...messages].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k)
        expect(bad).toEqual([])
      })

      it('interpolates the same {{variables}} as English in every message', () => {
        const mismatched: string[] = []
        for (const [key, value] of messages) {
          const english = reference.get(key)
          if (typeof value !== 'string' || typeof english !== 'string') continue
          const mine = variables(value)
          const theirs = variables(english)
          if (mine.join() !== theirs.join()) mismatched.push(`${key}: ${mine.join()} vs en ${theirs.join()}`)
        }
        expect(mismatched).toEqual([])
      })
    })
  }
})

describe('catalogue helpers', () => {
  it('flatten nested keys and find interpolation variables', () => {
    expect([...flatten({ a: { b: 'x', c: { d: 'y' } }, e: 'z' }).keys()]).toEqual(['a.b', 'a.c.d', 'e'])
    expect(variables('Hi {{name}}, {{ count }} joined {{name}} {{when, datetime}}')).toEqual([
      'count',
      'name',
      'when',
    ])
    expect(variables('no variables')).toEqual([])
  })
})
