import { Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  AssociationId,
  GoalYear,
  RegisterAssociationBody,
  RegisterInterventionBody,
  SetGoalsBody,
  swedishDate,
} from '@stegvis/domain';
import { z } from 'zod';
import type { Actor } from '../platform/actor';
import { CurrentActor, Roles } from '../platform/auth.decorators';
import { MinPosition, ZodQueries } from '../platform/query-params';
import { Created } from '../platform/created-location';
import { WriteEndpoint } from '../platform/openapi.decorators';
import { Write, type WriteContext } from '../platform/write-context';
import { ZodBody, ZodParam } from '../platform/zod-validation';
import { RegisterInterventionRequest } from '../interventions/intervention.requests';
import { ChangeAssociationRequest, RegisterAssociationRequest } from './association.requests';
import { GetAssociation, AssociationView } from './association-view';
import { InterventionList, ListInterventions } from './association-interventions';
import { GetGoals, GoalsInForce } from './goal-history';

const AfterPosition = z.object({ minPosition: MinPosition });

@ApiTags('Samordningsförbund')
@ApiBearerAuth()
@Controller('v1/associations')
export class AssociationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get(':aid')
  @Roles('chief', 'board')
  @ApiOkResponse({
    description: 'Förbundet: namn, organisationsnummer och parter',
    schema: z.toJSONSchema(AssociationView, {
      io: 'output',
      target: 'openapi-3.0',
      unrepresentable: 'any',
    }) as never,
  })
  get(@ZodParam('aid', AssociationId) aid: string, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetAssociation(aid, actor));
  }

  @Get(':aid/interventions')
  @Roles('chief', 'board', 'staff')
  @ApiOkResponse({
    description:
      'Förbundets insatser (personal: sina egna) med typ, parter, datum, status, formulär och stegtrappa',
    schema: z.toJSONSchema(InterventionList, {
      io: 'output',
      target: 'openapi-3.0',
      unrepresentable: 'any',
    }) as never,
  })
  listInterventions(
    @ZodParam('aid', AssociationId) aid: string,
    @ZodQueries(AfterPosition) query: z.infer<typeof AfterPosition>,
    @CurrentActor() actor: Actor,
  ) {
    return this.queries.execute(
      new ListInterventions(aid, actor, swedishDate(new Date()), query.minPosition),
    );
  }

  @Get(':aid/goals/:year')
  @Roles('chief', 'board')
  @ApiOkResponse({
    description: 'Förbundets mål för året, och varje gång de har satts',
    schema: z.toJSONSchema(GoalsInForce, {
      io: 'output',
      target: 'openapi-3.0',
      unrepresentable: 'any',
    }) as never,
  })
  getGoals(
    @ZodParam('aid', AssociationId) aid: string,
    @ZodParam('year', GoalYear) year: number,
    @CurrentActor() actor: Actor,
  ) {
    return this.queries.execute(
      new GetGoals({ kind: 'association', associationId: aid }, year, actor),
    );
  }

  @Post()
  @Roles('admin')
  @WriteEndpoint(RegisterAssociationBody)
  @Created((answer) => `/v1/associations/${String(answer.associationId)}`)
  register(
    @ZodBody(RegisterAssociationBody) body: RegisterAssociationBody,
    @Write() ctx: WriteContext,
  ) {
    return this.commands.execute(new RegisterAssociationRequest(body, ctx));
  }

  @Post(':aid/interventions')
  @Roles('chief')
  @WriteEndpoint(RegisterInterventionBody)
  @Created((answer) => `/v1/interventions/${String(answer.interventionId)}`)
  registerIntervention(
    @ZodParam('aid', AssociationId) aid: string,
    @ZodBody(RegisterInterventionBody) body: RegisterInterventionBody,
    @Write() ctx: WriteContext,
  ) {
    return this.commands.execute(new RegisterInterventionRequest(aid, body, ctx));
  }

  @Put(':aid/goals/:year')
  @HttpCode(200)
  @Roles('chief')
  @WriteEndpoint(SetGoalsBody)
  setGoals(
    @ZodParam('aid', AssociationId) aid: string,
    @ZodParam('year', GoalYear) year: number,
    @ZodBody(SetGoalsBody) body: SetGoalsBody,
    @Write() ctx: WriteContext,
  ) {
    return this.commands.execute(
      new ChangeAssociationRequest(
        aid,
        { type: 'SetAssociationGoals', year, goals: body.goals },
        ctx,
      ),
    );
  }
}
