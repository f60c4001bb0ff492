import { Module } from '@nestjs/common';
import { ClvStatesController } from './clv-states.controller';

/** Customer analyses: the CLV score table by recency state (persona analyses and model-based CLV to come). */
@Module({ controllers: [ClvStatesController] })
export class AnalysesModule {}
