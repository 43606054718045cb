// Applications per month as SVG columns; the same numbers in a table for screen readers.
import { useId } from "react";

// One column is COLUMN units wide; with few months the chart keeps that width instead of stretching them.
const COLUMN = 50;
const HEIGHT = 160;
const AXIS = 18;

function monthLabel(month: string): string {
  const [year, number] = month.split("-").map(Number);
  return new Date(Date.UTC(year, number - 1, 1)).toLocaleString(undefined, { month: "short", timeZone: "UTC" });
}

export function MonthChart({ months }: { months: { month: string; count: number }[] }) {
  const tableId = useId();
  // The last year at most: older months make the columns too thin to read.
  const shown = months.slice(-12);
  const max = Math.max(1, ...shown.map((item) => item.count));
  const step = COLUMN;
  const width = Math.max(6, shown.length) * COLUMN;
  const summary = shown.map((item) => `${item.month}: ${item.count}`).join(", ");
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${HEIGHT}`} style={{ maxWidth: `${width * 1.6}px` }} role="img" aria-label={`Applications per month. ${summary}`} aria-describedby={tableId}>
        {shown.map((item, index) => {
          const height = ((HEIGHT - AXIS * 2) * item.count) / max;
          const x = index * step + step * 0.15;
          return (
            <g key={item.month}>
              <rect className="chart-column" x={x} y={HEIGHT - AXIS - height} width={step * 0.7} height={height} rx={3} />
              <text className="chart-value" x={x + step * 0.35} y={HEIGHT - AXIS - height - 4} textAnchor="middle">
                {item.count}
              </text>
              <text className="chart-axis" x={x + step * 0.35} y={HEIGHT - 4} textAnchor="middle">
                {monthLabel(item.month)}
              </text>
            </g>
          );
        })}
      </svg>
      <table id={tableId} className="visually-hidden" data-testid="per-month">
        <caption>Applications per month</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">Applications</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((item) => (
            <tr key={item.month}>
              <th scope="row">{item.month}</th>
              <td>{item.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
