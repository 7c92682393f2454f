/**
 * PostgreSQL 18 with pgvector in this process (PGlite), served over the Postgres wire protocol on
 * a loopback port, so the project's `pg` client code talks to it exactly as to a server. PGlite
 * is one session: good for the SQL, not for showing locks or concurrency (the tests start a real
 * server for those: test/helpers/pg-server.ts). Used by the tests and by `npm run bench`.
 */
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { freePort } from "../free-port.js";

export async function startPglite(): Promise<{ url: string; stop: () => Promise<void> }> {
  const db = await PGlite.create({ extensions: { vector } });
  const port = await freePort();
  const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections: 16 });
  await server.start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
