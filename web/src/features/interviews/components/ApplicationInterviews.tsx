// The interviews of one application, in a request of their own: the interviews subgraph learns of a new
// application through an event, and until it has, asking for them in the page's query would null the whole
// application (the router's null propagation), so the details must not wait on them.
import { useQuery } from "urql";
import { graphql, getFragmentData } from "@/gql";
import { Empty, ErrorNote, Loading } from "@/components/States";
import { InterviewItem } from "./InterviewItem";

export const ApplicationInterviewsFragment = graphql(`
  fragment ApplicationInterviews on Application {
    id
    interviews(includeCancelled: true) {
      id
      ...InterviewItem
    }
  }
`);

const ApplicationInterviewsQuery = graphql(`
  query ApplicationInterviews($id: ID!) {
    application(id: $id) {
      id
      ...ApplicationInterviews
    }
  }
`);

export function ApplicationInterviews({ applicationId }: { applicationId: string }) {
  const [{ data, fetching, error }] = useQuery({ query: ApplicationInterviewsQuery, variables: { id: applicationId } });
  if (error && !data) return <ErrorNote error={error} />;
  if (!data) return fetching ? <Loading /> : null;
  const application = data.application ? getFragmentData(ApplicationInterviewsFragment, data.application) : null;
  const interviews = application?.interviews ?? [];
  return interviews.length ? (
    <ul className="rows">
      {interviews.map((interview) => (
        <InterviewItem key={interview.id} interview={interview} showApplication={false} />
      ))}
    </ul>
  ) : (
    <Empty>No interviews scheduled.</Empty>
  );
}
