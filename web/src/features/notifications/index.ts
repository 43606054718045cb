// What other features and the layout use from notifications.
export { NotificationBadge } from "./components/NotificationBadge";
