import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useCartCurrency } from '../cart/use-cart'
import { usePathname } from '../router'
import { trpc, type ProductView } from '../trpc'
import { Breadcrumbs } from '../ui/breadcrumbs'
import { formatPrice } from '../ui/format-price'
import { QueryView } from '../ui/query-view'
import { StockBadge } from '../ui/stock-badge'
import { AddToCartForm } from './add-to-cart-form'
import { AlsoBoughtSection } from './also-bought-section'
import { ReviewsSection } from './reviews-section'
import { ProductGallery } from './product-gallery'
import { findVariant, initialChoice } from './variant-picker'

/** A product (`/p/<slug>`): photos, options, the chosen variant's price and stock, add to cart. */
export function ProductPage() {
  const slug = decodeURIComponent(usePathname().slice('/p/'.length))
  const currency = useCartCurrency()
  const product = useQuery({
    queryKey: ['catalog', 'product', slug, currency],
    queryFn: () => trpc.catalog.getProduct.query({ slug, currency }),
  })
  return (
    <QueryView query={product} what="this product">
      {(p) => (
        <>
          <ProductDetails key={p.id} product={p} />
          <ReviewsSection productId={p.id} sellerSlug={p.seller.slug} />
          <AlsoBoughtSection productId={p.id} />
        </>
      )}
    </QueryView>
  )
}

function ProductDetails({ product }: { product: ProductView }) {
  const [chosen, setChosen] = useState(() => initialChoice(product.variants))
  const variant = findVariant(product.variants, chosen)
  return (
    <article className="panel product" aria-labelledby="product-title">
      <Breadcrumbs trail={product.breadcrumbs} current={product.name} />
      <div className="product__layout">
        <ProductGallery
          images={product.images}
          variantId={variant?.id}
          productName={product.name}
        />
        <div>
          <h2 id="product-title">{product.name}</h2>
          <p className="muted">
            {product.brand ? `${product.brand} · ` : ''}Sold by {product.seller.storeName}
            {product.seller.rating.average !== null
              ? ` · seller rated ${product.seller.rating.average.toFixed(1)} of 5 by ${product.seller.rating.count} ${product.seller.rating.count === 1 ? 'buyer' : 'buyers'}`
              : ''}
          </p>
          {product.rating.average !== null ? (
            <p>
              Rated {product.rating.average.toFixed(1)} of 5 from {product.rating.count} reviews
            </p>
          ) : null}
          {product.options.map((option) => (
            <fieldset key={option.name} className="option-picker">
              <legend>{option.name}</legend>
              {option.values.map((value) => (
                <label key={value} className="option-chip">
                  <input
                    type="radio"
                    name={option.name}
                    value={value}
                    checked={chosen[option.name] === value}
                    onChange={() => setChosen({ ...chosen, [option.name]: value })}
                  />
                  {value}
                </label>
              ))}
            </fieldset>
          ))}
          {variant ? (
            <div aria-live="polite" className="variant-summary">
              <p className="price" aria-label="Price">
                {variant.price ? formatPrice(variant.price) : 'Not sold in this currency'}
                {variant.compareAtPrice ? (
                  <s className="muted"> {formatPrice(variant.compareAtPrice)}</s>
                ) : null}
              </p>
              <StockBadge status={variant.stock.status} label={variant.stock.label} />
              <p className="muted">SKU {variant.sku}</p>
              <AddToCartForm variant={variant} productName={product.name} />
            </div>
          ) : (
            <p role="status">This combination is not available.</p>
          )}
          {product.description ? <p className="description">{product.description}</p> : null}
        </div>
      </div>
    </article>
  )
}
