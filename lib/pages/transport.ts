/**
 * The popup's and options page's only way to the background. Components never import messaging:
 * they get a Transport, so tests hand them an in-memory one (tests/pages/fake-transport.ts) and the
 * extension hands them the real message bus.
 */
import { sendMessage, type ProtocolMap } from '../messaging';

type Request<K extends keyof ProtocolMap> = Parameters<ProtocolMap[K]>[0];
type Response<K extends keyof ProtocolMap> = ReturnType<ProtocolMap[K]>;

export type Transport = <K extends keyof ProtocolMap>(
  type: K,
  ...request: Parameters<ProtocolMap[K]>
) => Promise<Response<K>>;

export type { Request, Response };

/** The extension's message bus (lib/messaging.ts). */
export const extensionTransport: Transport = (type, ...request) =>
  // The generic overloads of sendMessage cannot follow a generic K; the ProtocolMap types above do.
  (sendMessage as (type: string, data?: unknown) => Promise<never>)(type, request[0]);
