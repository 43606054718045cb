// /notifications — what happened (newest first), marking one or all read, and how to be notified.
import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { Pager, usePages } from "@/components/Pager";
import { Empty, ErrorNote, Loading } from "@/components/States";
import { MarkNotificationsReadMutation, NotificationSettingsQuery, NotificationsQuery } from "../api/notifications";
import { NotificationItem } from "../components/NotificationItem";
import { NotificationSettingsForm } from "../components/NotificationSettingsForm";

export default function Notifications() {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const pages = usePages();
  const [{ data, fetching, error }] = useQuery({ query: NotificationsQuery, variables: { unreadOnly, after: pages.after } });
  const [settings] = useQuery({ query: NotificationSettingsQuery });
  const [marked, mark] = useMutation(MarkNotificationsReadMutation);
  const items = data?.notifications.edges.map((edge) => edge.node) ?? [];
  const current = settings.data?.me?.notificationSettings;
  return (
    <div className="page">
      <h1>Notifications</h1>
      <section className="card" aria-labelledby="notifications-title">
        <div className="section-head">
          <h2 id="notifications-title">Latest</h2>
          <label className="check">
            <input type="checkbox" checked={unreadOnly} onChange={(event) => {
                setUnreadOnly(event.target.checked);
                pages.reset();
              }} /> Unread only
          </label>
          <button type="button" className="small" disabled={marked.fetching || !items.some((item) => !item.readAt)} onClick={() => mark({ ids: null })}>
            Mark all read
          </button>
        </div>
        {marked.error ? <ErrorNote error={marked.error} /> : null}
        {error && !data ? <ErrorNote error={error} /> : null}
        {!data && fetching ? <Loading /> : null}
        {data && !items.length ? <Empty>Nothing yet: interview reminders and status changes show here.</Empty> : null}
        {items.length ? (
          <ul className="rows" data-testid="notifications">
            {items.map((item) => (
              <NotificationItem key={item.id} item={item} busy={marked.fetching} onRead={() => mark({ ids: [item.id] })} />
            ))}
          </ul>
        ) : null}
        {data && items.length ? <Pager pageInfo={data.notifications.pageInfo} pages={pages} total={data.notifications.totalCount} label="notifications" /> : null}
      </section>
      <section className="card" aria-labelledby="settings-title">
        <h2 id="settings-title">Settings</h2>
        {current ? <NotificationSettingsForm settings={current} /> : settings.fetching ? <Loading /> : null}
      </section>
    </div>
  );
}
