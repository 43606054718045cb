// The analytics screen's date range: presets counted back from today, or two dates picked by the person; the
// graph takes [from, to) instants, so a picked end date includes that whole day.
import { dayStartIso } from "@/lib/dates";

export type RangeChoice = "ALL" | "3M" | "6M" | "12M" | "CUSTOM";

export const RANGE_CHOICES: readonly { value: RangeChoice; label: string }[] = [
  { value: "ALL", label: "All time" },
  { value: "3M", label: "Last 3 months" },
  { value: "6M", label: "Last 6 months" },
  { value: "12M", label: "Last 12 months" },
  { value: "CUSTOM", label: "Between dates" },
];

const MONTHS: Partial<Record<RangeChoice, number>> = { "3M": 3, "6M": 6, "12M": 12 };

/** A date input's value ("2031-03-10") for a local date. */
export function dayValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function nextDay(day: string): string {
  const [year, month, date] = day.split("-").map(Number);
  return dayValue(new Date(year, month - 1, date + 1));
}

/** The same day `months` months before `date`, or that month's last day when it is shorter (31 May → 28 Feb). */
export function monthsBefore(date: Date, months: number): Date {
  const lastDay = new Date(date.getFullYear(), date.getMonth() - months + 1, 0).getDate();
  return new Date(date.getFullYear(), date.getMonth() - months, Math.min(date.getDate(), lastDay));
}

/** The `from` and `to` arguments of `analytics` for a choice; open ends are null. */
export function rangeArguments(
  choice: RangeChoice,
  picked: { from: string; to: string },
  today: Date,
): { from: string | null; to: string | null } {
  const months = MONTHS[choice];
  if (months) return { from: dayStartIso(dayValue(monthsBefore(today, months))), to: null };
  if (choice === "CUSTOM") return { from: picked.from ? dayStartIso(picked.from) : null, to: picked.to ? dayStartIso(nextDay(picked.to)) : null };
  return { from: null, to: null };
}
