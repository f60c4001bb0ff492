import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, Res, UploadedFile, UseFilters, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ImportJob, ImportJobPage } from '@marea/contracts';
import { CsvImportError, CsvImportService } from '@marea/engine/csv-import';
import { ImportsErrorFilter } from './imports-error.filter';
import { Allow } from '../access/allow.decorator';

class ImportJobDto extends createZodDto(ImportJob) {}
class ImportJobPageDto extends createZodDto(ImportJobPage) {}

const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const JSON_FIELDS = ['mapping', 'defaults', 'format'] as const;

/** What multer's memory storage gives for the `file` field. */
interface UploadedCsv {
  originalname: string;
  buffer: Buffer;
}

@ApiTags('imports')
@Allow(['admin', 'marketer'])
@Controller('v1/imports')
@UseFilters(ImportsErrorFilter)
export class ImportsController {
  constructor(private readonly imports: CsvImportService) {}

  @Post()
  @HttpCode(202)
  @UseInterceptors(FileInterceptor('file'))
  @ApiOperation({
    summary: 'Upload a CSV file of customers, products or orders; it is imported in the background',
    description:
      'Answers 202 with the queued job; follow it at GET /api/v1/imports/{id}. Formats, column mapping and ' +
      'defaults are described in docs/csv-import.md. A file that cannot be read fails the job with the reason; ' +
      'bad rows are reported at GET /api/v1/imports/{id}/rejects and never stop the good ones. ' +
      'Files above CSV_UPLOAD_LIMIT_MB are refused with 413.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'entity'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'The CSV file (UTF-8 unless format.encoding says otherwise)' },
        entity: { type: 'string', enum: ['customers', 'products', 'orders'] },
        mapping: { type: 'string', description: 'JSON: file column → Marea field, null to ignore. {"InvoiceNo":"orderId"}' },
        defaults: { type: 'string', description: 'JSON: values for absent columns or empty cells. {"storeId":"uk-web","currency":"GBP"}' },
        format: {
          type: 'string',
          description: 'JSON: {"delimiter":"auto|,|;|\\t||","encoding":"utf-8|windows-1252|iso-8859-1","decimalSeparator":".|,","timezone":"UTC"}',
        },
      },
    },
  })
  @ApiAcceptedResponse({ type: ImportJobDto, description: 'The queued job; its URL is in the Location header' })
  async upload(
    @UploadedFile() file: UploadedCsv | undefined,
    @Body() body: Record<string, string | undefined>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ImportJob> {
    if (!file) throw new CsvImportError('INVALID_IMPORT_OPTIONS', 'Send the CSV file in the multipart field "file".');
    const options = Object.fromEntries(JSON_FIELDS.map((name) => [name, parseJsonField(name, body[name])]));
    const job = await this.imports.enqueue({
      entity: body['entity'],
      fileName: file.originalname,
      content: file.buffer,
      options,
    });
    response.location(`/api/v1/imports/${job.id}`);
    return job;
  }

  @Get()
  @ApiOperation({ summary: 'Imports, newest first' })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } })
  @ApiQuery({ name: 'offset', required: false, schema: { type: 'integer', minimum: 0, default: 0 } })
  @ApiOkResponse({ type: ImportJobPageDto })
  list(@Query() query: Record<string, string>): Promise<ImportJobPage> {
    const page = PageQuery.safeParse(query);
    if (!page.success) throw new CsvImportError('INVALID_IMPORT_OPTIONS', `limit and offset: ${page.error.issues[0].message}`);
    return this.imports.list(page.data.limit, page.data.offset);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An import: status (queued, running, completed, failed) and progress in rows' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ImportJobDto })
  get(@Param('id') id: string): Promise<ImportJob> {
    return this.imports.get(id);
  }

  @Get(':id/rejects')
  @ApiOperation({
    summary: 'The rows an import rejected, as a CSV file: row, column, message, original_row',
    description: 'Rows are numbered as a spreadsheet shows them (the header is row 1). A row may appear once per reason.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'text/csv attachment', schema: { type: 'string' } })
  @Header('Content-Type', 'text/csv; charset=utf-8')
  async rejects(@Param('id') id: string, @Res({ passthrough: true }) response: Response): Promise<string> {
    const csv = await this.imports.rejectsCsv(id);
    response.attachment(`import-${id}-rejects.csv`);
    return csv;
  }
}

function parseJsonField(name: string, value: string | undefined): unknown {
  if (value === undefined || value.trim() === '') return undefined;
  try {
    return JSON.parse(value);
  } catch {
    throw new CsvImportError('INVALID_IMPORT_OPTIONS', `The field "${name}" must be JSON, e.g. {"InvoiceNo": "orderId"}.`);
  }
}
