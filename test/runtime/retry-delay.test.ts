import { describe, expect, it } from 'vitest';
import { retryDelayMs, shouldRetryResponse } from '../../templates/runtime/internal/retry.js';

const headers = (init: Record<string, string>) => new Headers(init);
const noJitter = () => 0;
const fullJitter = () => 0.999999;

describe('retryDelayMs', () => {
  it('backs off 0.5 s * 2^n, capped at 8 s', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map((n) => retryDelayMs(n, undefined, 0, noJitter))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000, 8000,
    ]);
  });

  it('jitter removes at most 25%', () => {
    expect(retryDelayMs(0, undefined, 0, fullJitter)).toBeCloseTo(375, 0);
    expect(retryDelayMs(4, undefined, 0, fullJitter)).toBeCloseTo(6000, 0);
  });

  it('honours retry-after-ms, Retry-After seconds and dates up to 60 s', () => {
    const now = Date.parse('2030-01-01T00:00:00Z');
    expect(retryDelayMs(3, headers({ 'retry-after-ms': '12.5' }), now, noJitter)).toBe(12.5);
    expect(retryDelayMs(3, headers({ 'retry-after': '7' }), now, noJitter)).toBe(7000);
    expect(retryDelayMs(3, headers({ 'retry-after': 'Tue, 01 Jan 2030 00:00:30 GMT' }), now, noJitter)).toBe(
      30_000,
    );
    expect(retryDelayMs(0, headers({ 'retry-after': '60' }), now, noJitter)).toBe(60_000);
  });

  it('falls back to backoff beyond the cap or on garbage', () => {
    expect(retryDelayMs(1, headers({ 'retry-after': '61' }), 0, noJitter)).toBe(1000);
    expect(retryDelayMs(1, headers({ 'retry-after-ms': '-5' }), 0, noJitter)).toBe(1000);
    expect(retryDelayMs(1, headers({ 'retry-after': 'soon' }), 0, noJitter)).toBe(1000);
  });
});

describe('shouldRetryResponse', () => {
  it.each([
    [408, true],
    [409, true],
    [429, true],
    [500, true],
    [503, true],
    [400, false],
    [401, false],
    [404, false],
    [422, false],
  ])('%i -> %s', (status, expected) => {
    expect(shouldRetryResponse(new Response(null, { status }))).toBe(expected);
  });
});

describe('randomId', () => {
  it('falls back to a v4-shaped id where crypto.randomUUID is missing (Node 18)', async () => {
    const { randomId } = await import('../../templates/runtime/internal/headers.js');
    const original = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
    try {
      const ids = new Set(Array.from({ length: 50 }, () => randomId()));
      expect(ids.size).toBe(50);
      for (const id of ids)
        expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally {
      if (original) Object.defineProperty(globalThis, 'crypto', original);
    }
    expect(randomId()).toMatch(/^[0-9a-f-]{36}$/);
  });
});
