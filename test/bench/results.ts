import fs from 'node:fs'
import path from 'node:path'

export const RESULTS_DIR = path.resolve(__dirname, '..', '..', 'bench-results')

export type BenchFigures = Record<string, unknown>

/**
 * Merges figures into bench-results/latest.json, or another file of that folder (one object:
 * each benchmark adds its keys).
 */
export const recordFigures = (figures: BenchFigures, name = 'latest.json'): BenchFigures => {
  const LATEST = path.join(RESULTS_DIR, name)
  fs.mkdirSync(RESULTS_DIR, { recursive: true })
  let current: BenchFigures = {}
  if (fs.existsSync(LATEST)) {
    try {
      current = JSON.parse(fs.readFileSync(LATEST, 'utf8')) as BenchFigures
    } catch {
      current = {}
    }
  }
  const merged = { ...current, ...figures }
  fs.writeFileSync(LATEST, `${JSON.stringify(merged, null, 2)}\n`)
  return merged
}

export interface Row {
  figure: string
  value: string
  budget: string
  verdict: string
}

export const markdownTable = (title: string, rows: Row[]): string =>
  [
    `## ${title}`,
    '',
    '| figure | value | budget | verdict |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.figure} | ${r.value} | ${r.budget} | ${r.verdict} |`),
    '',
  ].join('\n')

export const writeMarkdown = (name: string, text: string): string => {
  fs.mkdirSync(RESULTS_DIR, { recursive: true })
  const file = path.join(RESULTS_DIR, name)
  fs.writeFileSync(file, text)
  return file
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  if (sorted.length === 0) return Number.NaN
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}
