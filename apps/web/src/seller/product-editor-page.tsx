import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { CurrencyCode } from '@emporium/domain'
import { CART_CURRENCIES } from '../cart/cart-currencies'
import { Link, usePathname } from '../router'
import { trpc } from '../trpc'
import { PageSection } from '../ui/page-title'
import { QueryView } from '../ui/query-view'
import { ProductCreateForm } from './product-create-form'
import { ProductImagesForm } from './product-images-form'
import { ProductStatusActions } from './product-status-actions'
import { StockAdjustForm } from './stock-adjust-form'
import { VariantPricesForm } from './variant-prices-form'

/** `/seller/products/new` creates a product; `/seller/products/<id>` edits prices, stock, photos, status. */
export function ProductEditorPage() {
  const id = usePathname().slice('/seller/products/'.length)
  if (id === 'new') {
    return (
      <PageSection id="new-product-title" title="New product">
        <ProductCreateForm />
      </PageSection>
    )
  }
  return <ProductEditor productId={id} />
}

function ProductEditor({ productId }: { productId: string }) {
  const [currency, setCurrency] = useState<CurrencyCode>('USD')
  const product = useQuery({
    queryKey: ['seller', 'product', productId],
    queryFn: () => trpc.seller.getProduct.query({ productId }),
  })
  return (
    <QueryView query={product} what="the product">
      {(p) => (
        <>
          <PageSection
            id="product-editor-title"
            title={p.name}
            actions={<Link to="/seller/products">All products</Link>}
          >
            <ProductStatusActions product={p} />
            {p.status === 'active' ? (
              <p>
                Shoppers see it at <Link to={`/p/${p.slug}`}>its product page</Link>.
              </p>
            ) : null}
          </PageSection>
          <PageSection
            id="prices-title"
            title="Variants and prices"
            actions={
              <label className="inline-field">
                Currency{' '}
                <select
                  aria-label="Currency"
                  value={currency}
                  onChange={(e) => setCurrency(e.target.value as CurrencyCode)}
                >
                  {CART_CURRENCIES.map((c) => (
                    <option key={c}>{c}</option>
                  ))}
                </select>
              </label>
            }
          >
            <VariantPricesForm product={p} currency={currency} />
          </PageSection>
          <PageSection id="stock-title" title="Stock">
            <ul className="stack plain">
              {p.variants.map((v) => (
                <li key={v.id}>
                  <h3>
                    {v.title} <span className="muted">({v.sku})</span>
                  </h3>
                  <StockAdjustForm variantId={v.id} label={`Stock of ${v.sku}`} />
                </li>
              ))}
            </ul>
            <p>
              <Link to="/seller/inventory">See stock in every warehouse</Link>
            </p>
          </PageSection>
          <PageSection id="photos-title" title="Photos">
            <ProductImagesForm productId={p.id} />
          </PageSection>
        </>
      )}
    </QueryView>
  )
}
