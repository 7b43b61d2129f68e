export * from './secrets';
export * from './credential-codes';
export * from './email-key';
export * from './password-hashing';
export * from './secret-box';
export * from './totp';
export * from './development-token';
