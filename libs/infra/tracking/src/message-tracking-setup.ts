import type { DataSource } from 'typeorm';
import { SignedMessageTracking } from './signed-message-tracking';
import { TrackingTokens } from './tracking-token';
import { trackingSecret } from './tracking-secret';

export interface TrackingSetup {
  readonly tokens: TrackingTokens;
  readonly tracking: SignedMessageTracking;
}

/** Everything that signs or checks tracking links, over one secret (MAREA_SECRET or the stored one). */
export async function setUpMessageTracking(
  dataSource: DataSource,
  options: { publicUrl: string; secret: string | undefined },
): Promise<TrackingSetup> {
  const tokens = new TrackingTokens(await trackingSecret(dataSource, options.secret));
  return { tokens, tracking: new SignedMessageTracking(tokens, options.publicUrl) };
}
