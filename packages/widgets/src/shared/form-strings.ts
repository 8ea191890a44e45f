import type { LocaleTables } from '@tandem/sdk-core';

// The words of every form (chat, offline message, click-to-call), small enough to ship in all locales.
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
  fr: {
    'form.field.name': 'Votre nom',
    'form.field.firstName': 'Prénom',
    'form.field.lastName': 'Nom',
    'form.field.email': 'E-mail',
    'form.field.phone': 'Téléphone',
    'form.optional': '(facultatif)',
    'form.required': '{field} est obligatoire.',
    'form.invalidEmail': 'Saisissez une adresse comme nom@exemple.fr.',
  },
  ar: {
    'form.field.name': 'اسمك',
    'form.field.firstName': 'الاسم الأول',
    'form.field.lastName': 'اسم العائلة',
    'form.field.email': 'البريد الإلكتروني',
    'form.field.phone': 'الهاتف',
    'form.optional': '(اختياري)',
    'form.required': '{field} مطلوب.',
    'form.invalidEmail': 'أدخل بريدًا إلكترونيًا مثل name@example.com.',
  },
};
