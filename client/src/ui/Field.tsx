import { type ReactNode, useId } from 'react'

/** A labelled form control: one `.field` with a label wired to the control by an id made here. */
export function Field({
  label,
  labelClassName,
  children,
}: {
  label: ReactNode
  labelClassName?: string
  children: (id: string) => ReactNode
}) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      {children(id)}
    </div>
  )
}
