// Notifications: the unread count and live feed for the badge, the list, marking read, and the settings.
import { graphql } from "@/gql";

export const UnreadCountQuery = graphql(`
  query UnreadCount {
    me {
      id
      unreadNotificationCount
    }
  }
`);

export const NotificationReceivedSubscription = graphql(`
  subscription NotificationReceived {
    notificationReceived {
      id
      title
      readAt
    }
  }
`);

export const NotificationsQuery = graphql(`
  query Notifications($unreadOnly: Boolean!, $after: String) {
    notifications(unreadOnly: $unreadOnly, first: 20, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          title
          body
          createdAt
          readAt
          application {
            id
          }
          interview {
            id
          }
        }
      }
    }
  }
`);

export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`);

export const NotificationSettingsQuery = graphql(`
  query NotificationSettings {
    me {
      id
      notificationSettings {
        emailEnabled
        reminderLeadMinutes
      }
    }
  }
`);

export const UpdateNotificationSettingsMutation = graphql(`
  mutation UpdateNotificationSettings($input: UpdateNotificationSettingsInput!) {
    updateNotificationSettings(input: $input) {
      emailEnabled
      reminderLeadMinutes
    }
  }
`);
