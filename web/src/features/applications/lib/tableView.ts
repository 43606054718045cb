// The applications table's view — filters and order — as it lives in the URL's query string, so a view can be
// bookmarked, and as the graph's ApplicationFilter.
import type { ApplicationFilter, ApplicationOrder, ApplicationSource, ApplicationStatus, EmploymentType, WorkMode } from "@/gql/graphql";
import { STATUSES } from "@/components/StatusBadge";
import { localInputToIso } from "@/lib/dates";
import { EMPLOYMENT_TYPES, SOURCES, WORK_MODES, parseTags } from "./attributes";

export const ORDERS: readonly { value: ApplicationOrder; label: string }[] = [
  { value: "NEWEST", label: "Newest first" },
  { value: "OLDEST", label: "Oldest first" },
  { value: "RECENTLY_UPDATED", label: "Recently updated" },
  { value: "COMPANY", label: "Company A–Z" },
  { value: "PRIORITY", label: "Priority, highest first" },
  { value: "DEADLINE", label: "Deadline, soonest first" },
];

/** Free-text and single-value parameters (dates are yyyy-mm-dd days, amounts and priorities digits). */
export const TEXT_KEYS = [
  "search",
  "location",
  "createdFrom",
  "createdTo",
  "appliedFrom",
  "appliedTo",
  "minPriority",
  "maxPriority",
  "tags",
  "salaryMin",
  "salaryMax",
  "salaryCurrency",
] as const;
export type TextKey = (typeof TEXT_KEYS)[number];

export type TableView = Record<TextKey, string> & {
  status: ApplicationStatus[];
  workModes: WorkMode[];
  sources: ApplicationSource[];
  employmentTypes: EmploymentType[];
  orderBy: ApplicationOrder;
};

export type ListKey = "status" | "workModes" | "sources" | "employmentTypes";

const CHOICES: Record<ListKey, readonly string[]> = {
  status: STATUSES,
  workModes: WORK_MODES,
  sources: SOURCES,
  employmentTypes: EMPLOYMENT_TYPES,
};

/** The view a query string describes; unknown values are left out, so an edited or stale bookmark still opens. */
export function readView(params: URLSearchParams): TableView {
  const text = Object.fromEntries(TEXT_KEYS.map((key) => [key, params.get(key) ?? ""])) as Record<TextKey, string>;
  const list = <T extends string>(key: ListKey) => params.getAll(key).filter((value) => CHOICES[key].includes(value)) as T[];
  const order = params.get("orderBy");
  return {
    ...text,
    status: list<ApplicationStatus>("status"),
    workModes: list<WorkMode>("workModes"),
    sources: list<ApplicationSource>("sources"),
    employmentTypes: list<EmploymentType>("employmentTypes"),
    orderBy: ORDERS.find((item) => item.value === order)?.value ?? "NEWEST",
  };
}

/** The query string of a view: only what differs from the default view. */
export function writeView(view: TableView): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of TEXT_KEYS) if (view[key] !== "") params.set(key, view[key]);
  for (const key of Object.keys(CHOICES) as ListKey[]) for (const value of view[key]) params.append(key, value);
  if (view.orderBy !== "NEWEST") params.set("orderBy", view.orderBy);
  return params;
}

/** How many filters beyond the search and the statuses are set (to open the "More filters" panel when some are). */
export function moreFiltersSet(view: TableView): number {
  const texts = TEXT_KEYS.filter((key) => key !== "search" && view[key] !== "").length;
  return texts + view.workModes.length + view.sources.length + view.employmentTypes.length;
}

const text = (value: string) => (value.trim() === "" ? null : value.trim());
const whole = (value: string) => (/^\d+$/.test(value.trim()) ? Number(value.trim()) : null);
const list = <T>(values: T[]) => (values.length ? values : null);
// A "from" day starts at local midnight and a "to" day includes all of that day.
const dayStart = (day: string) => (day ? localInputToIso(`${day}T00:00`) : null);
const dayEnd = (day: string) => (day ? localInputToIso(`${day}T23:59:59`) : null);

/** The graph's filter for a view; what is not set is null. */
export function toFilter(view: TableView): ApplicationFilter {
  const tags = parseTags(view.tags);
  return {
    search: text(view.search),
    status: list(view.status),
    createdFrom: dayStart(view.createdFrom),
    createdTo: dayEnd(view.createdTo),
    appliedFrom: dayStart(view.appliedFrom),
    appliedTo: dayEnd(view.appliedTo),
    location: text(view.location),
    workModes: list(view.workModes),
    sources: list(view.sources),
    employmentTypes: list(view.employmentTypes),
    minPriority: whole(view.minPriority),
    maxPriority: whole(view.maxPriority),
    tags: tags.length ? tags : null,
    salaryMin: whole(view.salaryMin),
    salaryMax: whole(view.salaryMax),
    salaryCurrency: text(view.salaryCurrency)?.toUpperCase() ?? null,
  };
}
