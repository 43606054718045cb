// The interviews feature's operations: the filtered list (agenda and calendar), scheduling and cancelling.
import { graphql } from "@/gql";

export const InterviewsQuery = graphql(`
  query Interviews($filter: InterviewFilter, $first: Int, $after: String) {
    interviews(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          startsAt
          ...InterviewItem
        }
      }
    }
  }
`);

export const ScheduleInterviewMutation = graphql(`
  mutation ScheduleInterview($input: ScheduleInterviewInput!) {
    scheduleInterview(input: $input) {
      id
      ...InterviewItem
    }
  }
`);

export const CancelInterviewMutation = graphql(`
  mutation CancelInterview($id: ID!) {
    cancelInterview(id: $id) {
      id
      cancelled
      cancelledAt
    }
  }
`);
