// Sends the platform's e-mails through the SMTP server of TRAME_SMTP_URL; without it, mail is "not configured".
import nodemailer from 'nodemailer';

export type Mail = { to: string; subject: string; text: string };
export type MailOutcome = 'sent' | 'failed' | 'not_configured';

const FROM = 'Trame <ne-pas-repondre@trame.local>';

/**
 * Never throws: a mail that cannot leave is a fact to record (the coordinator then passes the link on
 * another way), not a failure of the write that asked for it, which has already committed.
 */
export async function sendMail(smtpUrl: string | undefined, mail: Mail, log?: (error: unknown) => void): Promise<MailOutcome> {
  if (!smtpUrl) return 'not_configured';
  const transport = nodemailer.createTransport(smtpUrl, { from: FROM });
  try {
    await transport.sendMail({ to: mail.to, subject: mail.subject, text: mail.text });
    return 'sent';
  } catch (error) {
    log?.(error);
    return 'failed';
  } finally {
    transport.close();
  }
}
