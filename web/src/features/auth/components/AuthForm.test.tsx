import { fireEvent, render, screen } from "@testing-library/react";
import { GraphQLError } from "graphql";
import { CombinedError } from "urql";
import { describe, expect, it } from "vitest";
import { readSession } from "@/lib/session";
import { answeringClient, withClient } from "@/testing/client";
import { AuthForm } from "./AuthForm";

describe("AuthForm", () => {
  it("shows the graph's BAD_USER_INPUT error under the field it names", async () => {
    const { client } = answeringClient(() => ({
      error: new CombinedError({
        graphQLErrors: [new GraphQLError("must be at least 8 characters", { extensions: { code: "BAD_USER_INPUT", field: "input.password" } })],
      }),
    }));
    render(withClient(client, <AuthForm mode="signup" />, "/signup"));
    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "Ada" } });
    fireEvent.change(screen.getByLabelText("Email"), { target: { value: "ada@example.com" } });
    fireEvent.change(screen.getByLabelText("Password"), { target: { value: "short" } });
    fireEvent.click(screen.getByRole("button", { name: "Sign up" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("must be at least 8 characters");
    expect(screen.getByLabelText("Password").getAttribute("aria-describedby")).toBe(alert.id);
    expect(readSession()).toBeNull();
  });

  it("stores the session on success", async () => {
    const { client, operations } = answeringClient(() => ({
      data: { login: { __typename: "AuthPayload", token: "t1", refreshToken: "r1", user: { __typename: "User", id: "u1", name: "Ada" } } },
    }));
    render(withClient(client, <AuthForm mode="signin" />, "/signin"));
    fireEvent.change(screen.getByLabelText("Email"), { target: { value: "ada@example.com" } });
    fireEvent.change(screen.getByLabelText("Password"), { target: { value: "correct horse" } });
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
    await screen.findByRole("button", { name: "Sign in" });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(operations[0].variables).toEqual({ input: { email: "ada@example.com", password: "correct horse" } });
    expect(readSession()).toEqual({ token: "t1", refreshToken: "r1", userId: "u1" });
  });
});
