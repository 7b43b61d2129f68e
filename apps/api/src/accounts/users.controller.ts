import { Controller, Get, HttpCode, Patch, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  AssociationId,
  ChangeUserBody,
  DomainError,
  InviteUserBody,
  UserId,
} from '@stegvis/domain';
import type { Request } from 'express';
import type { Actor } from '../platform/actor';
import { CurrentActor, Roles } from '../platform/auth.decorators';
import { Created } from '../platform/created-location';
import { forbidden } from '../platform/problem';
import { Answer, NoContent, Problems, Summary } from '../platform/openapi.decorators';
import { ZodBody, ZodParam } from '../platform/zod-validation';
import {
  AuditAnswer,
  InvitationAnswer,
  InvitedAnswer,
  UserAnswer,
  userAnswerOf,
  UserListAnswer,
} from './account-answers';
import { ChangeUser, InviteUser, ReissueInvitation } from './account-commands';
import { auditOf } from './audit';
import { UserAccounts } from './user-accounts';

/** The chief's own association; an admin may look at (and manage the chiefs of) any. */
function ensureManagesAssociation(actor: Actor, associationId: string): void {
  if (actor.role === 'admin') return;
  if (actor.role !== 'chief' || actor.associationId !== associationId) throw forbidden();
}

/**
 * The link to pass on: the web app's `/inbjudan?kod=…` on the address the inviter used. A proxy
 * that ends TLS says so in X-Forwarded-Proto.
 */
function invitationUrl(request: Request, code: string): string {
  const proto = request.headers['x-forwarded-proto'] === 'https' ? 'https' : request.protocol;
  return `${proto}://${request.get('host') ?? 'localhost'}/inbjudan?kod=${code}`;
}

/** People of an association: invitations, roles, deactivation, and what they did (DESIGN §7). */
@ApiTags('Användare')
@ApiBearerAuth()
@Controller('v1')
export class UsersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly accounts: UserAccounts,
  ) {}

  @Post('associations/:aid/users')
  @Roles('chief', 'admin')
  @Summary('Bjud in en användare: svaret har länken att lämna vidare')
  @Created(
    (answer, params) => `/v1/associations/${String(params.aid)}/users/${String(answer.userId)}`,
  )
  @Answer(InvitedAnswer, { status: 201, description: 'Inbjuden' })
  @Problems(409, 422)
  async invite(
    @ZodParam('aid', AssociationId) aid: string,
    @ZodBody(InviteUserBody) body: InviteUserBody,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
  ) {
    ensureManagesAssociation(actor, aid);
    const { userId, code } = await this.commands.execute(
      new InviteUser(aid, body, actor, new Date()),
    );
    return { userId, invitationUrl: invitationUrl(request, code) };
  }

  @Get('associations/:aid/users')
  @Roles('chief', 'admin')
  @Summary('Förbundets användare')
  @Answer(UserListAnswer)
  async list(@ZodParam('aid', AssociationId) aid: string, @CurrentActor() actor: Actor) {
    ensureManagesAssociation(actor, aid);
    return { users: (await this.accounts.directory(aid)).map(userAnswerOf) };
  }

  @Get('associations/:aid/users/:uid')
  @Roles('chief', 'admin')
  @Summary('En användare')
  @Answer(UserAnswer)
  async one(
    @ZodParam('aid', AssociationId) aid: string,
    @ZodParam('uid', UserId) uid: string,
    @CurrentActor() actor: Actor,
  ) {
    ensureManagesAssociation(actor, aid);
    const user = await this.accounts.find(uid);
    if (user === undefined || user.associationId !== aid) {
      throw new DomainError('user_not_found');
    }
    return userAnswerOf(user);
  }

  @Post('associations/:aid/users/:uid/invitation')
  @Roles('chief', 'admin')
  @Summary('En ny inbjudningslänk (även för glömt lösenord)')
  @Created((_, params) => `/v1/associations/${String(params.aid)}/users/${String(params.uid)}`)
  @Answer(InvitationAnswer, {
    status: 201,
    description: 'En ny länk; den förra gäller inte längre',
  })
  @Problems(422)
  async reissue(
    @ZodParam('aid', AssociationId) aid: string,
    @ZodParam('uid', UserId) uid: string,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
  ) {
    ensureManagesAssociation(actor, aid);
    const { code } = await this.commands.execute(
      new ReissueInvitation(aid, uid, actor, new Date()),
    );
    return { invitationUrl: invitationUrl(request, code) };
  }

  @Patch('associations/:aid/users/:uid')
  @Roles('chief', 'admin')
  @HttpCode(204)
  @Summary('Ändra roll eller insatser, eller inaktivera')
  @NoContent('Ändringen gäller från användarens nästa anrop')
  @Problems(422)
  async change(
    @ZodParam('aid', AssociationId) aid: string,
    @ZodParam('uid', UserId) uid: string,
    @ZodBody(ChangeUserBody) body: ChangeUserBody,
    @CurrentActor() actor: Actor,
  ) {
    ensureManagesAssociation(actor, aid);
    await this.commands.execute(new ChangeUser(aid, uid, body, actor, new Date()));
  }

  @Get('associations/:aid/audit')
  @Roles('chief', 'admin')
  @Summary('Vem gjorde vad med förbundets konton: aktör, tid, händelsetyp')
  @Answer(AuditAnswer)
  async audit(@ZodParam('aid', AssociationId) aid: string, @CurrentActor() actor: Actor) {
    ensureManagesAssociation(actor, aid);
    return { entries: await auditOf(this.accounts, aid) };
  }

  @Get('audit')
  @Roles('admin')
  @Summary('Alla konton: inloggningar, inbjudningar och rolländringar')
  @Answer(AuditAnswer)
  async auditAll() {
    return { entries: await auditOf(this.accounts, undefined) };
  }
}
