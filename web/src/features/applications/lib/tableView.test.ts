import { describe, expect, it } from "vitest";
import { isoToLocalInput } from "@/lib/dates";
import { moreFiltersSet, readView, toFilter, writeView } from "./tableView";

describe("the table's view in the query string", () => {
  it("reads every filter and the order back from what it wrote", () => {
    const params = new URLSearchParams(
      "search=ini&status=APPLIED&status=OFFER&location=berlin&workModes=REMOTE&sources=REFERRAL&employmentTypes=CONTRACT" +
        "&minPriority=3&maxPriority=5&tags=python%2C+ml&salaryMin=50000&salaryMax=90000&salaryCurrency=eur" +
        "&createdFrom=2031-01-01&createdTo=2031-01-31&appliedFrom=2031-02-01&appliedTo=2031-02-28&orderBy=PRIORITY",
    );
    const view = readView(params);
    expect(readView(writeView(view))).toEqual(view);
    expect(view.status).toEqual(["APPLIED", "OFFER"]);
    expect(view.orderBy).toBe("PRIORITY");
    expect(moreFiltersSet(view)).toBe(14);
  });

  it("leaves out unknown values and writes only what differs from the default view", () => {
    const view = readView(new URLSearchParams("status=LOST&workModes=REMOTE&orderBy=RANDOM"));
    expect(view.status).toEqual([]);
    expect(view.orderBy).toBe("NEWEST");
    expect(writeView(view).toString()).toBe("workModes=REMOTE");
    expect(writeView(readView(new URLSearchParams())).toString()).toBe("");
  });
});

describe("toFilter", () => {
  it("is all nulls for the default view", () => {
    expect(Object.values(toFilter(readView(new URLSearchParams()))).every((value) => value === null)).toBe(true);
  });

  it("turns days into the start of the first and the end of the last, tags into a list and amounts into numbers", () => {
    const filter = toFilter(
      readView(new URLSearchParams("createdFrom=2031-01-01&createdTo=2031-01-31&tags=Python,+ml,&salaryMin=50000&salaryCurrency=eur&minPriority=2")),
    );
    expect(isoToLocalInput(filter.createdFrom ?? "")).toBe("2031-01-01T00:00");
    expect(isoToLocalInput(filter.createdTo ?? "")).toBe("2031-01-31T23:59");
    expect(filter.tags).toEqual(["Python", "ml"]);
    expect(filter.salaryMin).toBe(50000);
    expect(filter.salaryCurrency).toBe("EUR");
    expect(filter.minPriority).toBe(2);
    expect(filter.appliedFrom).toBeNull();
  });
});
