// An application's status as a coloured label, with its name in words (colour is never the only cue).
import type { ApplicationStatus } from "@/gql/graphql";

export const STATUSES: readonly ApplicationStatus[] = ["SAVED", "APPLIED", "INTERVIEW", "OFFER", "REJECTED", "WITHDRAWN"];

export function statusLabel(status: ApplicationStatus): string {
  return status.charAt(0) + status.slice(1).toLowerCase();
}

export function StatusBadge({ status }: { status: ApplicationStatus }) {
  return <span className={`badge badge--${status.toLowerCase()}`}>{statusLabel(status)}</span>;
}
