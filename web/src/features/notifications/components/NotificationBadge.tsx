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
        <span aria-hidden="true">🔔</span>
        {unread ? <span className="bell-count" data-testid="unread-count">{unread}</span> : null}
      </NavLink>
      <span className="visually-hidden" role="status" aria-live="polite">
        {latest ? `New notification: ${latest.title}` : ""}
      </span>
    </>
  );
}
