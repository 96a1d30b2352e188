import { formatPlanPrice } from "@/lib/billing/format"
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableContainer,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table"
import { CheckIcon } from "./check-icon"
import type { PlanCardPlan } from "./plan-card"

/** Every feature any plan lists, in the order they first appear (plans arrive in display order). */
function allFeatures(plans: PlanCardPlan[]): string[] {
  return [...new Set(plans.flatMap((plan) => plan.features))]
}

export function PlanComparisonTable({ plans }: { plans: PlanCardPlan[] }) {
  if (plans.length === 0) return null
  return (
    <TableContainer label="Plan comparison">
      <Table>
        <TableCaption className="sr-only">Features included in each plan</TableCaption>
        <TableHead>
          <TableRow>
            <TableHeaderCell>
              <span className="sr-only">Feature</span>
            </TableHeaderCell>
            {plans.map((plan) => (
              <TableHeaderCell key={plan.slug} className="text-center text-slate-900 normal-case">
                {plan.name}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          <Row label="Price" cells={plans.map((plan) => formatPlanPrice(plan))} />
          <Row label="Seats" cells={plans.map((plan) => String(plan.seats))} />
          {allFeatures(plans).map((feature) => (
            <TableRow key={feature}>
              <TableHeaderCell
                scope="row"
                className="min-w-40 text-sm font-medium tracking-normal whitespace-normal text-slate-800 normal-case"
              >
                {feature}
              </TableHeaderCell>
              {plans.map((plan) => (
                <TableCell key={plan.slug} className="text-center">
                  {plan.features.includes(feature) ? (
                    <>
                      <CheckIcon className="mx-auto text-brand-600" />
                      <span className="sr-only">Included</span>
                    </>
                  ) : (
                    <>
                      <span aria-hidden="true" className="text-slate-400">
                        —
                      </span>
                      <span className="sr-only">Not included</span>
                    </>
                  )}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}

function Row({ label, cells }: { label: string; cells: string[] }) {
  return (
    <TableRow>
      <TableHeaderCell scope="row" className="text-sm font-medium tracking-normal text-slate-800 normal-case">
        {label}
      </TableHeaderCell>
      {cells.map((cell, index) => (
        <TableCell key={index} className="text-center whitespace-nowrap">
          {cell}
        </TableCell>
      ))}
    </TableRow>
  )
}
