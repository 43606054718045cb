import { fireEvent, render, screen } from "@testing-library/react";
import { GraphQLError } from "graphql";
import { CombinedError } from "urql";
import { describe, expect, it } from "vitest";
import { answeringClient, withClient } from "@/testing/client";
import { NotificationSettingsForm } from "./NotificationSettingsForm";

describe("NotificationSettingsForm", () => {
  it("sends the email choice and the chosen lead times in order", async () => {
    const { client, operations } = answeringClient(() => ({
      data: { updateNotificationSettings: { __typename: "NotificationSettings", emailEnabled: false, reminderLeadMinutes: [15, 60] } },
    }));
    render(withClient(client, <NotificationSettingsForm settings={{ emailEnabled: true, reminderLeadMinutes: [1440, 60] }} />));
    expect((screen.getByLabelText("1 day") as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByLabelText("Also send reminders and contact news by email"));
    fireEvent.click(screen.getByLabelText("1 day"));
    fireEvent.click(screen.getByLabelText("15 minutes"));
    fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
    expect(await screen.findByText("Saved.")).toBeTruthy();
    expect(operations[0].variables).toEqual({ input: { emailEnabled: false, reminderLeadMinutes: [15, 60] } });
  });

  it("keeps a lead time set elsewhere choosable and shows the graph's error for the lead times", async () => {
    const { client } = answeringClient(() => ({
      error: new CombinedError({
        graphQLErrors: [new GraphQLError("at most 5 lead times", { extensions: { code: "BAD_USER_INPUT", field: "input.reminderLeadMinutes" } })],
      }),
    }));
    render(withClient(client, <NotificationSettingsForm settings={{ emailEnabled: false, reminderLeadMinutes: [45] }} />));
    expect((screen.getByLabelText("45 minutes") as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
    expect((await screen.findByRole("alert")).textContent).toBe("at most 5 lead times");
    expect(screen.queryByText("Saved.")).toBeNull();
  });
});
