import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'

/** What `emporium-seller login` keeps between runs. */
export interface StoredCredentials {
  apiUrl: string
  token: string
  expiresAt: string
}

/** `$EMPORIUM_CONFIG_DIR/seller.json`, by default under `~/.config/emporium`. */
export function credentialsPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.EMPORIUM_CONFIG_DIR ?? join(homedir(), '.config', 'emporium'), 'seller.json')
}

export async function saveCredentials(path: string, credentials: StoredCredentials): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 })
  // The token is a password equivalent: readable by its owner only.
  await writeFile(path, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 })
}

export async function loadCredentials(path: string): Promise<StoredCredentials | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as StoredCredentials
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

export async function forgetCredentials(path: string): Promise<void> {
  await rm(path, { force: true })
}
