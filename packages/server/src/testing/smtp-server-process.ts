/**
 * A real SMTP server in its own process, for tests (testing/smtp.ts starts it): accepts every
 * message on a free port of 127.0.0.1, prints the port, then each message as one JSON line
 * ({ from, to, raw }). Run as `node smtp-server-process.ts`. Set SMTP_REJECT=1 to refuse every
 * message with a temporary failure (a mail server that is down for a while), and SMTP_UNKNOWN to
 * a comma-separated list of addresses it refuses for good (550: no such mailbox, a hard bounce).
 */
import { SMTPServer } from 'smtp-server';

const reject = process.env.SMTP_REJECT === '1';
const unknown = new Set((process.env.SMTP_UNKNOWN ?? '').split(',').filter(Boolean));
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onRcptTo(address, _session, callback) {
    if (unknown.has(address.address)) {
      callback(Object.assign(new Error('No such user here'), { responseCode: 550 }));
      return;
    }
    callback();
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      if (reject) {
        const error = Object.assign(new Error('Try again later'), { responseCode: 451 });
        callback(error);
        return;
      }
      const message = {
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
        to: session.envelope.rcptTo.map((r) => r.address),
        raw: Buffer.concat(chunks).toString('utf8'),
      };
      process.stdout.write(`${JSON.stringify(message)}\n`);
      callback();
    });
  },
});
server.listen(0, '127.0.0.1', () => {
  const address = server.server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
