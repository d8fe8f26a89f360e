import { describe, expect, it } from 'vitest'
import { linkAndContactReasons } from './links-and-contacts'
import { DEFAULT_SPAM_CONFIG } from './spam-config'

const signals = (text: string) =>
  linkAndContactReasons(text, DEFAULT_SPAM_CONFIG.links).map((r) => r.signal)

describe('linkAndContactReasons', () => {
  it.each([
    ['Great blender, buy it at https://cheap.example.shop/x?ref=1', 'url'],
    ['More deals on www.bestprice-outlet.store today', 'url'],
    ['Write to deals4you@protonmail.com for a discount', 'email'],
    ['WhatsApp +1 (415) 555-0198 for wholesale prices', 'phone'],
    ['Call 415-555-0142 now', 'phone'],
    ['text 0044 7911 123456 for a coupon', 'phone'],
    ['Order at megadiscounts dot com', 'obfuscated_contact'],
    ['see superdeals[.]net', 'obfuscated_contact'],
    ['contact sales (at) gmail for bulk', 'obfuscated_contact'],
    ['call five five five zero one nine eight two two one', 'obfuscated_contact'],
    ['I found it cheaper on amazon.com', 'bare_domain'],
  ])('flags %j as %s', (text, signal) => {
    expect(signals(text)).toContain(signal)
  })

  it('records the matched text in the reason detail', () => {
    const [reason] = linkAndContactReasons(
      'see https://spam.example.com now',
      DEFAULT_SPAM_CONFIG.links,
    )
    expect(reason).toEqual({
      signal: 'url',
      weight: 0.6,
      detail: 'link "https://spam.example.com"',
    })
  })

  it('does not count the domain of an e-mail address or URL again as a bare domain', () => {
    expect(signals('mail bob@shop.com or visit https://shop.com')).toEqual(['url', 'email'])
  })

  it.each([
    'Paid $129.99 on 12/03/2024, room 1204 on floor 12, stayed 3 nights; e.g. the pool was closed.',
    'We have owned it since 2019 2020 2021 and it still works, 10/10 would buy again.',
    'Looked at it in the shop, at home it works fine. One two three, easy setup.',
    'Battery lasts 14 hours, weighs 1.2 kg, model number AB-1234.',
  ])('stays quiet on a normal review: %j', (text) => {
    expect(signals(text)).toEqual([])
  })
})
