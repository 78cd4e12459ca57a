/**
 * Masks the customer data a transcript excerpt most often carries before it reaches the audit
 * log: payment card numbers (only digit runs that pass the Luhn check, so order numbers and dates
 * survive), e-mail addresses and phone numbers. Cards first: their digits would otherwise be
 * taken for a phone number and the mask would say less than it could.
 */
export const MASKS = { card: '[card]', email: '[email]', phone: '[phone]' } as const;

const CARD_CANDIDATE = /(?<![\d])\d(?:[ -]?\d){12,18}(?![\d])/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// An optional +/00 country prefix, then digits with the usual separators.
const PHONE_CANDIDATE = /(?<![\w+])(?:\+|00)?\(?\d[\d\s().-]{5,}\d(?![\d])/g;

/** The Luhn (mod 10) check used by every payment card number. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

export function redactText(text: string): string {
  const cards = text.replace(CARD_CANDIDATE, (match) => {
    const digits = digitsOf(match);
    return digits.length >= 13 && digits.length <= 19 && passesLuhn(digits) ? MASKS.card : match;
  });
  const emails = cards.replace(EMAIL, MASKS.email);
  return emails.replace(PHONE_CANDIDATE, (match) => {
    const digits = digitsOf(match).length;
    const international = match.startsWith('+') || match.startsWith('00');
    // Local numbers without a prefix need 9+ digits, so dates (2024-03-03) and amounts stay.
    return digits <= 15 && digits >= (international ? 7 : 9) ? MASKS.phone : match;
  });
}
