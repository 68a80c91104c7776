import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  baselineAri,
  baselineSortAccuracy,
  seedDraws,
  sortScore,
  suggestionAri,
} from '../../server/domain/themes/evaluate.ts'
import { labelledPointsFrom } from '../../server/domain/themes/fixture.ts'
import { suggestThemes } from '../../server/domain/themes/index.ts'

// shared/ sits beside the clone, both here and in CI.
const fixturePath = fileURLToPath(
  new URL('../../../shared/fixtures/community-conversation.json', import.meta.url),
)
const present = existsSync(fixturePath)
if (!present) console.warn(`themes fixture tests skipped: ${fixturePath} is missing`)

describe.skipIf(!present)(
  `theme engine on the shared fixture (${present ? 'found' : `missing: ${fixturePath}`})`,
  () => {
    const points = present ? labelledPointsFrom(JSON.parse(readFileSync(fixturePath, 'utf8'))) : []

    it('suggests themes that agree with the human ones far better than the baseline', () => {
      const ours = suggestionAri(points)
      const base = baselineAri(points)
      console.log(`suggested themes ARI: ours ${ours.toFixed(3)}, baseline ${base.toFixed(3)}`)
      expect(ours).toBeGreaterThan(base + 0.1)
      expect(ours).toBeGreaterThan(2 * base)
    })

    it('suggests the same themes every time, whatever the input order', () => {
      const first = suggestThemes(points)
      expect(suggestThemes(points)).toEqual(first)
      expect(suggestThemes([...points].reverse())).toEqual(first)
    }, 60_000)

    it('sorts the rest from one seed per theme better than the baseline', () => {
      const draws = seedDraws(points, 20)
      const ours = sortScore(points, draws)
      const base = baselineSortAccuracy(points, draws)
      console.log(
        `sort the rest accuracy: ours ${ours.accuracy.toFixed(3)} (default threshold: ${ours.coverage.toFixed(3)} ` +
          `sorted, ${ours.precision.toFixed(3)} right), baseline ${base.toFixed(3)}`,
      )
      expect(ours.accuracy).toBeGreaterThan(base + 0.05)
      expect(ours.precision).toBeGreaterThan(ours.accuracy)
    })
  },
)
