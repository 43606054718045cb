// The scopes a partner token may hold, in the graph's order, each with what it reaches (as the README says).

export const SCOPES: readonly { scope: string; description: string }[] = [
  { scope: "profile:read", description: "Your profile (me), other people's profiles and people search" },
  { scope: "applications:read", description: "Your applications, their counts and recent ones" },
  { scope: "applications:write", description: "Create, edit, move and delete applications" },
  { scope: "interviews:read", description: "Your interviews and upcoming ones" },
  { scope: "interviews:write", description: "Schedule, edit and cancel interviews" },
  { scope: "contacts:read", description: "Your contacts (and a linked person's public profile)" },
  { scope: "analytics:read", description: "Your analytics" },
];

/** A date input value `days` from today (local time), e.g. the default expiry in 90 days. */
export function dayFromToday(days: number, today = new Date()): string {
  const day = new Date(today.getFullYear(), today.getMonth(), today.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}
