// Vitest set-up: Testing Library's DOM matchers are not used; only clean-up between tests.
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

afterEach(() => {
  cleanup();
  // Node-environment tests (a real HTTP server) have no localStorage.
  globalThis.localStorage?.clear();
});
