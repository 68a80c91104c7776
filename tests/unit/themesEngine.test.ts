import { describe, expect, it } from 'vitest'
import { adjustedRandIndex } from '../../server/domain/themes/ari.ts'
import { sortTheRest } from '../../server/domain/themes/sortRest.ts'
import { stemEnglish } from '../../server/domain/themes/stemEnglish.ts'
import { stemSpanish } from '../../server/domain/themes/stemSpanish.ts'
import { suggestThemes } from '../../server/domain/themes/suggest.ts'
import { guessLanguage, tokenize, words } from '../../server/domain/themes/tokenize.ts'
import { defaultWordNet } from '../../server/domain/themes/wordnet.ts'

const notes = (texts: string[]) => texts.map((text, i) => ({ id: `p${String(i).padStart(2, '0')}`, text }))

describe('stemming and tokens', () => {
  it('stems English with Porter', () => {
    const cases: [string, string][] = [
      ['caresses', 'caress'],
      ['ponies', 'poni'],
      ['relational', 'relat'],
      ['hopping', 'hop'],
      ['trainings', 'train'],
      ['trained', 'train'],
      ['housing', 'hous'],
      ['houses', 'hous'],
    ]
    for (const [word, stem] of cases) expect(stemEnglish(word)).toBe(stem)
  })

  it('stems Spanish so inflected forms meet', () => {
    expect(stemSpanish('viviendas')).toBe(stemSpanish('vivienda'))
    expect(stemSpanish('capacitación')).toBe(stemSpanish('capacitaciones'))
    expect(stemSpanish('jóvenes')).not.toMatch(/[áéíóú]/u)
  })

  it('splits any script on letters and guesses the language', () => {
    expect(words('Nhà ở lâu dài cho người sống sót')).toEqual([
      'nhà',
      'ở',
      'lâu',
      'dài',
      'cho',
      'người',
      'sống',
      'sót',
    ])
    expect(words('Στέγαση για επιζώντες!')).toEqual(['στέγαση', 'για', 'επιζώντες'])
    expect(words('人身売買')).toEqual(['人身', '身売', '売買'])
    expect(guessLanguage(words('Necesitamos más camas para las víctimas'))).toBe('es')
    expect(guessLanguage(words('We need more beds for the victims'))).toBe('en')
    expect(tokenize('The beds are in the shelter').tokens.map((t) => t.word)).toEqual(['beds', 'shelter'])
  })
})

describe('WordNet', () => {
  const wn = defaultWordNet()
  it.skipIf(!wn)('finds senses and hypernyms from the shipped dictionary', () => {
    const beds = wn!.lemmas('beds', 'n')
    expect(beds).toContain('bed')
    const senses = wn!.senses('bed', 'n')
    expect(senses.length).toBeGreaterThan(3)
    const first = wn!.synset(senses[0]!)
    expect(first?.lemmas).toContain('bed')
    expect(first?.up.length).toBeGreaterThan(0)
    expect(wn!.senses('zzzz-not-a-word', 'n')).toEqual([])
    expect(wn!.has('ice_cream')).toBe(true)
  })
})

describe('adjusted Rand index', () => {
  it('is 1 for the same partition under other names and about 0 for an unrelated one', () => {
    expect(adjustedRandIndex([1, 1, 2, 2, 3, 3], ['a', 'a', 'b', 'b', 'c', 'c'])).toBeCloseTo(1)
    expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 1, 2, 0, 1, 2])).toBeLessThan(0)
    // By hand: index 1, expected 1/3, max 3/2, so ARI = 4/7.
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.5714, 3)
  })
})

describe('suggestThemes', () => {
  const english = notes([
    'More beds in the shelter for survivors',
    'Long-term housing for survivors after the shelter',
    'Train nurses to spot the signs',
    'Training for teachers to spot signs of grooming',
    'Hotline posters in every motel',
    'Put the hotline poster in motels and hotels',
  ])

  it('returns nothing for no points', () => {
    expect(suggestThemes([])).toEqual({ themes: [], unsorted: [] })
    expect(sortTheRest([], [])).toEqual([])
  })

  it('leaves a single point unsorted', () => {
    expect(suggestThemes(notes(['More beds for survivors']))).toEqual({ themes: [], unsorted: ['p00'] })
  })

  it('is deterministic and independent of input order', () => {
    const a = suggestThemes(english)
    const b = suggestThemes(english)
    const c = suggestThemes([...english].reverse())
    expect(b).toEqual(a)
    expect(c).toEqual(a)
    expect(a.themes.length).toBeGreaterThan(0)
    for (const t of a.themes) {
      expect(t.words.length).toBeGreaterThan(0)
      expect(t.label.length).toBeGreaterThan(0)
    }
    const placed = [...a.themes.flatMap((t) => t.pointIds), ...a.unsorted].sort()
    expect(placed).toEqual(english.map((p) => p.id))
  })

  it('handles Spanish-only input', () => {
    const spanish = notes([
      'Necesitamos más camas en los albergues para sobrevivientes',
      'Vivienda a largo plazo para las sobrevivientes, no solo una cama de emergencia',
      'Capacitar a las enfermeras para reconocer las señales de trata',
      'Capacitación para maestros sobre las señales de captación en línea',
      'Carteles de la línea directa en cada motel',
      'Visitar los moteles con el cartel de la línea directa',
    ])
    const result = suggestThemes(spanish)
    expect(result.themes.length).toBeGreaterThan(0)
    const words = result.themes.flatMap((t) => t.words)
    expect(words.some((w) => ['los', 'las', 'para', 'de', 'la'].includes(w))).toBe(false)
    expect(sortTheRest(spanish, [{ themeId: 'camas', pointIds: ['p00'] }]).length).toBe(5)
  })

  it('handles Greek and Vietnamese input', () => {
    const greek = notes([
      'Περισσότερα κρεβάτια στο καταφύγιο',
      'Μακροχρόνια στέγαση για τα θύματα και καταφύγιο',
      'Εκπαίδευση για τους νοσηλευτές',
      'Εκπαίδευση για τους δασκάλους',
    ])
    const vietnamese = notes([
      'Thêm giường ở nhà tạm trú',
      'Nhà ở lâu dài cho người sống sót, không chỉ nhà tạm trú',
      'Đào tạo y tá nhận biết dấu hiệu',
      'Đào tạo giáo viên nhận biết dấu hiệu',
    ])
    for (const input of [greek, vietnamese]) {
      const result = suggestThemes(input)
      const placed = [...result.themes.flatMap((t) => t.pointIds), ...result.unsorted].sort()
      expect(placed).toEqual(input.map((p) => p.id))
      expect(result.themes.length).toBeGreaterThan(0)
      expect(result.themes.every((t) => t.words.every((w) => /^\p{L}[\p{L}\p{M}]*$/u.test(w)))).toBe(true)
      const proposals = sortTheRest(input, [
        { themeId: 'a', pointIds: ['p00'] },
        { themeId: 'b', pointIds: ['p02'] },
      ])
      expect(proposals.map((p) => p.pointId)).toEqual(['p01', 'p03'])
      expect(proposals.map((p) => p.themeId)).toEqual(['a', 'b'])
    }
  })
})

describe('sortTheRest', () => {
  const points = notes([
    'More beds in the shelter for survivors',
    'Train nurses to spot the signs',
    'Hotline posters in every motel',
    'Long-term housing and shelter beds for survivors',
    'Training for clinic nurses on the signs',
    'Put the hotline poster in every motel lobby',
    'Quarterly budget meeting',
  ])
  const seeds = [
    { themeId: 'housing', pointIds: ['p00'] },
    { themeId: 'training', pointIds: ['p01'] },
    { themeId: 'business', pointIds: ['p02'] },
  ]

  it('proposes the obvious theme for each unplaced point, with a confidence in 0..1', () => {
    const proposals = sortTheRest(points, seeds)
    expect(proposals.map((p) => p.pointId)).toEqual(['p03', 'p04', 'p05', 'p06'])
    const byId = new Map(proposals.map((p) => [p.pointId, p]))
    expect(byId.get('p03')?.themeId).toBe('housing')
    expect(byId.get('p04')?.themeId).toBe('training')
    expect(byId.get('p05')?.themeId).toBe('business')
    for (const p of proposals) {
      expect(p.confidence).toBeGreaterThanOrEqual(0)
      expect(p.confidence).toBeLessThanOrEqual(1)
    }
    expect(sortTheRest(points, seeds)).toEqual(proposals)
  })

  it('keeps unsure points unsorted', () => {
    const unrelated = sortTheRest(points, seeds).find((p) => p.pointId === 'p06')
    expect(unrelated?.themeId).toBeNull()
    expect(sortTheRest(points, []).every((p) => p.themeId === null)).toBe(true)
  })
})
