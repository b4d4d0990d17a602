// Where the database is, as the header shows it: a PostgreSQL server's host and database
// when several machines share one, nothing for this machine's own SQLite file.

/** `host:port/db` of a server URL (`postgres://user:***@host:port/db`), or null for a file. */
export function serverOf(location: string): string | null {
  const m = /^postgres(?:ql)?:\/\/(?:[^@/]*@)?([^/?]+)(\/[^?]*)?/.exec(location);
  if (!m) return null;
  return `${m[1]}${m[2] ?? ""}`;
}
