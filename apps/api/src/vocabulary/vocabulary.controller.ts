import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Answer, Summary } from '../platform/openapi.decorators';
import { Roles } from '../platform/auth.decorators';
import { Vocabulary, VOCABULARY } from './vocabulary';

@ApiTags('Kodlistor')
@ApiBearerAuth()
@Controller('v1/vocabulary')
export class VocabularyController {
  @Get()
  @Roles('admin', 'chief', 'board', 'staff')
  @Summary('Varje kodlista med svenska benämningar')
  @Answer(Vocabulary)
  get() {
    return VOCABULARY;
  }
}
