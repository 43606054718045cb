// The data rights feature's public entry: the "Your data" section the profile shows.
export { YourData } from "./components/YourData";
