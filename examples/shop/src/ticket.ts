import { ConsentBox } from './ticket/consent-box';
import { PrivateField } from './ticket/private-field';
import { SupportTicket } from './ticket/support-ticket';

// The demo shop's "Support ticket" page: plain custom elements in open shadow roots, to try co-browse on.
customElements.define('private-field', PrivateField);
customElements.define('consent-box', ConsentBox);
customElements.define('support-ticket', SupportTicket);
