import type { LocaleTables } from '@tandem/sdk-core';

// The words of every form (chat, offline message, click-to-call); each widget's locale files add theirs.
export const formStrings: LocaleTables = {
  en: {
    'form.field.name': 'Your name',
    'form.field.firstName': 'First name',
    'form.field.lastName': 'Last name',
    'form.field.email': 'Email',
    'form.field.phone': 'Phone',
    'form.optional': '(optional)',
    'form.required': '{field} is required.',
    'form.invalidEmail': 'Enter an email address such as name@example.com.',
  },
};
