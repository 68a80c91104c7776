import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parseAst } from 'rolldown/parseAst'
import { describe, expect, it } from 'vitest'

const CLIENT_SRC = join(import.meta.dirname, '../../client/src')

/** Attributes a person sees or a screen reader speaks: their text must come from the catalogues. */
const SPOKEN_ATTRIBUTES = new Set([
  'aria-label',
  'aria-valuetext',
  'aria-roledescription',
  'aria-placeholder',
  'placeholder',
  'title',
  'alt',
  'label',
])
const HAS_LETTER = /\p{L}/u

type Node = { type?: string; start?: number; [key: string]: unknown }

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return tsxFiles(path)
    return entry.name.endsWith('.tsx') ? [path] : []
  })
}

/** String literals a JSX expression would render as they are: `{'Hi'}`, `{x ? 'Yes' : 'No'}`, `{x || 'None'}`. */
function renderedLiterals(node: Node | undefined): Node[] {
  if (!node) return []
  if (node.type === 'Literal' && typeof node.value === 'string') return [node]
  if (node.type === 'TemplateLiteral')
    return (node.quasis as Node[]).filter((q) => q.type === 'TemplateElement')
  if (node.type === 'ConditionalExpression')
    return [...renderedLiterals(node.consequent as Node), ...renderedLiterals(node.alternate as Node)]
  if (node.type === 'LogicalExpression') return renderedLiterals(node.right as Node)
  return []
}

const literalText = (node: Node): string =>
  node.type === 'TemplateElement'
    ? String((node.value as { cooked?: string }).cooked ?? '')
    : String(node.value)

/** Text written into the components: JSX text, spoken attributes and rendered literals that contain a letter. */
function hardCodedText(file: string): string[] {
  const source = readFileSync(file, 'utf8')
  const found: string[] = []
  const where = (node: Node) =>
    `${relative(CLIENT_SRC, file)}:${source.slice(0, node.start).split('\n').length}`
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return
    if (Array.isArray(node)) {
      for (const child of node) visit(child)
      return
    }
    const n = node as Node
    if (n.type === 'JSXText' && HAS_LETTER.test(String(n.value)))
      found.push(`${where(n)} ${String(n.value).trim()}`)
    if (n.type === 'JSXAttribute') {
      const name = (n.name as { name?: string }).name ?? ''
      const value = n.value as Node | null
      if (SPOKEN_ATTRIBUTES.has(name) && value) {
        const literals =
          value.type === 'Literal' ? [value] : renderedLiterals(value.expression as Node | undefined)
        for (const lit of literals)
          if (HAS_LETTER.test(literalText(lit))) found.push(`${where(lit)} ${name}="${literalText(lit)}"`)
      }
    }
    if (n.type === 'JSXElement' || n.type === 'JSXFragment') {
      for (const child of (n.children as Node[]).filter((c) => c.type === 'JSXExpressionContainer'))
        for (const lit of renderedLiterals(child.expression as Node))
          if (HAS_LETTER.test(literalText(lit)))
            found.push(`${where(lit)} {${JSON.stringify(literalText(lit))}}`)
    }
    for (const [key, child] of Object.entries(n)) {
      if (key !== 'parent') visit(child)
    }
  }
  visit(parseAst(source, { lang: 'tsx' }, file))
  return found
}

describe('components', () => {
  const files = tsxFiles(CLIENT_SRC)

  it('are all read (the scanner works)', () => {
    expect(files.length).toBeGreaterThan(50)
    const sample = join(import.meta.dirname, 'fixtures/hardcoded.tsx')
    expect(
      hardCodedText(sample)
        .map((line) => line.replace(/^[^ ]+ /, ''))
        .sort(),
    ).toEqual(['Hello', 'aria-label="Close"', 'placeholder="Type here"', '{"No"}', '{"Yes"}'])
  })

  it('hold no visible or spoken text: every word comes from the catalogues', () => {
    expect(files.flatMap(hardCodedText)).toEqual([])
  })
})
