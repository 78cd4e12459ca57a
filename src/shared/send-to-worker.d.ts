import { type MessageType, type RequestOf, type ResponseOf, type RouterErrorCode } from './messages';
export declare class WorkerRequestError extends Error {
    readonly code: RouterErrorCode | 'no-reply' | 'bad-reply';
    constructor(code: RouterErrorCode | 'no-reply' | 'bad-reply', message: string);
}
/**
 * Sends one message to the worker and validates its reply against the table. The worker can be
 * asleep (it wakes on the message) or mid-restart (sendMessage then rejects: retried once).
 */
export declare function sendToWorker<T extends MessageType>(type: T, data: RequestOf<T>): Promise<ResponseOf<T>>;
