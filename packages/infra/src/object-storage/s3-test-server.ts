import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createConnection, createServer } from 'node:net'
import { homedir } from 'node:os'
import path from 'node:path'

/** gofakes3, built by `npm run stack -- up` (scripts/stack/s3.sh); S3_TEST_SERVER_PATH overrides. */
export const S3_TEST_SERVER_PATH =
  process.env.S3_TEST_SERVER_PATH ??
  path.join(
    process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache'),
    'emporium',
    'bin',
    'gofakes3',
  )

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (address === null || typeof address === 'string') throw new Error('no free port')
  return address.port
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port })
    socket.once('connect', () => resolve(socket.end() !== undefined))
    socket.once('error', () => resolve(false))
  })
}

/** Starts a real S3-compatible server (in memory) on a free port with one bucket; `stop` ends it. */
export async function startS3TestServer(
  bucket: string,
): Promise<{ endpoint: string; stop: () => Promise<void> }> {
  if (!existsSync(S3_TEST_SERVER_PATH)) {
    throw new Error(
      `${S3_TEST_SERVER_PATH} is missing: run \`npm run stack -- up\` (it builds gofakes3) or set S3_TEST_SERVER_PATH`,
    )
  }
  const port = await freePort()
  const child = spawn(
    S3_TEST_SERVER_PATH,
    ['-host', `127.0.0.1:${port}`, '-backend', 'memory', '-initialbucket', bucket, '-quiet'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  )
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const deadline = Date.now() + 10_000
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`gofakes3 did not start on port ${port}: ${stderr.slice(-2000)}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}
