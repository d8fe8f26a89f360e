export { mergeGuestCartIntoUserCart } from './merge-guest-cart'
export { CART_COOKIE } from './cart-cookie'
export { DEFAULT_CART_SETTINGS, SHIPPING_RULES, type CartSettings } from '@emporium/cart'
