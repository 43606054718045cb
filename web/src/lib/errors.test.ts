import { CombinedError } from "urql";
import { describe, expect, it } from "vitest";
import { GraphQLError } from "graphql";
import { errorCode, fieldErrors, formError } from "./errors";

const badInput = (field: string, message: string) => new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", field } });

describe("fieldErrors", () => {
  it("keys BAD_USER_INPUT messages by the last segment of extensions.field", () => {
    const error = new CombinedError({ graphQLErrors: [badInput("input.jobUrl", "must be an http(s) URL"), badInput("password", "too short")] });
    expect(fieldErrors(error)).toEqual({ jobUrl: "must be an http(s) URL", password: "too short" });
  });

  it("keeps the first message when a field has several", () => {
    const error = new CombinedError({ graphQLErrors: [badInput("name", "first"), badInput("input.name", "second")] });
    expect(fieldErrors(error)).toEqual({ name: "first" });
  });

  it("ignores errors of other codes", () => {
    const error = new CombinedError({ graphQLErrors: [new GraphQLError("nope", { extensions: { code: "FORBIDDEN" } })] });
    expect(fieldErrors(error)).toEqual({});
  });
});

describe("formError", () => {
  it("is null when every error belongs to a field", () => {
    expect(formError(new CombinedError({ graphQLErrors: [badInput("email", "taken")] }))).toBeNull();
  });

  it("joins the messages not tied to a field", () => {
    const error = new CombinedError({
      graphQLErrors: [badInput("email", "taken"), new GraphQLError("Try again in 60 s", { extensions: { code: "RATE_LIMITED" } })],
    });
    expect(formError(error)).toBe("Try again in 60 s");
    expect(errorCode(error)).toBe("BAD_USER_INPUT");
  });

  it("says the server cannot be reached on a network error", () => {
    expect(formError(new CombinedError({ networkError: new Error("offline") }))).toMatch(/cannot be reached/);
  });
});
