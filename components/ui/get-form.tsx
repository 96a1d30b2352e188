import type { ComponentProps } from "react"

type GetFormProps = Omit<ComponentProps<"form">, "method"> & {
  /** What the URL gives the fields, as their defaultValue. */
  values: unknown
}

/**
 * A GET form: what it asks for becomes a URL to bookmark or share, and it works without script.
 * It is redrawn whenever `values` change, as a select, or a field someone has typed in, ignores a
 * new defaultValue: after a link to another URL (Clear, a preset, Back) no field shows a stale value.
 */
export function GetForm({ values, ...props }: GetFormProps) {
  return <form key={JSON.stringify(values)} method="get" {...props} />
}
