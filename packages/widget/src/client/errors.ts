import { problemOf as describe, type Problem } from '@rapport/shared/client/problem.ts';
import type { CombinedError } from '@urql/core';
import { networkError } from '../i18n/words.ts';

export type { Problem };

/** What to tell the person about a failed request, in the widget's words where the server has none. */
export const problemOf = (error: CombinedError | undefined): Problem | undefined => describe(error, networkError());
