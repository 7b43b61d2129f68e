import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { Public } from '../platform/auth.decorators';
import { Problem } from '../platform/problem';
import { ZodQueries } from '../platform/query-params';
import { Answer, Problems, SeeOther, Summary } from '../platform/openapi.decorators';
import { OIDC_COOKIE, OidcSignIn } from './oidc-sign-in';
import { behindHttps, cookieValue, setSessionCookie } from './session-cookie';

const OidcStatusAnswer = z.object({ enabled: z.boolean() });

/** What a provider sends back (RFC 6749 §4.1.2, RFC 9207 `iss`); openid-client checks them. */
const CallbackQuery = z.strictObject({
  code: z.string().max(2000).optional(),
  state: z.string().max(500).optional(),
  iss: z.string().max(500).optional(),
  session_state: z.string().max(500).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
  error_uri: z.string().max(2000).optional(),
});

const notConfigured = () =>
  new Problem(404, 'oidc_not_configured', 'Inloggning med organisationskonto är inte påslagen.');

/**
 * The flow's cookie: limited to these routes in development; behind https `__Host-` like the
 * session cookie (so no subdomain can plant its own flow and sign someone in as itself), which
 * the prefix allows only with Path=/.
 */
function flowCookie(request: Request): { name: string; path: string; secure: boolean } {
  return behindHttps(request)
    ? { name: `__Host-${OIDC_COOKIE}`, path: '/', secure: true }
    : { name: OIDC_COOKIE, path: '/v1/auth/oidc', secure: false };
}

/** Single sign-on (DESIGN §7): the browser is sent to the provider and comes back here. */
@ApiTags('Konto')
@Controller('v1/auth/oidc')
export class OidcController {
  constructor(private readonly oidc: OidcSignIn) {}

  @Get()
  @Public()
  @Summary('Om inloggning med organisationskonto är påslagen')
  @Answer(OidcStatusAnswer)
  status() {
    return { enabled: this.oidc.enabled };
  }

  @Get('start')
  @Public()
  @Summary('Skickar webbläsaren till identitetsleverantören')
  @SeeOther('Vidare till identitetsleverantörens inloggning')
  @Problems(404)
  async start(@Req() request: Request, @Res() response: Response) {
    if (!this.oidc.enabled) throw notConfigured();
    const { url, cookie } = await this.oidc.start(request);
    const { name, path, secure } = flowCookie(request);
    // Lax, not Strict: the provider's redirect back is a navigation from another site.
    response.cookie(name, cookie, {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path,
      maxAge: 10 * 60 * 1000,
    });
    response.redirect(303, url);
  }

  @Get('callback')
  @Public()
  @Summary('Tillbaka från identitetsleverantören: inloggad, eller till inloggningen')
  @SeeOther('Inloggad: vidare till startsidan, annars till /logga-in med orsaken')
  @Problems(404)
  async callback(
    @ZodQueries(CallbackQuery) _query: z.infer<typeof CallbackQuery>,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    if (!this.oidc.enabled) throw notConfigured();
    const { name, path, secure } = flowCookie(request);
    const result = await this.oidc.finish(request, cookieValue(request, name));
    response.clearCookie(name, { httpOnly: true, sameSite: 'lax', secure, path });
    if (typeof result === 'string') {
      response.redirect(
        303,
        `/logga-in?organisationskonto=${result === 'not_invited' ? 'ej-inbjuden' : 'misslyckades'}`,
      );
      return;
    }
    setSessionCookie(request, response, result.sessionId);
    // The sign-in page sees the new session and goes on to the role's start page.
    response.redirect(303, '/logga-in');
  }
}
