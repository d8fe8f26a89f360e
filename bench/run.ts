import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { dispatch } from './lib/dispatch'

// `npm run bench -- <name>`: each benchmark lives in bench/benchmarks/<name>.ts.
await dispatch(
  'bench',
  path.join(path.dirname(fileURLToPath(import.meta.url)), 'benchmarks'),
  process.argv.slice(2),
)
