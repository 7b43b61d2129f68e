import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@stegvis/config';
import { SessionsModule } from '@stegvis/sessions';
import { PersonalCredentials } from '../platform/personal-credentials';
import { AccountAuthenticator } from './account-authenticator';
import { AuthController } from './auth.controller';
import { OidcController } from './oidc.controller';
import { OidcSignIn } from './oidc-sign-in';
import {
  ChangePasswordHandler,
  CreateApiTokenHandler,
  DisableTotpHandler,
  EnableTotpHandler,
  RevokeApiTokenHandler,
} from './credential.handlers';
import { FirstAdminSetup } from './first-admin-setup';
import {
  ChangeUserHandler,
  InviteUserHandler,
  ReissueInvitationHandler,
} from './membership.handlers';
import { AcceptInvitationHandler, SetUpFirstAdminHandler, SignInHandler } from './sign-in.handlers';
import { TOTP_BOX, totpBoxOf } from './totp-box';
import { UserAccounts } from './user-accounts';
import { UsersController } from './users.controller';

/**
 * People's accounts and sign-in (DESIGN §7): the routes under /v1/auth and
 * /v1/associations/:aid/users, and the AccountAuthenticator the global guard asks about
 * session cookies and personal API tokens.
 */
@Module({
  imports: [SessionsModule],
  controllers: [AuthController, OidcController, UsersController],
  providers: [
    UserAccounts,
    AccountAuthenticator,
    { provide: PersonalCredentials, useExisting: AccountAuthenticator },
    FirstAdminSetup,
    OidcSignIn,
    {
      provide: TOTP_BOX,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => totpBoxOf(config),
    },
    SignInHandler,
    AcceptInvitationHandler,
    SetUpFirstAdminHandler,
    InviteUserHandler,
    ReissueInvitationHandler,
    ChangeUserHandler,
    ChangePasswordHandler,
    CreateApiTokenHandler,
    RevokeApiTokenHandler,
    EnableTotpHandler,
    DisableTotpHandler,
  ],
  exports: [AccountAuthenticator, PersonalCredentials, FirstAdminSetup],
})
export class AccountsModule {}
