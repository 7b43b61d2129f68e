import { Controller, Delete, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { beginTotpEnrolment, SecretBox } from '@stegvis/credentials';
import {
  AcceptInvitationBody,
  ApiTokenId,
  ChangePasswordBody,
  CreateApiTokenBody,
  DisableTotpBody,
  DomainError,
  EnableTotpBody,
  liveApiTokens,
  roles,
  SetupBody,
  SignInBody,
  TOTP_ROLES,
} from '@stegvis/domain';
import { SESSION_STORE, type SessionStore } from '@stegvis/sessions';
import type { Request, Response } from 'express';
import type { Actor } from '../platform/actor';
import { CurrentActor, Public, Roles } from '../platform/auth.decorators';
import { Created } from '../platform/created-location';
import { Answer, NoContent, Problems, Summary } from '../platform/openapi.decorators';
import { ZodBody, ZodParam } from '../platform/zod-validation';
import {
  BrowserSessionAnswer,
  ApiTokenListAnswer,
  CreatedApiTokenAnswer,
  InvitationAcceptedAnswer,
  meOf,
  MeWithSessionAnswer,
  SessionAnswer,
  SetupStatusAnswer,
  TotpEnrolmentAnswer,
  type Me,
} from './account-answers';
import {
  AcceptInvitation,
  ChangePassword,
  CreateApiToken,
  DisableTotp,
  EnableTotp,
  RevokeApiToken,
  SetUpFirstAdmin,
  SignIn,
  type Origin,
  type SignedIn,
} from './account-commands';
import { AccountAuthenticator, type SessionRequest } from './account-authenticator';
import { ownAccount } from './credential.handlers';
import { FirstAdminSetup } from './first-admin-setup';
import { SameOriginOnly } from './same-origin.guard';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { TOTP_BOX } from './totp-box';
import { UserAccounts } from './user-accounts';

const everyone = roles;
const originOf = (request: Request): Origin => ({
  clientAddress: request.ip ?? request.socket.remoteAddress ?? 'unknown',
  now: new Date(),
});

/** Signing in and out, and what a signed-in user does with their own account (DESIGN §7). */
@ApiTags('Konto')
@ApiBearerAuth()
@Controller('v1/auth')
export class AuthController {
  constructor(
    private readonly commands: CommandBus,
    private readonly accounts: UserAccounts,
    private readonly setup: FirstAdminSetup,
    @Inject(SESSION_STORE) private readonly sessions: SessionStore,
    @Inject(TOTP_BOX) private readonly box: SecretBox,
    private readonly authenticator: AccountAuthenticator,
  ) {}

  @Post('login')
  @Public()
  @SameOriginOnly()
  @HttpCode(200)
  @Summary('Logga in med e-post och lösenord: en sessionscookie och en CSRF-token')
  @Answer(SessionAnswer, { description: 'Inloggad: sessionscookien är satt' })
  @Problems(401, 403, 429)
  async login(
    @ZodBody(SignInBody) body: SignInBody,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    return started(
      request,
      response,
      await this.commands.execute(new SignIn(body, originOf(request))),
    );
  }

  @Post('logout')
  @Roles(...everyone)
  @HttpCode(204)
  @Summary('Logga ut: sessionen upphör')
  @NoContent('Utloggad')
  async logout(@Req() request: SessionRequest, @Res({ passthrough: true }) response: Response) {
    if (request.session !== undefined) await this.sessions.revoke(request.session.id);
    clearSessionCookie(request, response);
  }

  @Get('me')
  @Roles(...everyone)
  @Summary('Vem som är inloggad')
  @Answer(MeWithSessionAnswer)
  async me(@CurrentActor() actor: Actor, @Req() request: SessionRequest): Promise<Me> {
    const user = await this.accounts.find(actor.sub);
    const csrfToken = request.session?.session.csrfToken;
    if (user !== undefined) return { ...meOf(user), ...(csrfToken ? { csrfToken } : {}) };
    // A service account's AUTH_SECRET JWT: no account behind it, only its claims.
    return {
      userId: actor.sub,
      email: null,
      name: actor.sub,
      role: actor.role,
      associationId: actor.associationId ?? null,
      interventionIds: [...actor.interventionIds],
      totp: false,
    };
  }

  @Get('session')
  @Public()
  @Summary('Om webbläsarens sessionscookie gäller (svarar 200 i båda fallen)')
  @Answer(BrowserSessionAnswer)
  async browserSession(@Req() request: SessionRequest) {
    const actor = await this.authenticator.fromSession(request).catch(() => undefined);
    const user = actor === undefined ? undefined : await this.accounts.find(actor.sub);
    const csrfToken = request.session?.session.csrfToken;
    if (user === undefined || csrfToken === undefined) return { signedIn: false };
    return { signedIn: true, csrfToken, user: meOf(user) };
  }

  @Post('invitations/accept')
  @Public()
  @SameOriginOnly()
  @HttpCode(200)
  @Summary('Ta emot en inbjudan (eller återställ lösenordet): välj lösenord')
  @Answer(InvitationAcceptedAnswer)
  @Problems(403, 422)
  async acceptInvitation(
    @ZodBody(AcceptInvitationBody) body: AcceptInvitationBody,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.commands.execute(new AcceptInvitation(body, originOf(request)));
    if (result.kind === 'second-factor') {
      return { signedIn: false, secondFactor: result.secondFactor };
    }
    return { signedIn: true, ...started(request, response, result) };
  }

  @Get('setup')
  @Public()
  @Summary('Om den första administratören kan skapas')
  @Answer(SetupStatusAnswer)
  async setupStatus() {
    return { available: await this.setup.available() };
  }

  @Post('setup')
  @Public()
  @SameOriginOnly()
  @HttpCode(200)
  @Summary('Skapa den första administratören med koden från startutskriften')
  @Answer(SessionAnswer, { description: 'Administratören finns och är inloggad' })
  @Problems(403, 422)
  async setUp(
    @ZodBody(SetupBody) body: SetupBody,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.commands.execute(new SetUpFirstAdmin(body, originOf(request)));
    return started(request, response, result);
  }

  @Post('password')
  @Roles(...everyone)
  @HttpCode(204)
  @Summary('Byt lösenord: andra sessioner avslutas')
  @NoContent('Lösenordet är bytt')
  @Problems(422)
  async changePassword(
    @ZodBody(ChangePasswordBody) body: ChangePasswordBody,
    @CurrentActor() actor: Actor,
    @Req() request: SessionRequest,
  ) {
    await this.commands.execute(new ChangePassword(body, actor, request.session?.id, new Date()));
  }

  @Post('tokens')
  @Roles(...everyone)
  @Summary('Skapa en personlig API-nyckel (visas en gång)')
  @Created((answer) => `/v1/auth/tokens/${String(answer.tokenId)}`)
  @Answer(CreatedApiTokenAnswer, { status: 201, description: 'Nyckeln, som inte visas igen' })
  @Problems(422)
  createToken(@ZodBody(CreateApiTokenBody) body: CreateApiTokenBody, @CurrentActor() actor: Actor) {
    return this.commands.execute(new CreateApiToken(body, actor, new Date()));
  }

  @Get('tokens')
  @Roles(...everyone)
  @Summary('Mina giltiga API-nycklar')
  @Answer(ApiTokenListAnswer)
  async listTokens(@CurrentActor() actor: Actor) {
    const { user } = await ownAccount(this.accounts, actor);
    const tokens = liveApiTokens(user, new Date().toISOString()).map(
      ({ tokenId, label, createdAt, expiresAt }) => ({ tokenId, label, createdAt, expiresAt }),
    );
    return { tokens };
  }

  @Delete('tokens/:tokenId')
  @Roles(...everyone)
  @HttpCode(204)
  @Summary('Återkalla en API-nyckel')
  @NoContent('Nyckeln gäller inte längre')
  async revokeToken(
    @ZodParam('tokenId', ApiTokenId) tokenId: string,
    @CurrentActor() actor: Actor,
  ) {
    await this.commands.execute(new RevokeApiToken(tokenId, actor, new Date()));
  }

  @Post('totp/enrolment')
  @Roles('chief', 'admin')
  @HttpCode(200)
  @Summary('Börja lägga till en autentiseringsapp (inget sparas än)')
  @Answer(TotpEnrolmentAnswer)
  @Problems(422)
  async beginTotp(@CurrentActor() actor: Actor) {
    const { user } = await ownAccount(this.accounts, actor);
    if (!TOTP_ROLES.has(user.role)) throw new DomainError('totp_not_for_role');
    if (user.totp !== undefined) throw new DomainError('totp_already_enabled');
    const { secret, uri, sealed } = beginTotpEnrolment(this.box, user.userId, user.email);
    return { secret, uri, totpSecret: sealed };
  }

  @Post('totp')
  @Roles('chief', 'admin')
  @HttpCode(204)
  @Summary('Slå på tvåstegsverifiering med appens första kod')
  @NoContent('Tvåstegsverifieringen är påslagen')
  @Problems(422)
  async enableTotp(@ZodBody(EnableTotpBody) body: EnableTotpBody, @CurrentActor() actor: Actor) {
    await this.commands.execute(new EnableTotp(body, actor, new Date()));
  }

  @Post('totp/disable')
  @Roles('chief', 'admin')
  @HttpCode(204)
  @Summary('Stäng av tvåstegsverifiering med en aktuell kod')
  @NoContent('Tvåstegsverifieringen är avstängd')
  @Problems(422)
  async disableTotp(@ZodBody(DisableTotpBody) body: DisableTotpBody, @CurrentActor() actor: Actor) {
    await this.commands.execute(new DisableTotp(body, actor, new Date()));
  }
}

/** Sets the session cookie; the answer carries the CSRF token and who signed in. */
function started(request: Request, response: Response, signedIn: SignedIn) {
  setSessionCookie(request, response, signedIn.sessionId);
  return { csrfToken: signedIn.csrfToken, user: signedIn.me };
}
