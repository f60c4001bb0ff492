import MailComposer from 'nodemailer/lib/mail-composer';
import type { OutgoingEmail } from '@marea/engine/messaging';

/** An email as it goes on the wire: the RFC 5322 bytes and the headers they carry. */
export interface ComposedEmail {
  readonly raw: Buffer;
  /** The bare addresses for MAIL FROM and RCPT TO (the From header may carry a display name). */
  readonly envelope: { readonly from: string; readonly to: string[] };
  readonly headers: Record<string, string>;
}

/**
 * The MIME of an outgoing email: HTML and text alternatives, the engine's stable Message-ID,
 * and the RFC 8058 one-click unsubscribe pair when there is an unsubscribe URL (mailbox
 * providers require it of bulk senders; `List-Unsubscribe-Post` tells them a POST to the URL
 * unsubscribes without a confirmation page).
 */
export async function composeEmail(email: OutgoingEmail): Promise<ComposedEmail> {
  const unsubscribe: Record<string, string> = email.unsubscribeUrl
    ? { 'List-Unsubscribe': `<${email.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
    : {};
  const mime = new MailComposer({
    from: email.from,
    to: email.to,
    subject: email.subject,
    html: email.html,
    text: email.text,
    messageId: email.messageId,
    headers: unsubscribe,
  }).compile();
  const raw = await mime.build();
  const envelope = mime.getEnvelope();
  return { raw, envelope: { from: envelope.from || '', to: envelope.to }, headers: headersOf(raw) };
}

/** The header block of a composed message, unfolded, keys lower-case (as a reader looks them up). */
function headersOf(raw: Buffer): Record<string, string> {
  const text = raw.toString('utf8');
  const end = text.indexOf('\r\n\r\n');
  const block = (end === -1 ? text : text.slice(0, end)).replace(/\r\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}
