import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { answeringClient, withClient } from "@/testing/client";
import { ExportMenu } from "./ExportMenu";

describe("ExportMenu", () => {
  it("exports the table's filter in the format picked and offers the file to download", async () => {
    const { client, operations } = answeringClient(() => ({
      data: {
        exportApplications: {
          __typename: "ApplicationExport",
          url: "/files/exports/abc?signature=1",
          filename: "applications.xlsx",
          contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          rowCount: 2,
          expiresAt: "2031-01-01T10:00:00Z",
        },
      },
    }));
    render(withClient(client, <ExportMenu filter={{ tags: ["python"], minPriority: 3 }} />));
    fireEvent.click(screen.getByText("Export"));
    fireEvent.click(screen.getByRole("button", { name: "XLSX" }));
    const link = await screen.findByRole("link", { name: "Download applications.xlsx" });
    expect(link.getAttribute("href")).toBe("/files/exports/abc?signature=1");
    expect(link.hasAttribute("download")).toBe(true);
    expect(operations[0].variables).toEqual({ format: "XLSX", filter: { tags: ["python"], minPriority: 3 } });
    expect(screen.getByText(/2 applications/)).toBeTruthy();
  });
});
