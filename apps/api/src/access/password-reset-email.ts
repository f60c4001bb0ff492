/** What the email with a reset link says; transactional, so it carries no unsubscribe link. */
export interface PasswordResetEmail {
  subject: string;
  text: string;
  html: string;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);

export function passwordResetEmail(name: string, link: string, validMinutes: number): PasswordResetEmail {
  const lines = [
    `Hello ${name},`,
    '',
    'Someone (we hope you) asked to reset the password of your Marea account. Choose a new one here:',
    '',
    link,
    '',
    `The link works once, for ${validMinutes} minutes. Setting a new password signs you out everywhere.`,
    'If you did not ask for it, ignore this email: your password stays as it is.',
  ];
  const html =
    `<p>Hello ${escapeHtml(name)},</p>` +
    '<p>Someone (we hope you) asked to reset the password of your Marea account.</p>' +
    `<p><a href="${escapeHtml(link)}">Choose a new password</a></p>` +
    `<p>The link works once, for ${validMinutes} minutes. Setting a new password signs you out everywhere.<br>` +
    'If you did not ask for it, ignore this email: your password stays as it is.</p>';
  return { subject: 'Reset your Marea password', text: lines.join('\n'), html };
}
