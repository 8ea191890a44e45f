/** What the agent reads when the customer's page refuses an action, by the page's reason. */
export const refusalMessages: Readonly<Record<string, string>> = {
  protected: 'This field is protected',
  pointer_mode: 'The customer has not given you control',
  page_left: 'The customer has left that page',
  not_found: 'That element is no longer on the page',
  moved: 'The page changed under your pointer: try again',
  origin: 'That link leads outside the sites you may open',
  customer_typing: 'The customer is typing in this field',
  unsupported: 'That element cannot be used this way',
  invalid: 'The customer’s page did not understand that action',
};

export interface Refused {
  /** The action refused: click, input, select, check, key, scroll or focus. */
  readonly action: string;
  readonly reason: string;
  readonly message: string;
}
