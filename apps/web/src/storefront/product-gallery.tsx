import type { ProductView } from '../trpc'

/** The product's images; the chosen variant's own images first. */
export function ProductGallery({
  images,
  variantId,
  productName,
}: {
  images: ProductView['images']
  variantId: string | undefined
  productName: string
}) {
  if (images.length === 0) return <p className="muted gallery-empty">No photos yet.</p>
  const ordered = [
    ...images.filter((i) => i.variantId !== null && i.variantId === variantId),
    ...images.filter((i) => i.variantId === null || i.variantId !== variantId),
  ]
  return (
    <ul className="gallery" aria-label="Photos">
      {ordered.map((image) => (
        <li key={image.url}>
          <img
            src={image.url}
            alt={image.altText ?? productName}
            width={image.width ?? undefined}
            height={image.height ?? undefined}
            loading="lazy"
          />
        </li>
      ))}
    </ul>
  )
}
