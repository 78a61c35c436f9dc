import type { Config } from '../../platform/config.js';
import { signedHeaders } from '../channels/signature.js';
import { emailSubject, citizenSentence, smsText, statusLabel, type MessageInput } from './messages.js';

/** One message ready to go: the outbox row plus what delivery looked up. */
export interface Outgoing extends MessageInput {
  /** The outbox id: receivers use it to drop a redelivery (at-least-once delivery). */
  id: string;
  recipient: string;
  at: Date;
  /** For webhooks: the channel's own id of the report and the secret that signs the call. */
  externalId: string | null;
  secret: string | null;
}

/** Why an attempt failed, and whether another attempt can help. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

export type Send = (message: Outgoing) => Promise<void>;
export type Adapters = Record<'webhook' | 'email' | 'sms', Send>;

async function post(url: string, body: string, headers: Record<string, string>, timeoutMs: number) {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
      body,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
  } catch (err) {
    throw new DeliveryError(`network: ${(err as Error).message}`, false);
  }
  await res.body?.cancel();
  if (res.ok) return;
  // 408, 425, 429 and 5xx are worth another attempt; other 4xx answers will not change.
  const retry = res.status >= 500 || [408, 425, 429].includes(res.status);
  throw new DeliveryError(`HTTP ${res.status}`, !retry);
}

/** The adapters of this process, built from the config (one SMTP connection per e-mail). */
export function createAdapters(config: Config): Adapters {
  const timeoutMs = config.OUTBOX_TIMEOUT_MS;
  // nodemailer loads with the first e-mail, not at start (a process without SMTP never needs it).
  const smtpUrl = config.SMTP_URL;
  let transport: Promise<import('nodemailer').Transporter> | null = null;
  const mailer = smtpUrl
    ? {
        sendMail: async (mail: import('nodemailer').SendMailOptions) => {
          transport ??= import('nodemailer').then(({ default: nodemailer }) =>
            nodemailer.createTransport({
              url: smtpUrl,
              connectionTimeout: timeoutMs,
              greetingTimeout: timeoutMs,
              socketTimeout: timeoutMs,
            }),
          );
          return (await transport).sendMail(mail);
        },
      }
    : null;
  return {
    /** Signed JSON back to the channel the report came through. */
    async webhook(m) {
      if (!m.secret) throw new DeliveryError('the channel has no secret', true);
      const body = JSON.stringify({
        deliveryId: m.id,
        event: m.action,
        caseNumber: m.caseNumber,
        externalId: m.externalId,
        status: m.status,
        statusLabel: statusLabel(m.status),
        text: m.text,
        message: citizenSentence(m),
        at: m.at.toISOString(),
      });
      // Signed like inbound deliveries (src/modules/channels/signature.ts), with the channel's secret.
      await post(
        m.recipient,
        body,
        { 'x-zhicheng-delivery': m.id, ...signedHeaders(m.secret, body) },
        timeoutMs,
      );
    },
    async email(m) {
      if (!mailer) throw new DeliveryError('SMTP_URL is not configured', false);
      try {
        await mailer.sendMail({
          from: config.SMTP_FROM,
          to: m.recipient,
          subject: emailSubject(m),
          text: `${citizenSentence(m)}\n\n——智城 12345 市民服务热线`,
          messageId: `<${m.id}@zhicheng>`,
          headers: { 'X-Zhicheng-Delivery': m.id },
        });
      } catch (err) {
        const code = (err as { responseCode?: number }).responseCode;
        // 5xx SMTP replies (unknown mailbox, rejected) are final; the rest is transient.
        throw new DeliveryError(`smtp: ${(err as Error).message}`, code !== undefined && code >= 500);
      }
    },
    /** A generic HTTP SMS gateway: POST {to, text, requestId} with a bearer token. */
    async sms(m) {
      if (!config.SMS_GATEWAY_URL) throw new DeliveryError('SMS_GATEWAY_URL is not configured', false);
      const body = JSON.stringify({
        to: m.recipient,
        text: smsText(config.SMS_SIGNATURE, m),
        requestId: m.id,
      });
      const auth: Record<string, string> = config.SMS_GATEWAY_TOKEN
        ? { authorization: `Bearer ${config.SMS_GATEWAY_TOKEN}` }
        : {};
      await post(config.SMS_GATEWAY_URL, body, { ...auth, 'x-request-id': m.id }, timeoutMs);
    },
  };
}
