import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { spawnProcess, type ChildService } from './child-processes'

const template = fileURLToPath(
  new URL('../../../../scripts/scale/nginx.conf.template', import.meta.url),
)

/** Debian's nginx: on PATH, or where the package puts it. */
export function nginxBinary(): string {
  for (const candidate of ['/usr/sbin/nginx', '/usr/bin/nginx']) {
    if (existsSync(candidate)) return candidate
  }
  try {
    return execFileSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).trim()
  } catch {
    throw new Error('nginx is not installed: `apt-get install nginx` (Debian) provides it')
  }
}

/** The load balancer config scripts/scale.sh uses, for `upstreamPorts` behind `listenPort`. */
export function renderNginxConf(prefix: string, listenPort: number, upstreamPorts: number[]) {
  const servers = upstreamPorts
    .map((port) => `    server 127.0.0.1:${String(port)} max_fails=1 fail_timeout=2s;`)
    .join('\n')
  return readFileSync(template, 'utf8')
    .replaceAll('__PREFIX__', prefix)
    .replaceAll('__LISTEN_PORT__', String(listenPort))
    .replaceAll('__UPSTREAM_SERVERS__', servers)
}

export interface RunningBalancer extends ChildService {
  url: string
  /** Lines of the access log: `addr [time] "request" status upstream_addr request_time`. */
  accessLog: () => string[]
}

/** Starts nginx in the foreground with its files in `prefix`, balancing over `upstreamPorts`. */
export async function startNginx(
  prefix: string,
  listenPort: number,
  upstreamPorts: number[],
): Promise<RunningBalancer> {
  mkdirSync(prefix, { recursive: true })
  const conf = path.join(prefix, 'nginx.conf')
  writeFileSync(conf, renderNginxConf(prefix, listenPort, upstreamPorts))
  const url = `http://127.0.0.1:${String(listenPort)}`
  const service = await spawnProcess(
    nginxBinary(),
    ['-p', prefix, '-e', path.join(prefix, 'error.log'), '-c', conf],
    {
      cwd: prefix,
      env: process.env,
      ready: async () => (await fetch(`${url}/healthz`)).ok,
    },
    20_000,
  )
  const logFile = path.join(prefix, 'access.log')
  return {
    ...service,
    url,
    accessLog: () =>
      existsSync(logFile)
        ? readFileSync(logFile, 'utf8')
            .split('\n')
            .filter((line) => line !== '')
        : [],
  }
}
