import { type ChangeEvent, type FormEvent, useState } from 'preact/compat';

// Written as a React app would be: controlled inputs whose every keystroke goes through component state,
// which is what remote control has to reach (a value set behind the framework's back would be lost).

const beans = { guji: 'Ethiopia Guji', huila: 'Colombia Huila', cerrado: 'Brazil Cerrado' } as const;
type Bean = keyof typeof beans;
const grinds = ['Whole bean', 'Espresso', 'Filter'] as const;

interface Order {
  name: string;
  email: string;
  bean: Bean;
  grind: (typeof grinds)[number];
  bags: number;
  gift: boolean;
  notes: string;
  card: string;
}

const empty: Order = {
  name: '',
  email: '',
  bean: 'guji',
  grind: 'Whole bean',
  bags: 1,
  gift: false,
  notes: '',
  card: '',
};

export function OrderForm() {
  const [order, setOrder] = useState<Order>(empty);
  const [placed, setPlaced] = useState(false);
  const field =
    <K extends keyof Order>(key: K, read: (target: HTMLInputElement) => Order[K]) =>
    (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      setOrder((current) => ({ ...current, [key]: read(event.currentTarget as HTMLInputElement) }));
  const text = (key: 'name' | 'email' | 'notes' | 'card') => field(key, (target) => target.value);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPlaced(true);
  };

  return (
    <div class="order">
      <form onSubmit={submit} aria-label="Quick order">
        <label>
          Full name <input name="name" autoComplete="name" value={order.name} onChange={text('name')} />
        </label>
        <label>
          Email{' '}
          <input
            name="email"
            type="email"
            autoComplete="email"
            value={order.email}
            onChange={text('email')}
          />
        </label>
        <label>
          Beans{' '}
          <select name="bean" value={order.bean} onChange={field('bean', (target) => target.value as Bean)}>
            {Object.entries(beans).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>Grind</legend>
          {grinds.map((grind) => (
            <label key={grind}>
              <input
                type="radio"
                name="grind"
                value={grind}
                checked={order.grind === grind}
                onChange={field('grind', () => grind)}
              />{' '}
              {grind}
            </label>
          ))}
        </fieldset>
        <label>
          Bags{' '}
          <input
            name="bags"
            type="number"
            min={1}
            max={20}
            value={order.bags}
            onChange={field('bags', (target) => Math.max(1, Number(target.value) || 1))}
          />
        </label>
        <label>
          <input
            name="gift"
            type="checkbox"
            checked={order.gift}
            onChange={field('gift', (target) => target.checked)}
          />{' '}
          Gift wrap
        </label>
        <label>
          Delivery notes <textarea name="notes" rows={2} value={order.notes} onChange={text('notes')} />
        </label>
        <label>
          Card number{' '}
          <input
            name="card"
            autoComplete="cc-number"
            inputMode="numeric"
            value={order.card}
            onChange={text('card')}
          />
        </label>
        <div class="loyalty" data-tandem-hide>
          <p>Loyalty number: 4242-0000-1111</p>
          <button
            type="button"
            onClick={() => setOrder((current) => ({ ...current, bags: current.bags + 1 }))}
          >
            Use loyalty points
          </button>
        </div>
        <button type="submit">Place order</button>
      </form>
      <section class="summary" aria-label="Order summary" aria-live="polite">
        <h2>Your order</h2>
        <p data-summary="who">
          {order.name ? `For ${order.name}${order.email ? ` (${order.email})` : ''}` : 'No name yet'}
        </p>
        <p data-summary="what">
          {order.bags} × {beans[order.bean]}, {order.grind.toLowerCase()}
          {order.gift ? ', gift wrapped' : ''}
        </p>
        <p data-summary="notes">{order.notes ? `Notes: ${order.notes}` : 'No delivery notes'}</p>
        <p data-summary="card">{order.card ? `Card ending ${order.card.slice(-4)}` : 'No card yet'}</p>
        {placed ? <p role="status">Order placed. Thank you!</p> : null}
      </section>
    </div>
  );
}
