import { displayLocale, t } from '../shared/i18n';
import type { DeliveryError, DestinationStatus, OutboxStatus } from '../shared/outbox-status';

/**
 * Where the agents' feedback stands: what waits per destination and why, what a destination
 * refused (parked, never retried), the warning before the outbox would drop anything, and the
 * metrics export. Renders state only; FeedbackSection loads it.
 */
interface Props {
  status: OutboxStatus | null;
  loadError: string | null;
  exporting: boolean;
  exportError: string | null;
  onExport(): void;
}

function time(epochMs: number): string {
  return new Intl.DateTimeFormat(displayLocale(), { dateStyle: 'medium', timeStyle: 'medium' }).format(epochMs);
}

/** The API client's messages already say the status ("HTTP 422: …") or the failure ("Failed to fetch"). */
function describeError(error: DeliveryError): string {
  return error.message;
}

function DestinationLine({ destination }: { destination: DestinationStatus }) {
  return (
    <li data-testid="outbox-destination" data-destination={destination.id} data-pending={destination.pending} data-parked={destination.parked}>
      <strong>{destination.id}</strong> {t('outboxDestinationCounts', [String(destination.pending), String(destination.parked)])}
      {!destination.configured && destination.pending > 0 && <> {t('outboxDestinationNotConfigured')}</>}
      {destination.retryAt !== null && destination.lastError && <> {t('outboxDestinationRetrying', [time(destination.retryAt), describeError(destination.lastError)])}</>}
    </li>
  );
}

export function FeedbackDelivery({ status, loadError, exporting, exportError, onExport }: Props) {
  const pending = status?.destinations.reduce((sum, destination) => sum + destination.pending, 0) ?? 0;
  return (
    <section class="help feedback" aria-labelledby="feedback-heading" data-testid="feedback-delivery">
      <h2 id="feedback-heading">{t('feedbackHeading')}</h2>
      {loadError && (
        <p class="notice notice--error" role="alert">
          {t('feedbackLoadFailed', loadError)}
        </p>
      )}
      {status?.warning && (
        <p class="notice notice--error" role="alert" data-testid="outbox-warning" data-warning={status.warning}>
          {status.warning === 'full' ? t('outboxFull', [String(status.capacity), String(status.dropped)]) : t('outboxNearFull', [String(status.events), String(status.capacity)])}
        </p>
      )}
      {status && (
        <>
          <p data-testid="outbox-summary">{pending === 0 && status.parked.length === 0 ? t('outboxAllDelivered') : t('outboxWaiting', String(pending))}</p>
          {status.destinations.length > 0 && <ul class="feedback__destinations">{status.destinations.map((destination) => <DestinationLine key={destination.id} destination={destination} />)}</ul>}
          {status.parked.length > 0 && (
            <div data-testid="outbox-parked">
              <h3>{t('outboxParkedHeading')}</h3>
              <p class="field__hint">{t('outboxParkedHint')}</p>
              <table class="feedback__parked">
                <thead>
                  <tr>
                    <th scope="col">{t('outboxParkedWhen')}</th>
                    <th scope="col">{t('outboxParkedEvent')}</th>
                    <th scope="col">{t('outboxParkedError')}</th>
                  </tr>
                </thead>
                <tbody>
                  {status.parked.map((parked) => (
                    <tr key={`${parked.destination}:${parked.eventId}`} data-testid="parked-event" data-event-id={parked.eventId} data-status={parked.error.status ?? ''}>
                      <td>{time(parked.parkedAt)}</td>
                      <td>
                        {parked.action} · <code>{parked.recommendationId}</code> · {parked.destination}
                        <br />
                        <code class="field__hint">{parked.eventId}</code>
                      </td>
                      <td>{describeError(parked.error)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      <div class="feedback__export">
        <button type="button" class="button" onClick={onExport} disabled={exporting} data-testid="download-metrics">
          {t('downloadMetrics')}
        </button>
        {exportError && (
          <p class="field__error" role="alert">
            {t('downloadMetricsFailed', exportError)}
          </p>
        )}
      </div>
    </section>
  );
}
