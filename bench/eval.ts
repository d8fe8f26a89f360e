import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { dispatch } from './lib/dispatch'

// `npm run eval -- <name>`: each evaluation (relevance, recommendations, spam) lives in bench/eval/<name>.ts.
await dispatch(
  'eval',
  path.join(path.dirname(fileURLToPath(import.meta.url)), 'eval'),
  process.argv.slice(2),
)
