import type { UnsubscribeOutcome } from '@marea/infra/tracking';

/**
 * The pages a recipient sees behind the unsubscribe link. The first only asks: mail scanners
 * and link previews follow every GET, so only the button (a POST, like RFC 8058's one-click
 * request) unsubscribes. The form posts the same body a mail client's one-click request does.
 */
export function confirmationPage(): string {
  return page(
    'Unsubscribe from these emails?',
    `<p>You will no longer receive marketing emails from us.</p>
     <form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>`,
  );
}

const OUTCOMES: Record<UnsubscribeOutcome, [string, string]> = {
  unsubscribed: ['You are unsubscribed', 'You will no longer receive marketing emails from us.'],
  'already-unsubscribed': ['You are unsubscribed', 'You had already unsubscribed; nothing changed.'],
  'no-customer': ['Nothing to unsubscribe', 'We no longer hold this address, so it receives no emails from us.'],
};

export function outcomePage(outcome: UnsubscribeOutcome): string {
  const [title, text] = OUTCOMES[outcome];
  return page(title, `<p>${text}</p>`);
}

// Every text is a constant of this file: nothing from the request is written into the page.
function page(title: string, content: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1d2733;line-height:1.5}
button{font:inherit;padding:.6rem 1.4rem;border:0;border-radius:.4rem;background:#0b6e99;color:#fff;cursor:pointer}</style>
</head><body><h1>${title}</h1>${content}</body></html>`;
}
