/** Whop-shaped records (ResolutionCenterCase), so the client parses bodies of a realistic size. */
export function resolutionCase(index: number): Record<string, unknown> {
  return {
    id: `reso_${index.toString(36).padStart(13, '0')}`,
    status: 'merchant_response_needed',
    issue: 'product_not_received',
    created_at: '2023-12-01T05:00:00.401Z',
    updated_at: '2023-12-01T05:00:00.401Z',
    due_date: null,
    customer_appealed: false,
    merchant_appealed: false,
    customer_response_actions: ['respond', 'withdraw'],
    merchant_response_actions: ['accept', 'deny', 'respond'],
    company: { id: 'biz_xxxxxxxxxxxxxx', title: 'Pickaxe' },
    user: { id: 'user_xxxxxxxxxxxxx', name: 'Ada Lovelace', username: 'ada' },
    member: { id: 'mber_xxxxxxxxxxxxx' },
    payment: {
      id: 'pay_xxxxxxxxxxxxxx',
      total: 19.99,
      currency: 'usd',
      created_at: '2023-12-01T05:00:00.401Z',
      paid_at: null,
    },
  };
}
