import { describe, expect, it } from "vitest";
import { localInputToIso, monthGrid, sameDay } from "./dates";

describe("monthGrid", () => {
  it("covers the whole month in Monday-first weeks", () => {
    const weeks = monthGrid(new Date(2031, 2, 1)); // March 2031 starts on a Saturday
    expect(weeks.every((week) => week.length === 7 && week[0].getDay() === 1)).toBe(true);
    const days = weeks.flat().filter((day) => day.getMonth() === 2);
    expect(days).toHaveLength(31);
    expect(sameDay(weeks[0][5], new Date(2031, 2, 1))).toBe(true);
  });
});

describe("localInputToIso", () => {
  it("adds the browser's UTC offset, which the graph requires", () => {
    const iso = localInputToIso("2031-03-10T09:00");
    expect(iso).toMatch(/^2031-03-10T09:00:00[+-]\d\d:\d\d$/);
    expect(new Date(iso).getHours()).toBe(9);
  });
});
