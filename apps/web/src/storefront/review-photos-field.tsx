import { MAX_REVIEW_PHOTOS } from '@emporium/domain/reviews'
import { useId, useState, type ChangeEvent } from 'react'
import { errorMessage } from '../forms/field-errors'
import { trpc } from '../trpc'

/** A photo attached to a review being written: its key for the API and a thumbnail to show. */
export interface AttachedPhoto {
  key: string
  thumbUrl: string
}

/** The file's bytes, base64-encoded without the `data:` prefix, as `reviews.uploadPhoto` takes them. */
function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () =>
      typeof reader.result === 'string'
        ? resolve(reader.result.replace(/^data:[^,]*,/, ''))
        : reject(new Error(`Could not read ${file.name}`))
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}`))
    reader.readAsDataURL(file)
  })
}

/**
 * Optional photos of a review: each chosen file is uploaded at once (`reviews.uploadPhoto`), shown
 * as a thumbnail and may be removed; the form sends the keys of those still attached.
 */
export function ReviewPhotosField({
  photos,
  onChange,
  errors,
}: {
  photos: AttachedPhoto[]
  onChange: (photos: AttachedPhoto[]) => void
  errors?: string[]
}) {
  const id = useId()
  const [uploading, setUploading] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const onFiles = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget
    const files = [...(input.files ?? [])].slice(0, MAX_REVIEW_PHOTOS - photos.length)
    input.value = ''
    if (files.length === 0) return
    setUploading(true)
    setProblem(null)
    const added: AttachedPhoto[] = []
    try {
      for (const file of files) {
        const uploaded = await trpc.reviews.uploadPhoto.mutate({ data: await readAsBase64(file) })
        added.push({ key: uploaded.key, thumbUrl: uploaded.thumbUrl })
      }
    } catch (error) {
      setProblem(errorMessage(error))
    } finally {
      onChange([...photos, ...added])
      setUploading(false)
    }
  }
  const messages = [...(errors ?? []), ...(problem ? [problem] : [])]
  return (
    <div className={`field${messages.length > 0 ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>Photos (optional, up to {MAX_REVIEW_PHOTOS})</label>
      <input
        id={id}
        type="file"
        accept="image/*"
        multiple
        disabled={uploading || photos.length >= MAX_REVIEW_PHOTOS}
        onChange={(e) => void onFiles(e)}
        aria-invalid={messages.length > 0 || undefined}
        aria-describedby={messages.length > 0 ? `${id}-error` : undefined}
      />
      {uploading ? <p role="status">Uploading…</p> : null}
      {photos.length > 0 ? (
        <ul className="plain chips" aria-label="Attached photos">
          {photos.map((photo, i) => (
            <li key={photo.key}>
              <img src={photo.thumbUrl} alt={`Attached photo ${i + 1}`} width={64} />
              <button
                type="button"
                className="button-link"
                onClick={() => onChange(photos.filter((p) => p.key !== photo.key))}
              >
                Remove<span className="visually-hidden"> photo {i + 1}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {messages.length > 0 ? (
        <p id={`${id}-error`} className="field__error">
          {messages.join(' ')}
        </p>
      ) : null}
    </div>
  )
}
