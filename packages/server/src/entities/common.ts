import { p } from '@mikro-orm/core';
import { newId } from './id.ts';

/** Primary key shared by every entity: a time-ordered UUID assigned in the application. */
export const idProperty = () =>
  p
    .uuid()
    .primary()
    .onCreate(() => newId());

/** Creation time, set once. */
export const createdAtProperty = () => p.datetime().onCreate(() => new Date());

/** Last modification time, kept by the unit of work. */
export const updatedAtProperty = () =>
  p
    .datetime()
    .onCreate(() => new Date())
    .onUpdate(() => new Date());
