import { Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { AutomationEngineDependencies } from '@marea/engine/automations';
import type { AssembledAutomationEngine } from '@marea/infra/jobs';

/**
 * This process's automation engine: trigger sources and step workers, started after boot when
 * enabled (AUTOMATION_ENGINE), stopped with the application. Its dependencies serve the API too
 * (previews, test sends, dead letters) whether or not it runs here.
 */
export class AutomationEngineHost implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('AutomationEngine');
  private running = false;

  constructor(
    private readonly assembled: AssembledAutomationEngine,
    private readonly enabled: boolean,
  ) {}

  get deps(): AutomationEngineDependencies {
    return this.assembled.deps;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    await this.assembled.engine.start();
    this.running = true;
    this.logger.log('automation engine started');
  }

  /** Cuts the trigger sources' rest short: an activated automation starts at once. */
  wake(): void {
    if (this.running) this.assembled.engine.wake();
  }

  async onModuleDestroy(): Promise<void> {
    await this.assembled.close();
    this.running = false;
  }
}
