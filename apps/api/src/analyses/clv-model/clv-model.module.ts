import { Module } from '@nestjs/common';
import { AnalysesRefresh } from '../refresh/analyses-refresh';
import { AnalysesRefreshController } from '../refresh/analyses-refresh.controller';
import { NightlyAnalysesRefresh } from '../refresh/nightly-analyses-refresh';
import { CustomerRfmHistoryController } from '../rfm/customer-rfm-history.controller';
import { RfmTransitionsController } from '../rfm/rfm-transitions.controller';
import { ClvModelController } from './clv-model.controller';
import { ClvModelFits } from './clv-model-fits';

/**
 * Model-based CLV (fits in the background), the RFM history and its transition table, and the
 * nightly analyses refresh that keeps them, the customer metrics and the persona assignments
 * current (docs/clv.md). The scheduler comes from ScheduleModule.forRoot(), global.
 */
@Module({
  controllers: [ClvModelController, RfmTransitionsController, CustomerRfmHistoryController, AnalysesRefreshController],
  providers: [ClvModelFits, AnalysesRefresh, NightlyAnalysesRefresh],
})
export class ClvModelModule {}
