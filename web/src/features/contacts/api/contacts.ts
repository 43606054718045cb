// The contacts feature's operations.
import { graphql } from "@/gql";

export const ContactsQuery = graphql(`
  query Contacts($search: String, $first: Int, $after: String) {
    contacts(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...ContactItem
        }
      }
    }
  }
`);

export const CreateContactMutation = graphql(`
  mutation CreateContact($input: CreateContactInput!) {
    createContact(input: $input) {
      id
      ...ContactItem
    }
  }
`);

export const DeleteContactMutation = graphql(`
  mutation DeleteContact($id: ID!) {
    deleteContact(id: $id)
  }
`);
