// The auth feature's public entry.
export { useSession } from "./api/useSession";
