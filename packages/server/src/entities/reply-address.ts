import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty } from './common.ts';
import { Community } from './community.ts';
import { Member } from './member.ts';
import { Thread } from './thread.ts';

/**
 * The Reply-To address of a member's emails about a thread (`reply+<code>@<inbound domain>`): an
 * unguessable code the server keeps, standing for that member in that thread, so a reply by email
 * is posted as theirs there. It is what authorises the reply: a code nobody was sent is worthless.
 */
const ReplyAddressSchema = defineEntity({
  name: 'ReplyAddress',
  uniques: [{ properties: ['member', 'thread'] }],
  properties: {
    id: idProperty(),
    community: () => p.manyToOne(Community),
    member: () => p.manyToOne(Member),
    thread: () => p.manyToOne(Thread),
    /** 26 base32 characters: 130 random bits, short enough for an address's local part. */
    code: p.string().length(32).unique(),
    createdAt: createdAtProperty(),
  },
});

export class ReplyAddress extends ReplyAddressSchema.class {}
ReplyAddressSchema.setClass(ReplyAddress);
