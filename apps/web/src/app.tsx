import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { useEffect, useState, type ComponentType } from 'react'
import { AccountPage } from './account/account-page'
import { ForgotPasswordPage } from './accounts/forgot-password-page'
import { OidcCallbackPage } from './accounts/oidc-callback-page'
import { ResetPasswordPage } from './accounts/reset-password-page'
import { SignInPage } from './accounts/sign-in-page'
import { SignUpPage } from './accounts/sign-up-page'
import { useMe } from './accounts/use-me'
import { VerifyEmailPage } from './accounts/verify-email-page'
import { SellerApprovalsPage } from './admin/seller-approvals-page'
import { RiskReviewsPage } from './admin/risk-reviews-page'
import { ReviewModerationPage } from './admin/review-moderation-page'
import { AppShell, type NavItem } from './layout/app-shell'
import { UserMenu } from './layout/user-menu'
import { Link, usePathname } from './router'
import { OpenStorePage } from './sellers/open-store-page'
import { StatusPage } from './status/status-page'
import { CartPage } from './cart/cart-page'
import { SearchBox } from './search/search-box'
import { SearchPage } from './search/search-page'
import { CategoryPage } from './storefront/category-page'
import { HomePage } from './storefront/home-page'
import { ProductPage } from './storefront/product-page'
import { SellerDashboardPage } from './seller/seller-dashboard-page'
import { SellerProductsPage } from './seller/seller-products-page'
import { ProductEditorPage } from './seller/product-editor-page'
import { BulkImportPage } from './seller/bulk-import-page'
import { InventoryPage } from './seller/inventory-page'
import { SellerOrderPage } from './seller/seller-order-page'
import { SellerOrdersPage } from './seller/seller-orders-page'
import { WorkflowsPage } from './admin/workflows-page'
import { CheckoutPage } from './checkout/checkout-page'
import { CheckoutProgressPage } from './checkout/checkout-progress-page'
import { OrderDetailPage } from './orders/order-detail-page'
import { OrderHistoryPage } from './orders/order-history-page'
import type { Me } from './trpc'

interface Page extends NavItem {
  Component: ComponentType
  /** Whether the header links to this page for this visitor; pages without it are reached by links. */
  inNav?: (me: Me | undefined) => boolean
  /** The page also answers every address below its path (`/p/<slug>`). */
  prefix?: boolean
}

const isSeller = (me: Me | undefined) => me?.role === 'seller'

// Every page the app has; the header navigation is built from this list, so it never links nowhere.
const PAGES: Page[] = [
  { path: '/', label: 'Home', Component: HomePage, inNav: () => true },
  { path: '/search', label: 'Search', Component: SearchPage },
  { path: '/c/', label: 'Category', Component: CategoryPage, prefix: true },
  { path: '/p/', label: 'Product', Component: ProductPage, prefix: true },
  { path: '/cart', label: 'Cart', Component: CartPage, inNav: () => true },
  { path: '/checkout', label: 'Checkout', Component: CheckoutPage },
  { path: '/checkout/progress', label: 'Your order', Component: CheckoutProgressPage },
  { path: '/orders', label: 'Orders', Component: OrderHistoryPage, inNav: (me) => Boolean(me) },
  { path: '/orders/', label: 'Order', Component: OrderDetailPage, prefix: true },
  { path: '/seller', label: 'Dashboard', Component: SellerDashboardPage, inNav: isSeller },
  { path: '/seller/products', label: 'Products', Component: SellerProductsPage, inNav: isSeller },
  { path: '/seller/products/', label: 'Edit product', Component: ProductEditorPage, prefix: true },
  { path: '/seller/import', label: 'Import', Component: BulkImportPage, inNav: isSeller },
  { path: '/seller/inventory', label: 'Inventory', Component: InventoryPage, inNav: isSeller },
  {
    path: '/seller/orders',
    label: 'Orders to fulfil',
    Component: SellerOrdersPage,
    inNav: isSeller,
  },
  { path: '/seller/orders/', label: 'Seller order', Component: SellerOrderPage, prefix: true },
  { path: '/status', label: 'System status', Component: StatusPage },
  {
    path: '/sell',
    label: 'Sell on Emporium',
    Component: OpenStorePage,
    inNav: (me) => Boolean(me && me.role !== 'admin'),
  },
  {
    path: '/admin/sellers',
    label: 'Stores',
    Component: SellerApprovalsPage,
    inNav: (me) => me?.role === 'admin',
  },
  {
    path: '/admin/risk-reviews',
    label: 'Fraud review',
    Component: RiskReviewsPage,
    inNav: (me) => me?.role === 'admin',
  },
  {
    path: '/admin/reviews',
    label: 'Review moderation',
    Component: ReviewModerationPage,
    inNav: (me) => me?.role === 'admin',
  },
  {
    path: '/admin/workflows',
    label: 'Workflows',
    Component: WorkflowsPage,
    inNav: (me) => me?.role === 'admin',
  },
  { path: '/account', label: 'Your account', Component: AccountPage },
  { path: '/sign-in', label: 'Sign in', Component: SignInPage },
  { path: '/sign-up', label: 'Create an account', Component: SignUpPage },
  { path: '/forgot-password', label: 'Forgot password', Component: ForgotPasswordPage },
  { path: '/reset-password', label: 'Choose a new password', Component: ResetPasswordPage },
  { path: '/verify-email', label: 'Confirm your email', Component: VerifyEmailPage },
  { path: '/auth/callback', label: 'Signing you in', Component: OidcCallbackPage },
]

function NotFoundPage() {
  return (
    <section className="panel" aria-labelledby="not-found-title">
      <h2 id="not-found-title">Page not found</h2>
      <p>
        There is nothing at this address. <Link to="/">Go to the home page</Link>.
      </p>
    </section>
  )
}

function Routes() {
  const pathname = usePathname()
  const me = useMe()
  const page =
    PAGES.find((p) => p.path === pathname) ??
    PAGES.find((p) => p.prefix && pathname.startsWith(p.path) && pathname.length > p.path.length)
  const title = page?.label ?? 'Page not found'
  useEffect(() => {
    document.title = `${title} · Emporium`
  }, [title])
  const Component = page?.Component ?? NotFoundPage
  const nav = PAGES.filter((p) => p.inNav?.(me.data))
  return (
    <AppShell nav={nav} currentPath={pathname} actions={<UserMenu />} search={<SearchBox />}>
      <Component />
    </AppShell>
  )
}

/** The web app: data layer (TanStack Query) around the page router. */
export function App() {
  const [queryClient] = useState(
    () =>
      new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: true } } }),
  )
  return (
    <QueryClientProvider client={queryClient}>
      <Routes />
    </QueryClientProvider>
  )
}
