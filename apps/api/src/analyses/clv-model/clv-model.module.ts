import { Module } from '@nestjs/common';
import { CustomerRfmHistoryController } from '../rfm/customer-rfm-history.controller';
import { RfmTransitionsController } from '../rfm/rfm-transitions.controller';
import { ClvModelController } from './clv-model.controller';
import { ClvModelFits } from './clv-model-fits';

/** Model-based CLV (fits in the background), the RFM history and its transition table (docs/clv.md). */
@Module({
  controllers: [ClvModelController, RfmTransitionsController, CustomerRfmHistoryController],
  providers: [ClvModelFits],
})
export class ClvModelModule {}
