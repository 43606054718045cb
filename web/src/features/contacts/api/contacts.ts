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

/** The contacts linked to one application, and linking or unlinking one of yours. */
export const ApplicationContactsQuery = graphql(`
  query ApplicationContacts($id: ID!) {
    application(id: $id) {
      id
      contacts {
        id
        name
        position
        company
      }
    }
  }
`);

export const LinkContactMutation = graphql(`
  mutation LinkContact($applicationId: ID!, $contactId: ID!) {
    linkContact(applicationId: $applicationId, contactId: $contactId) {
      id
      contacts {
        id
        name
        position
        company
      }
    }
  }
`);

export const UnlinkContactMutation = graphql(`
  mutation UnlinkContact($applicationId: ID!, $contactId: ID!) {
    unlinkContact(applicationId: $applicationId, contactId: $contactId) {
      id
      contacts {
        id
        name
        position
        company
      }
    }
  }
`);

/** The picker's choices: your contacts whose name, company or position has the text typed. */
export const ContactChoicesQuery = graphql(`
  query ContactChoices($search: String) {
    contacts(search: $search, first: 20) {
      totalCount
      edges {
        node {
          id
          name
          company
        }
      }
    }
  }
`);
