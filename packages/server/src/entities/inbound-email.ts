import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty } from './common.ts';
import { Community } from './community.ts';
import { Member } from './member.ts';
import { Reply } from './reply.ts';
import { Thread } from './thread.ts';

export const INBOUND_OUTCOMES = ['POSTED', 'REFUSED'] as const;
export type InboundOutcome = (typeof INBOUND_OUTCOMES)[number];

/**
 * An email a member sent in answer to a notification: kept by its Message-ID, so a message
 * delivered twice (mail servers retry) is posted once.
 */
const InboundEmailSchema = defineEntity({
  name: 'InboundEmail',
  uniques: [{ properties: ['community', 'messageId'] }],
  properties: {
    id: idProperty(),
    community: () => p.manyToOne(Community),
    messageId: p.string().length(250),
    member: () => p.manyToOne(Member),
    thread: () => p.manyToOne(Thread),
    outcome: p.enum(INBOUND_OUTCOMES),
    reply: () => p.manyToOne(Reply).nullable(),
    /** REFUSED: what the sender was told. */
    reason: p.string().length(500).nullable(),
    createdAt: createdAtProperty(),
  },
});

export class InboundEmail extends InboundEmailSchema.class {}
InboundEmailSchema.setClass(InboundEmail);
