import { fieldLabel } from './words';

// What the screen pop names first; every other field follows as given.
const caller = ['firstName', 'lastName', 'name', 'phone', 'callerId', 'pageUrl', 'pageTitle'];

/**
 * Screen-pop details, shown as text: who the customer is (name, phone, customer id), the subject, the page
 * they were on (a link only when it is http or https), then whatever else they or the site gave.
 */
export function Fields(props: { fields: Record<string, string>; customerId?: string; subjectName?: string }) {
  const { fields } = props;
  const name = [fields.firstName, fields.lastName].filter(Boolean).join(' ') || fields.name;
  const url = fields.pageUrl;
  const rest = Object.entries(fields).filter(([key]) => !caller.includes(key));
  return (
    <dl class="fields">
      {name ? <Row label="Name">{name}</Row> : null}
      {fields.phone || fields.callerId ? <Row label="Phone">{fields.phone ?? fields.callerId}</Row> : null}
      {props.customerId ? <Row label="Customer id">{props.customerId}</Row> : null}
      {props.subjectName ? <Row label="Subject">{props.subjectName}</Row> : null}
      {url ? (
        <Row label="Page">
          {/^https?:\/\//i.test(url) ? (
            <a href={url} target="_blank" rel="noopener noreferrer">
              {fields.pageTitle || url}
            </a>
          ) : (
            fields.pageTitle
          )}{' '}
          <span class="url">{url}</span>
        </Row>
      ) : null}
      {rest.map(([key, value]) => (
        <Row key={key} label={fieldLabel(key)}>
          {value}
        </Row>
      ))}
    </dl>
  );
}

function Row(props: { label: string; children: preact.ComponentChildren }) {
  return (
    <div>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}
