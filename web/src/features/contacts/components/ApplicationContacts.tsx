// The contacts linked to an application, with a picker over your contacts to link one and a button to unlink.
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useMutation, useQuery } from "urql";
import { FormError, SelectField } from "@/components/Field";
import { SearchField } from "@/components/SearchField";
import { Empty, ErrorNote, Loading } from "@/components/States";
import { fieldErrors, formError } from "@/lib/errors";
import { ApplicationContactsQuery, ContactChoicesQuery, LinkContactMutation, UnlinkContactMutation } from "../api/contacts";

function ContactPicker({ applicationId, linked }: { applicationId: string; linked: readonly string[] }) {
  const [search, setSearch] = useState("");
  const [contactId, setContactId] = useState("");
  const [{ data }] = useQuery({ query: ContactChoicesQuery, variables: { search: search.trim() || null } });
  const [result, link] = useMutation(LinkContactMutation);
  const choices = data?.contacts.edges.map((edge) => edge.node).filter((contact) => !linked.includes(contact.id)) ?? [];
  async function submit(event: FormEvent) {
    event.preventDefault();
    const chosen = contactId || choices[0]?.id;
    if (!chosen) return;
    const answer = await link({ applicationId, contactId: chosen });
    if (answer.data) setContactId("");
  }
  return (
    <form className="form" onSubmit={submit} aria-label="Link a contact">
      <div className="form-row">
        <SearchField label="Find a contact" value={search} onChange={setSearch} />
        <SelectField
          label="Contact"
          name="contactId"
          value={contactId || choices[0]?.id || ""}
          onChange={(event) => setContactId(event.target.value)}
          error={fieldErrors(result.error).contactId}
          options={
            choices.length
              ? choices.map((contact) => ({ value: contact.id, label: contact.company ? `${contact.name} (${contact.company})` : contact.name }))
              : [{ value: "", label: data ? "No contact to link" : "Loading…" }]
          }
        />
        <button type="submit" disabled={result.fetching || choices.length === 0}>
          Link contact
        </button>
      </div>
      <FormError message={formError(result.error)} />
    </form>
  );
}

export function ApplicationContacts({ applicationId }: { applicationId: string }) {
  const [{ data, fetching, error }] = useQuery({ query: ApplicationContactsQuery, variables: { id: applicationId } });
  const [unlinked, unlink] = useMutation(UnlinkContactMutation);
  const contacts = data?.application?.contacts;
  return (
    <section className="card" aria-labelledby="contacts-title">
      <h2 id="contacts-title">Contacts</h2>
      {error && !data ? <ErrorNote error={error} /> : null}
      {!data && fetching ? <Loading /> : null}
      {data && contacts === null ? <p className="muted">The linked contacts cannot be read right now.</p> : null}
      {contacts && contacts.length === 0 ? <Empty>No contact is linked to this application.</Empty> : null}
      {contacts?.length ? (
        <ul className="rows">
          {contacts.map((contact) => (
            <li key={contact.id} className="row">
              <span>
                <Link to={`/contacts?q=${encodeURIComponent(contact.name)}`}>{contact.name}</Link>
                {contact.position || contact.company ? (
                  <span className="muted"> · {[contact.position, contact.company].filter(Boolean).join(" at ")}</span>
                ) : null}
              </span>
              <button
                type="button"
                className="small"
                disabled={unlinked.fetching}
                onClick={() => unlink({ applicationId, contactId: contact.id })}
                aria-label={`Unlink ${contact.name}`}
              >
                Unlink
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {unlinked.error ? <ErrorNote error={unlinked.error} /> : null}
      {data?.application ? <ContactPicker applicationId={applicationId} linked={contacts?.map((contact) => contact.id) ?? []} /> : null}
    </section>
  );
}
