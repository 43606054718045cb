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
  query Notifications($unreadOnly: Boolean!) {
    notifications(unreadOnly: $unreadOnly, first: 50) {
      totalCount
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
