// A person's public profile: headline, location, skills, links.
import { graphql, getFragmentData, type FragmentType } from "@/gql";

export const ProfileCardFragment = graphql(`
  fragment ProfileCard on User {
    id
    name
    headline
    location
    skills
    links {
      label
      url
    }
  }
`);

export function ProfileCard(props: { user: FragmentType<typeof ProfileCardFragment>; children?: React.ReactNode }) {
  const user = getFragmentData(ProfileCardFragment, props.user);
  return (
    <section className="card profile" aria-labelledby={`profile-${user.id}`}>
      <div className="avatar" aria-hidden="true">
        {user.name
          .split(/\s+/)
          .map((part) => part[0])
          .slice(0, 2)
          .join("")
          .toUpperCase()}
      </div>
      <div>
        <h1 id={`profile-${user.id}`}>{user.name}</h1>
        {user.headline ? <p>{user.headline}</p> : null}
        {user.location ? <p className="muted">{user.location}</p> : null}
        {user.skills.length ? (
          <ul className="skills" aria-label="Skills">
            {user.skills.map((skill) => (
              <li key={skill} className="tag">
                {skill}
              </li>
            ))}
          </ul>
        ) : null}
        {user.links.length ? (
          <ul className="links" aria-label="Links">
            {user.links.map((link) => (
              <li key={link.url}>
                <a href={link.url} target="_blank" rel="noreferrer noopener">
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
        {props.children}
      </div>
    </section>
  );
}
