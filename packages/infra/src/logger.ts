import { pino, type Logger } from 'pino'
import type { Config } from './config'

export type { Logger }

/** Structured JSON logger (pino) for every Emporium process. */
export function createLogger(config: Pick<Config, 'LOG_LEVEL'>, name: string): Logger {
  return pino({ name, level: config.LOG_LEVEL })
}
