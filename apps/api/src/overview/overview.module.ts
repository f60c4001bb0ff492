import { Module } from '@nestjs/common';
import { OverviewController } from './overview.controller';

/** The read side of the Overview dashboard. */
@Module({ controllers: [OverviewController] })
export class OverviewModule {}
