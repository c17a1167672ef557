/** Why a listener could not start, with a message that says what to do. */
export interface ListenerError {
  /** The system error code (EADDRINUSE, EACCES, ENOTFOUND, EADDRNOTAVAIL…) or `invalid-options`. */
  code: string;
  message: string;
}

const SETTING_HINT = 'postalWebhooks.listener';

/** Turns a `listen()` failure into a message a user can act on. */
export function describeListenError(error: NodeJS.ErrnoException, host: string, port: number): ListenerError {
  const code = error.code ?? 'unknown';
  switch (code) {
    case 'EADDRINUSE':
      return { code, message: `Port ${port} on ${host} is already in use (another listener or app?). Stop it, or choose another port in ${SETTING_HINT}.port / --port.` };
    case 'EACCES':
      return {
        code,
        message: `No permission to listen on port ${port} on ${host}. Ports below 1024 need admin rights: choose a port above 1024 in ${SETTING_HINT}.port / --port.`,
      };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return {
        code,
        message: `The listener host "${host}" does not resolve. Use 127.0.0.1 (this machine only) or 0.0.0.0 (all interfaces) in ${SETTING_HINT}.host / --host.`,
      };
    case 'EADDRNOTAVAIL':
      return {
        code,
        message: `The address ${host} does not belong to this machine. Use 127.0.0.1 (this machine only) or 0.0.0.0 (all interfaces) in ${SETTING_HINT}.host / --host.`,
      };
    default:
      return { code, message: `Cannot listen on ${host} port ${port}: ${error.message}.` };
  }
}
