import { fireEvent, render, screen } from "@testing-library/react";
import { GraphQLError } from "graphql";
import { CombinedError } from "urql";
import { describe, expect, it, vi } from "vitest";
import { makeFragmentData } from "@/gql";
import { isoToLocalInput } from "@/lib/dates";
import { ApplicationForm, ApplicationFormValuesFragment, type ApplicationValues } from "./ApplicationForm";

const saved = makeFragmentData(
  {
    company: "Initech",
    position: "Data engineer",
    location: null,
    jobUrl: null,
    description: null,
    notes: null,
    salary: null,
    source: "REFERRAL",
    sourceDetail: "Ana",
    priority: 4,
    workMode: "HYBRID",
    employmentType: "CONTRACT",
    deadline: "2031-03-10T22:59:00Z",
    tags: ["python", "ml"],
  },
  ApplicationFormValuesFragment,
);

describe("ApplicationForm", () => {
  it("sends source, priority, work mode, employment type, the deadline's end of day and the tags typed", () => {
    const onSubmit = vi.fn<(values: ApplicationValues) => void>();
    render(<ApplicationForm submitLabel="Save" busy={false} onSubmit={onSubmit} />);
    const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
    type("Company", "Globex");
    type("Position", "Analyst");
    type("Source", "LINKEDIN");
    type("Source detail", "a recruiter's post");
    type("Priority", "5");
    type("Work mode", "REMOTE");
    type("Employment", "FULL_TIME");
    type("Deadline", "2031-04-01");
    type("Tags", " Remote, python ,, ml");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    const values = onSubmit.mock.calls[0][0];
    expect(values).toMatchObject({
      source: "LINKEDIN",
      sourceDetail: "a recruiter's post",
      priority: 5,
      workMode: "REMOTE",
      employmentType: "FULL_TIME",
      tags: ["Remote", "python", "ml"],
    });
    expect(isoToLocalInput(values.deadline ?? "")).toBe("2031-04-01T23:59");
  });

  it("starts from the application's values and clears what is set back to none", () => {
    const onSubmit = vi.fn<(values: ApplicationValues) => void>();
    render(<ApplicationForm initial={saved} submitLabel="Save" busy={false} onSubmit={onSubmit} />);
    expect((screen.getByLabelText("Tags") as HTMLInputElement).value).toBe("python, ml");
    expect((screen.getByLabelText("Priority") as HTMLSelectElement).value).toBe("4");
    expect((screen.getByLabelText("Deadline") as HTMLInputElement).value).toBe(isoToLocalInput("2031-03-10T22:59:00Z").slice(0, 10));
    fireEvent.change(screen.getByLabelText("Work mode"), { target: { value: "" } });
    fireEvent.change(screen.getByLabelText("Tags"), { target: { value: "" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(onSubmit.mock.calls[0][0]).toMatchObject({ source: "REFERRAL", workMode: null, employmentType: "CONTRACT", tags: [] });
  });

  it("shows the graph's BAD_USER_INPUT errors at the priority and tags fields", () => {
    const error = new CombinedError({
      graphQLErrors: [
        new GraphQLError("must be between 1 and 5", { extensions: { code: "BAD_USER_INPUT", field: "input.priority" } }),
        new GraphQLError("a tag must be at most 40 characters", { extensions: { code: "BAD_USER_INPUT", field: "input.tags" } }),
      ],
    });
    render(<ApplicationForm initial={saved} submitLabel="Save" busy={false} error={error} onSubmit={() => undefined} />);
    const priority = screen.getByLabelText("Priority");
    expect(document.getElementById(priority.getAttribute("aria-describedby") ?? "")?.textContent).toBe("must be between 1 and 5");
    const tags = screen.getByLabelText("Tags");
    expect(tags.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(tags.getAttribute("aria-describedby") ?? "")?.textContent).toBe("a tag must be at most 40 characters");
  });
});
