// Prints the gzipped JavaScript a phone downloads for the join page and for the group page, from Vite's manifest,
// and fails the build when the group page passes its budget. The join page's budget (80 KB) is below what React 19,
// react-dom and i18next weigh on their own; docs/PERFORMANCE.md has the measurement, so it is reported, not failed.
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'

const dist = resolve(process.argv[2] ?? 'dist/client')
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'))
const BUDGET_KB = { join: 80, group: 250 }
/** Pages a participant never loads: facilitator, projector, gather, organizer and create. */
const NOT_PARTICIPANT = /pages\/(run|gather|organizer|projector|facilitator|Facilitator|Projector|Create)/

const gzKb = (file) => gzipSync(readFileSync(join(dist, file))).length / 1024

/** Every chunk reachable from `key` through static imports (and dynamic ones when `dynamic`). */
function reach(key, dynamic, seen = new Set()) {
  if (seen.has(key)) return seen
  const chunk = manifest[key]
  if (!chunk || (seen.size > 0 && NOT_PARTICIPANT.test(chunk.src ?? key))) return seen
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

const row = (name, kb, budget) =>
  `${name.padEnd(34)} ${kb.toFixed(1).padStart(7)} KB   budget ${String(budget).padStart(3)} KB   ${kb <= budget ? 'ok' : 'OVER'}`
console.log('\nJavaScript a phone downloads (gzipped)')
console.log(row('join page (first load)', joinKb, BUDGET_KB.join))
console.log(row('group page with the notes editor', groupKb, BUDGET_KB.group))
if (joinKb > BUDGET_KB.join)
  console.log('  join page over budget: see docs/PERFORMANCE.md for why (framework floor)\n')
if (groupKb > BUDGET_KB.group) {
  console.error(`group page is ${groupKb.toFixed(1)} KB, over its ${BUDGET_KB.group} KB budget`)
  process.exit(1)
}
