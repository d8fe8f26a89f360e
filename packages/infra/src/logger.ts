import { pino, type DestinationStream, type Logger } from 'pino'
import type { Config } from './config'
import { currentLogContext } from './observability/log-context'

export type { Logger }

/**
 * Structured JSON logger (pino) for every Emporium process. Each line carries the correlation
 * fields of the code that logs it (request id, workflow id, activity), see `withLogContext`.
 */
export function createLogger(
  config: Pick<Config, 'LOG_LEVEL'>,
  name: string,
  destination?: DestinationStream,
): Logger {
  const options = { name, level: config.LOG_LEVEL, mixin: () => ({ ...currentLogContext() }) }
  return destination ? pino(options, destination) : pino(options)
}
