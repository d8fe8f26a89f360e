import { createHash } from 'node:crypto'
import { DEFAULT_CART_SETTINGS, readCart } from '@emporium/cart'
import { findCartVariants, findNotificationOptOuts, issueRecoveryCoupon } from '@emporium/db'
import { shouldNotify } from '@emporium/domain'
import { LINK_PATHS, signedLinkUrl, signLinkToken } from '@emporium/infra'
import type { CartAbandonmentActivities } from '@emporium/workflows'
import type { WorkerDeps } from '../deps'
import { cartReminderMail, type Notifier } from '../notifications'

const DAY_MS = 24 * 60 * 60 * 1000
/** How long the restore link of a reminder and its coupon stay valid. */
const OFFER_VALID_MS = 7 * DAY_MS
/** The recovery coupon's discount: 10 %. */
const RECOVERY_DISCOUNT_BPS = 1_000

/** The recovery coupon code of one reminder: derived from its dedup key, so a retry finds the same coupon. */
export function recoveryCouponCode(source: string): string {
  return `COMEBACK-${createHash('sha256').update(source).digest('hex').slice(0, 10).toUpperCase()}`
}

/** Activities of cartAbandonmentWorkflow over the worker's dependencies and notifier. */
export function createCartAbandonmentActivities(
  deps: Pick<WorkerDeps, 'db' | 'redis' | 'logger' | 'config'> & {
    notifier: Notifier
    now?: () => Date
  },
): CartAbandonmentActivities {
  const { db, redis, config, notifier } = deps
  const now = deps.now ?? (() => new Date())
  return {
    async sendCartReminder({ cartId, reminder, source, offerCoupon }) {
      const cart = await readCart(redis, cartId, DEFAULT_CART_SETTINGS)
      if (!cart || cart.lines.length === 0) return 'cart_empty'
      const userId = cart.meta.userId
      if (userId === null) return 'no_email' // a guest cart: nobody to write to
      // Checked before issuing a coupon, so an opted-out shopper gets neither mail nor coupon.
      if (!shouldNotify('cart_reminder', 'email', await findNotificationOptOuts(db, userId))) {
        deps.logger.info({ cartId, userId, reminder }, 'cart reminder not sent: opted out')
        return 'opted_out'
      }
      const expiresAt = new Date(now().getTime() + OFFER_VALID_MS)
      const coupon = offerCoupon
        ? await issueRecoveryCoupon(db, {
            code: recoveryCouponCode(source),
            userId,
            basisPoints: RECOVERY_DISCOUNT_BPS,
            endsAt: expiresAt,
          })
        : null
      const variants = await findCartVariants(
        db,
        cart.lines.map((l) => l.variantId),
      )
      const restoreUrl = signedLinkUrl(
        config.WEB_ORIGIN,
        LINK_PATHS.cartRestore,
        signLinkToken(config.NOTIFICATION_LINK_SECRET, {
          purpose: 'cart-restore',
          subject: cartId,
          exp: Math.floor(expiresAt.getTime() / 1000),
        }),
      )
      const outcomes = await notifier.notify({
        source,
        userId,
        kind: 'cart_reminder',
        payload: { cartId, reminder, couponCode: coupon?.code ?? null },
        render: (r) =>
          cartReminderMail(r, {
            reminder,
            restoreUrl,
            lines: cart.lines.map((l) => ({
              name: variants.get(l.variantId)?.productName ?? l.sku,
              quantity: l.quantity,
            })),
            coupon: coupon ? { code: coupon.code, description: '10% off' } : null,
          }),
      })
      const email = outcomes.email
      return email === 'sent' || email === 'already_sent' || email === 'opted_out'
        ? email
        : 'no_email'
    },
  }
}
