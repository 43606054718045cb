// The application attributes the graph enumerates (source, work mode, employment type, priority) with their labels,
// and tags as people type them.
import type { ApplicationSource, EmploymentType, WorkMode } from "@/gql/graphql";

export const SOURCES: readonly ApplicationSource[] = ["LINKEDIN", "REFERRAL", "COMPANY_SITE", "JOB_BOARD", "RECRUITER", "OTHER"];
export const WORK_MODES: readonly WorkMode[] = ["REMOTE", "HYBRID", "ONSITE"];
export const EMPLOYMENT_TYPES: readonly EmploymentType[] = ["FULL_TIME", "PART_TIME", "CONTRACT", "INTERNSHIP"];
export const PRIORITIES: readonly number[] = [1, 2, 3, 4, 5];

const SPECIAL: Record<string, string> = { LINKEDIN: "LinkedIn", COMPANY_SITE: "Company site", JOB_BOARD: "Job board", ONSITE: "On site" };

/** "FULL_TIME" → "Full time"; the few that read better otherwise are spelled out. */
export function enumLabel(value: string): string {
  const special = SPECIAL[value];
  if (special) return special;
  const words = value.toLowerCase().replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "1 – lowest" … "5 – highest", as the form and the table filters offer it. */
export function priorityLabel(priority: number): string {
  return priority === 1 ? "1 – lowest" : priority === 5 ? "5 – highest" : String(priority);
}

/** Tags typed as "remote, python ,, ml" → ["remote", "python", "ml"]; the graph trims, lower-cases and dedupes. */
export function parseTags(text: string): string[] {
  return text
    .split(",")
    .map((tag) => tag.trim())
    .filter((tag) => tag !== "");
}
