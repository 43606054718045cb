// The layout's bell: the unread count, kept current by the notificationReceived subscription.
import { NavLink } from "react-router";
import { useQuery, useSubscription } from "urql";
import { NotificationReceivedSubscription, UnreadCountQuery } from "../api/notifications";

export function NotificationBadge() {
  const [{ data }] = useQuery({ query: UnreadCountQuery });
  // The cache's update for this subscription drops the count and the lists, so they are fetched again.
  const [live] = useSubscription({ query: NotificationReceivedSubscription });
  const unread = data?.me?.unreadNotificationCount ?? 0;
  const latest = live.data?.notificationReceived;
  return (
    <>
      <NavLink to="/notifications" className="bell" aria-label={`Notifications, ${unread} unread`} data-testid="notification-badge">
        {/* Drawn, not an emoji: the machine may have no emoji font. */}
        <svg className="bell-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z" fill="currentColor" />
        </svg>
        {unread ? <span className="bell-count" data-testid="unread-count">{unread}</span> : null}
      </NavLink>
      <span className="visually-hidden" role="status" aria-live="polite">
        {latest ? `New notification: ${latest.title}` : ""}
      </span>
    </>
  );
}
