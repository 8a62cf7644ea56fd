import { dialectOfEm, type Em } from '../../db/em.ts';

/**
 * Re-reads a community's texts in its (new) language. PostgreSQL stems each text in the
 * community's language when it is written, and queries in the language of now: without this, a
 * change of language would leave the stored texts unfindable. SQLite's stemming is the same for
 * every language, so it has nothing to redo. Runs in the caller's transaction, after the change.
 */
export async function reindexInCommunityLanguage(em: Em, communityId: string): Promise<void> {
  if (dialectOfEm(em) !== 'postgresql') return;
  await em.flush();
  await em.execute(
    `update search_text set document = rapport_search_document(rapport_search_config(community_id), title, body)
     where community_id = ?`,
    [communityId],
  );
}
