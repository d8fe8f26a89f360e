import type { SpamConfig } from './spam-config'
import type { SpamReason } from './spam-types'

/**
 * A deliberately small built-in list of strong English profanity and insults, with common
 * inflections. Mild words that honest unhappy customers use ("crap", "damn", "pissed off") are
 * left out on purpose. Shops replace it through `SpamConfig.profanity.words`.
 */
export const DEFAULT_PROFANITY = [
  'fuck',
  'fucks',
  'fucked',
  'fucker',
  'fuckers',
  'fucking',
  'fuckin',
  'motherfucker',
  'motherfucking',
  'shit',
  'shits',
  'shitty',
  'shithole',
  'bullshit',
  'horseshit',
  'bitch',
  'bitches',
  'bastard',
  'bastards',
  'asshole',
  'assholes',
  'arsehole',
  'dumbass',
  'jackass',
  'dick',
  'dickhead',
  'cunt',
  'cunts',
  'twat',
  'wanker',
  'wankers',
  'prick',
  'pricks',
  'slut',
  'whore',
] as const

// Leetspeak: digits and symbols standing in for letters ("sh1t", "a$$hole", "f@ck").
const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '9': 'g',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'i',
  '+': 't',
  '€': 'e',
}

/** Undo leetspeak in one whitespace-free chunk and keep letters only; chunks without any letter give "". */
export function normaliseLeet(chunk: string): string {
  const lower = chunk.toLowerCase()
  // "455" is a room number, not "ass": a chunk needs at least one real letter to be read as a word.
  if (!/\p{L}/u.test(lower)) return ''
  let out = ''
  for (const ch of lower) out += LEET[ch] ?? ch
  return out.replace(/[^\p{L}]/gu, '')
}

// Elongation ("fuuuuck", "asssshole"): runs of three or more of a letter shrink to one or to two.
function deElongated(word: string): string[] {
  const run = /(\p{L})\1{2,}/gu
  return run.test(word) ? [word.replace(run, '$1'), word.replace(run, '$1$1')] : []
}

// Words as a moderator would read them: leet undone, letters kept, and single letters spaced out
// ("f u c k") joined back into one run, marked so it can be searched inside ("a f u c k" → "afuck").
function candidateWords(text: string): { word: string; spelled: boolean }[] {
  const chunks = text
    .split(/\s+/)
    .map(normaliseLeet)
    .filter((w) => w.length > 0)
  const words: { word: string; spelled: boolean }[] = []
  let run = ''
  const flush = () => {
    if (run.length >= 3) words.push({ word: run, spelled: true })
    run = ''
  }
  for (const chunk of chunks) {
    if (chunk.length === 1) {
      run += chunk
      continue
    }
    flush()
    words.push({ word: chunk, spelled: false })
  }
  flush()
  return words
}

/** Profane words in a text, as found (after normalisation), in order. */
export function findProfanity(
  text: string,
  words: readonly string[] = DEFAULT_PROFANITY,
): string[] {
  const list = new Set(words.map((w) => w.toLowerCase()))
  const found: string[] = []
  for (const { word, spelled } of candidateWords(text)) {
    if (list.has(word) || deElongated(word).some((w) => list.has(w))) found.push(word)
    else if (spelled) {
      const inside = [...list].find((w) => w.length >= 3 && word.includes(w))
      if (inside) found.push(inside)
    }
  }
  return found
}

/** Flags profanity; one word weighs less than several, because honest angry reviews swear once. */
export function profanityReasons(text: string, config: SpamConfig['profanity']): SpamReason[] {
  const found = findProfanity(text, config.words)
  if (found.length === 0) return []
  const weight = found.length === 1 ? config.oneWordWeight : config.manyWordsWeight
  const distinct = [...new Set(found)]
  return [
    {
      signal: 'profanity',
      weight,
      detail: `${found.length} profane word(s): ${distinct.slice(0, 5).join(', ')}`,
    },
  ]
}
