import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

// docker-compose.yml must offer every service of the native stack (scripts/stack.sh) on the same
// host ports (scripts/stack/ports.env), so `STACK=docker` is a drop-in replacement.
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url))
const read = (path: string) => readFileSync(repoRoot + path, 'utf8')

type PortMapping = string | { published?: string | number; host_ip?: string }
interface ComposeService {
  image?: string
  profiles?: string[]
  command?: string[] | string
  ports?: PortMapping[]
  volumes?: string[]
}
interface ComposeFile {
  services: Record<string, ComposeService>
}

const compose = parse(read('docker-compose.yml')) as ComposeFile

/** Installed by the stack but started by the tests that need them (or tools), never kept running. */
const ON_DEMAND = new Set(['temporal-test-server', 's3', 'toxiproxy', 'promtool'])

/** Services scripts/stack.sh runs as daemons. */
function nativeDaemons(): string[] {
  const match = /^ALL_SERVICES=\(([^)]*)\)/m.exec(read('scripts/stack.sh'))
  if (!match?.[1]) throw new Error('ALL_SERVICES not found in scripts/stack.sh')
  return match[1].split(/\s+/).filter((name) => name !== '' && !ON_DEMAND.has(name))
}

/** Host ports per native service: ports.env variables named <SERVICE>_*PORT. */
function nativePorts(service: string): number[] {
  const prefix = `${service.toUpperCase().replaceAll('-', '_')}_`
  return [...read('scripts/stack/ports.env').matchAll(/^([A-Z_]+PORT)=(\d+)$/gm)]
    .filter(([, name]) => name?.startsWith(prefix) && !name.startsWith('TEMPORAL_TEST_SERVER_'))
    .map(([, , port]) => Number(port))
    .sort((a, b) => a - b)
}

/** Parses a short-syntax port mapping `host_ip:host:container` into its published host ip and port. */
function published(port: PortMapping) {
  if (typeof port === 'string') {
    const parts = port.split(':')
    return { hostIp: parts.length === 3 ? parts[0] : undefined, port: Number(parts.at(-2)) }
  }
  return { hostIp: port.host_ip, port: Number(port.published) }
}

function dockerComposeAvailable(): boolean {
  try {
    execFileSync('docker', ['compose', 'version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

describe('docker-compose.yml', () => {
  it('is accepted by docker compose when the compose plugin is installed', () => {
    if (dockerComposeAvailable()) {
      execFileSync('docker', ['compose', '-f', `${repoRoot}docker-compose.yml`, 'config', '-q'], {
        stdio: 'pipe',
      })
    }
    expect(Object.keys(compose.services).length).toBeGreaterThan(0)
  })

  it('runs every native stack service, each from a pinned image', () => {
    const daemons = nativeDaemons()
    expect(daemons).toEqual([
      'postgres',
      'redis',
      'typesense',
      'stripe-mock',
      'mailpit',
      'temporal',
    ])
    const alwaysOn = Object.entries(compose.services).filter(([, s]) => !s.profiles)
    expect(alwaysOn.map(([name]) => name).sort()).toEqual([...daemons].sort())
    for (const [name, service] of Object.entries(compose.services)) {
      expect(service.image, name).toMatch(/^[\w./-]+:[\w.-]+$/)
      expect(service.image, name).not.toMatch(/:latest$/)
    }
  })

  it.each(nativeDaemons())('publishes %s on the native host ports, on 127.0.0.1 only', (name) => {
    const expected = nativePorts(name)
    expect(expected.length).toBeGreaterThan(0)
    const ports = (compose.services[name]?.ports ?? []).map(published)
    expect(ports.map((p) => p.port).sort((a, b) => a - b)).toEqual(expected)
    expect(new Set(ports.map((p) => p.hostIp))).toEqual(new Set(['127.0.0.1']))
  })

  it('offers the scale-out load balancer only under the scale profile, from the shared nginx template', () => {
    const nginx = compose.services.nginx
    expect(nginx?.profiles).toEqual(['scale'])
    expect(nginx?.volumes).toEqual(['./.stack/nginx/docker.conf:/etc/nginx/emporium.conf:ro'])
    expect(read('scripts/scale.sh')).toContain('.stack/nginx/docker.conf')
  })

  it('registers the same Temporal search attributes as the native dev server', () => {
    const fromFile = read('scripts/stack/search-attributes.txt')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map((line) => line.split(/\s+/).join('='))
    const command = compose.services.temporal?.command
    const fromCompose = (Array.isArray(command) ? command : [])
      .filter((arg) => arg.startsWith('--search-attribute='))
      .map((arg) => arg.slice('--search-attribute='.length))
    expect(fromCompose.sort()).toEqual(fromFile.sort())
  })

  it('initialises PostgreSQL with the role, both databases and the extensions the app needs', () => {
    const mount = compose.services.postgres?.volumes?.find((v) =>
      v.includes('/docker-entrypoint-initdb.d/'),
    )
    expect(mount).toBeDefined()
    const sql = read((mount ?? '').split(':')[0]?.replace(/^\.\//, '') ?? '')
    expect(sql).toContain("CREATE ROLE emporium LOGIN CREATEDB PASSWORD 'emporium'")
    for (const db of ['emporium', 'emporium_test']) {
      expect(sql).toContain(`CREATE DATABASE ${db} OWNER emporium`)
      const section = sql.split(`\\connect ${db}\n`)[1]?.split('\\connect')[0] ?? ''
      for (const ext of ['pg_trgm', 'unaccent', 'citext', 'pgcrypto']) {
        expect(section, `${ext} in ${db}`).toContain(`CREATE EXTENSION IF NOT EXISTS ${ext};`)
      }
    }
  })
})
