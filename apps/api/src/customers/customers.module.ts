import { Module } from '@nestjs/common';
import { CustomerActivityHost } from './customer-activity.host';
import { CustomerLiveController } from './customer-live.controller';
import { CustomerMergeController } from './customer-merge.controller';
import { CustomerPrivacyController } from './customer-privacy.controller';
import { CustomersController } from './customers.controller';

/** The customer 360: search, profile, edit, timeline, the live stream of a profile page, merging duplicates, exporting a customer's data. */
@Module({ controllers: [CustomersController, CustomerLiveController, CustomerMergeController, CustomerPrivacyController], providers: [CustomerActivityHost] })
export class CustomersModule {}
