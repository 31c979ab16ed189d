/**
 * Puts the trust rule and the schemas in front of every handler: the sender is checked first (a
 * content script asking for a privileged message is refused before its payload is even read),
 * then the payload is validated and cleaned, then the handler runs. Errors travel back to the
 * caller through @webext-core/messaging as rejected promises with a readable message and no stack
 * (a page learns what was wrong, not how the background is built).
 *
 * Only the types of our own table are answered (an own-property check): the messaging library kept
 * its listeners in a plain object, so a message named "constructor" or "toString" reached
 * Object.prototype and was echoed back (patches/@webext-core+messaging+4.0.0.patch gives that
 * object no prototype; `dispatch` checks again, for callers that bypass the bus).
 */
import { isAllowed, onMessage, parsePayload, PAYLOAD_SCHEMAS, ProtocolError, senderRole, type MessageSenderInfo, type MessageType, type SenderRole } from '../messaging';
import type { Handlers } from './handlers';

export interface SelfIdentity {
  /** browser.runtime.id */
  id: string;
  /** browser.runtime.getURL('/'), e.g. chrome-extension://<id>/ */
  origin: string;
}

/** Checks and runs one message; exported for tests that call it without the message bus. */
export async function dispatch<T extends MessageType>(handlers: Handlers, self: SelfIdentity, type: T, data: unknown, sender: MessageSenderInfo): Promise<unknown> {
  if (!isMessageType(type)) throw new ProtocolError(`unknown message type ${JSON.stringify(String(type).slice(0, 60))}`);
  const role: SenderRole = senderRole(sender, self);
  if (!isAllowed(type, role)) {
    const who = role.role === 'untrusted' ? role.why : 'a content script';
    throw new ProtocolError(`${type} refused: only the extension's own pages may send it (sender: ${who})`);
  }
  const payload = parsePayload(type, data);
  if (!Object.hasOwn(handlers, type)) throw new ProtocolError(`${type}: no handler`);
  const handler = handlers[type] as (payload: unknown, sender: SenderRole) => Promise<unknown>;
  return handler(payload, role);
}

/** Every message of the protocol: PAYLOAD_SCHEMAS has exactly one entry per ProtocolMap name. */
const MESSAGE_TYPES = Object.keys(PAYLOAD_SCHEMAS) as MessageType[];

function isMessageType(type: unknown): type is MessageType {
  return typeof type === 'string' && Object.hasOwn(PAYLOAD_SCHEMAS, type);
}

/**
 * What a caller gets back for a failure: the error's name and message, with the stack emptied
 * (@webext-core/messaging serialises `stack` as it finds it).
 */
export function toReplyError(error: unknown): Error {
  const reply = new Error(error instanceof Error ? error.message : String(error));
  reply.name = error instanceof Error ? error.name : 'Error';
  reply.stack = '';
  return reply;
}

/** Registers one listener per message type. Call synchronously at the top of the background. */
export function registerMessageHandlers(handlers: Handlers, self: SelfIdentity): () => void {
  const removers = MESSAGE_TYPES.map((type) =>
    // The messaging library types each listener by its message; dispatch re-checks everything at run time.
    onMessage(type, async (message) => {
      try {
        const result = await dispatch(handlers, self, type, message.data, message.sender);
        return result as never;
      } catch (error) {
        throw toReplyError(error);
      }
    }),
  );
  return () => {
    for (const remove of removers) remove();
  };
}
