import { SDKError } from '../errors.js';

/** setTimeout's limit: a longer delay fires at once, which would fail every attempt immediately. */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;
/** More retries than this is a retry loop without end in practice (each wait is up to 8 s). */
export const MAX_RETRIES = 100;

/**
 * The numeric transport options, checked where they enter (client construction and each call): a value that is
 * not a finite number in range is an error naming the option, never a silent fallback.
 */
export function checkNumber(option: 'timeout' | 'maxRetries', value: number, clientName: string): number {
  const [min, max, unit] = option === 'timeout' ? [1, MAX_TIMEOUT_MS, ' ms'] : [0, MAX_RETRIES, ''];
  const valid =
    typeof value === 'number' &&
    value >= min &&
    value <= max &&
    (option === 'timeout' || Number.isInteger(value));
  if (!valid) {
    const kind = option === 'timeout' ? 'a number' : 'an integer';
    const got = typeof value === 'number' ? String(value) : typeof value;
    throw new SDKError(
      `${clientName}: the \`${option}\` option must be ${kind} from ${min} to ${max}${unit} (got ${got}).`,
    );
  }
  return value;
}
