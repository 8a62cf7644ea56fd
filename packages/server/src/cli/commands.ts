import { createReadStream, createWriteStream, existsSync, rmSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { badInput, notFound } from '../core/errors.ts';
import type { EventBus } from '../core/events.ts';
import { bindEm } from '../core/scope.ts';
import type { Em, Orm } from '../db/em.ts';
import {
  activeSsoKeys,
  createCommunity,
  findCommunityBySlug,
  retireSsoKey,
  rotateSsoKey,
  setAllowedOrigins,
} from '../services/communities.ts';
import { exportCommunity } from '../services/community-export/export.ts';
import { importCommunity } from '../services/community-export/import.ts';
import { DEMO_PASSWORD, seedDemo } from '../services/demo.ts';
import { recomputeRanking } from '../services/ranking/recompute.ts';
import { createStaff } from '../services/staff/sessions.ts';
import { progressBar } from './progress.ts';
import { readSecret } from './secret-input.ts';

type Values = Record<string, string | string[] | boolean | undefined>;

export interface Command {
  summary: string;
  usage: string;
  options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;
  required?: string[];
  run(input: { orm: Orm; events: EventBus; values: Values; applied: string[] }): Promise<unknown>;
}

const str = (values: Values, name: string): string | undefined => {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
};
const em = (orm: Orm) => orm.em.fork() as Em;

/** The community named by --slug (or --community), and an entity manager bound to it. */
async function byslug(orm: Orm, values: Values) {
  const slug = str(values, 'slug') ?? str(values, 'community') ?? '';
  const community = await findCommunityBySlug(em(orm), slug);
  if (!community) throw notFound(['error.noCommunity', { slug }]);
  return { community, scoped: bindEm(em(orm), community.id) };
}

/** The CLI's commands; each calls services, never GraphQL. */
export const COMMANDS: Record<string, Command> = {
  'community create': {
    summary: 'Create a community with its first SSO signing key.',
    usage: '--slug S --name N [--origin URL]...',
    options: { slug: { type: 'string' }, name: { type: 'string' }, origin: { type: 'string', multiple: true } },
    required: ['slug', 'name'],
    async run({ orm, values }) {
      const created = await createCommunity(em(orm), {
        slug: str(values, 'slug') ?? '',
        name: str(values, 'name') ?? '',
        origins: (values.origin as string[] | undefined) ?? [],
      });
      return {
        id: created.community.id,
        slug: created.community.slug,
        ssoSecret: created.ssoSecret,
        ssoKeyId: created.ssoKeyId,
      };
    },
  },
  'community set-origins': {
    summary: 'Set the origins allowed to embed a community (replaces the list; none to clear it).',
    usage: '--slug S [--origin URL]...',
    options: { slug: { type: 'string' }, origin: { type: 'string', multiple: true } },
    required: ['slug'],
    async run({ orm, values }) {
      const { community, scoped } = await byslug(orm, values);
      const updated = await setAllowedOrigins(
        scoped,
        community.id,
        (values.origin as string[] | undefined) ?? [],
        null,
      );
      return { slug: updated.slug, allowedOrigins: updated.allowedOrigins };
    },
  },
  'community rotate-sso-secret': {
    summary: 'Add a new SSO signing key; the old ones keep working until retired.',
    usage: '--slug S',
    options: { slug: { type: 'string' } },
    required: ['slug'],
    async run({ orm, values }) {
      const { community, scoped } = await byslug(orm, values);
      const key = await rotateSsoKey(scoped, community.id, null);
      const active = await activeSsoKeys(scoped);
      return { ssoKeyId: key.kid, ssoSecret: key.secret, activeKeyIds: active.map((k) => k.kid) };
    },
  },
  'community retire-sso-key': {
    summary: 'Retire an SSO signing key: tokens signed with it stop working.',
    usage: '--slug S --kid K',
    options: { slug: { type: 'string' }, kid: { type: 'string' } },
    required: ['slug', 'kid'],
    async run({ orm, values }) {
      const { community, scoped } = await byslug(orm, values);
      await retireSsoKey(scoped, community.id, str(values, 'kid') ?? '', null);
      return { activeKeyIds: (await activeSsoKeys(scoped)).map((k) => k.kid) };
    },
  },
  export: {
    summary:
      'Write a whole community to one versioned JSON file (progress on stderr). Keep it safe: it holds personal data and secrets.',
    usage: '--community S --out FILE',
    options: { community: { type: 'string' }, out: { type: 'string' } },
    required: ['community', 'out'],
    async run({ orm, values }) {
      const { community } = await byslug(orm, values);
      const file = str(values, 'out') ?? '';
      // A new file only (never over an earlier export), readable by its owner alone.
      const out = createWriteStream(file, { flags: 'wx', mode: 0o600 });
      await new Promise<void>((resolve, reject) => {
        out.once('open', () => resolve());
        out.once('error', (error: NodeJS.ErrnoException) =>
          reject(
            error.code === 'EEXIST'
              ? badInput({ forDevelopers: `${file} exists already; choose a new file.` }, 'out')
              : error,
          ),
        );
      });
      try {
        const result = await exportCommunity(em(orm), community.id, out, {
          onProgress: progressBar(`Exporting ${community.slug}`),
        });
        out.end();
        await finished(out);
        return { file, ...result };
      } catch (error) {
        // No half-written export is left to be mistaken for a whole one.
        out.destroy();
        rmSync(file, { force: true });
        throw error;
      }
    },
  },
  import: {
    summary: 'Read a community from an export file into this database, then recompute its ranking.',
    usage: '--file FILE',
    options: { file: { type: 'string' } },
    required: ['file'],
    async run({ orm, values }) {
      const file = str(values, 'file') ?? '';
      if (!existsSync(file)) throw badInput({ forDevelopers: `${file} does not exist.` }, 'file');
      const result = await importCommunity(em(orm), createReadStream(file), {
        onProgress: progressBar('Importing'),
      });
      const scoped = bindEm(em(orm), result.communityId);
      await recomputeRanking(scoped, result.communityId, { onProgress: progressBar('Recomputing the ranking') });
      return result;
    },
  },
  'ranking recompute': {
    summary: "Recompute a community's ranking from its whole activity log (progress on stderr).",
    usage: '--community S',
    options: { community: { type: 'string' } },
    required: ['community'],
    async run({ orm, values }) {
      const { community, scoped } = await byslug(orm, values);
      return recomputeRanking(scoped, community.id, { onProgress: progressBar('Recomputing the ranking') });
    },
  },
  'staff create': {
    summary: 'Create a staff account in a community.',
    usage:
      '--community S --email E --name N --role owner|manager|staff|agency [--title T] [--agency A] [--password-stdin] (asks for the password in a terminal)',
    options: {
      community: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      title: { type: 'string' },
      agency: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      // Still taken, for old scripts: it shows in process listings, so it is not in the usage.
      password: { type: 'string' },
    },
    required: ['community', 'email', 'name', 'role'],
    async run({ orm, values }) {
      const password =
        str(values, 'password') ??
        (await readSecret('Password for the new account: ', values['password-stdin'] === true));
      const { community, scoped } = await byslug(orm, values);
      const staff = await createStaff(
        scoped,
        community.id,
        {
          email: str(values, 'email') ?? '',
          name: str(values, 'name') ?? '',
          role: str(values, 'role') ?? '',
          title: str(values, 'title'),
          agencyName: str(values, 'agency'),
          password,
        },
        null,
      );
      return { id: staff.id };
    },
  },
  migrate: {
    summary: 'Apply pending database migrations.',
    usage: '',
    options: {},
    async run({ applied }) {
      return { applied };
    },
  },
  'seed-demo': {
    summary: `Create the "demo" community with staff (password "${DEMO_PASSWORD}"; random ones, printed once, when NODE_ENV=production), customers and threads.`,
    usage: '',
    options: {},
    async run({ orm, events }) {
      return seedDemo(em(orm), events, process.env.NODE_ENV === 'production' ? 'random' : 'published');
    },
  },
};
