import type { OutboxHandler } from './outbox-relay'

type HandlerMap = Readonly<Record<string, readonly OutboxHandler[]>>

/** Combines handler maps: handlers of one aggregate type run in the order the maps are given. */
export function mergeOutboxHandlers(...maps: HandlerMap[]): Record<string, OutboxHandler[]> {
  const merged: Record<string, OutboxHandler[]> = {}
  for (const map of maps) {
    for (const [type, handlers] of Object.entries(map)) {
      merged[type] = [...(merged[type] ?? []), ...handlers]
    }
  }
  return merged
}
