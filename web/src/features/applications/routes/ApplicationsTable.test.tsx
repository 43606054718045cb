import { fireEvent, render, screen } from "@testing-library/react";
import { getOperationAST } from "graphql";
import { Route, Routes, useLocation } from "react-router";
import { describe, expect, it } from "vitest";
import { answeringClient, withClient } from "@/testing/client";
import ApplicationsTable from "./ApplicationsTable";

const row = (id: string) => ({
  __typename: "Application",
  id,
  company: `Company ${id}`,
  position: `Position ${id}`,
  location: null,
  status: "APPLIED",
  appliedAt: null,
  updatedAt: "2031-01-01T00:00:00Z",
  priority: null,
  deadline: null,
  tags: [],
});

function graph() {
  return answeringClient((request) => {
    if (getOperationAST(request.query)?.name?.value !== "Applications") return {};
    const after = request.variables?.after as string | null;
    return {
      data: {
        applications: {
          __typename: "ApplicationConnection",
          totalCount: 40,
          pageInfo: { __typename: "PageInfo", hasNextPage: !after, endCursor: after ? "c40" : "c20" },
          edges: [row(after ? "b" : "a")].map((node) => ({ __typename: "ApplicationEdge", cursor: `cursor-${node.id}`, node })),
        },
      },
    };
  });
}

function Address() {
  return <output aria-label="address">{useLocation().search}</output>;
}

const table = (
  <Routes>
    <Route
      path="/applications/table"
      element={
        <>
          <ApplicationsTable />
          <Address />
        </>
      }
    />
  </Routes>
);

const lastVariables = (operations: ReturnType<typeof graph>["operations"]) =>
  operations.filter((operation) => getOperationAST(operation.query)?.name?.value === "Applications").at(-1)?.variables as Record<string, unknown>;

describe("ApplicationsTable", () => {
  it("opens the view its address describes", () => {
    const { client, operations } = graph();
    render(withClient(client, table, "/applications/table?tags=python&minPriority=3&orderBy=DEADLINE"));
    const variables = lastVariables(operations);
    expect(variables.orderBy).toBe("DEADLINE");
    expect(variables.filter).toMatchObject({ tags: ["python"], minPriority: 3, status: null });
    expect((screen.getByLabelText("Order") as HTMLSelectElement).value).toBe("DEADLINE");
  });

  it("writes a change of view into the address and starts again at the first page with nothing selected", () => {
    const { client, operations } = graph();
    render(withClient(client, table, "/applications/table"));
    fireEvent.click(screen.getByRole("button", { name: "Next" }));
    expect(lastVariables(operations).after).toBe("c20");
    fireEvent.click(screen.getByLabelText("Select Position b at Company b"));
    expect(screen.getByText("1 selected")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Order"), { target: { value: "COMPANY" } });
    expect(screen.getByLabelText("address").textContent).toBe("?orderBy=COMPANY");
    expect(lastVariables(operations)).toMatchObject({ after: null, orderBy: "COMPANY" });
    expect(screen.queryByText("1 selected")).toBeNull();
    fireEvent.click(screen.getByLabelText("Offer"));
    expect(screen.getByLabelText("address").textContent).toBe("?status=OFFER&orderBy=COMPANY");
    expect(lastVariables(operations).filter).toMatchObject({ status: ["OFFER"] });
  });

  it("selects every row on the page at once", () => {
    const { client } = graph();
    render(withClient(client, table, "/applications/table"));
    fireEvent.click(screen.getByLabelText("Select all on this page"));
    expect(screen.getByText("1 selected")).toBeTruthy();
    expect((screen.getByLabelText("Select Position a at Company a") as HTMLInputElement).checked).toBe(true);
  });
});
