// The interviews of one application (asked for by the application page through this fragment).
import { graphql, getFragmentData, type FragmentType } from "@/gql";
import { Empty } from "@/components/States";
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

export function ApplicationInterviews(props: { application: FragmentType<typeof ApplicationInterviewsFragment> }) {
  const application = getFragmentData(ApplicationInterviewsFragment, props.application);
  return application.interviews.length ? (
    <ul className="rows">
      {application.interviews.map((interview) => (
        <InterviewItem key={interview.id} interview={interview} showApplication={false} />
      ))}
    </ul>
  ) : (
    <Empty>No interviews scheduled.</Empty>
  );
}
