import nodemailer from 'nodemailer'
import type { Transporter } from 'nodemailer'
import type { Config } from './config'

export type Mailer = Transporter

/**
 * SMTP transport through SMTP_URL (Mailpit in the local stack).
 * Without SMTP_URL mails are kept as JSON in memory (nodemailer's JSON transport) so the app still runs.
 */
export function createMailer(config: Pick<Config, 'SMTP_URL'>): {
  mailer: Mailer
  kind: 'smtp' | 'json'
} {
  if (config.SMTP_URL) {
    return { mailer: nodemailer.createTransport(config.SMTP_URL), kind: 'smtp' }
  }
  return { mailer: nodemailer.createTransport({ jsonTransport: true }), kind: 'json' }
}
