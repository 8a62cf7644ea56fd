import { AUTHORIZATION, ROLES } from './authorization.ts';

/** The matrix as the Markdown table in AUTHORIZATION.md. */
export function authorizationMarkdown(): string {
  const header = `| operation | ${ROLES.map((r) => r.toLowerCase()).join(' | ')} | notes |`;
  const rule = `|---|${ROLES.map(() => ':-:').join('|')}|---|`;
  const rows = Object.entries(AUTHORIZATION).map(
    ([operation, { allowed, note }]) =>
      `| \`${operation}\` | ${ROLES.map((r) => (allowed.includes(r) ? '✓' : '—')).join(' | ')} | ${note} |`,
  );
  return `# Authorization matrix

Who may call each GraphQL operation. Generated from \`src/schema/authorization.ts\`
(\`pnpm --filter @rapport/server authorization:print\`); \`src/schema/authorization.test.ts\` tries every
cell against the running server and fails when an operation of the schema is missing here.

Roles: **anonymous** (no credentials), **guest** (guest token), **customer** (the brand's SSO token),
and staff by role: **agency** (staff of an agency working for the brand), **staff**, **manager**,
**owner**. Everything happens inside one community: a token or session of one community never
reads or changes another's data (the ORM's tenant filter, \`src/db/tenant-filter.ts\`).

${header}
${rule}
${rows.join('\n')}
`;
}
