import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { getOperationAST, GraphQLError } from "graphql";
import { CombinedError } from "urql";
import { describe, expect, it } from "vitest";
import { answeringClient, withClient } from "@/testing/client";
import ApiTokens from "./ApiTokens";

const carla = {
  __typename: "ApiToken",
  id: "t1",
  name: "Coach Carla",
  scopes: ["profile:read", "applications:read"],
  createdAt: "2026-11-01T10:00:00Z",
  expiresAt: "2031-06-30T00:00:00Z",
  lastUsedAt: null,
};
const SECRET = "jgp_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";

/** The graph: the token list, a create that refuses an empty name and no scopes, and revoke. */
function graph() {
  return answeringClient((request) => {
    const name = getOperationAST(request.query)?.name?.value;
    if (name === "ApiTokens") return { data: { apiTokens: [carla] } };
    if (name === "RevokeApiToken") return { data: { revokeApiToken: "t1" } };
    const input = (request.variables as { input: { name: string; scopes: string[] } }).input;
    if (!input.scopes.length) {
      const refused = new GraphQLError("grant at least one scope", { extensions: { code: "BAD_USER_INPUT", field: "input.scopes" } });
      return { error: new CombinedError({ graphQLErrors: [refused] }) };
    }
    return {
      data: {
        createApiToken: {
          __typename: "CreateApiTokenPayload",
          token: SECRET,
          apiToken: { ...carla, id: "t2", name: input.name, scopes: input.scopes },
        },
      },
    };
  });
}

const variablesOf = (operations: { query: unknown; variables?: unknown }[], name: string) =>
  operations.filter((operation) => getOperationAST(operation.query as never)?.name?.value === name).map((operation) => operation.variables);

describe("ApiTokens", () => {
  it("lists each token with its scopes, dates and use", () => {
    const { client } = graph();
    render(withClient(client, <ApiTokens />));
    const row = screen.getByTestId("api-token-t1");
    expect(within(row).getByText("Coach Carla")).toBeTruthy();
    expect(within(row).getByRole("list", { name: "Scopes of Coach Carla" }).textContent).toBe("profile:readapplications:read");
    expect(row.textContent).toContain("never used");
  });

  it("offers every scope with what it reaches and shows the graph's error at the scopes", async () => {
    const { client } = graph();
    render(withClient(client, <ApiTokens />));
    expect(screen.getAllByRole("checkbox")).toHaveLength(7);
    expect(screen.getByLabelText(/applications:write/).closest("label")?.textContent).toContain("Create, edit, move and delete applications");
    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "Board" } });
    fireEvent.click(screen.getByRole("button", { name: "Create token" }));
    expect((await screen.findByRole("alert")).textContent).toBe("grant at least one scope");
    expect(screen.getByRole("group", { name: "Scopes" }).getAttribute("aria-invalid")).toBe("true");
  });

  it("creates a token and shows its secret once, with a warning and a copy button", async () => {
    const { client, operations } = graph();
    render(withClient(client, <ApiTokens />));
    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "Job board" } });
    fireEvent.click(screen.getByLabelText(/^applications:read/));
    fireEvent.click(screen.getByLabelText(/^interviews:read/));
    fireEvent.change(screen.getByLabelText("Expires on"), { target: { value: "2031-03-10" } });
    fireEvent.click(screen.getByRole("button", { name: "Create token" }));
    const secret = (await screen.findByLabelText("Token secret")) as HTMLInputElement;
    expect(secret.value).toBe(SECRET);
    expect(screen.getByText(/only time it is shown/)).toBeTruthy();
    const [variables] = variablesOf(operations, "CreateApiToken") as { input: { name: string; scopes: string[]; expiresAt: string } }[];
    expect(variables.input.name).toBe("Job board");
    expect(variables.input.scopes).toEqual(["applications:read", "interviews:read"]);
    expect(new Date(variables.input.expiresAt).getDate()).toBe(10);
    expect((screen.getByLabelText("Name") as HTMLInputElement).value).toBe("");
    fireEvent.click(screen.getByRole("button", { name: "I have copied it" }));
    await waitFor(() => expect(screen.queryByLabelText("Token secret")).toBeNull());
  });

  it("revokes a token only after the confirmation", async () => {
    const { client, operations } = graph();
    render(withClient(client, <ApiTokens />));
    fireEvent.click(screen.getByRole("button", { name: "Revoke Coach Carla" }));
    expect(variablesOf(operations, "RevokeApiToken")).toEqual([]);
    const dialog = screen.getByRole("dialog", { name: "Revoke Coach Carla?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Revoke" }));
    await waitFor(() => expect(variablesOf(operations, "RevokeApiToken")).toEqual([{ id: "t1" }]));
  });
});
