import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../platform/auth.decorators';
import { Problem } from '../platform/problem';
import { AcceptsAnyQuery } from '../platform/query-params';
import { ASSET_NAMES, SECURITY_HEADERS, loadAsset } from './dashboard-assets';

const ALLOWED = new Set(ASSET_NAMES);

/**
 * The dashboard for the styrelse and the förbundschef (DESIGN §5, `GET /`): a static page that
 * asks for a token and reads the report API with it. The page and its files are public; the
 * data is not.
 */
@ApiExcludeController()
@Public()
@AcceptsAnyQuery()
@Controller()
export class DashboardController {
  @Get()
  page(@Req() request: Request, @Res() response: Response): void {
    send('index.html', request, response);
  }

  @Get('assets/:file')
  asset(@Param('file') file: string, @Req() request: Request, @Res() response: Response): void {
    if (!ALLOWED.has(file)) throw notFound();
    send(file, request, response);
  }
}

function send(name: string, request: Request, response: Response): void {
  const asset = loadAsset(name);
  if (!asset) {
    if (name === 'index.html') {
      throw new Problem(
        503,
        'dashboard_unavailable',
        'Instrumentpanelens filer saknas i den här installationen.',
      );
    }
    throw notFound();
  }
  response.set(SECURITY_HEADERS);
  response.set('ETag', asset.etag);
  if (request.headers['if-none-match'] === asset.etag) {
    response.status(304).end();
    return;
  }
  response.status(200).type(asset.type).send(asset.body);
}

const notFound = () => new Problem(404, 'not_found', 'Filen finns inte.');
