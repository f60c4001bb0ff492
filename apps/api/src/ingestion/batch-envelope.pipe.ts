import { Inject, Injectable, PipeTransform } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { RequestRefusal } from '../http/request-refusal';

const SHAPE = 'The body must be a JSON object { "items": [ … ] } sent with Content-Type: application/json';

/**
 * Checks the envelope of a batch (`{ "items": [ … ] }`, nothing else) and its size, and hands
 * the items on unvalidated: each item is validated on its own by the ingestion service, so one
 * bad item never refuses the whole batch.
 */
@Injectable()
export class BatchEnvelopePipe implements PipeTransform<unknown, unknown[]> {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  transform(body: unknown): unknown[] {
    if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
      const got = body === undefined ? 'no JSON body' : Array.isArray(body) ? 'a list' : `${JSON.stringify(body)}`;
      throw new RequestRefusal(400, 'INVALID_BATCH', `${SHAPE}; got ${got}.`);
    }
    const unknown = Object.keys(body).filter((key) => key !== 'items');
    if (unknown.length) {
      throw new RequestRefusal(
        400,
        'INVALID_BATCH',
        `${SHAPE}; ${unknown.map((key) => `"${key}"`).join(', ')} ${unknown.length > 1 ? 'are not known fields' : 'is not a known field'}.`,
        unknown.map((key) => ({ field: key, message: 'is not a known field' })),
      );
    }
    const items = (body as { items?: unknown }).items;
    if (!Array.isArray(items)) {
      const message = items === undefined ? 'is required' : 'must be a list';
      throw new RequestRefusal(400, 'INVALID_BATCH', `${SHAPE}; "items" ${message}.`, [{ field: 'items', message }]);
    }
    if (items.length > this.config.BATCH_LIMIT) {
      throw new RequestRefusal(
        413,
        'BATCH_TOO_LARGE',
        `The batch has ${items.length} items; the limit is ${this.config.BATCH_LIMIT} per request (setting BATCH_LIMIT). ` +
          'Split it into several requests.',
      );
    }
    return items;
  }
}
