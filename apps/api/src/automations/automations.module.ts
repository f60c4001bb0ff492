import { Logger, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { FrequencyCap } from '@marea/domain/automations';
import { PgAutomationCatalogue } from '@marea/infra/persistence';
import { APP_CONFIG } from '../config/app-config.token';
import type { AppConfig } from '../config/app-config';
import { assembleAutomationEngine } from '@marea/infra/jobs';
import { AutomationEngineHost } from './automation-engine.host';
import { AutomationsController } from './automations.controller';

/** "3/7" → at most 3 per 7 days. */
function cap(setting: string | undefined): FrequencyCap | null {
  if (!setting) return null;
  const [max, days] = setting.split('/').map(Number);
  return { max, days };
}


/** Automations: the API, and this process's engine (several processes share the work). */
@Module({
  controllers: [AutomationsController],
  providers: [
    { provide: PgAutomationCatalogue, inject: [DataSource], useFactory: (db: DataSource) => new PgAutomationCatalogue(db) },
    {
      provide: AutomationEngineHost,
      inject: [DataSource, APP_CONFIG],
      useFactory: async (db: DataSource, config: AppConfig) => {
        const logger = new Logger('AutomationEngine');
        const assembled = await assembleAutomationEngine(db, {
          messaging: config,
          caps: { email: cap(config.EMAIL_FREQUENCY_CAP), sms: cap(config.SMS_FREQUENCY_CAP) },
          publicUrl: config.PUBLIC_URL,
          secret: config.MAREA_SECRET,
          onError: (error, where) => logger.error({ err: error, where }, 'automation engine error'),
        });
        return new AutomationEngineHost(assembled, config.AUTOMATION_ENGINE === 'on');
      },
    },
  ],
})
export class AutomationsModule {}
