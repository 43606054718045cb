// /contacts — search by name, company or position; paginated; add a contact.
import { useState } from "react";
import { useQuery } from "urql";
import { Pager, usePages } from "@/components/Pager";
import { Empty, ErrorNote, Loading } from "@/components/States";
import { ContactsQuery } from "../api/contacts";
import { ContactForm } from "../components/ContactForm";
import { ContactItem } from "../components/ContactItem";

export default function Contacts() {
  const [search, setSearch] = useState("");
  const pages = usePages();
  const [{ data, fetching, error }] = useQuery({
    query: ContactsQuery,
    variables: { search: search.trim() || null, first: 20, after: pages.after },
  });
  const connection = data?.contacts;
  return (
    <div className="page">
      <h1>Contacts</h1>
      <details className="card">
        <summary>Add a contact</summary>
        <ContactForm />
      </details>
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="contact-search">Search contacts</label>
          <input
            id="contact-search"
            type="search"
            value={search}
            onChange={(event) => {
              pages.reset();
              setSearch(event.target.value);
            }}
          />
        </div>
      </form>
      {error && !data ? <ErrorNote error={error} /> : null}
      {!connection ? (
        fetching ? <Loading /> : null
      ) : connection.totalCount === 0 ? (
        <Empty>{search ? "No contacts match." : "No contacts yet."}</Empty>
      ) : (
        <>
          <ul className="rows card">
            {connection.edges.map((edge) => (
              <ContactItem key={edge.node.id} contact={edge.node} />
            ))}
          </ul>
          <Pager pageInfo={connection.pageInfo} pages={pages} total={connection.totalCount} label="contacts" />
        </>
      )}
    </div>
  );
}
