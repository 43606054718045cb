// The applications table's filters: search and statuses at hand, the rest under "More filters" (open when any is
// set); the graph's BAD_USER_INPUT errors show at their field.
import { SelectField, TextField } from "@/components/Field";
import { SearchField } from "@/components/SearchField";
import { STATUSES, statusLabel } from "@/components/StatusBadge";
import type { FieldErrors } from "@/lib/errors";
import { EMPLOYMENT_TYPES, PRIORITIES, SOURCES, WORK_MODES, enumLabel } from "../lib/attributes";
import { moreFiltersSet, readView, type ListKey, type TableView, type TextKey } from "../lib/tableView";

type Change = (view: TableView, replace?: boolean) => void;

function Chips<T extends string>(props: { legend: string; name: ListKey; choices: readonly T[]; label: (value: T) => string; view: TableView; onChange: Change }) {
  const chosen = props.view[props.name] as readonly string[];
  const toggle = (value: T) =>
    props.onChange({ ...props.view, [props.name]: chosen.includes(value) ? chosen.filter((item) => item !== value) : [...chosen, value] });
  return (
    <fieldset className="chips">
      <legend>{props.legend}</legend>
      {props.choices.map((value) => (
        <label key={value} className="chip">
          {/* Uncontrolled, remounted when the URL's answer changes: the box ticks at once, while the view's new
              URL (a router navigation, applied in a transition) catches up; Back and Forward still set it. */}
          <input key={String(chosen.includes(value))} type="checkbox" defaultChecked={chosen.includes(value)} onChange={() => toggle(value)} /> {props.label(value)}
        </label>
      ))}
    </fieldset>
  );
}

export function TableFilters({ view, errors, onChange }: { view: TableView; errors: FieldErrors; onChange: Change }) {
  // Free text replaces the history entry (one per keystroke would make Back useless); a pick adds one.
  const text = (key: TextKey, replace = true) => (event: { target: { value: string } }) => onChange({ ...view, [key]: event.target.value }, replace);
  const priorities = [{ value: "", label: "any" }, ...PRIORITIES.map((value) => ({ value: String(value), label: String(value) }))];
  const more = moreFiltersSet(view);
  return (
    <form className="filters" role="search" aria-label="Filter applications" onSubmit={(event) => event.preventDefault()}>
      <SearchField label="Search company or position" value={view.search} onChange={(value) => onChange({ ...view, search: value }, true)} />
      <Chips legend="Status" name="status" choices={STATUSES} label={statusLabel} view={view} onChange={onChange} />
      <details className="more-filters" open={more > 0 || undefined}>
        <summary>More filters{more ? ` (${more} set)` : ""}</summary>
        <div className="form-row">
          <TextField label="Location" name="location" value={view.location} onChange={text("location")} error={errors.location} />
          <TextField label="Tags (all of)" name="tags" value={view.tags} onChange={text("tags")} error={errors.tags} hint="Separated by commas" />
        </div>
        <div className="form-row">
          <TextField label="Created from" name="createdFrom" type="date" value={view.createdFrom} onChange={text("createdFrom", false)} error={errors.createdFrom} />
          <TextField label="Created to" name="createdTo" type="date" value={view.createdTo} onChange={text("createdTo", false)} error={errors.createdTo} />
          <TextField label="Applied from" name="appliedFrom" type="date" value={view.appliedFrom} onChange={text("appliedFrom", false)} error={errors.appliedFrom} />
          <TextField label="Applied to" name="appliedTo" type="date" value={view.appliedTo} onChange={text("appliedTo", false)} error={errors.appliedTo} />
        </div>
        <Chips legend="Work mode" name="workModes" choices={WORK_MODES} label={enumLabel} view={view} onChange={onChange} />
        <Chips legend="Source" name="sources" choices={SOURCES} label={enumLabel} view={view} onChange={onChange} />
        <Chips legend="Employment" name="employmentTypes" choices={EMPLOYMENT_TYPES} label={enumLabel} view={view} onChange={onChange} />
        <div className="form-row">
          <SelectField label="Priority at least" name="minPriority" value={view.minPriority} onChange={text("minPriority", false)} error={errors.minPriority} options={priorities} />
          <SelectField label="Priority at most" name="maxPriority" value={view.maxPriority} onChange={text("maxPriority", false)} error={errors.maxPriority} options={priorities} />
        </div>
        <div className="form-row">
          <TextField label="Salary reaches" name="salaryMin" type="number" min={0} value={view.salaryMin} onChange={text("salaryMin")} error={errors.salaryMin} />
          <TextField label="Salary starts at most" name="salaryMax" type="number" min={0} value={view.salaryMax} onChange={text("salaryMax")} error={errors.salaryMax} />
          <TextField label="Currency" name="salaryCurrency" maxLength={3} value={view.salaryCurrency} onChange={text("salaryCurrency")} error={errors.salaryCurrency} placeholder="EUR" />
        </div>
        <button type="button" onClick={() => onChange(readView(new URLSearchParams({ orderBy: view.orderBy })))}>
          Clear filters
        </button>
      </details>
    </form>
  );
}
