// The people feature's operations: your profile, other people's, people search and "interested in".
import { graphql } from "@/gql";

export const MyProfileQuery = graphql(`
  query MyProfile {
    me {
      id
      email
      phone
      ...ProfileCard
      ...ProfileFormValues
      interestedIn {
        id
        ...PersonLine
      }
    }
  }
`);

export const PersonQuery = graphql(`
  query Person($id: ID!) {
    user(id: $id) {
      id
      ...ProfileCard
    }
    me {
      id
      interestedIn {
        id
        ...PersonLine
      }
    }
  }
`);

export const PeopleQuery = graphql(`
  query People($search: String!, $first: Int, $after: String) {
    users(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...PersonLine
        }
      }
    }
  }
`);

export const UpdateProfileMutation = graphql(`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      id
      email
      phone
      ...ProfileCard
      ...ProfileFormValues
    }
  }
`);

export const AddInterestMutation = graphql(`
  mutation AddInterest($userId: ID!) {
    addInterest(userId: $userId) {
      id
      interestedIn {
        id
      }
    }
  }
`);

export const RemoveInterestMutation = graphql(`
  mutation RemoveInterest($userId: ID!) {
    removeInterest(userId: $userId) {
      id
      interestedIn {
        id
      }
    }
  }
`);
