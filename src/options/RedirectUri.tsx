import { useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';

type CopyState = 'idle' | 'copied' | 'selected';

/** The redirect URI to register on the OAuth client, with a Copy button. */
export function RedirectUri({ uri }: { uri: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');

  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(uri);
      setCopy('copied');
    } catch {
      // No clipboard access (permissions, focus): select the text so Ctrl+C copies it.
      input.current?.focus();
      input.current?.select();
      setCopy('selected');
    }
  };

  return (
    <div class="redirect-uri">
      <label for="redirectUri">{t('labelRedirectUri')}</label>
      <div class="redirect-uri__row">
        <input id="redirectUri" ref={input} data-testid="redirect-uri" type="text" readOnly value={uri} spellcheck={false} aria-describedby="redirectUri-status" />
        <button type="button" class="button" data-testid="copy-redirect-uri" onClick={() => void onCopy()}>
          {t('copy')}
        </button>
      </div>
      <p class="field__hint" id="redirectUri-status" role="status" data-testid="copy-status">
        {copy === 'copied' ? t('copied') : copy === 'selected' ? t('copySelected') : ''}
      </p>
    </div>
  );
}
