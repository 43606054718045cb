import { fireEvent, render, screen, within } from "@testing-library/react";
import { getOperationAST } from "graphql";
import { describe, expect, it, vi } from "vitest";
import { answeringClient, withClient } from "@/testing/client";
import { BulkActions, summarise } from "./BulkActions";

const selected = [
  { id: "a1", title: "Data engineer at Initech" },
  { id: "a2", title: "Analyst at Globex" },
  { id: "a3", title: "SRE at Hooli" },
];

describe("summarise", () => {
  it("counts each outcome, in the graph's order, leaving out those that did not happen", () => {
    expect(
      summarise([
        { id: "a", outcome: "NOT_FOUND" },
        { id: "b", outcome: "CHANGED" },
        { id: "c", outcome: "CHANGED" },
      ]),
    ).toBe("2 changed, 1 not found (deleted elsewhere?)");
  });
});

describe("BulkActions", () => {
  it("changes the status of the selected rows with a note and shows each one's outcome", async () => {
    const { client, operations } = answeringClient(() => ({
      data: {
        changeApplicationsStatus: [
          { __typename: "ApplicationBulkResult", id: "a1", outcome: "CHANGED", application: { __typename: "Application", id: "a1", status: "OFFER", updatedAt: "2031-01-01T00:00:00Z" } },
          { __typename: "ApplicationBulkResult", id: "a2", outcome: "UNCHANGED", application: { __typename: "Application", id: "a2", status: "OFFER", updatedAt: "2031-01-01T00:00:00Z" } },
          { __typename: "ApplicationBulkResult", id: "a3", outcome: "NOT_FOUND", application: null },
        ],
      },
    }));
    const onDone = vi.fn();
    render(withClient(client, <BulkActions selected={selected} onDone={onDone} />));
    expect(screen.getByText("3 selected")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("New status"), { target: { value: "OFFER" } });
    fireEvent.change(screen.getByLabelText("Note"), { target: { value: " signed " } });
    fireEvent.click(screen.getByRole("button", { name: "Change status" }));
    const summary = await screen.findByRole("status");
    expect(getOperationAST(operations[0].query)?.name?.value).toBe("ChangeApplicationsStatus");
    expect(operations[0].variables).toEqual({ ids: ["a1", "a2", "a3"], status: "OFFER", note: "signed" });
    expect(within(summary).getByText("1 changed, 1 already in that status, 1 not found (deleted elsewhere?)")).toBeTruthy();
    expect(within(summary).getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      "Data engineer at Initech: changed",
      "Analyst at Globex: already in that status",
      "SRE at Hooli: not found (deleted elsewhere?)",
    ]);
    expect(onDone).toHaveBeenCalled();
  });

  it("deletes only after the confirmation", async () => {
    const { client, operations } = answeringClient(() => ({
      data: { deleteApplications: selected.slice(0, 2).map(({ id }) => ({ __typename: "ApplicationBulkResult", id, outcome: "DELETED" })) },
    }));
    render(withClient(client, <BulkActions selected={selected.slice(0, 2)} onDone={() => undefined} />));
    fireEvent.click(screen.getByRole("button", { name: "Delete…" }));
    expect(operations).toHaveLength(0);
    fireEvent.click(screen.getByRole("button", { name: "Delete 2" }));
    expect(within(await screen.findByRole("status")).getByText("2 deleted")).toBeTruthy();
    expect(operations[0].variables).toEqual({ ids: ["a1", "a2"] });
  });
});
