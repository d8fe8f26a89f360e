import { useMutation } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { UploadProductImageInput } from '@emporium/domain/media'
import { formText } from '../forms/form-text'
import { errorMessage, validate } from '../forms/field-errors'
import { Field, FormMessage, SubmitButton } from '../forms/form-parts'
import { trpc } from '../trpc'

type Uploaded = Awaited<ReturnType<typeof trpc.seller.uploadProductImage.mutate>>

/** A file's bytes as base64 without the `data:` prefix, as the API takes them. */
async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/** Uploads product photos (resized by the API); photos added here can be removed again. */
export function ProductImagesForm({ productId }: { productId: string }) {
  const [problem, setProblem] = useState<string | null>(null)
  const [uploaded, setUploaded] = useState<Uploaded[]>([])
  const upload = useMutation({
    mutationFn: (input: Parameters<typeof trpc.seller.uploadProductImage.mutate>[0]) =>
      trpc.seller.uploadProductImage.mutate(input),
    onSuccess: (image) => setUploaded((list) => [...list, image]),
  })
  const remove = useMutation({
    mutationFn: (imageId: number) => trpc.seller.deleteProductImage.mutate({ imageId }),
    onSuccess: (_, imageId) => setUploaded((list) => list.filter((i) => i.id !== imageId)),
  })
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = event.currentTarget
    const data = new FormData(form)
    const file = data.get('image')
    const data64 = file instanceof File && file.size > 0 ? await toBase64(file) : ''
    const checked = validate(UploadProductImageInput, {
      productId,
      data: data64,
      altText: formText(data, 'altText').trim() || undefined,
    })
    if (!checked.ok) return setProblem(Object.values(checked.errors).flat().join(' '))
    setProblem(null)
    upload.mutate(checked.data, { onSuccess: () => form.reset() })
  }
  return (
    <div className="stack">
      <form aria-label="Upload a photo" onSubmit={(e) => void onSubmit(e)} className="stack">
        <div className="field">
          <label htmlFor="product-image">Photo (JPEG, PNG or WebP)</label>
          <input
            id="product-image"
            name="image"
            type="file"
            accept="image/jpeg,image/png,image/webp"
          />
        </div>
        <Field label="Description for screen readers (optional)" name="altText" />
        <FormMessage
          error={
            problem ??
            (upload.error
              ? errorMessage(upload.error)
              : remove.error
                ? errorMessage(remove.error)
                : null)
          }
        />
        <SubmitButton pending={upload.isPending} pendingText="Uploading…">
          Upload photo
        </SubmitButton>
      </form>
      {uploaded.length > 0 ? (
        <ul className="gallery" aria-label="Uploaded photos">
          {uploaded.map((image) => (
            <li key={image.id}>
              <img
                src={image.variants.thumb.url}
                alt={image.altText ?? 'Product photo'}
                width={image.variants.thumb.width}
                height={image.variants.thumb.height}
              />
              <button type="button" onClick={() => remove.mutate(image.id)}>
                Remove photo {image.position + 1}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
