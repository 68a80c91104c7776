/** A short note to be themed: its id and its text. */
export interface ThemePoint {
  id: string
  text: string
}

/** One suggested theme: a stable id, a label made of its telling words, and its points. */
export interface SuggestedTheme {
  id: string
  label: string
  words: string[]
  pointIds: string[]
}

/** What `suggestThemes` returns: the themes, and the points that fit none of them. */
export interface ThemeSuggestion {
  themes: SuggestedTheme[]
  unsorted: string[]
}

/** Points a facilitator has already placed in a theme. */
export interface ThemeSeed {
  themeId: string
  pointIds: string[]
}

/** A proposed home for one unplaced point; `themeId` is null when the engine is unsure. */
export interface SortProposal {
  pointId: string
  themeId: string | null
  confidence: number
}

/** A sparse vector: feature ids in ascending order with their weights. */
export interface SparseVector {
  idx: Int32Array
  val: Float64Array
}
