import type { Meta } from '../trpc'

/**
 * Who may call each procedure. The authorization matrix test checks every procedure of the router
 * against this table, so a new procedure fails the suite until someone decides who may call it.
 */
export const EXPECTED_ACCESS: Record<string, Meta['access']> = {
  'account.createAddress': 'authed',
  'account.deleteAddress': 'authed',
  'account.getProfile': 'authed',
  'account.listAddresses': 'authed',
  'account.setDefaultAddress': 'authed',
  'account.updateAddress': 'authed',
  'account.updateProfile': 'authed',
  'admin.approveSeller': 'admin',
  'admin.listSellers': 'admin',
  'admin.setUserRole': 'admin',
  'admin.suspendSeller': 'admin',
  'auth.changePassword': 'authed',
  'auth.listSessions': 'authed',
  'auth.login': 'public',
  'auth.logout': 'authed',
  'auth.logoutEverywhere': 'authed',
  'auth.me': 'public',
  'auth.register': 'public',
  'auth.requestEmailVerification': 'authed',
  'auth.requestPasswordReset': 'public',
  'auth.resetPassword': 'public',
  'auth.revokeSession': 'authed',
  'auth.verifyEmail': 'public',
  'health.check': 'public',
  'health.links': 'public',
  'oidc.complete': 'public',
  'oidc.providers': 'public',
  'oidc.start': 'public',
  'seller.getDashboardStore': 'seller',
  'seller.getStore': 'authed',
  'seller.openStore': 'authed',
  'seller.updateStore': 'seller',
}
