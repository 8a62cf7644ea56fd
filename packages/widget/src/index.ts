import { RapportCommunity } from './components/rapport-community.ts';
import { ThreadList } from './components/thread-list.ts';
import { VoteButton } from './components/vote-button.ts';
import { define } from './define.ts';

/**
 * What a page needs to show the community's list. Everything else (a thread's page, the post
 * form, the guest prompt, the roadmap, What's new, the account panel) is its own chunk, loaded
 * when first used (components/rapport-community.ts).
 */
define([
  ['rapport-vote', VoteButton],
  ['rapport-thread-list', ThreadList],
  ['rapport-community', RapportCommunity],
]);

export { RapportCommunity };
