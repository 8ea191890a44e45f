/** "Monday 09:30", in the visitor's language: callback times and the next opening. */
export const formatDay = (locale: string, at: number) =>
  new Intl.DateTimeFormat(locale, { weekday: 'long', hour: '2-digit', minute: '2-digit' }).format(at);
