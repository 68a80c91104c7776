// Prints the gzipped JavaScript a phone downloads for the join page and for the group page, from Vite's manifest.
// Each has a budget (the target of issue 7) and a ceiling. The budgets sit below what the chosen stack weighs on its
// own (React 19 + react-dom + i18next alone are 86.7 KB; TipTap with ProseMirror about 100 KB: docs/PERFORMANCE.md
// has the measurements), so a miss is reported; the build fails only when a page grows past its ceiling, which
// is set just above today's size so that any regression stops the build.
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'

const dist = resolve(process.argv[2] ?? 'dist/client')
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'))
const BUDGET_KB = { join: 80, group: 250 }
const CEILING_KB = { join: 108, group: 285 }
/** Pages a participant never loads: facilitator, projector, gather, organizer and create. */
const NOT_PARTICIPANT = /pages\/(run|gather|organizer|projector|facilitator|Facilitator|Projector|Create)/

const gzKb = (file) => gzipSync(readFileSync(join(dist, file))).length / 1024

/** Every chunk reachable from `key` through static imports (and dynamic ones when `dynamic`). */
function reach(key, dynamic, seen = new Set()) {
  if (seen.has(key)) return seen
  const chunk = manifest[key]
  // A phone loads one language's messages: the English ones are counted with the first load.
  if (!chunk || (seen.size > 0 && (NOT_PARTICIPANT.test(chunk.src ?? key) || /i18n\/.*\.json$/.test(key))))
    return seen
  seen.add(key)
  for (const next of chunk.imports ?? []) reach(next, dynamic, seen)
  if (dynamic) for (const next of chunk.dynamicImports ?? []) reach(next, dynamic, seen)
  return seen
}

const total = (keys) => [...keys].reduce((kb, key) => kb + gzKb(manifest[key].file), 0)
const entry = Object.keys(manifest).find((key) => manifest[key].isEntry)
const participant = Object.keys(manifest).find((key) => /pages\/ParticipantPage\.tsx$/.test(key))
/** The English messages a first visit loads before it renders. */
const english = Object.keys(manifest).filter((key) => /i18n\/([^/]+\/)?en\.json$/.test(key))
const firstLoad = new Set([...reach(entry, false), ...english])
const joinKb = total(firstLoad)
const groupKb = total(new Set([...firstLoad, ...(participant ? reach(participant, true) : [])]))

const row = (name, kb, budget, ceiling) =>
  `${name.padEnd(34)} ${kb.toFixed(1).padStart(7)} KB   budget ${String(budget).padStart(3)} KB ${kb <= budget ? 'met ' : 'MISS'}   ceiling ${ceiling} KB`
console.log('\nJavaScript a phone downloads (gzipped)')
console.log(row('join page (first load)', joinKb, BUDGET_KB.join, CEILING_KB.join))
console.log(row('group page with the notes editor', groupKb, BUDGET_KB.group, CEILING_KB.group))
if (joinKb > BUDGET_KB.join || groupKb > BUDGET_KB.group)
  console.log('  budget missed: docs/PERFORMANCE.md says why\n')
const over = [
  ['join page', joinKb, CEILING_KB.join],
  ['group page', groupKb, CEILING_KB.group],
].filter(([, kb, ceiling]) => kb > ceiling)
for (const [name, kb, ceiling] of over)
  console.error(`${name} grew to ${kb.toFixed(1)} KB, past its ${ceiling} KB ceiling`)
if (over.length > 0) process.exit(1)
