import { fireEvent, render, screen } from "@testing-library/react";
import { getOperationAST } from "graphql";
import { describe, expect, it } from "vitest";
import { answeringClient, withClient } from "@/testing/client";
import { ApplicationContacts } from "./ApplicationContacts";

const ana = { __typename: "Contact", id: "c1", name: "Ana Lima", position: "Recruiter", company: "Initech" };
const bo = { __typename: "Contact", id: "c2", name: "Bo Chen", position: null, company: "Globex" };

function graph() {
  return answeringClient((request) => {
    const name = getOperationAST(request.query)?.name?.value;
    if (name === "ApplicationContacts") return { data: { application: { __typename: "Application", id: "a1", contacts: [ana] } } };
    if (name === "ContactChoices")
      return { data: { contacts: { __typename: "ContactConnection", totalCount: 2, edges: [ana, bo].map((node) => ({ __typename: "ContactEdge", node })) } } };
    return { data: { [name === "LinkContact" ? "linkContact" : "unlinkContact"]: { __typename: "Application", id: "a1", contacts: [] } } };
  });
}

describe("ApplicationContacts", () => {
  it("lists the linked contacts and offers only the others to link", () => {
    const { client, operations } = graph();
    render(withClient(client, <ApplicationContacts applicationId="a1" />));
    expect(screen.getByRole("link", { name: "Ana Lima" })).toBeTruthy();
    const picker = screen.getByLabelText("Contact") as HTMLSelectElement;
    expect([...picker.options].map((option) => option.textContent)).toEqual(["Bo Chen (Globex)"]);
    fireEvent.click(screen.getByRole("button", { name: "Link contact" }));
    const link = operations.find((operation) => getOperationAST(operation.query)?.name?.value === "LinkContact");
    expect(link?.variables).toEqual({ applicationId: "a1", contactId: "c2" });
  });

  it("unlinks a contact", () => {
    const { client, operations } = graph();
    render(withClient(client, <ApplicationContacts applicationId="a1" />));
    fireEvent.click(screen.getByRole("button", { name: "Unlink Ana Lima" }));
    const unlink = operations.find((operation) => getOperationAST(operation.query)?.name?.value === "UnlinkContact");
    expect(unlink?.variables).toEqual({ applicationId: "a1", contactId: "c1" });
  });
});
