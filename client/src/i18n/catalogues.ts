/** A message catalogue: nested keys to strings. */
export type Catalogue = { [key: string]: string | Catalogue }

/**
 * Merges the core catalogue of each language with the feature catalogues in `<area>/<lang>.json`, each under its
 * area's key, so every feature keeps its own messages in its own files. Adding a language is adding its files.
 */
export function buildCatalogues(
  core: Record<string, Catalogue>,
  areaFiles: Record<string, Catalogue>,
): Record<string, Catalogue> {
  const merged: Record<string, Catalogue> = {}
  for (const [lang, catalogue] of Object.entries(core)) merged[lang] = { ...catalogue }
  for (const [path, catalogue] of Object.entries(areaFiles)) {
    const match = /([^/]+)\/([^/]+)\.json$/.exec(path)
    if (!match) continue
    const [, area, lang] = match as unknown as [string, string, string]
    merged[lang] = { ...(merged[lang] ?? {}), [area]: catalogue }
  }
  return merged
}
