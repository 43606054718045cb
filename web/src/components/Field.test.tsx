import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { TextField } from "./Field";

describe("TextField", () => {
  it("labels its input", () => {
    render(<TextField label="Company" defaultValue="" />);
    expect(screen.getByLabelText("Company").tagName).toBe("INPUT");
  });

  it("shows the graph's error next to the field and ties it to the input", () => {
    render(<TextField label="Job link" error="must be an http(s) URL" defaultValue="ftp://x" />);
    const input = screen.getByLabelText("Job link");
    const error = screen.getByRole("alert");
    expect(error.textContent).toBe("must be an http(s) URL");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(input.getAttribute("aria-describedby")).toBe(error.id);
  });
});
