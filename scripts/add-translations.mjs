#!/usr/bin/env node
/**
 * Merges translations into static/translations.json in one read-modify-write, so that several
 * people adding strings at once do not overwrite each other's keys.
 * Usage: node scripts/add-translations.mjs fragment.json
 * where fragment.json is { "key": { "en": "...", "es": "...", "da": "...", "fi": "..." } }.
 * Every key must come in every language of the file; an existing key is replaced.
 */
import fs from 'node:fs'
import path from 'node:path'

const file = path.resolve('static/translations.json')
const fragment = JSON.parse(fs.readFileSync(process.argv[2] ?? '/dev/stdin', 'utf8'))
const all = JSON.parse(fs.readFileSync(file, 'utf8'))
const languages = Object.keys(all).filter((k) => k !== 'meta')
for (const [key, texts] of Object.entries(fragment)) {
  for (const language of languages) {
    const text = texts[language]
    if (typeof text !== 'string' || text === '') {
      console.error(`${key}: no "${language}" text; nothing written`)
      process.exit(1)
    }
  }
  for (const language of languages) all[language][key] = texts[language]
}
fs.writeFileSync(file, JSON.stringify(all, null, 2) + '\n')
console.log(`${Object.keys(fragment).length} keys merged into static/translations.json`)
