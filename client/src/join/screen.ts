import type { Language } from '../../../shared/vocabulary.ts'

/** What a light page may do with the browser tab it is drawn in. */
export interface Screen {
  /** Whether this page is still the one shown: false once the person went elsewhere, so late answers are dropped. */
  readonly live: boolean
  /** Replaces what the tab shows; `focus` moves focus to the new heading, after something the person did. */
  show(nodes: Node[], focus?: boolean): void
  /** Goes to another light page (`/` or `/j/<code>`), as following a link would. */
  go(path: string): void
  /** Leaves the light pages for the app's page at `path` (the participant page), in `language`. */
  enterApp(path: string, language: Language): void
}
