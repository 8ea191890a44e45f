// The shop's own behaviour: a cart counter, to check that the page stays fully usable with Tandem on it.
const count = document.querySelector('[data-cart-count]');
for (const button of document.querySelectorAll('[data-add-to-cart]')) {
  button.addEventListener('click', () => {
    const next = Number(sessionStorage.getItem('cart') || '0') + 1;
    sessionStorage.setItem('cart', String(next));
    if (count) count.textContent = String(next);
  });
}
if (count) count.textContent = sessionStorage.getItem('cart') || '0';
