import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { pendingMigrations } from '@marea/infra/persistence';
import { Public } from '../access/allow.decorator';

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @HttpCode(200)
  @ApiOperation({ summary: 'Liveness and readiness: database reachable and every migration applied (503 otherwise)' })
  async health(@Res({ passthrough: true }) response: Response) {
    const started = Date.now();
    try {
      await this.dataSource.query('SELECT 1');
      const pending = await pendingMigrations(this.dataSource);
      const ok = pending.length === 0;
      if (!ok) response.status(503);
      return {
        status: ok ? 'ok' : 'degraded',
        database: { reachable: true, latencyMs: Date.now() - started },
        migrations: { applied: ok, pending },
      };
    } catch {
      response.status(503);
      return { status: 'down', database: { reachable: false }, migrations: { applied: false, pending: [] } };
    }
  }
}
