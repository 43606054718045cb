import { fireEvent, render, screen, within } from "@testing-library/react";
import { getOperationAST } from "graphql";
import { describe, expect, it } from "vitest";
import { answeringClient, withClient } from "@/testing/client";
import { Board, groupByStatus } from "./Board";
import type { CardData } from "./ApplicationCard";

const cards: CardData[] = [
  { id: "a1", company: "Initech", position: "Data engineer", status: "APPLIED" },
  { id: "a2", company: "Globex", position: "Analyst", status: "SAVED" },
  { id: "a3", company: "Hooli", position: "SRE", status: "APPLIED" },
];

describe("groupByStatus", () => {
  it("puts every card in its status column, every column present in course order", () => {
    const columns = groupByStatus(cards);
    expect([...columns.keys()]).toEqual(["SAVED", "APPLIED", "INTERVIEW", "OFFER", "REJECTED", "WITHDRAWN"]);
    expect(columns.get("APPLIED")?.map((card) => card.id)).toEqual(["a1", "a3"]);
    expect(columns.get("INTERVIEW")).toEqual([]);
  });
});

describe("Board", () => {
  it("moves a card with the keyboard alternative: Move…, a status and a note", () => {
    const { client, operations } = answeringClient(() => ({
      data: { changeApplicationStatus: { __typename: "Application", id: "a1", status: "INTERVIEW", updatedAt: "2031-01-01T00:00:00Z" } },
    }));
    render(withClient(client, <Board cards={cards} />));
    expect(within(screen.getByTestId("column-APPLIED")).getAllByRole("listitem")).toHaveLength(2);

    fireEvent.click(screen.getByRole("button", { name: "Move Data engineer at Initech" }));
    fireEvent.change(screen.getByLabelText("New status"), { target: { value: "INTERVIEW" } });
    fireEvent.change(screen.getByLabelText("Note"), { target: { value: "phone screen booked" } });
    fireEvent.click(screen.getByRole("button", { name: "Move" }));

    expect(operations).toHaveLength(1);
    expect(getOperationAST(operations[0].query)?.name?.value).toBe("ChangeApplicationStatus");
    expect(operations[0].variables).toEqual({ id: "a1", status: "INTERVIEW", note: "phone screen booked" });
  });

  it("asks for a note when a card is dropped on another column", () => {
    const { client, operations } = answeringClient(() => ({ data: null }));
    render(withClient(client, <Board cards={cards} />));
    const data = new Map<string, string>([["text/plain", "a2"]]);
    const dataTransfer = { getData: (type: string) => data.get(type) ?? "", setData: () => {} };
    fireEvent.drop(screen.getByTestId("column-OFFER"), { dataTransfer });
    expect(screen.getByRole("dialog", { name: "Move Analyst at Globex" })).toBeTruthy();
    expect((screen.getByLabelText("New status") as HTMLSelectElement).value).toBe("OFFER");
    fireEvent.click(screen.getByRole("button", { name: "Move" }));
    expect(operations[0].variables).toEqual({ id: "a2", status: "OFFER", note: null });
  });
});
