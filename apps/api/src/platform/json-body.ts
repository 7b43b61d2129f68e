import express, { type RequestHandler } from 'express';
import { Problem } from './problem';

const parseJson = express.json({ limit: '100kb', strict: true });

/**
 * The API speaks JSON only. Parsing happens here rather than in Nest's default parsers so that
 * every parse failure becomes a precise problem (Nest would turn them into a generic 400), and
 * a form or text body is refused instead of being read as something else.
 */
export const jsonBody: RequestHandler = (req, res, next) => {
  const hasBody =
    req.headers['transfer-encoding'] !== undefined ||
    Number(req.headers['content-length'] ?? 0) > 0;
  if (hasBody && !req.is('application/json')) {
    next(
      new Problem(
        415,
        'unsupported_media_type',
        'Begärans innehåll ska vara JSON (Content-Type: application/json).',
      ),
    );
    return;
  }
  parseJson(req, res, (error?: unknown) =>
    next(error === undefined ? undefined : toProblem(error)),
  );
};

function toProblem(error: unknown): Problem {
  const type =
    typeof error === 'object' && error !== null && 'type' in error ? error.type : undefined;
  switch (type) {
    case 'entity.too.large':
      return new Problem(
        413,
        'payload_too_large',
        'Begärans innehåll är för stort (högst 100 kB).',
      );
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new Problem(
        415,
        'unsupported_encoding',
        'Begärans teckenkodning stöds inte; använd UTF-8.',
      );
    default:
      return new Problem(400, 'malformed_json', 'Begärans innehåll är inte giltig JSON.');
  }
}
