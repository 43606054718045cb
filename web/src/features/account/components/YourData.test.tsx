import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { getOperationAST, GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { CombinedError } from "urql";
import { readSession, writeSession } from "@/lib/session";
import { answeringClient, withClient } from "@/testing/client";
import { YourData } from "./YourData";

const ready = {
  __typename: "DataExport",
  id: "e1",
  status: "READY",
  createdAt: "2026-11-01T10:00:00Z",
  finishedAt: "2026-11-01T10:00:05Z",
  size: 20_480,
  missingParts: [],
  downloadUrl: "/files/exports/e1?signature=abc",
};
const pending = { ...ready, id: "e2", status: "PENDING", finishedAt: null, size: null, downloadUrl: null };

function graph(exports: object[]) {
  return answeringClient((request) => {
    const name = getOperationAST(request.query)?.name?.value;
    if (name === "MyDataExports") return { data: { myDataExports: exports } };
    if (name === "MyDataExport") return { data: { myDataExport: pending } };
    if (name === "ExportMyData") return { data: { exportMyData: pending } };
    const { password } = request.variables as { password: string };
    if (password !== "correct horse battery") {
      const wrong = new GraphQLError("the password is wrong", { extensions: { code: "UNAUTHENTICATED", field: "password" } });
      return { error: new CombinedError({ graphQLErrors: [wrong] }) };
    }
    return { data: { deleteMyAccount: true } };
  });
}

const named = (operations: { query: unknown }[], name: string) =>
  operations.filter((operation) => getOperationAST(operation.query as never)?.name?.value === name);

describe("YourData", () => {
  it("lists past exports with the download link of a ready one and asks for a new export", () => {
    const { client, operations } = graph([ready]);
    render(withClient(client, <YourData />));
    const row = screen.getByTestId("data-export-e1");
    expect(within(row).getByText("READY")).toBeTruthy();
    expect(within(row).getByRole("link", { name: "Download archive (20 KB)" }).getAttribute("href")).toBe(ready.downloadUrl);
    fireEvent.click(screen.getByRole("button", { name: "Export my data" }));
    expect(named(operations, "ExportMyData")).toHaveLength(1);
  });

  it("follows a pending export until it is done, and offers no second one meanwhile", () => {
    const { client, operations } = graph([pending]);
    render(withClient(client, <YourData />));
    expect(within(screen.getByTestId("data-export-e2")).getByText("PENDING")).toBeTruthy();
    expect(named(operations, "MyDataExport").map((operation) => (operation as { variables?: unknown }).variables)).toEqual([{ id: "e2" }]);
    expect((screen.getByRole("button", { name: "Export my data" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("deletes the account only with the right password, shows a wrong one at the field, then signs out", async () => {
    writeSession({ token: "t", refreshToken: "r", userId: "u1" });
    const { client } = graph([]);
    render(withClient(client, <YourData />, "/profile"));
    fireEvent.click(screen.getByRole("button", { name: "Delete my account…" }));
    const dialog = screen.getByRole("dialog", { name: "Delete your account?" });
    fireEvent.change(within(dialog).getByLabelText("Your password"), { target: { value: "guess" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Delete my account" }));
    expect((await within(dialog).findByRole("alert")).textContent).toBe("the password is wrong");
    expect(within(dialog).getByLabelText("Your password").getAttribute("aria-invalid")).toBe("true");
    expect(readSession()).not.toBeNull();
    fireEvent.change(within(dialog).getByLabelText("Your password"), { target: { value: "correct horse battery" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Delete my account" }));
    await waitFor(() => expect(readSession()).toBeNull());
  });
});
