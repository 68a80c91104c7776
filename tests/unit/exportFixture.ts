import { ARCHIVE_FORMAT, ARCHIVE_VERSION, type SessionArchive } from '../../shared/archiveSchema.ts'

/** Text people might type that a careless export would run: formulas, HTML, scripts, Markdown links. */
export const INJECTIONS = [
  '=HYPERLINK("http://evil.example","click")',
  '+SUM(1,2)',
  '-2+3',
  '@cmd|calc',
  '\tTabbed',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(2)>',
  '[click me](javascript:alert(3))',
] as const

/** A small archive with every section filled, in Spanish and Vietnamese letters, with the injection corpus. */
export function sampleArchive(overrides: Partial<SessionArchive> = {}): SessionArchive {
  return {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt: Date.UTC(2026, 2, 14, 20),
    redactions: 0,
    session: {
      title: 'Conversación comunitaria — Nguyễn Văn Ánh',
      welcome: 'Bienvenidos',
      sectors: ['Law enforcement', 'Faith-based', 'Nonprofit services'],
      anonymity: 'named',
      defaultLanguage: 'en',
      status: 'closed',
      createdAt: Date.UTC(2026, 2, 14, 18),
      closedAt: Date.UTC(2026, 2, 14, 20),
    },
    participation: {
      total: 9,
      bySector: [{ sector: 'Faith-based', count: 4 }],
      other: 5,
      names: ['Ana Pérez', INJECTIONS[0]],
    },
    agenda: [
      {
        title: 'Where next?',
        prompts: ['Where should we as a community go next?'],
        durationMinutes: 20,
        groupSize: 6,
        grouping: 'random',
        notesAfter: 'readonly',
        continueNotes: false,
        graceSeconds: null,
        status: 'ended',
        startedAt: Date.UTC(2026, 2, 14, 18, 30),
        endedAt: Date.UTC(2026, 2, 14, 18, 50),
      },
    ],
    summary: {
      source: 'published',
      publishedAt: Date.UTC(2026, 2, 14, 19, 55),
      themes: [
        {
          title: 'Vivienda segura',
          synthesis: `Más refugios. ${INJECTIONS[5]}`,
          votes: 7,
          points: [
            {
              kind: 'idea',
              text: `Shelter beds downtown ${INJECTIONS[7]}`,
              provenance: [
                { roundTitle: 'Where next?', groupName: 'Table 1', sector: 'Faith-based', name: 'Ana Pérez' },
              ],
            },
          ],
        },
      ],
      actions: [
        { text: INJECTIONS[1], owner: INJECTIONS[3], due: '2026-04-01', themeTitle: 'Vivienda segura' },
      ],
      votesCast: 12,
      voters: 4,
    },
    notes: [
      {
        roundTitle: 'Where next?',
        groups: [
          {
            name: 'Table 1',
            points: [
              { kind: 'idea', text: INJECTIONS[0], author: { name: 'Ana Pérez', sector: 'Faith-based' } },
              { kind: 'concern', text: INJECTIONS[2], author: null },
              { kind: 'question', text: INJECTIONS[4], author: null },
              { kind: 'idea', text: 'Trường học an toàn hơn', author: null },
            ],
            discussion: `Call maria@example.org or 555-123-4567\n${INJECTIONS[6]}`,
          },
        ],
      },
    ],
    parkingLot: [{ text: `Parking ${INJECTIONS[7]}`, at: Date.UTC(2026, 2, 14, 19) }],
    ...overrides,
  }
}
