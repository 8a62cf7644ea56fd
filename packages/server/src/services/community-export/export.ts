/**
 * The whole community as one JSON document, written as it is read so memory stays flat however
 * large the community is. Layout (one JSON value per line, so an importer can stream it too):
 *
 *   {"format":"rapport-community-export","version":1,"community":{…},"counts":{…},"rows":[
 *   ["SsoKey",{…}],
 *   …
 *   ["AuditLog",{…}]
 *   ]}
 *
 * Rows come table by table in `EXPORTED` order and by id within a table, so exporting the same
 * data twice gives the same bytes. Everything is read in one transaction (a snapshot on
 * PostgreSQL), so a reply is never exported without its thread.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { type EntityClass, IsolationLevel } from '@mikro-orm/core';
import { bindEm } from '../../core/scope.ts';
import { dialectOfEm, type Em } from '../../db/em.ts';
import { Community } from '../../entities/index.ts';
import { EXPORT_FORMAT, EXPORT_VERSION, EXPORTED, exportedProps, metadataOf, toJsonRow } from './tables.ts';

/** Rows read per query. */
const PAGE = 2000;

export interface ExportOptions {
  /** Called after each page with rows written so far and the total (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
}

export interface ExportResult {
  slug: string;
  /** Rows written per table. */
  counts: Record<string, number>;
}

/** Writes `text` and waits when the stream asks the writer to (a slow disk or pipe). */
async function put(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

export async function exportCommunity(
  em: Em,
  communityId: string,
  out: Writable,
  options: ExportOptions = {},
): Promise<ExportResult> {
  const scoped = bindEm(em, communityId);
  const isolation = dialectOfEm(em) === 'postgresql' ? { isolationLevel: IsolationLevel.REPEATABLE_READ } : {};
  return scoped.transactional(
    async (tx) => {
      const community = await tx.findOneOrFail(Community, { id: communityId });
      const counts: Record<string, number> = {};
      for (const entity of EXPORTED) counts[metadataOf(tx, entity).className] = await tx.count(entity, {});
      const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
      const communityRow = toJsonRow(exportedProps(metadataOf(tx, Community)), community as never);
      const header = { format: EXPORT_FORMAT, version: EXPORT_VERSION, community: communityRow, counts };
      await put(out, `${JSON.stringify(header).slice(0, -1)},"rows":[\n`);
      let done = 0;
      for (const entity of EXPORTED) {
        for await (const rows of pages(tx, entity)) {
          const lines = rows.map((row) => {
            done += 1;
            return `${JSON.stringify(row)}${done < total ? ',' : ''}\n`;
          });
          await put(out, lines.join(''));
          options.onProgress?.(done, total);
        }
      }
      await put(out, ']}\n');
      options.onProgress?.(done, total);
      return { slug: community.slug, counts };
    },
    { ...isolation, readOnly: true },
  );
}

/** One table's rows of the bound community, as `[table, row]` pairs, a page at a time, by id. */
async function* pages(em: Em, entity: EntityClass<object>): AsyncGenerator<[string, Record<string, unknown>][]> {
  const meta = metadataOf(em, entity);
  const props = exportedProps(meta);
  let after = '';
  for (;;) {
    const found = (await em.find(entity, after ? ({ id: { $gt: after } } as never) : {}, {
      orderBy: { id: 'asc' } as never,
      limit: PAGE,
    })) as Record<string, unknown>[];
    if (found.length === 0) return;
    yield found.map((row) => [meta.className, toJsonRow(props, row)]);
    after = found[found.length - 1]?.id as string;
    // Nothing read is kept: the next page starts with an empty identity map.
    em.clear();
    if (found.length < PAGE) return;
  }
}
