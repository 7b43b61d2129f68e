/**
 * A message of the domain as a person reads it. The domain names a field in Swedish and then by
 * its code in brackets ("Födelseåret (birthYear) ska vara …"), which scripts need and staff do
 * not: the bracketed code path is left out on the page.
 */
export const readableMessage = (message: string): string =>
  message.replace(/ \([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*\)/g, '');
