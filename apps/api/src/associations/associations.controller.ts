import { Controller, HttpCode, Post, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  AssociationId,
  GoalYear,
  RegisterAssociationBody,
  RegisterInterventionBody,
  SetGoalsBody,
} from '@stegvis/domain';
import { Roles } from '../platform/auth.decorators';
import { Created } from '../platform/created-location';
import { WriteEndpoint } from '../platform/openapi.decorators';
import { Write, type WriteContext } from '../platform/write-context';
import { ZodBody, ZodParam } from '../platform/zod-validation';
import { RegisterInterventionRequest } from '../interventions/intervention.requests';
import { ChangeAssociationRequest, RegisterAssociationRequest } from './association.requests';

@ApiTags('Samordningsförbund')
@ApiBearerAuth()
@Controller('v1/associations')
export class AssociationsController {
  constructor(private readonly commands: CommandBus) {}

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
