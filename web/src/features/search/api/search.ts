// The search screen's query: one page of hits (30, then the next by cursor) (any of four types) with highlights and per-type counts.
import { graphql } from "@/gql";

export const SearchQuery = graphql(`
  query Search($query: String!, $types: [SearchType!], $after: String) {
    search(query: $query, types: $types, first: 30, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      facets {
        type
        count
      }
      edges {
        cursor
        node {
          score
          highlights {
            field
            snippet
          }
          item {
            __typename
            ... on Application {
              id
              company
              position
              status
            }
            ... on Interview {
              id
              startsAt
              type
              application {
                id
                company
                position
              }
            }
            ... on Contact {
              id
              name
              contactCompany: company
              contactPosition: position
            }
            ... on User {
              id
              name
              headline
            }
          }
        }
      }
    }
  }
`);
