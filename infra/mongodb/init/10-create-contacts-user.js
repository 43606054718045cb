// Creates the contacts subgraph's own user and database (each subgraph owns its store: DESIGN.md "Stores").
// The mongo image runs this once, on an empty data directory, from /docker-entrypoint-initdb.d/, as the root
// user (MONGO_INITDB_ROOT_USERNAME). The password comes from the container environment, never from this file.
const password = process.env.CONTACTS_MONGO_PASSWORD;
if (!password) {
  throw new Error("CONTACTS_MONGO_PASSWORD is not set");
}
db.getSiblingDB("contacts").createUser({
  user: "contacts",
  pwd: password,
  roles: [{ role: "readWrite", db: "contacts" }],
});
