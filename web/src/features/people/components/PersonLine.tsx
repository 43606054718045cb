// A person in a list: name (to their profile) and headline.
import { Link } from "react-router";
import { graphql, getFragmentData, type FragmentType } from "@/gql";

export const PersonLineFragment = graphql(`
  fragment PersonLine on User {
    id
    name
    headline
    location
  }
`);

export function PersonLine(props: { person: FragmentType<typeof PersonLineFragment> }) {
  const person = getFragmentData(PersonLineFragment, props.person);
  return (
    <li className="row">
      <Link to={`/people/${person.id}`}>{person.name}</Link>
      <span className="muted">{[person.headline, person.location].filter(Boolean).join(" · ")}</span>
    </li>
  );
}
