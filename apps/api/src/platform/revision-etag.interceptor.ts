import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';

/**
 * A stream revision in a body is also sent as `ETag: "<revision>"`, the value a client sends back
 * in `If-Match` to write only if nobody else has written since.
 */
@Injectable()
export class RevisionETagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((body: unknown) => {
        if (
          typeof body === 'object' &&
          body !== null &&
          'revision' in body &&
          typeof body.revision === 'number'
        ) {
          response.setHeader('ETag', `"${body.revision}"`);
        }
        return body;
      }),
    );
  }
}
