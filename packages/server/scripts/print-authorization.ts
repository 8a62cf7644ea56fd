/** Writes AUTHORIZATION.md from the matrix in src/schema/authorization.ts (a test checks it is current). */
import { writeFileSync } from 'node:fs';
import { authorizationMarkdown } from '../src/schema/authorization-doc.ts';

const path = new URL('../AUTHORIZATION.md', import.meta.url);
writeFileSync(path, authorizationMarkdown());
console.log(`wrote ${path.pathname}`);
