// One notification: what happened, when, a link to what it is about, and "Mark read" while unread.
import { Link } from "react-router";
import { formatDateTime } from "@/lib/dates";

export interface NotificationView {
  id: string;
  title: string;
  body: string;
  createdAt: string;
  readAt?: string | null;
  application?: { id: string } | null;
}

export function NotificationItem({ item, onRead, busy }: { item: NotificationView; onRead: () => void; busy: boolean }) {
  return (
    <li className={item.readAt ? "notification" : "notification notification--unread"} data-testid={`notification-${item.id}`}>
      <div>
        <strong>{item.title}</strong>
        <p>{item.body}</p>
        <p className="muted">
          <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
          {item.application ? (
            <>
              {" · "}
              <Link to={`/applications/${item.application.id}`}>Open the application</Link>
            </>
          ) : null}
        </p>
      </div>
      {item.readAt ? null : (
        <button type="button" className="small" disabled={busy} onClick={onRead} aria-label={`Mark read: ${item.title}`}>
          Mark read
        </button>
      )}
    </li>
  );
}
