import { fireEvent, render, screen, within } from "@testing-library/react";
import { GraphQLError } from "graphql";
import { CombinedError } from "urql";
import { describe, expect, it } from "vitest";
import { answeringClient, withClient } from "@/testing/client";
import ImportApplications from "./ImportApplications";

const report = (committed: boolean) => ({
  __typename: "ApplicationImport",
  committed,
  createdCount: 1,
  refusedCount: 1,
  ignoredColumns: ["colour"],
  columns: [
    { __typename: "ImportColumn", column: "Company", field: "company" },
    { __typename: "ImportColumn", column: "Role", field: "position" },
  ],
  rows: [
    { __typename: "ImportRow", row: 2, outcome: committed ? "CREATED" : "WOULD_CREATE", company: "Initech", position: "Data engineer", applicationId: committed ? "a9" : null, errors: [] },
    {
      __typename: "ImportRow",
      row: 3,
      outcome: "REFUSED",
      company: null,
      position: "Analyst",
      applicationId: null,
      errors: [{ __typename: "ImportRowError", field: "company", message: "must not be empty" }],
    },
  ],
});

const csv = new File(["Company,Role,colour\nInitech,Data engineer,red\n,Analyst,blue\n"], "jobs.csv", { type: "text/csv" });

describe("ImportApplications", () => {
  it("previews each row with its outcome and reasons, then imports and reports", async () => {
    const { client, operations } = answeringClient((request) => ({ data: { importApplications: report(Boolean(request.variables?.commit)) } }));
    render(withClient(client, <ImportApplications />));
    fireEvent.change(screen.getByLabelText(/CSV or XLSX file/), { target: { files: [csv] } });
    fireEvent.click(screen.getByRole("button", { name: "Preview" }));
    const preview = await screen.findByRole("region", { name: "Import preview" });
    expect(operations[0].variables).toEqual({ file: csv, commit: false });
    expect(within(preview).getByRole("status").textContent).toContain("1 row would be created, 1 would be refused");
    expect(within(preview).getByText("Columns ignored: colour")).toBeTruthy();
    const rows = within(preview).getAllByRole("row").slice(1);
    expect(rows.map((row) => row.getAttribute("data-outcome"))).toEqual(["WOULD_CREATE", "REFUSED"]);
    expect(within(rows[1]).getByText("company: must not be empty")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Import 1 application" }));
    const done = await screen.findByRole("region", { name: "Import report" });
    expect(operations[1].variables).toEqual({ file: csv, commit: true });
    expect(within(done).getByRole("link", { name: "Data engineer" }).getAttribute("href")).toBe("/applications/a9");
    expect(screen.queryByRole("button", { name: /^Import \d/ })).toBeNull();
  });

  it("shows the graph's error about the file at the file field", async () => {
    const { client } = answeringClient(() => ({
      error: new CombinedError({ graphQLErrors: [new GraphQLError("cannot read this file as CSV", { extensions: { code: "BAD_USER_INPUT", field: "file" } })] }),
    }));
    render(withClient(client, <ImportApplications />));
    fireEvent.change(screen.getByLabelText(/CSV or XLSX file/), { target: { files: [csv] } });
    fireEvent.click(screen.getByRole("button", { name: "Preview" }));
    expect((await screen.findByRole("alert")).textContent).toBe("cannot read this file as CSV");
    expect(screen.getByLabelText(/CSV or XLSX file/).getAttribute("aria-invalid")).toBe("true");
  });
});
