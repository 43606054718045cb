// What other screens use from files.
export { ApplicationDocuments } from "./components/ApplicationDocuments";
export { ResumeCard } from "./components/ResumeCard";
export { UPLOAD_CONTEXT } from "./api/files";
