/** Small line icons for the card's secondary actions; the buttons carry the words (aria-label, title). */
const PATHS = {
  up: 'M7 10v10H3V10zm2 10h8.5a2 2 0 0 0 2-1.6l1.3-6A2 2 0 0 0 18.8 10H14l.8-4a2 2 0 0 0-3.5-1.6L9 8.5z',
  down: 'M7 14V4H3v10zm2-10h8.5a2 2 0 0 1 2 1.6l1.3 6a2 2 0 0 1-2 2.4H14l.8 4a2 2 0 0 1-3.5 1.6L9 15.5z',
  close: 'M6 6l12 12M18 6L6 18',
};

export function CardIcon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg class="icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} />
    </svg>
  );
}
