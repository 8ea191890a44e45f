/** The agent's initials on a colour of their own; decorative, the name is always written next to it. */
export function Avatar({ name }: { name: string }) {
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => [...part][0]?.toUpperCase() ?? '')
    .join('');
  let hue = 0;
  for (const char of name) hue = (hue * 31 + (char.codePointAt(0) ?? 0)) % 360;
  return (
    <span class="avatar" aria-hidden="true" style={{ '--hue': hue }}>
      {initials || '?'}
    </span>
  );
}
