import { describe, expect, it } from 'vitest'
import { findProfanity, normaliseLeet, profanityReasons } from './profanity'
import { DEFAULT_SPAM_CONFIG } from './spam-config'

describe('profanity', () => {
  it.each([
    ['This is shit', ['shit']],
    ['sh1t product from a$$holes', ['shit', 'assholes']],
    ['Sh!tty and useless', ['shitty']],
    ['fuuuuuck this', ['fuuuuuck']],
    ['what a f u c k up', ['fuck']],
    ['b.i.t.c.h', ['bitch']],
  ])('finds profanity in %j', (text, expected) => {
    expect(findProfanity(text)).toEqual(expected)
  })

  it('undoes leetspeak only in chunks that contain a letter', () => {
    expect(normaliseLeet('$h1t')).toBe('shit')
    expect(normaliseLeet('455')).toBe('')
  })

  it.each([
    'Excellent class, we assessed the cocktail menu in Scunthorpe and the shiitake risotto.',
    'Room 455 was fine, a bit of a hassle to find, but I was pissed off only by the crap wifi.',
    'The dickens of a job to assemble, as always. Passed all my tests.',
  ])('stays quiet on a normal review: %j', (text) => {
    expect(findProfanity(text)).toEqual([])
  })

  it('weighs one swear word less than several, and records them', () => {
    expect(profanityReasons('shit', DEFAULT_SPAM_CONFIG.profanity)[0]?.weight).toBe(0.3)
    expect(profanityReasons('shit, fucking shit', DEFAULT_SPAM_CONFIG.profanity)).toEqual([
      { signal: 'profanity', weight: 0.55, detail: '3 profane word(s): shit, fucking' },
    ])
  })

  it('uses a shop-supplied word list instead of the built-in one', () => {
    const config = { ...DEFAULT_SPAM_CONFIG.profanity, words: ['darn'] }
    expect(profanityReasons('darn it', config)).toHaveLength(1)
    expect(profanityReasons('shit', config)).toEqual([])
  })
})
