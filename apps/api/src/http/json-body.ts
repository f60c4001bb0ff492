import { json, type RequestHandler } from 'express';
import { RequestRefusal } from './request-refusal';

interface BodyParserError {
  type?: string;
  status?: number;
  message?: string;
  body?: string;
}

/** "at position 17" → "line 2, column 5", which is what a person looks for in an editor. */
function whereInBody(message: string, body: string | undefined): string {
  const position = /position (\d+)/.exec(message);
  if (!position || body === undefined) return '';
  const before = body.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return ` (line ${line}, column ${column})`;
}

function refusal(error: BodyParserError, limit: string): unknown {
  switch (error.type) {
    case 'entity.parse.failed': {
      const reason = (error.message ?? '').replace(/\s*\(line \d+ column \d+\)$/, '');
      return new RequestRefusal(
        400,
        'INVALID_JSON',
        `The request body is not valid JSON: ${reason}${whereInBody(reason, error.body)}.`,
      );
    }
    case 'entity.too.large':
      return new RequestRefusal(
        413,
        'PAYLOAD_TOO_LARGE',
        `The request body is larger than the limit of ${limit} (setting BODY_LIMIT); send fewer items per request.`,
      );
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new RequestRefusal(415, 'UNSUPPORTED_BODY', `The request body must be JSON encoded as UTF-8: ${error.message}.`);
    case 'request.aborted':
    case 'request.size.invalid':
      return new RequestRefusal(400, 'UNSUPPORTED_BODY', 'The request body ended before its announced length.');
    default:
      return error;
  }
}

/**
 * Parses JSON bodies up to `limit` and turns the parser's failures into refusals the exception
 * filter answers clearly (Nest would otherwise pass on the bare parser message). Top-level
 * values of any kind are accepted here so the envelope check can say what is expected.
 */
export function jsonBody(limit: string): RequestHandler {
  const parse = json({ limit, strict: false });
  return (request, response, next) => parse(request, response, (error?: unknown) => next(error ? refusal(error as BodyParserError, limit) : undefined));
}
