import type { ImportResult } from '../trpc'

/** Why each refused row was not imported, by row number (data rows count from 1). */
export function ImportErrorsTable({ errors }: { errors: ImportResult['errors'] }) {
  if (errors.length === 0) return null
  return (
    <table className="table">
      <caption>Rows not imported</caption>
      <thead>
        <tr>
          <th scope="col">Row</th>
          <th scope="col">Field</th>
          <th scope="col">Problem</th>
        </tr>
      </thead>
      <tbody>
        {errors.map((e, i) => (
          <tr key={`${e.row}-${e.field ?? ''}-${i}`}>
            <td>{e.row}</td>
            <td>{e.field ?? '—'}</td>
            <td>{e.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
