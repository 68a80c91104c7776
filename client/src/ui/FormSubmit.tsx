/** A form's closing part: its error, if any, announced as an alert, then the big submit button that shows when it is busy. */
export function FormSubmit({
  error,
  busy,
  label,
  busyLabel,
}: {
  error: string | null | undefined
  busy: boolean
  label: string
  busyLabel: string
}) {
  return (
    <>
      {error ? (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button button-big" disabled={busy}>
        {busy ? busyLabel : label}
      </button>
    </>
  )
}
