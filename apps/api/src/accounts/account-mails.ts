import type { Config, Mailer } from '@emporium/infra'

interface AccountMail {
  subject: string
  text: string
  html: string
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  )

function withLink(
  intro: string,
  action: string,
  url: string,
  outro: string,
): Omit<AccountMail, 'subject'> {
  return {
    text: `${intro}\n\n${action}: ${url}\n\n${outro}\n\n— Emporium`,
    html: `<p>${escapeHtml(intro)}</p><p><a href="${escapeHtml(url)}">${escapeHtml(action)}</a></p><p>${escapeHtml(outro)}</p><p>— Emporium</p>`,
  }
}

/** The mails of the accounts context, with HTML and plain-text bodies. */
export const accountMails = {
  verifyEmail: (link: string): AccountMail => ({
    subject: 'Confirm your email for Emporium',
    ...withLink(
      'Welcome to Emporium! Please confirm that this is your email address.',
      'Confirm my email',
      link,
      'The link works once and expires in 24 hours.',
    ),
  }),
  alreadyRegistered: (resetLink: string): AccountMail => ({
    subject: 'You already have an Emporium account',
    ...withLink(
      'Someone (hopefully you) tried to create an account with this email, but you already have one.',
      'Reset my password',
      resetLink,
      'If you remember your password, just sign in. If this was not you, you can ignore this mail.',
    ),
  }),
  resetPassword: (link: string): AccountMail => ({
    subject: 'Reset your Emporium password',
    ...withLink(
      'We received a request to reset your password.',
      'Choose a new password',
      link,
      'The link works once and expires in 1 hour. If you did not ask for it, ignore this mail.',
    ),
  }),
}

/** Sends one account mail; failures propagate (the caller decides whether the request fails). */
export async function sendAccountMail(
  mailer: Mailer,
  config: Config,
  to: string,
  mail: AccountMail,
): Promise<void> {
  await mailer.sendMail({
    from: config.MAIL_FROM,
    to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
  })
}
