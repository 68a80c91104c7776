/** The gather step's theme engine: offline, deterministic theme suggestion and sort-the-rest. */
export { adjustedRandIndex } from './ari.ts'
export { type SortOptions, sortTheRest } from './sortRest.ts'
export { type SuggestOptions, suggestThemes } from './suggest.ts'
export type { SortProposal, SuggestedTheme, ThemePoint, ThemeSeed, ThemeSuggestion } from './types.ts'
export { defaultWordNet, wordNetLoadMillis } from './wordnet.ts'
