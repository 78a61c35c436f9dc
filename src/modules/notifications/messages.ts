import { statusLabels, type CaseStatus } from '../cases/cases.state.js';

/** What a message says, per action; the case number is filled in at delivery. */
export interface MessageInput {
  action: string;
  caseNumber: string;
  status: string;
  text: string | null;
}

const SMS_TEXT_MAX = 120;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The sentence a citizen reads, in Chinese (the language of the hotline). */
export function citizenSentence(m: MessageInput, textMax = 2000): string {
  const n = m.caseNumber;
  const text = m.text ? clip(m.text, textMax) : '';
  switch (m.action) {
    case 'received':
      return `您反映的诉求已受理，编号${n}。可凭编号和手机号后四位查询办理进度。`;
    case 'report_merged':
      return `您反映的诉求已受理，并与同一问题的其他诉求合并办理，编号${n}。`;
    case 'answer':
      return `您的诉求（编号${n}）已答复：${text}`;
    case 'resolve':
      return `您的诉求（编号${n}）已办结${text ? `：${text}` : '。'}请对办理结果进行评价。`;
    case 'invalidate':
      return `您的诉求（编号${n}）不予受理${text ? `，原因：${text}` : '。'}`;
    case 'reopen':
      return `您的诉求（编号${n}）已重新交办，我们会尽快处理。`;
    default:
      return `您的诉求（编号${n}）状态：${statusLabel(m.status)}。`;
  }
}

export function statusLabel(status: string): string {
  return statusLabels[status as CaseStatus]?.zh ?? status;
}

export function smsText(signature: string, m: MessageInput): string {
  return `${signature}${citizenSentence(m, SMS_TEXT_MAX)}`;
}

export function emailSubject(m: MessageInput): string {
  return `诉求 ${m.caseNumber}：${statusLabel(m.status)}`;
}
