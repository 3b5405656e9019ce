// Runs once, on the first start of an empty data volume (the image's docker-entrypoint-initdb.d), as the root user.
// One user per application, allowed its own database only: a compromised service reads no other service's data,
// and none reads the gateway's (operators, API key hashes).
const users = {
  gateway: 'GATEWAY_DB_PASSWORD',
  catalog: 'CATALOG_DB_PASSWORD',
  booking: 'BOOKING_DB_PASSWORD',
  notification: 'NOTIFICATION_DB_PASSWORD',
  reporting: 'REPORTING_DB_PASSWORD',
};
for (const [name, variable] of Object.entries(users)) {
  const password = process.env[variable];
  if (!password || password.length < 16) {
    throw new Error(variable + ' must be set to at least 16 characters');
  }
  db.getSiblingDB(name).createUser({ user: name, pwd: password, roles: [{ role: 'readWrite', db: name }] });
}
