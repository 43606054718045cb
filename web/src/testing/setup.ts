// Vitest set-up: Testing Library's DOM matchers are not used; only clean-up between tests.
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

afterEach(() => {
  cleanup();
  localStorage.clear();
});
