import { execFile } from 'node:child_process'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const alertsFile = fileURLToPath(new URL('../../../../ops/alerts.yml', import.meta.url))
const promtool = process.env.PROMTOOL_PATH ?? 'promtool'

describe('ops/alerts.yml', () => {
  it('passes promtool check rules (installed by npm run stack)', async () => {
    const { stdout } = await promisify(execFile)(promtool, ['check', 'rules', alertsFile])
    expect(stdout).toContain('SUCCESS: 8 rules found')
  })

  it('promtool refuses a rule with a broken expression, so the check above can fail', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'alerts-')), 'broken.yml')
    await writeFile(
      file,
      'groups:\n  - name: broken\n    rules:\n      - alert: Broken\n        expr: sum(rate(emporium_api_errors_total[5m]) > \n',
    )
    const broken = await promisify(execFile)(promtool, ['check', 'rules', file]).catch(
      (error: unknown) => error as { stdout: string; stderr: string },
    )
    expect(broken).toMatchObject({ stderr: expect.stringContaining('FAILED') as unknown })
  })
})
