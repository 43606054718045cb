// Horizontal bars of counts: the label and the number are text, so the bars need no other fallback.
export interface Bar {
  key: string;
  label: string;
  count: number;
  /** An extra class for the fill (the status colours). */
  tone?: string;
  /** Shown after the count, e.g. a rate. */
  note?: string;
  /** Shown instead of the count (the bar's length still follows `count`), e.g. "4.5 days". */
  value?: string;
}

export function BarList({ bars, testId }: { bars: Bar[]; testId?: string }) {
  const max = Math.max(1, ...bars.map((bar) => bar.count));
  return (
    <ul className="bars" data-testid={testId}>
      {bars.map((bar) => (
        <li key={bar.key}>
          <span className="bars-label">{bar.label}</span>
          <span className="bars-track" aria-hidden="true">
            <span className={`bars-fill ${bar.tone ?? "bars-fill--plain"}`} style={{ width: `${(bar.count / max) * 100}%` }} />
          </span>
          <span className="bars-count" data-testid={testId ? `${testId}-${bar.key}` : undefined}>
            {bar.value ?? bar.count}
            {bar.note ? <span className="muted"> {bar.note}</span> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
