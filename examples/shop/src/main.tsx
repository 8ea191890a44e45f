import { createRoot } from 'preact/compat/client';
import { OrderForm } from './OrderForm';

const root = document.getElementById('order-app');
if (root) createRoot(root).render(<OrderForm />);
