import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { documentAccess } from '../access/access-openapi';

/**
 * The OpenAPI document of every route, built from the controllers and the zod contracts they
 * declare: served as JSON at /api/openapi.json and as interactive docs at /api/docs.
 */
export function mountOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Marea API')
    .setDescription(
      'Marketing automation for e-commerce. Ingestion under /api/v1 is idempotent: every item is keyed by its ' +
        'external id, so sending a batch twice changes nothing. Each item is validated on its own: a bad item is ' +
        'reported with its index and field, and never aborts the good ones.',
    )
    .setVersion('1')
    .build();
  const document = cleanupOpenApiDoc(SwaggerModule.createDocument(app, config));
  documentAccess(app, document);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/openapi.json' });
}
