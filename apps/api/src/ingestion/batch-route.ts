import { applyDecorators, HttpCode, Post, type Type } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { ApiErrorDto, BatchResultDto } from './ingestion-documents';

const COMMON =
  'Body `{ "items": [ … ] }`. Each item is validated on its own and keyed by its id: the answer reports every item as ' +
  'created, updated, unchanged (identical to what is stored: a batch sent twice is all unchanged) or rejected, with ' +
  'errors naming the place (`items[3].lines[1].quantity`). A rejected item never stops the others and nothing of it ' +
  'is stored. The answer comes after the batch is committed.';

/** A documented batch route: POST, 200 with a BatchResult, and the refusals every batch route shares. */
export function BatchRoute(path: string, summary: string, description: string, body: Type<unknown>): MethodDecorator {
  return applyDecorators(
    Post(path),
    HttpCode(200),
    ApiOperation({ summary, description: `${description}\n\n${COMMON}` }),
    ApiBody({ type: body }),
    ApiOkResponse({ type: BatchResultDto, description: 'The outcome of every item, in batch order' }),
    ApiResponse({ status: 400, type: ApiErrorDto, description: 'The body is not JSON, or not `{ "items": [ … ] }`' }),
    ApiResponse({ status: 413, type: ApiErrorDto, description: 'The body is over BODY_LIMIT or the batch over BATCH_LIMIT items' }),
  );
}
