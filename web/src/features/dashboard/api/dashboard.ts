// The dashboard is one query, composed by the router from the users, applications and interviews subgraphs.
import { graphql } from "@/gql";

export const DashboardQuery = graphql(`
  query Dashboard {
    me {
      id
      name
      applicationCounts {
        ...CountsCard
      }
      recentApplications(first: 5) {
        id
        ...RecentApplication
      }
      upcomingInterviews(first: 5) {
        id
        ...UpcomingInterview
      }
    }
  }
`);
