// Prints what a phone downloads for the join page and for the group page, from Vite's manifest and the gzip and
// brotli copies the build wrote (scripts/precompress.ts): the bytes the server sends. Each page has a budget (the
// target of issue 7) and a ceiling; a missed budget is reported, and the build fails only when a page grows past
// its ceiling, set just above today's size so that any regression stops the build.
//
// - The join page is the light page of client/join.html: its HTML, its entry with what that imports, its CSS and
//   the English core messages it loads before it draws. Its budget counts the JavaScript, gzipped, as the issue says.
// - The group page is everything a phone has downloaded once the notes editor shows: the join page, the app it hands
//   over to (boot and its imports), the participant page with what it loads (the notes and the editor), the CSS of
//   all of it, and the English messages a participant loads (the core and every area that is not lazy). "In all"
//   is what a phone downloads, so it counts HTML, CSS and JavaScript. The budget is judged on gzip: browsers take
//   brotli only over HTTPS, and Convene often runs on plain HTTP on a venue's network, where phones get gzip.
//   The brotli figure is what a phone downloads over HTTPS.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

const dist = resolve(process.argv[2] ?? 'dist/client')
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'))
const BUDGET_KB = { joinJs: 80, group: 250 }
const CEILING_KB = { joinJs: 10, group: 245 }
/** Pages a participant never loads: facilitator, projector, gather, organizer and create. */
const NOT_PARTICIPANT = /pages\/(run|gather|organizer|projector|facilitator|Facilitator|Projector|Create)/
/** Catalogue areas only the facilitator's and organizer's pages load (LAZY_AREAS in client/src/i18n/index.ts). */
const LAZY_AREAS = ['organizer']
const ENCODINGS = [
  ['gzip', '.gz'],
  ['brotli', '.br'],
]

/** A file's size on the wire in one encoding, in KB: its precompressed copy, or the file when it has none. */
function kb(file, suffix) {
  const path = join(dist, file)
  return statSync(existsSync(path + suffix) ? path + suffix : path).size / 1024
}

/** Every chunk reachable from `key` through static imports (and dynamic ones when `dynamic`). */
function reach(key, dynamic, seen = new Set()) {
  if (seen.has(key)) return seen
  const chunk = manifest[key]
  // Messages are counted on their own (one language); other roles' pages are never loaded by a phone.
  if (!chunk || (seen.size > 0 && (NOT_PARTICIPANT.test(chunk.src ?? key) || /i18n\/.*\.json$/.test(key))))
    return seen
  seen.add(key)
  for (const next of chunk.imports ?? []) reach(next, dynamic, seen)
  if (dynamic) for (const next of chunk.dynamicImports ?? []) reach(next, dynamic, seen)
  return seen
}

/** The files of some chunks: their JavaScript, and their CSS. */
function filesOf(keys) {
  const js = new Set([...keys].map((key) => manifest[key].file))
  const css = new Set([...keys].flatMap((key) => manifest[key].css ?? []))
  return { js, css }
}

/** Sizes of a set of files in each encoding, in KB. */
const sizes = (files) =>
  Object.fromEntries(
    ENCODINGS.map(([name, suffix]) => [name, [...files].reduce((sum, f) => sum + kb(f, suffix), 0)]),
  )

const keyOf = (pattern) => {
  const key = Object.keys(manifest).find((k) => pattern.test(k))
  if (!key) throw new Error(`no chunk matches ${pattern} in the manifest: did the build change?`)
  return key
}
const joinEntry = keyOf(/^join\.html$/)
const english = Object.keys(manifest).filter(
  (key) => /i18n\/en\.json$/.test(key) && key.split('/').length === 3,
)
const participantEnglish = Object.keys(manifest).filter(
  (key) => /i18n\/([^/]+\/)?en\.json$/.test(key) && !LAZY_AREAS.some((area) => key.includes(`/${area}/`)),
)

const joinChunks = new Set([...reach(joinEntry, false), ...english])
const groupChunks = new Set([
  ...joinChunks,
  ...reach(keyOf(/boot\.tsx$|_boot-.*\.js$/), false),
  ...reach(keyOf(/pages\/ParticipantPage\.tsx$/), true),
  ...participantEnglish,
])
const joinFiles = filesOf(joinChunks)
const groupFiles = filesOf(groupChunks)
const joinJs = sizes(joinFiles.js)
const joinAll = sizes([...joinFiles.js, ...joinFiles.css, 'join.html'])
const groupJs = sizes(groupFiles.js)
const groupAll = sizes([...groupFiles.js, ...groupFiles.css, 'join.html'])

const fmt = (n) => n.toFixed(1).padStart(7)
const judged = (kb, budget) => `budget ${String(budget).padStart(3)} KB ${kb <= budget ? 'met ' : 'MISS'}`
const row = (name, size, tail = '') => `${name.padEnd(44)} ${fmt(size.gzip)} ${fmt(size.brotli)}   ${tail}`
console.log('\nWhat a phone downloads: gzip over plain HTTP, brotli over HTTPS (the copies the server sends)')
console.log(`${'KB'.padEnd(44)} ${'gzip'.padStart(7)} ${'brotli'.padStart(7)}`)
console.log(
  row(
    'join page JavaScript (first load)',
    joinJs,
    `${judged(joinJs.gzip, BUDGET_KB.joinJs)} (gzip)   ceiling ${CEILING_KB.joinJs} KB`,
  ),
)
console.log(row('join page in all (HTML, CSS, JavaScript)', joinAll))
console.log(row('group page JavaScript', groupJs))
console.log(
  row(
    'group page in all, with the notes editor',
    groupAll,
    `${judged(groupAll.gzip, BUDGET_KB.group)} (gzip)   ceiling ${CEILING_KB.group} KB`,
  ),
)
if (groupAll.brotli <= BUDGET_KB.group && groupAll.gzip > BUDGET_KB.group)
  console.log(`  over HTTPS (brotli) the group page is within its ${BUDGET_KB.group} KB budget`)
if (joinJs.gzip > BUDGET_KB.joinJs || groupAll.gzip > BUDGET_KB.group)
  console.log('  budget missed: docs/PERFORMANCE.md says why\n')
const over = [
  ['join page JavaScript', joinJs.gzip, CEILING_KB.joinJs],
  ['group page', groupAll.gzip, CEILING_KB.group],
].filter(([, size, ceiling]) => size > ceiling)
for (const [name, size, ceiling] of over)
  console.error(`${name} grew to ${size.toFixed(1)} KB gzipped, past its ${ceiling} KB ceiling`)
if (over.length > 0) process.exit(1)
