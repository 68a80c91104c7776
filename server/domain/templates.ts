import type { RoundInput, TemplateName } from '../../shared/rounds.ts'

/** Built-in agendas a facilitator starts from; every round stays editable. */
export const AGENDA_TEMPLATES: Record<TemplateName, RoundInput[]> = {
  'community-conversation': [
    {
      title: 'Where should we as a community go next?',
      prompts: [
        'What is working today?',
        'What gap worries you most?',
        'What should we do in the next six months?',
      ],
      durationMinutes: 20,
      groupSize: 7,
      grouping: 'sector-balanced',
    },
    {
      title: 'How can we collaborate better?',
      prompts: [
        'What would help you work with the other sectors at your table?',
        'What will you personally commit to?',
      ],
      durationMinutes: 15,
      groupSize: 7,
      grouping: 'reshuffle',
    },
  ],
  'world-cafe': [1, 2, 3].map((n) => ({
    title: `Café round ${n}`,
    prompts: [
      n === 1
        ? 'What matters most to you about this question?'
        : 'What did you hear that connects with your table?',
    ],
    durationMinutes: 20,
    groupSize: 5,
    grouping: n === 1 ? 'random' : 'reshuffle',
    continueNotes: n > 1,
    notesAfter: 'editable',
  })),
  '1-2-4-all': [
    {
      title: 'Alone',
      prompts: ['Reflect on the question on your own.'],
      durationMinutes: 1,
      groupSize: 1,
      grouping: 'random',
    },
    {
      title: 'Pairs',
      prompts: ['Share and build on your ideas.'],
      durationMinutes: 2,
      groupSize: 2,
      grouping: 'random',
    },
    {
      title: 'Foursomes',
      prompts: ['Notice similarities and differences.'],
      durationMinutes: 4,
      groupSize: 4,
      grouping: 'merge',
    },
    {
      title: 'All',
      prompts: ['What is one idea that stood out?'],
      durationMinutes: 5,
      groupSize: 1,
      grouping: 'whole-room',
    },
  ],
  blank: [],
}
