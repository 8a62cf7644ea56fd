import nodemailer from 'nodemailer';
import type { Orm } from '../../db/orm.ts';
import { type Poller, startPoller } from '../poller.ts';
import { type DeliveryResult, deliverDue } from './outbox.ts';

export interface MailerOptions {
  orm: Orm;
  /** `SMTP_URL`, e.g. smtp://user:pass@mail.example:587 (nodemailer's connection URL). */
  smtpUrl: string;
  /** `MAIL_FROM`: the From address of every email. */
  from: string;
  /** Where unsubscribe links point (the server's public URL). */
  publicUrl: string;
  /** How often the outbox is looked at (`MAIL_INTERVAL_MS`). */
  intervalMs: number;
  onError(error: unknown): void;
}

export type Mailer = Poller<DeliveryResult>;

/**
 * The outbox's sender: every `intervalMs`, sends what is due. Any number of server processes may
 * run one; a message is claimed before it is sent, so only one sends it.
 */
export function startMailer(options: MailerOptions): Mailer {
  const transport = nodemailer.createTransport(options.smtpUrl);
  const poller = startPoller(
    () => deliverDue(options.orm.em.fork(), { transport, from: options.from, publicUrl: options.publicUrl }),
    options.intervalMs,
    options.onError,
  );
  return {
    runOnce: poller.runOnce,
    async stop() {
      await poller.stop();
      transport.close();
    },
  };
}
