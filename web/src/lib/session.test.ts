import { describe, expect, it } from "vitest";
import { isExpiring, readSession, tokenExpiry, writeSession, onSessionChange } from "./session";

const jwt = (payload: object) => `h.${btoa(JSON.stringify(payload)).replace(/=+$/, "")}.s`;

describe("token expiry", () => {
  it("reads exp from the token's payload", () => {
    expect(tokenExpiry(jwt({ exp: 1_900_000_000 }))).toBe(1_900_000_000);
    expect(tokenExpiry("not a token")).toBeNull();
  });

  it("counts a token expiring within the margin as expiring, so it is refreshed before use", () => {
    const now = 1_900_000_000_000;
    expect(isExpiring(jwt({ exp: now / 1000 + 10 }), now)).toBe(true);
    expect(isExpiring(jwt({ exp: now / 1000 + 600 }), now)).toBe(false);
  });
});

describe("the stored session", () => {
  it("is written, announced and cleared", () => {
    const seen: unknown[] = [];
    const off = onSessionChange((session) => seen.push(session));
    writeSession({ token: "t", refreshToken: "r", userId: "u1" });
    expect(readSession()).toEqual({ token: "t", refreshToken: "r", userId: "u1" });
    writeSession(null);
    expect(readSession()).toBeNull();
    off();
    expect(seen).toEqual([{ token: "t", refreshToken: "r", userId: "u1" }, null]);
  });
});
