import { readdir, readFile } from 'node:fs/promises'
import proto from '@temporalio/proto'

// CommonJS package: its namespaces are reachable from the default export only.
type History = proto.temporal.api.history.v1.History
type IHistory = proto.temporal.api.history.v1.IHistory
const { History } = proto.temporal.api.history.v1

/** Folder of the recorded workflow histories replayed by the tests (packages/workflows/histories). */
export const historiesDir = new URL('../../../../packages/workflows/histories/', import.meta.url)

/**
 * Serializes a fetched history as stable JSON (int64 as strings, enums by name, bytes as base64).
 * protobufjs' own object form is used instead of @temporalio/common's historyToJSON, which throws
 * "type must be a Type" when npm installs separate protobufjs copies for @temporalio/common and /proto.
 */
export function historyToFixture(history: IHistory): string {
  const plain = History.toObject(History.fromObject(history), {
    longs: String,
    enums: String,
    bytes: String,
  })
  return `${JSON.stringify(plain, null, 2)}\n`
}

/** Parses a fixture written by historyToFixture back into a History that Worker.runReplayHistory accepts. */
export function historyFromFixture(json: string): History {
  return History.fromObject(JSON.parse(json) as Record<string, unknown>)
}

/** Every recorded history: file name (the workflow file it belongs to) and parsed History. */
export async function loadHistoryFixtures(): Promise<{ name: string; history: History }[]> {
  const files = (await readdir(historiesDir)).filter((file) => file.endsWith('.json')).sort()
  return Promise.all(
    files.map(async (file) => ({
      name: file.replace(/\.json$/, ''),
      history: historyFromFixture(await readFile(new URL(file, historiesDir), 'utf8')),
    })),
  )
}
