import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"

type EmailFieldProps = {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  /** Offered as suggestions; any address may still be typed. */
  suggestions: string[]
  error?: string
}

/** An email input with suggestions and its validation message, as the team forms use it. */
export function EmailField({ id, label, value, onChange, suggestions, error }: EmailFieldProps) {
  const errorId = `${id}-error`
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        type="email"
        list={`${id}-options`}
        required
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        data-testid={id}
      />
      <datalist id={`${id}-options`}>
        {suggestions.map((known) => (
          <option key={known} value={known} />
        ))}
      </datalist>
      {error ? (
        <p id={errorId} className="mt-1.5 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  )
}
