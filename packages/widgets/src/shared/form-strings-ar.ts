import type { StringTable } from '@tandem/sdk-core';

export default {
  'form.field.name': 'اسمك',
  'form.field.firstName': 'الاسم الأول',
  'form.field.lastName': 'اسم العائلة',
  'form.field.email': 'البريد الإلكتروني',
  'form.field.phone': 'الهاتف',
  'form.optional': '(اختياري)',
  'form.required': '{field} مطلوب.',
  'form.invalidEmail': 'أدخل بريدًا إلكترونيًا مثل name@example.com.',
} satisfies StringTable;
