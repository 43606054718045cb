import { describe, expect, it } from "vitest";
import { dayStartIso } from "@/lib/dates";
import { rangeArguments } from "./range";

const today = new Date(2031, 4, 31, 15, 30);

describe("rangeArguments", () => {
  it("leaves both ends open for all time", () => {
    expect(rangeArguments("ALL", { from: "2030-01-01", to: "" }, today)).toEqual({ from: null, to: null });
  });

  it("counts presets back from today's date, open to now", () => {
    expect(rangeArguments("3M", { from: "", to: "" }, today)).toEqual({ from: dayStartIso("2031-02-28"), to: null });
    expect(rangeArguments("12M", { from: "", to: "" }, today)).toEqual({ from: dayStartIso("2030-05-31"), to: null });
  });

  it("includes the whole picked end day", () => {
    expect(rangeArguments("CUSTOM", { from: "2031-02-01", to: "2031-02-28" }, today)).toEqual({
      from: dayStartIso("2031-02-01"),
      to: dayStartIso("2031-03-01"),
    });
    expect(rangeArguments("CUSTOM", { from: "", to: "2031-12-31" }, today)).toEqual({ from: null, to: dayStartIso("2032-01-01") });
  });
});
