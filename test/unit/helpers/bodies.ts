let counter = 0;

/** A compact Postal MessageSent envelope, as the bytes Postal would send. */
export function postalBody(uuid?: string): string {
  counter += 1;
  const id = uuid ?? `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
  return JSON.stringify({
    event: 'MessageSent',
    timestamp: 1714567891.533172,
    payload: {
      message: { id: 48213, token: 'Qm7XkP2vRt9LwZ3a', direction: 'outgoing', message_id: 'x@rp.postal.example.com', to: 'alice@example.net', from: 'n@acme.example', subject: 'Hi', timestamp: 1714567890.123456, spam_status: 'NotChecked', tag: null },
      status: 'Sent',
      details: 'Message for alice@example.net accepted',
      output: '250 OK',
      sent_with_ssl: true,
      timestamp: 1714567891.4127364,
      time: 0.42,
    },
    uuid: id,
  });
}
