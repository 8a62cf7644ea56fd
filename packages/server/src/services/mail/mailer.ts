import nodemailer from 'nodemailer';
import type { Poller } from '../../core/poller.ts';
import { startQueuePoller } from '../../core/work-queue.ts';
import type { Orm } from '../../db/em.ts';
import { createMailSender, type DeliveryResult, dispatchMail } from './outbox.ts';

export interface MailerOptions {
  orm: Orm;
  /** `SMTP_URL`, e.g. smtp://user:pass@mail.example:587 (nodemailer's connection URL). */
  smtpUrl: string;
  /** `MAIL_FROM`: the From address of every email. */
  from: string;
  /** Where unsubscribe links point (the server's public URL). */
  publicUrl: string;
  /** INBOUND_EMAIL_DOMAIN: emails about a thread can be answered by email there. */
  inboundDomain?: string;
  /** How often the outbox is looked at (`MAIL_INTERVAL_MS`). */
  intervalMs: number;
  onError(error: unknown): void;
  /** SMTP waits (TIMEOUTS by default; tests shorten them). */
  timeouts?: Partial<typeof TIMEOUTS>;
}

export type Mailer = Poller<DeliveryResult>;

/**
 * An SMTP server that stops answering must not hold the outbox: nodemailer waits up to ten
 * minutes on a silent socket by default. Each wait is bounded, and a send's claim is renewed
 * while it runs (core/work-queue.ts), so no other process sends the same email meanwhile.
 */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/**
 * The outbox's sender: every `intervalMs`, starts sending what is due, a few at a time over a pool
 * of SMTP connections. Any number of server processes may run one; a message is claimed before it
 * is sent, so only one sends it.
 */
export function startMailer(options: MailerOptions): Mailer {
  // `url` with other options: what the URL sets wins, the rest applies (nodemailer's createTransport).
  const transport = nodemailer.createTransport({
    url: options.smtpUrl,
    pool: true,
    maxConnections: 4,
    ...TIMEOUTS,
    ...options.timeouts,
  });
  const sender = createMailSender(
    { transport, from: options.from, publicUrl: options.publicUrl, inboundDomain: options.inboundDomain },
    options.onError,
  );
  const poller = startQueuePoller(
    () => dispatchMail(options.orm.em.fork(), sender),
    sender.lanes,
    sender.result,
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
