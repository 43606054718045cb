// /people/:id — someone's profile, and whether you are interested in them (toggled optimistically).
import { useParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { Empty, ErrorNote, Loading } from "@/components/States";
import { AddInterestMutation, PersonQuery, RemoveInterestMutation } from "../api/people";
import { ProfileCard } from "../components/ProfileCard";

export default function Person() {
  const { id = "" } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: PersonQuery, variables: { id } });
  const [added, add] = useMutation(AddInterestMutation);
  const [removed, remove] = useMutation(RemoveInterestMutation);
  if (error && !data) return <ErrorNote error={error} />;
  if (!data) return fetching ? <Loading /> : null;
  if (!data.user) return <Empty>There is nobody with this id.</Empty>;
  const interested = data.me?.interestedIn.some((person) => person.id === id) ?? false;
  const isMe = data.me?.id === id;
  const failure = added.error ?? removed.error;
  return (
    <div className="page">
      <ProfileCard user={data.user}>
        {!isMe ? (
          <button
            type="button"
            className={interested ? "" : "primary"}
            aria-pressed={interested}
            onClick={() => (interested ? remove({ userId: id }) : add({ userId: id }))}
          >
            {interested ? "Interested ✓ (remove)" : "Mark as interested"}
          </button>
        ) : null}
        {failure ? <ErrorNote error={failure} /> : null}
      </ProfileCard>
    </div>
  );
}
