// Counts over time as SVG columns (months, weeks); the same numbers in a table for screen readers.
import { useId } from "react";

// One column is COLUMN units wide; with few columns the chart keeps that width instead of stretching them.
const COLUMN = 50;
const HEIGHT = 160;
const AXIS = 18;

export interface Column {
  key: string;
  /** Under the column (short: "Mar", "3 Mar"). */
  label: string;
  count: number;
}

export function ColumnChart({ columns, title, keyHeader, testId }: { columns: Column[]; title: string; keyHeader: string; testId?: string }) {
  const tableId = useId();
  const max = Math.max(1, ...columns.map((item) => item.count));
  const width = Math.max(6, columns.length) * COLUMN;
  const summary = columns.map((item) => `${item.key}: ${item.count}`).join(", ");
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${HEIGHT}`} style={{ maxWidth: `${width * 1.6}px` }} role="img" aria-label={`${title}. ${summary}`} aria-describedby={tableId}>
        {columns.map((item, index) => {
          const height = ((HEIGHT - AXIS * 2) * item.count) / max;
          const x = index * COLUMN + COLUMN * 0.15;
          return (
            <g key={item.key}>
              <rect className="chart-column" x={x} y={HEIGHT - AXIS - height} width={COLUMN * 0.7} height={height} rx={3} />
              <text className="chart-value" x={x + COLUMN * 0.35} y={HEIGHT - AXIS - height - 4} textAnchor="middle">
                {item.count}
              </text>
              <text className="chart-axis" x={x + COLUMN * 0.35} y={HEIGHT - 4} textAnchor="middle">
                {item.label}
              </text>
            </g>
          );
        })}
      </svg>
      <table id={tableId} className="visually-hidden" data-testid={testId}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{keyHeader}</th>
            <th scope="col">Applications</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((item) => (
            <tr key={item.key}>
              <th scope="row">{item.key}</th>
              <td>{item.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

export function monthLabel(month: string): string {
  const [year, number] = month.split("-").map(Number);
  return new Date(Date.UTC(year, number - 1, 1)).toLocaleString(undefined, { month: "short", timeZone: "UTC" });
}

export function dayLabel(day: string): string {
  const [year, month, date] = day.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, date)).toLocaleString(undefined, { day: "numeric", month: "short", timeZone: "UTC" });
}
