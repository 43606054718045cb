// /profile — your profile as others see it, the form to change it, your resume, and the people you are interested in.
import { Link } from "react-router";
import { useQuery } from "urql";
import { Empty, ErrorNote, Loading } from "@/components/States";
import { YourData } from "@/features/account";
import { ResumeCard } from "@/features/files";
import { MyProfileQuery } from "../api/people";
import { PersonLine } from "../components/PersonLine";
import { ProfileCard } from "../components/ProfileCard";
import { ProfileForm } from "../components/ProfileForm";

export default function MyProfile() {
  const [{ data, fetching, error }] = useQuery({ query: MyProfileQuery });
  if (error && !data) return <ErrorNote error={error} />;
  if (!data?.me) return fetching ? <Loading /> : null;
  const me = data.me;
  return (
    <div className="page">
      <ProfileCard user={me}>
        <p className="muted">
          {me.email}
          {me.phone ? ` · ${me.phone}` : ""}
        </p>
      </ProfileCard>
      <ProfileForm key={me.id} user={me} />
      <ResumeCard />
      <section className="card" aria-labelledby="settings-title">
        <h2 id="settings-title">Settings</h2>
        <ul className="rows">
          <li className="row">
            <Link to="/settings/api-tokens">Partner API tokens</Link>
            <span className="muted">Let a coach, job board or bootcamp read or change your search.</span>
          </li>
        </ul>
      </section>
      <YourData />
      <section className="card" aria-labelledby="interested-title">
        <h2 id="interested-title">Interested in</h2>
        {me.interestedIn.length ? (
          <ul className="rows">
            {me.interestedIn.map((person) => (
              <PersonLine key={person.id} person={person} />
            ))}
          </ul>
        ) : (
          <Empty>Nobody yet: find people and mark them as interesting.</Empty>
        )}
      </section>
    </div>
  );
}
