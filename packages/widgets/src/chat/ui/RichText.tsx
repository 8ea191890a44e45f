import { messageSegments } from '../rich-text';

/** Untrusted text as text nodes, safe links and allowed images; never HTML. */
export function RichText({
  message,
  imageOrigins,
  imageLabel,
}: {
  message: { readonly text: string };
  imageOrigins: readonly string[];
  imageLabel: string;
}) {
  return (
    <>
      {messageSegments(message, imageOrigins).map((segment, index) =>
        segment.kind === 'text' ? (
          segment.text
        ) : (
          <a
            key={index}
            href={segment.kind === 'link' ? segment.href : segment.src}
            target="_blank"
            rel="noopener noreferrer nofollow"
          >
            {segment.kind === 'image' ? (
              <img src={segment.src} alt={imageLabel} loading="lazy" referrerpolicy="no-referrer" />
            ) : (
              segment.text
            )}
          </a>
        ),
      )}
    </>
  );
}
