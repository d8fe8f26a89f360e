/** Lower-cased word tokens (letters, digits and inner apostrophes); punctuation and spacing dropped. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? []
}
