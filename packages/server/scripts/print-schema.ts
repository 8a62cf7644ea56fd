/** Writes the GraphQL schema to packages/server/schema.graphql (a test checks it is current). */
import { writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { schema } from '../src/schema/index.ts';

const path = new URL('../schema.graphql', import.meta.url);
writeFileSync(path, `${printSchema(schema)}\n`);
console.log(`wrote ${path.pathname}`);
