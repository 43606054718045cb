// The contacts feature's public entry: what app/ composes into screens.
export { ApplicationContacts } from "./components/ApplicationContacts";
