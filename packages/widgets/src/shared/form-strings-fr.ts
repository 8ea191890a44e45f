import type { StringTable } from '@tandem/sdk-core';

export default {
  'form.field.name': 'Votre nom',
  'form.field.firstName': 'Prénom',
  'form.field.lastName': 'Nom',
  'form.field.email': 'E-mail',
  'form.field.phone': 'Téléphone',
  'form.optional': '(facultatif)',
  'form.required': '{field} est obligatoire.',
  'form.invalidEmail': 'Saisissez une adresse comme nom@exemple.fr.',
} satisfies StringTable;
