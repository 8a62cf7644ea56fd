/**
 * The floor the benchmarks compare with: graphql-yoga alone, the same version as the server's, on
 * Node's HTTP server, answering `{ __typename }` (no plugins, no database). Run as its own process
 * with the start script's Node options; it prints the same "listening on" line as the server.
 */
import { createServer } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';

const yoga = createYoga({
  schema: createSchema({ typeDefs: 'type Query { ok: Boolean }' }),
  logging: false,
  graphiql: false,
});
const server = createServer(yoga);
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(`listening on http://127.0.0.1:${port} (bare graphql-yoga)`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
