import { BookingTimes } from './booking/booking-times';
import { TableBooking } from './booking/table-booking';

// The demo shop's "Book a table" page: a Lit app in open shadow roots, to try co-browse on.
customElements.define('booking-times', BookingTimes);
customElements.define('table-booking', TableBooking);
