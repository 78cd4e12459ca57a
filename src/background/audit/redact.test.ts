import { describe, expect, it } from 'vitest';
import { MASKS, passesLuhn, redactText } from './redact';

describe('passesLuhn', () => {
  it('accepts valid card numbers and refuses near misses', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('5500005555555559')).toBe(true);
    expect(passesLuhn('378282246310005')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
    expect(passesLuhn('41111x1111111111')).toBe(false);
  });
});

describe('redactText', () => {
  it('masks Luhn-valid card numbers written with spaces, dashes or none', () => {
    expect(redactText('my card is 4111 1111 1111 1111 thanks')).toBe(`my card is ${MASKS.card} thanks`);
    expect(redactText('4111-1111-1111-1111')).toBe(MASKS.card);
    expect(redactText('amex 378282246310005.')).toBe(`amex ${MASKS.card}.`);
  });

  it('leaves long digit runs that fail the Luhn check as cards (an order number is not a card)', () => {
    expect(redactText('order 4111111111111112')).not.toContain(MASKS.card);
  });

  it('masks e-mail addresses', () => {
    expect(redactText('write to jordan.lee+bills@mail.example.co.uk now')).toBe(`write to ${MASKS.email} now`);
  });

  it('masks phone numbers, international or long local ones', () => {
    expect(redactText('call +44 20 7946 0958 today')).toBe(`call ${MASKS.phone} today`);
    expect(redactText('or (555) 123-4567 ext')).toBe(`or ${MASKS.phone} ext`);
    expect(redactText('mobile 07700 900123')).toBe(`mobile ${MASKS.phone}`);
    expect(redactText('0044 7700 900123')).toBe(MASKS.phone);
  });

  it('keeps dates, amounts and short references', () => {
    const text = 'On 2024-03-03 I paid £42.50, reference RF-20931, 3 to 5 working days.';
    expect(redactText(text)).toBe(text);
  });

  it('masks several kinds in one text', () => {
    expect(redactText('card 4111111111111111, mail a@b.io, phone +1 202 555 0143')).toBe(`card ${MASKS.card}, mail ${MASKS.email}, phone ${MASKS.phone}`);
  });
});
