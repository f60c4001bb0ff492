import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';

/**
 * twilio-node's HTTP client, sending every request to another API base (TWILIO_API_URL: a
 * Twilio-compatible gateway, or the local fake in tests) instead of https://*.twilio.com. The
 * SDK builds absolute URLs per product domain, so rewriting the origin here is the one place
 * that covers them all; the path, auth and body stay the SDK's.
 */
export class RebasedTwilioRequestClient extends twilio.RequestClient {
  private readonly base: URL;

  constructor(apiBaseUrl: string, options: RequestClient.RequestClientOptions = {}) {
    super(options);
    this.base = new URL(apiBaseUrl);
  }

  override request<TData>(options: RequestClient.RequestOptions<TData>) {
    const target = new URL(options.uri);
    const rebased = new URL(target.pathname + target.search, this.base);
    return super.request<TData>({ ...options, uri: rebased.href });
  }
}
