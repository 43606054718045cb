// One contact, with the registered person it is linked to (by email), if any, and the applications it is linked to.
import { Link } from "react-router";
import { useMutation } from "urql";
import { graphql, getFragmentData, type FragmentType } from "@/gql";
import { DeleteContactMutation } from "../api/contacts";

export const ContactItemFragment = graphql(`
  fragment ContactItem on Contact {
    id
    name
    position
    company
    email
    phone
    notes
    links {
      label
      url
    }
    linkedUser {
      id
      name
      headline
    }
    applications {
      id
      position
      company
    }
  }
`);

export function ContactItem(props: { contact: FragmentType<typeof ContactItemFragment> }) {
  const contact = getFragmentData(ContactItemFragment, props.contact);
  const [result, remove] = useMutation(DeleteContactMutation);
  return (
    <li className="row contact">
      <div>
        <strong>{contact.name}</strong>
        {contact.position || contact.company ? (
          <span className="muted"> · {[contact.position, contact.company].filter(Boolean).join(" at ")}</span>
        ) : null}
        <div className="contact-lines">
          {contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : null}
          {contact.phone ? <a href={`tel:${contact.phone}`}>{contact.phone}</a> : null}
          {contact.links.map((link) => (
            <a key={link.url} href={link.url} target="_blank" rel="noreferrer noopener">
              {link.label}
            </a>
          ))}
        </div>
        {contact.linkedUser ? (
          <div>
            On jobgraph: <Link to={`/people/${contact.linkedUser.id}`}>{contact.linkedUser.name}</Link>
            {contact.linkedUser.headline ? <span className="muted"> · {contact.linkedUser.headline}</span> : null}
          </div>
        ) : null}
        {contact.applications?.length ? (
          <div>
            Linked to:{" "}
            {contact.applications.map((application, index) => (
              <span key={application.id}>
                {index ? ", " : ""}
                <Link to={`/applications/${application.id}`}>
                  {application.position} at {application.company}
                </Link>
              </span>
            ))}
          </div>
        ) : null}
        {contact.notes ? <p className="muted">{contact.notes}</p> : null}
      </div>
      <button type="button" className="small" disabled={result.fetching} onClick={() => remove({ id: contact.id })} aria-label={`Delete contact ${contact.name}`}>
        Delete
      </button>
    </li>
  );
}
