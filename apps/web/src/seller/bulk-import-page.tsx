import { useMutation, useQuery } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { CSV_COLUMNS, ImportProductsInput } from '@emporium/domain/catalog'
import { formText } from '../forms/form-text'
import { errorMessage, validate } from '../forms/field-errors'
import { FormMessage, SubmitButton } from '../forms/form-parts'
import { trpc } from '../trpc'
import { PageSection } from '../ui/page-title'
import { ImportErrorsTable } from './import-errors-table'
import { ImportProgress } from './import-progress'

const EXAMPLE = `name,brand,options,price_USD,status
Trail kettle,Acme,Color=Red|Blue,24.50,active`

/**
 * Imports products from CSV (pasted or from a file): the import runs row by row on the API while
 * this page polls its progress, then lists every refused row with the reason.
 */
export function BulkImportPage() {
  const [importId, setImportId] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const run = useMutation({
    mutationFn: (input: Parameters<typeof trpc.seller.importProducts.mutate>[0]) =>
      trpc.seller.importProducts.mutate(input),
  })
  const progress = useQuery({
    queryKey: ['seller', 'import', importId],
    queryFn: () => trpc.seller.importStatus.query({ importId: importId ?? '' }),
    enabled: importId !== null,
    // Poll while the import runs; a status that is not there yet is retried.
    refetchInterval: (q) => (q.state.data?.done || run.isSuccess ? false : 300),
    retry: 10,
    retryDelay: 300,
  })
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    const file = data.get('file')
    const text = file instanceof File && file.size > 0 ? await file.text() : formText(data, 'csv')
    const id = crypto.randomUUID()
    const checked = validate(ImportProductsInput, { importId: id, source: { format: 'csv', text } })
    if (!checked.ok) return setProblem('Paste CSV text or choose a CSV file first.')
    setProblem(null)
    setImportId(id)
    run.mutate(checked.data)
  }
  const status = run.data
    ? { ...run.data, processed: run.data.total, done: true }
    : (progress.data ?? null)
  return (
    <PageSection id="import-title" title="Import products">
      <form aria-label="Import products" onSubmit={(e) => void onSubmit(e)} className="stack">
        <p className="field__hint">
          Columns: {CSV_COLUMNS.join(', ')}, and one <code>price_USD</code> (or other currency)
          column per currency. Bad rows are skipped and listed; good rows are saved.
        </p>
        <div className="field">
          <label htmlFor="import-csv">CSV text</label>
          <textarea id="import-csv" name="csv" rows={8} placeholder={EXAMPLE} />
        </div>
        <div className="field">
          <label htmlFor="import-file">Or a CSV file</label>
          <input id="import-file" name="file" type="file" accept=".csv,text/csv" />
        </div>
        <FormMessage error={problem ?? (run.error ? errorMessage(run.error) : null)} />
        <SubmitButton pending={run.isPending} pendingText="Importing…">
          Start import
        </SubmitButton>
      </form>
      {status ? <ImportProgress status={status} /> : null}
      {run.data ? <ImportErrorsTable errors={run.data.errors} /> : null}
    </PageSection>
  )
}
