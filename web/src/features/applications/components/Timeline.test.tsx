import { fireEvent, render, screen, within } from "@testing-library/react";
import { GraphQLError } from "graphql";
import { CombinedError } from "urql";
import { describe, expect, it } from "vitest";
import { makeFragmentData } from "@/gql";
import type { TimelineEntryItemFragment as Entry } from "@/gql/graphql";
import { answeringClient, withClient } from "@/testing/client";
import { ApplicationTimelineFragment, Timeline, TimelineEntryItemFragment } from "./Timeline";

const blank = { status: null, previousStatus: null, note: null, changedFields: [], interviewStartsAt: null, previousStartsAt: null, fileName: null, contactName: null };
const entries = [
  { ...blank, id: "t1", at: "2031-01-01T09:00:00Z", kind: "CREATED", summary: "Created as Saved", status: "SAVED" },
  { ...blank, id: "t2", at: "2031-01-02T09:00:00Z", kind: "UPDATED", summary: "Changed priority, tags", changedFields: [{ field: "priority", old: null, new: "4" }] },
  { ...blank, id: "t3", at: "2031-01-03T09:00:00Z", kind: "STATUS_CHANGED", summary: "Saved → Applied", status: "APPLIED", previousStatus: "SAVED", note: "sent by mail" },
  { ...blank, id: "t4", at: "2031-01-04T09:00:00Z", kind: "INTERVIEW_RESCHEDULED", summary: "Interview moved", interviewStartsAt: "2031-01-10T09:00:00Z", previousStartsAt: "2031-01-09T09:00:00Z" },
  { ...blank, id: "t5", at: "2031-01-05T09:00:00Z", kind: "DOCUMENT_ATTACHED", summary: "Attached cv.pdf", fileName: "cv.pdf" },
  { ...blank, id: "t6", at: "2031-01-06T09:00:00Z", kind: "CONTACT_LINKED", summary: "Linked Ana Lima", contactName: "Ana Lima" },
];

const application = makeFragmentData(
  { id: "a1", timeline: (entries as unknown as Entry[]).map((entry) => makeFragmentData(entry, TimelineEntryItemFragment)) } as never,
  ApplicationTimelineFragment,
);

const kinds = () => within(screen.getByRole("list", { name: /^Timeline/ })).getAllByRole("listitem").filter((item) => item.dataset.kind).map((item) => item.dataset.kind);

describe("Timeline", () => {
  it("shows every kind with its summary and details, oldest first, and newest first on request", () => {
    const { client } = answeringClient(() => ({}));
    render(withClient(client, <Timeline application={application} />));
    expect(kinds()).toEqual(["CREATED", "UPDATED", "STATUS_CHANGED", "INTERVIEW_RESCHEDULED", "DOCUMENT_ATTACHED", "CONTACT_LINKED"]);
    expect(screen.getByText("Changed priority, tags")).toBeTruthy();
    expect(screen.getByText("priority").parentElement?.textContent).toBe("priority: — → 4");
    expect(screen.getByText("sent by mail")).toBeTruthy();
    expect(screen.getByText("Document: cv.pdf")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Ana Lima" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Newest first" }));
    expect(kinds()).toEqual(["CONTACT_LINKED", "DOCUMENT_ATTACHED", "INTERVIEW_RESCHEDULED", "STATUS_CHANGED", "UPDATED", "CREATED"]);
  });

  it("catches an empty note at the field without asking the graph, then adds a note", async () => {
    const { client, operations } = answeringClient(() => ({
      data: { addTimelineNote: { __typename: "TimelineEntry", ...blank, id: "t7", at: "2031-01-07T09:00:00Z", kind: "NOTE", summary: "Note", note: "call back" } },
    }));
    render(withClient(client, <Timeline application={application} />));
    fireEvent.click(screen.getByRole("button", { name: "Add note" }));
    expect(screen.getByRole("alert").textContent).toBe("Write a note first.");
    expect(operations).toHaveLength(0);
    fireEvent.change(screen.getByLabelText("Note"), { target: { value: " call back " } });
    fireEvent.click(screen.getByRole("button", { name: "Add note" }));
    await screen.findByRole("button", { name: "Add note" });
    expect(operations[0].variables).toEqual({ applicationId: "a1", note: "call back" });
    expect((screen.getByLabelText("Note") as HTMLTextAreaElement).value).toBe("");
  });

  it("shows the graph's BAD_USER_INPUT error at the note", async () => {
    const { client } = answeringClient(() => ({
      error: new CombinedError({ graphQLErrors: [new GraphQLError("must be at most 5000 characters", { extensions: { code: "BAD_USER_INPUT", field: "note" } })] }),
    }));
    render(withClient(client, <Timeline application={application} />));
    fireEvent.change(screen.getByLabelText("Note"), { target: { value: "x" } });
    fireEvent.click(screen.getByRole("button", { name: "Add note" }));
    expect((await screen.findByRole("alert")).textContent).toBe("must be at most 5000 characters");
  });
});
