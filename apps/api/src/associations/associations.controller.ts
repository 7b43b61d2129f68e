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
import { Answer, Summary, WriteEndpoint } from '../platform/openapi.decorators';
import {
  RegisteredAssociationAnswer,
  RegisteredInterventionAnswer,
  WriteAnswer,
} from '../platform/write-answers';
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
  @Summary('Registrera ett samordningsförbund (administratör)')
  @WriteEndpoint()
  @Answer(RegisteredAssociationAnswer, { status: 201, description: 'Förbundet är registrerat' })
  @Created((answer) => `/v1/associations/${String(answer.associationId)}`)
  register(
    @ZodBody(RegisterAssociationBody) body: RegisterAssociationBody,
    @Write() ctx: WriteContext,
  ) {
    return this.commands.execute(new RegisterAssociationRequest(body, ctx));
  }

  @Post(':aid/interventions')
  @Roles('chief')
  @Summary('Registrera en insats i förbundet')
  @WriteEndpoint()
  @Answer(RegisteredInterventionAnswer, { status: 201, description: 'Insatsen är registrerad' })
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
  @Summary('Sätt förbundets mål för ett år (ersätter årets tidigare mål)')
  @WriteEndpoint()
  @Answer(WriteAnswer, { description: 'Målen gäller' })
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
