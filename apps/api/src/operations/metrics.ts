import { Controller, Get, Injectable, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ProcessMetrics } from '@stegvis/operations';
import type { NextFunction, Request, Response } from 'express';
import { Histogram, type Registry } from 'prom-client';
import { Public } from '../platform/auth.decorators';

/** Requests that matched no route share one label value, so scanners cannot grow the series. */
const UNMATCHED_ROUTE = 'unmatched';
/**
 * Nest mounts middleware for every path as this Express route, so a request that matched no
 * controller route still carries it as `req.route`; a matched route replaces it.
 */
const MIDDLEWARE_ROUTE = '/{*path}';

/** Prometheus metrics of the API: the process's, reports', and every HTTP request's. */
@Injectable()
export class Metrics {
  readonly registry: Registry;
  /** DESIGN §6: one association's yearly report within 50 ms at p99. */
  readonly reportSeconds: Histogram<'source'>;
  /** Labelled by the route's template (`/v1/participants/:pid`), never by the URL with its ids. */
  readonly httpSeconds: Histogram<'method' | 'route' | 'status_code'>;

  constructor(process: ProcessMetrics) {
    this.registry = process.registry;
    this.reportSeconds = new Histogram({
      name: 'stegvis_report_seconds',
      help: 'Time to compute a report, by source (read models or as-of replay)',
      labelNames: ['source'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5, 30],
      registers: [this.registry],
    });
    this.httpSeconds = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Duration of HTTP requests, by method, route template and status code',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
  }

  /** Express middleware timing every request, observed once its answer is sent. */
  readonly timeRequests = (req: Request, res: Response, next: NextFunction): void => {
    const end = this.httpSeconds.startTimer();
    res.once('finish', () => {
      const route = (req.route as { path?: unknown } | undefined)?.path;
      const matched = typeof route === 'string' && route !== MIDDLEWARE_ROUTE;
      end({
        method: req.method,
        route: matched ? `${req.baseUrl}${route}` : UNMATCHED_ROUTE,
        status_code: String(res.statusCode),
      });
    });
    next();
  };
}

@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  async scrape(@Res({ passthrough: true }) response: Response): Promise<string> {
    response.setHeader('Content-Type', this.metrics.registry.contentType);
    return this.metrics.registry.metrics();
  }
}
