import { useState } from 'preact/hooks';
import { errorText } from '../pages/error-text';
import type { SupervisorConnector } from './connector';
import type { VerifyState } from './IntegrityPanel';

/** The hash-chain check of the stored log or of an exported file, with its progress and outcome. */
export function useChainVerification(connector: SupervisorConnector): { state: VerifyState; verify(what: 'stored' | 'file', file?: File): Promise<void> } {
  const [state, setState] = useState<VerifyState>({ kind: 'idle' });

  const verify = async (what: 'stored' | 'file', file?: File) => {
    setState({ kind: 'running', what, checked: 0 });
    const onProgress = (checked: number) => setState({ kind: 'running', what, checked });
    try {
      if (what === 'stored') setState({ kind: 'done', what, report: await connector.verifyStored({ onProgress }) });
      else if (file) setState({ kind: 'done', what, report: await connector.verifyFile(file, { onProgress }), fileName: file.name });
    } catch (error) {
      setState({ kind: 'failed', message: errorText(error) });
    }
  };

  return { state, verify };
}
