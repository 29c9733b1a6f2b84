import { describe, expect, it } from 'vitest';
import { Reservation } from './reservation';

describe('disk reservation with challenge and defence (SEMANTICS §1 "Legacy MSCS disk quorum")', () => {
  it('a free disk is reserved; another node cannot reserve it until its holder releases it', () => {
    const d = new Reservation();
    expect(d.reserve(0, 0)).toBe(true);
    expect(d.reserve(1, 1)).toBe(false);
    expect(d.holder).toBe(0);
    d.release(1);
    expect(d.holder).toBe(0);
    d.release(0);
    expect(d.reserve(1, 2)).toBe(true);
  });

  it('a challenger wins only if the holder did not defend while it waited; a holder that defends always keeps its disk', () => {
    const d = new Reservation();
    d.reserve(0, 0);
    const token = d.challenge();
    expect(d.defend(0, 3)).toBe(true);
    expect(d.finishChallenge(1, token, 10)).toBe(false);
    expect(d.holder).toBe(0);
    const again = d.challenge();
    expect(d.finishChallenge(1, again, 20)).toBe(true);
    expect(d.holder).toBe(1);
    // the old holder finds out at its next defence
    expect(d.defend(0, 21)).toBe(false);
  });

  it('of two challengers of a dead holder, only the first to finish gets the disk', () => {
    const d = new Reservation();
    d.reserve(0, 0);
    const a = d.challenge();
    const b = d.challenge();
    expect(d.finishChallenge(1, a, 10)).toBe(true);
    expect(d.finishChallenge(2, b, 11)).toBe(false);
    expect(d.holder).toBe(1);
  });

  it('a file share’s lock goes to another node only once its holder stopped renewing it for the expiry', () => {
    const d = new Reservation();
    d.reserve(0, 0);
    expect(d.takeExpired(1, 5, 10)).toBe(false);
    d.defend(0, 6);
    expect(d.takeExpired(1, 15, 10)).toBe(false);
    expect(d.takeExpired(1, 16, 10)).toBe(true);
    expect(d.holder).toBe(1);
  });
});
