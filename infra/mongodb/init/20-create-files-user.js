// Creates the files subgraph's own user and database (file metadata; the bytes are in MinIO).
// Runs once, like 10-create-contacts-user.js, with the password from the container environment.
const filesPassword = process.env.FILES_MONGO_PASSWORD;
if (!filesPassword) {
  throw new Error("FILES_MONGO_PASSWORD is not set");
}
db.getSiblingDB("files").createUser({
  user: "files",
  pwd: filesPassword,
  roles: [{ role: "readWrite", db: "files" }],
});
