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

/** Parses a file and calls `onNode` with every node of its syntax tree and a `where` that gives a node's file:line. */
function eachNode(
  file: string,
  lang: 'ts' | 'tsx',
  onNode: (node: Node, where: (node: Node) => string) => void,
) {
  const source = readFileSync(file, 'utf8')
  const where = (node: Node) =>
    `${relative(CLIENT_SRC, file)}:${source.slice(0, node.start).split('\n').length}`
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return
    if (Array.isArray(node)) {
      for (const child of node) visit(child)
      return
    }
    onNode(node as Node, where)
    for (const [key, child] of Object.entries(node)) {
      if (key !== 'parent') visit(child)
    }
  }
  visit(parseAst(source, { lang }, file))
}

/** Text written into the components: JSX text, spoken attributes and rendered literals that contain a letter. */
function hardCodedText(file: string): string[] {
  const found: string[] = []
  eachNode(file, 'tsx', (n, where) => {
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
  })
  return found
}

/** Properties that put text on the page when assigned, in plain DOM code. */
const TEXT_PROPERTIES = new Set([
  'textContent',
  'innerText',
  'innerHTML',
  'data',
  'title',
  'placeholder',
  'ariaLabel',
  'alt',
])
/** DOM methods whose arguments become text on the page. */
const TEXT_METHODS = new Set(['append', 'prepend', 'before', 'after', 'replaceChildren', 'createTextNode'])

const nameOf = (node: Node | undefined): string =>
  node?.type === 'Identifier' ? String(node.name) : node?.type === 'Literal' ? String(node.value) : ''

/**
 * Text written into the light pages' DOM code (client/src/join): the children and spoken attributes of `h(...)`,
 * text appended or assigned to nodes, and spoken attributes set, wherever a literal with a letter reaches them.
 */
function hardCodedDomText(file: string): string[] {
  const found: string[] = []
  eachNode(file, 'ts', (n, where) => {
    const flag = (node: Node | undefined, label: string) => {
      for (const lit of renderedLiterals(node))
        if (HAS_LETTER.test(literalText(lit)))
          found.push(`${where(lit)} ${label}${JSON.stringify(literalText(lit))}`)
    }
    if (n.type === 'CallExpression') {
      const callee = n.callee as Node
      const args = n.arguments as Node[]
      const method = callee.type === 'MemberExpression' ? nameOf(callee.property as Node) : nameOf(callee)
      if (method === 'h') {
        for (const child of args.slice(2)) flag(child, '')
        for (const property of (args[1]?.properties as Node[] | undefined) ?? []) {
          const name = nameOf(property.key as Node)
          if (SPOKEN_ATTRIBUTES.has(name)) flag(property.value as Node, `${name}=`)
        }
      }
      if (TEXT_METHODS.has(method)) for (const arg of args) flag(arg, '')
      if (method === 'setAttribute' && SPOKEN_ATTRIBUTES.has(nameOf(args[0])))
        flag(args[1], `${nameOf(args[0])}=`)
    }
    if (n.type === 'AssignmentExpression' && (n.left as Node).type === 'MemberExpression') {
      const name = nameOf((n.left as Node).property as Node)
      if (TEXT_PROPERTIES.has(name)) flag(n.right as Node, `${name}=`)
    }
  })
  return found
}

describe.each([
  {
    what: 'components',
    files: tsxFiles(CLIENT_SRC),
    scan: hardCodedText,
    fewestFiles: 50,
    sample: 'hardcoded.tsx',
    inSample: ['Hello', 'aria-label="Close"', 'placeholder="Type here"', '{"No"}', '{"Yes"}'],
  },
  {
    what: 'the light join pages (plain DOM code)',
    files: readdirSync(join(CLIENT_SRC, 'join'))
      .filter((name) => name.endsWith('.ts'))
      .map((name) => join(CLIENT_SRC, 'join', name)),
    scan: hardCodedDomText,
    fewestFiles: 5,
    sample: 'hardcodedDom.ts',
    inSample: [
      '"Hello"',
      '"No"',
      '"Off"',
      '"Yes"',
      'aria-label="Close"',
      'textContent="Done"',
      'title="Press me"',
    ],
  },
])('$what', ({ files, scan, fewestFiles, sample, inSample }) => {
  it('are all read (the scanner works)', () => {
    expect(files.length).toBeGreaterThan(fewestFiles)
    expect(
      scan(join(import.meta.dirname, 'fixtures', sample))
        .map((line) => line.replace(/^[^ ]+ /, ''))
        .sort(),
    ).toEqual(inSample)
  })

  it('hold no visible or spoken text: every word comes from the catalogues', () => {
    expect(files.flatMap(scan)).toEqual([])
  })
})
