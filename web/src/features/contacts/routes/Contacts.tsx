// /contacts — search by name, company or position (?q= starts one, as an application's linked contact does);
// paginated; add a contact.
import { useState } from "react";
import { useSearchParams } from "react-router";
import { useQuery } from "urql";
import { ConnectionView } from "@/components/ConnectionView";
import { usePages } from "@/components/Pager";
import { SearchField } from "@/components/SearchField";
import { ContactsQuery } from "../api/contacts";
import { ContactForm } from "../components/ContactForm";
import { ContactItem } from "../components/ContactItem";

export default function Contacts() {
  const [params] = useSearchParams();
  const [search, setSearch] = useState(params.get("q") ?? "");
  const pages = usePages();
  const [{ data, fetching, error }] = useQuery({
    query: ContactsQuery,
    variables: { search: search.trim() || null, first: 20, after: pages.after },
  });
  return (
    <div className="page">
      <h1>Contacts</h1>
      <details className="card">
        <summary>Add a contact</summary>
        <ContactForm />
      </details>
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <SearchField
          label="Search contacts"
          value={search}
          onChange={(value) => {
            pages.reset();
            setSearch(value);
          }}
        />
      </form>
      <ConnectionView
        connection={data?.contacts}
        fetching={fetching}
        error={error}
        label="contacts"
        pages={pages}
        empty={search ? "No contacts match." : "No contacts yet."}
      >
        {(connection) => (
          <ul className="rows card">
            {connection.edges.map((edge) => (
              <ContactItem key={edge.node.id} contact={edge.node} />
            ))}
          </ul>
        )}
      </ConnectionView>
    </div>
  );
}
