import {
  applyDecorators,
  Injectable,
  SetMetadata,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';
import { ResponseHeaders } from './openapi.decorators';

/** The address of what a write created, from its answer and the request's path parameters. */
type LocationOf = (
  answer: Readonly<Record<string, unknown>>,
  params: Readonly<Record<string, unknown>>,
) => string;

const LOCATION = 'stegvis:location';

/**
 * DESIGN §5: every created resource answers 201 (an accepted job 202) with `Location`. A write
 * that records a fact on a resource (a self-assessment on a participant, head counts on an
 * intervention) creates nothing with an address of its own: its Location is the resource the
 * fact is read on.
 */
export const Created = (locationOf: LocationOf, status: 201 | 202 = 201) =>
  applyDecorators(
    SetMetadata(LOCATION, locationOf),
    ResponseHeaders(status, {
      Location: {
        description: status === 201 ? 'Adressen där det sparade läses' : 'Jobbets status',
        schema: { type: 'string' },
      },
    }),
  );

/** Sends the Location of the route's @Created, the same for a first answer and a retried one. */
@Injectable()
export class CreatedLocationInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const locationOf = this.reflector.get<LocationOf | undefined>(LOCATION, context.getHandler());
    if (locationOf === undefined) return next.handle();
    const http = context.switchToHttp();
    const { params } = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    return next.handle().pipe(
      map((answer: unknown) => {
        const fields = typeof answer === 'object' && answer !== null ? answer : {};
        response.setHeader('Location', locationOf(fields as Record<string, unknown>, params));
        return answer;
      }),
    );
  }
}
