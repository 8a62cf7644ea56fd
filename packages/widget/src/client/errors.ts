import { problemOf as describe, type Problem } from '@rapport/shared/client/problem.ts';
import { networkError } from '../i18n/words.ts';
import type { RequestError } from './client.ts';

export type { Problem };

/** What to tell the person about a failed request, in the widget's words where the server has none. */
export const problemOf = (error: RequestError | undefined): Problem | undefined => describe(error, networkError());
