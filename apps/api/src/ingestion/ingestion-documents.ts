import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  AccountSettings,
  ApiErrorBody,
  BatchResult,
  ConsentItem,
  CurrencyRateItem,
  CustomFieldItem,
  CustomerItem,
  EventItem,
  OrderItem,
  ProductItem,
  StoreItem,
} from '@marea/contracts';

// The OpenAPI descriptions of the ingestion routes, generated from the zod contracts. These
// classes only document: items are validated one by one by the ingestion service.
const batchOf = (item: z.ZodType) => z.object({ items: z.array(item) }).strict();

export class StoreBatchDto extends createZodDto(batchOf(StoreItem)) {}
export class CurrencyRateBatchDto extends createZodDto(batchOf(CurrencyRateItem)) {}
export class CustomFieldBatchDto extends createZodDto(batchOf(CustomFieldItem)) {}
export class CustomerBatchDto extends createZodDto(batchOf(CustomerItem)) {}
export class ProductBatchDto extends createZodDto(batchOf(ProductItem)) {}
export class OrderBatchDto extends createZodDto(batchOf(OrderItem)) {}
export class EventBatchDto extends createZodDto(batchOf(EventItem)) {}
export class ConsentBatchDto extends createZodDto(batchOf(ConsentItem)) {}
export class BatchResultDto extends createZodDto(BatchResult) {}
export class AccountSettingsDto extends createZodDto(AccountSettings) {}
export class ApiErrorDto extends createZodDto(ApiErrorBody) {}
