// The applications feature's operations: lists (board and table), one application, and its changes.
import { graphql } from "@/gql";

export const ApplicationsQuery = graphql(`
  query Applications($filter: ApplicationFilter, $first: Int, $after: String, $orderBy: ApplicationOrder) {
    applications(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          company
          position
          ...ApplicationCard
          ...ApplicationRow
        }
      }
    }
  }
`);

export const CreateApplicationMutation = graphql(`
  mutation CreateApplication($input: CreateApplicationInput!) {
    createApplication(input: $input) {
      id
      status
    }
  }
`);

export const UpdateApplicationMutation = graphql(`
  mutation UpdateApplication($id: ID!, $input: UpdateApplicationInput!) {
    updateApplication(id: $id, input: $input) {
      id
      ...ApplicationDetails
      ...ApplicationFormValues
    }
  }
`);

export const ChangeStatusMutation = graphql(`
  mutation ChangeApplicationStatus($id: ID!, $status: ApplicationStatus!, $note: String) {
    changeApplicationStatus(id: $id, status: $status, note: $note) {
      id
      status
      updatedAt
    }
  }
`);

export const DeleteApplicationMutation = graphql(`
  mutation DeleteApplication($id: ID!) {
    deleteApplication(id: $id)
  }
`);

/** Each application as it is after a change anywhere (another tab, device or the API): the cache writes it. */
export const ApplicationChangedSubscription = graphql(`
  subscription ApplicationChanged {
    applicationChanged {
      id
      status
      updatedAt
      ...ApplicationDetails
      ...ApplicationCard
      ...ApplicationRow
    }
  }
`);

/** Bulk changes from the table: each id's outcome (CHANGED, UNCHANGED, NOT_FOUND; DELETED) comes back. */
export const ChangeApplicationsStatusMutation = graphql(`
  mutation ChangeApplicationsStatus($ids: [ID!]!, $status: ApplicationStatus!, $note: String) {
    changeApplicationsStatus(ids: $ids, status: $status, note: $note) {
      id
      outcome
      application {
        id
        status
        updatedAt
      }
    }
  }
`);

export const DeleteApplicationsMutation = graphql(`
  mutation DeleteApplications($ids: [ID!]!) {
    deleteApplications(ids: $ids) {
      id
      outcome
    }
  }
`);

export const AddTimelineNoteMutation = graphql(`
  mutation AddTimelineNote($applicationId: ID!, $note: String!) {
    addTimelineNote(applicationId: $applicationId, note: $note) {
      id
      ...TimelineEntryItem
    }
  }
`);
