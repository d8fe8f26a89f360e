import type { SpamConfig } from './spam-config'
import type { SpamReason } from './spam-types'
import { tokenize } from './tokenize'

// Top-level domains spam links use most; a bare "word.tld" only counts with one of these, so
// "e.g." or "approx.5" never looks like a link.
const TLDS =
  'com|net|org|io|co|biz|info|shop|store|xyz|ru|cn|top|online|site|me|ly|us|uk|de|click|link|app'

const URL = /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi
const EMAIL = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b/gi
const BARE_DOMAIN = new RegExp(
  String.raw`\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:${TLDS})\b`,
  'gi',
)
// Candidate phone numbers: optional +country, optional (area), then digit groups joined by space, dot or dash.
const PHONE = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,}(?:[\s.-]\d{2,}){0,5}/g
// Spelled-out separators: "shop dot com", "name (at) mail [dot] net", "example[.]com".
const SPELLED_DOMAIN = new RegExp(
  String.raw`\b[a-z0-9-]+\s*(?:[\[({]\s*(?:dot|\.)\s*[\])}]|\s+dot\s+)\s*(?:${TLDS})\b`,
  'gi',
)
const SPELLED_AT =
  /\b[a-z0-9._-]+\s*(?:[[({]\s*at\s*[\])}]|\s+at\s+)\s*(?:gmail|yahoo|hotmail|outlook|proton(?:mail)?|icloud|mail)\b/gi

const NUMBER_WORDS = new Set([
  'zero',
  'oh',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
])

function matches(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((m) => m[0])
}

function phoneNumbers(text: string): string[] {
  return matches(text, PHONE).filter((candidate) => {
    const digits = candidate.replace(/\D/g, '').length
    if (digits < 10 || digits > 15) return false
    // Plain space-separated 4-digit groups are years or codes ("2019 2020 2021"), not a phone.
    return !/^\d{4}(?: \d{4})+$/.test(candidate.trim())
  })
}

// Seven or more number words in a row ("five five five one two one two") spell out a phone number.
function spelledDigitRuns(text: string): number {
  let longest = 0
  let run = 0
  for (const word of tokenize(text)) {
    run = NUMBER_WORDS.has(word) ? run + 1 : 0
    longest = Math.max(longest, run)
  }
  return longest
}

function sample(found: string[]): string {
  const shown = found
    .slice(0, 3)
    .map((s) => JSON.stringify(s))
    .join(', ')
  return found.length > 3 ? `${shown} and ${found.length - 3} more` : shown
}

/** Links, e-mail addresses, phone numbers and their spelled-out disguises ("dot com", "(at) gmail"). */
export function linkAndContactReasons(text: string, config: SpamConfig['links']): SpamReason[] {
  const reasons: SpamReason[] = []
  const urls = matches(text, URL)
  const emails = matches(text, EMAIL)
  // Domains already counted as part of a URL or an e-mail address are not counted twice.
  const withoutUrlsAndEmails = text.replace(URL, ' ').replace(EMAIL, ' ')
  const domains = matches(withoutUrlsAndEmails, BARE_DOMAIN)
  const phones = phoneNumbers(withoutUrlsAndEmails)
  const spelled = [...matches(text, SPELLED_DOMAIN), ...matches(text, SPELLED_AT)]
  const digitRun = spelledDigitRuns(text)

  if (urls.length > 0)
    reasons.push({ signal: 'url', weight: config.urlWeight, detail: `link ${sample(urls)}` })
  if (emails.length > 0)
    reasons.push({
      signal: 'email',
      weight: config.emailWeight,
      detail: `e-mail address ${sample(emails)}`,
    })
  if (phones.length > 0)
    reasons.push({
      signal: 'phone',
      weight: config.phoneWeight,
      detail: `phone number ${sample(phones)}`,
    })
  if (domains.length > 0 && urls.length === 0) {
    reasons.push({
      signal: 'bare_domain',
      weight: config.bareDomainWeight,
      detail: `domain name ${sample(domains)}`,
    })
  }
  if (spelled.length > 0 || digitRun >= 7) {
    const what = [
      ...(spelled.length > 0 ? [`spelled-out address ${sample(spelled)}`] : []),
      ...(digitRun >= 7 ? [`${digitRun} number words in a row`] : []),
    ]
    reasons.push({
      signal: 'obfuscated_contact',
      weight: config.obfuscatedWeight,
      detail: what.join('; '),
    })
  }
  return reasons
}
