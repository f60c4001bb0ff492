/**
 * One automation engine process for the crash test: the engine the API runs, over DATABASE_URL,
 * sending to SMTP_URL. It prints "engine ready" once working, and runs until killed.
 * Jobs a killed process held expire after EXPIRE_SECONDS and are retried by the survivors.
 */
import { DataSource } from 'typeorm';
import { assembleAutomationEngine } from '@marea/infra/jobs';

async function main(): Promise<void> {
  const url = process.env['DATABASE_URL'];
  const smtpUrl = process.env['SMTP_URL'];
  if (!url || !smtpUrl) throw new Error('DATABASE_URL and SMTP_URL are needed');
  const dataSource = new DataSource({ type: 'postgres', url, extra: { max: 12, application_name: 'marea-engine-crash-test' } });
  await dataSource.initialize();
  const assembled = await assembleAutomationEngine(dataSource, {
    messaging: { SMTP_URL: smtpUrl, MAIL_FROM: 'Tienda <news@shop.test>' },
    caps: { email: null, sms: null },
    publicUrl: 'https://shop.test',
    secret: 'a test secret that is long enough for signing',
    jobs: {
      concurrency: 16,
      // A killed process's jobs come back after this; a busy machine must not expire live ones.
      expireInSeconds: Number(process.env['EXPIRE_SECONDS'] ?? 15),
      maintenanceIntervalSeconds: 1,
      // Kills make jobs fail many times: a fixed short delay keeps the test short (back-off has its own test).
      retryDelaySeconds: 1,
      retryBackoff: false,
      retryLimit: 50,
      pollingIntervalSeconds: 0.5,
    },
    idleMs: 300,
    onError: (error, where) => console.error(`engine error in ${where}:`, error instanceof Error ? error.message : error),
  });
  await assembled.engine.start();
  console.log('engine ready');
  const stop = async () => {
    await assembled.close();
    await dataSource.destroy();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
