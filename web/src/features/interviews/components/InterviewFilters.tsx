// The filters the graph offers for interviews: a date range, types, and whether to include cancelled ones.
import type { InterviewType } from "@/gql/graphql";

export type InterviewFilterState = { from: string; to: string; types: InterviewType[]; includeCancelled: boolean };
export const INTERVIEW_TYPES: InterviewType[] = ["PHONE", "ONLINE", "ONSITE"];

export function InterviewFilters({ value, onChange, dates = true }: { value: InterviewFilterState; onChange: (next: InterviewFilterState) => void; dates?: boolean }) {
  const toggle = (type: InterviewType) =>
    onChange({ ...value, types: value.types.includes(type) ? value.types.filter((item) => item !== type) : [...value.types, type] });
  return (
    <form className="filters" onSubmit={(event) => event.preventDefault()} aria-label="Interview filters">
      {dates ? (
        <>
          <div className="field">
            <label htmlFor="interviews-from">From</label>
            <input id="interviews-from" type="date" value={value.from} onChange={(event) => onChange({ ...value, from: event.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="interviews-to">To</label>
            <input id="interviews-to" type="date" value={value.to} onChange={(event) => onChange({ ...value, to: event.target.value })} />
          </div>
        </>
      ) : null}
      <fieldset className="chips">
        <legend>Type</legend>
        {INTERVIEW_TYPES.map((type) => (
          <label key={type} className="chip">
            <input type="checkbox" checked={value.types.includes(type)} onChange={() => toggle(type)} /> {type.toLowerCase()}
          </label>
        ))}
      </fieldset>
      <label className="chip">
        <input type="checkbox" checked={value.includeCancelled} onChange={(event) => onChange({ ...value, includeCancelled: event.target.checked })} /> include
        cancelled
      </label>
    </form>
  );
}
