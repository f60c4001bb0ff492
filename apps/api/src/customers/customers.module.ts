import { Module } from '@nestjs/common';
import { CustomerActivityHost } from './customer-activity.host';
import { CustomerLiveController } from './customer-live.controller';
import { CustomersController } from './customers.controller';

/** The customer 360: search, profile, edit, timeline and the live stream of a profile page. */
@Module({ controllers: [CustomersController, CustomerLiveController], providers: [CustomerActivityHost] })
export class CustomersModule {}
