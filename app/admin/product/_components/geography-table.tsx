"use client"

import { useMemo, useState } from "react"
import { ActionButton } from "@/components/ui/action-button"
import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table"
import type { CountryRow } from "@/lib/analytics/reports/geography"
import { type FigureFormat, formatFigure } from "@/lib/analytics/reports/usage-format"
import { ValueBar } from "./usage-ui"

// Countries as a table sorted by any column (a button in each header, aria-sort on it), with a bar
// for the sorted figure. The first 20 rows show; the rest on request.

const FIRST_ROWS = 20
const COLUMNS = [
  { key: "visitors", label: "Visitors", format: "count" },
  { key: "conversionRate", label: "Conversion", format: "share" },
  { key: "payers", label: "Payers", format: "count" },
  { key: "subscribers", label: "Subscribers", format: "count" },
  { key: "mrrCents", label: "MRR", format: "cents" },
] as const satisfies readonly { key: keyof CountryRow; label: string; format: FigureFormat }[]

type SortKey = (typeof COLUMNS)[number]["key"] | "country"

const names = new Intl.DisplayNames(["en"], { type: "region", fallback: "code" })

function countryName(code: string): string {
  if (code === "(none)") return "Unknown"
  try {
    return names.of(code) ?? code
  } catch {
    return code
  }
}

export function GeographyTable({ rows }: { rows: CountryRow[] }) {
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: "visitors", descending: true })
  const [all, setAll] = useState(false)
  const sorted = useMemo(() => {
    const value = (row: CountryRow) => (sort.key === "country" ? countryName(row.country) : (row[sort.key] ?? -1))
    return [...rows].sort((a, b) => {
      const [x, y] = [value(a), value(b)]
      const order = typeof x === "string" ? x.localeCompare(String(y)) : x - (y as number)
      return (sort.descending ? -order : order) || a.country.localeCompare(b.country)
    })
  }, [rows, sort])
  const shown = all ? sorted : sorted.slice(0, FIRST_ROWS)
  const barColumn = sort.key === "country" ? "visitors" : sort.key
  const max = Math.max(0, ...rows.map((row) => row[barColumn] ?? 0))

  function sortBy(key: SortKey) {
    setSort((current) => ({ key, descending: current.key === key ? !current.descending : key !== "country" }))
  }
  const ariaSort = (key: SortKey) => (sort.key === key ? (sort.descending ? "descending" : "ascending") : "none")

  if (rows.length === 0)
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-600">
        No visitors or subscribers in this range.
      </p>
    )
  return (
    <div className="flex flex-col gap-2">
      <TableContainer label="Countries">
        <Table data-testid="geography-table">
          <caption className="sr-only">
            Visitors, conversion, payers, subscribers and MRR by country; the column headers sort the table
          </caption>
          <TableHead>
            <TableRow>
              <TableHeaderCell aria-sort={ariaSort("country")}>
                <SortButton
                  label="Country"
                  active={sort.key === "country"}
                  descending={sort.descending}
                  onClick={() => sortBy("country")}
                />
              </TableHeaderCell>
              {COLUMNS.map((column) => (
                <TableHeaderCell key={column.key} aria-sort={ariaSort(column.key)} className="text-right">
                  <SortButton
                    label={column.label}
                    active={sort.key === column.key}
                    descending={sort.descending}
                    onClick={() => sortBy(column.key)}
                  />
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((row) => (
              <TableRow key={row.country}>
                <TableCell>
                  <span className="font-medium text-slate-900">{countryName(row.country)}</span>
                  <span className="block text-xs text-slate-500">{row.region}</span>
                  <span className="mt-1 block max-w-48">
                    <ValueBar value={row[barColumn] ?? 0} max={max} />
                  </span>
                </TableCell>
                {COLUMNS.map((column) => (
                  <TableCell key={column.key} className="text-right whitespace-nowrap tabular-nums">
                    {formatFigure(row[column.key], column.format)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {rows.length > FIRST_ROWS ? (
        <div>
          <ActionButton variant="secondary" size="sm" onClick={() => setAll((value) => !value)} aria-expanded={all}>
            {all ? `Show the first ${FIRST_ROWS}` : `Show all ${rows.length} countries`}
          </ActionButton>
        </div>
      ) : null}
    </div>
  )
}

function SortButton({
  label,
  active,
  descending,
  onClick,
}: {
  label: string
  active: boolean
  descending: boolean
  onClick: () => void
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      className="inline-flex cursor-pointer items-center gap-1 uppercase hover:text-slate-900"
    >
      {label}
      <span aria-hidden="true">{active ? (descending ? "▼" : "▲") : "↕"}</span>
    </button>
  )
}
