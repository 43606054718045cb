// The analytics screen's one query: the analytics subgraph's numbers for the signed-in person.
import { graphql } from "@/gql";

export const AnalyticsQuery = graphql(`
  query Analytics($timeZone: String!, $from: DateTime, $to: DateTime) {
    me {
      id
      analytics(timeZone: $timeZone, from: $from, to: $to) {
        total
        responseRate
        medianDaysToResponse
        perMonth {
          month
          count
        }
        byStatus {
          status
          count
        }
        byPosition {
          category
          count
        }
        byLocation {
          category
          count
        }
        funnel {
          status
          count
          rate
        }
        averageDaysInStatus {
          status
          averageDays
        }
        weeklyActivity(weeks: 12) {
          weekStart
          count
        }
      }
    }
  }
`);
