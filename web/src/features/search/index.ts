// What the layout uses from search.
export { SearchBox } from "./components/SearchBox";
