import { swedishValidation } from '@stegvis/domain';
import { z } from 'zod';

// The domain's Swedish wording for every issue its schemas do not word themselves ("Födelseåret
// (birthYear) ska vara ett heltal mellan 1900 och 2100."), as the API says it: a form refuses a
// value with the very sentence the server would answer. A form's own messages still win.
z.config(swedishValidation);
