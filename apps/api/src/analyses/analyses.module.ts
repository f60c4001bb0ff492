import { Module } from '@nestjs/common';
import { ClvStatesController } from './clv-states.controller';
import { ClvModelModule } from './clv-model/clv-model.module';
import { PersonaAnalysesModule } from './personas/persona-analyses.module';

/** Customer analyses: the CLV score table by recency state (persona analyses and model-based CLV to come). */
@Module({ imports: [ClvModelModule, PersonaAnalysesModule], controllers: [ClvStatesController] })
export class AnalysesModule {}
