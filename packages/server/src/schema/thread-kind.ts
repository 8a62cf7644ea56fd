import { THREAD_KINDS } from '../entities/index.ts';
import { builder } from './builder.ts';

export const ThreadKindEnum = builder.enumType('ThreadKind', { values: THREAD_KINDS });
