import type { AutomationEngineDependencies } from './automation-engine-dependencies';
import type { AbandonedCart } from './automation-store';
import { enterAutomation } from './automation-entry';
import type { TriggerSource } from './trigger-sources';

/** How far back past the threshold a scan looks: older carts are not worth a reminder any more. */
const LOOKBACK_MS = 7 * 86_400_000;
const BATCH = 500;

/** The run's context: the cart with its lines and total for templates, `cartId` for wait keys. */
export function abandonedCartContext(cart: AbandonedCart): Record<string, unknown> {
  const total = Math.round(cart.lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0) * 100) / 100;
  return {
    cartId: cart.externalId,
    cart: { id: cart.externalId, currency: cart.currency, total, updatedAt: cart.updatedAt.toISOString(), lines: cart.lines },
  };
}

/**
 * `cart-abandoned for N hours`: a scan, at most every `intervalMs`, of open carts last touched
 * more than N hours ago with no order from the customer since. Each cart version (its last
 * activity) is one occurrence, so a cart fires once, and again only after it was touched again
 * and abandoned again; the store leaves out versions already decided, so the scan needs no
 * cursor and a cart whose events arrived late is still found.
 */
export class CartAbandonmentTriggerSource implements TriggerSource {
  private nextScanAt = 0;

  constructor(
    private readonly deps: AutomationEngineDependencies,
    private readonly intervalMs: number,
  ) {}

  async poll(): Promise<number> {
    if (Date.now() < this.nextScanAt) return 0;
    this.nextScanAt = Date.now() + this.intervalMs;
    const now = (this.deps.clock ?? (() => new Date()))();
    let handled = 0;
    for (const automation of await this.deps.store.liveAutomations(['cart-abandoned'])) {
      const trigger = automation.definition.trigger;
      if (trigger.kind !== 'cart-abandoned') continue;
      const quietSince = new Date(now.getTime() - trigger.hours * 3_600_000);
      const notBefore = new Date(quietSince.getTime() - LOOKBACK_MS);
      for (;;) {
        const carts = await this.deps.store.abandonedCarts(automation.id, quietSince, notBefore, BATCH);
        for (const cart of carts) {
          await enterAutomation(this.deps, automation, cart.customerId, `cart:${cart.id}:${cart.version}`, abandonedCartContext(cart));
        }
        handled += carts.length;
        if (carts.length < BATCH) break;
      }
    }
    return handled;
  }
}
