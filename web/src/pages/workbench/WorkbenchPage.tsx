import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAnswerCase, useCreateReport, type ReportBody } from '../../api/cases';
import { useIntakePreview, useResolveAddress } from '../../api/intake';
import type { Priority } from '../../api/models';
import { ErrorMessage } from '../../components/Status';
import { useDebounced } from '../../components/useDebounced';
import { categoryChoices, Classification, SimilarCases } from './Assist';
import { KnowledgeAnswers, type UsedArticle } from './Knowledge';
import { MapPick, type Point } from './MapPick';

type Kind = 'request' | 'consultation';

/**
 * 坐席工作台: an agent takes a call — caller and contact, the text as the caller speaks (classified
 * live, with similar open cases), the place by its address and/or a point picked on the map, resolved
 * to street and community, with knowledge answers for what the caller asks — then files the case,
 * dispatches it now, answers it at once (直接办结, from a knowledge answer or in the agent's words), or
 * joins it to an open case (并案). Keyboard-first: fields in speaking order, every control labelled,
 * Ctrl+Enter files from anywhere in the form.
 */
export function WorkbenchPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useRef<HTMLFormElement>(null);
  const mergeTarget = useRef<string | null>(null);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [caller, setCaller] = useState('');
  const [phone, setPhone] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [kind, setKind] = useState<Kind>('request');
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [address, setAddress] = useState('');
  const [point, setPoint] = useState<Point | null>(null);
  const [mapOpen, setMapOpen] = useState(false);
  const [priority, setPriority] = useState<Priority>('normal');
  const [category, setCategory] = useState<string | null>(null);
  const [dispatchNow, setDispatchNow] = useState(true);
  const [answer, setAnswer] = useState('');
  const [article, setArticle] = useState<UsedArticle | null>(null);
  const answerField = useRef<HTMLTextAreaElement>(null);
  const create = useCreateReport();
  const answerCase = useAnswerCase();
  const answering = kind === 'consultation' && answer.trim() !== '';
  const busy = create.isPending || answerCase.isPending;

  const settledAddress = useDebounced(address.trim(), 400);
  const hasAddress = settledAddress.length >= 2;
  // The address and the point are read together, as intake reads a report's address and coordinates.
  const resolution = useResolveAddress(
    hasAddress || point
      ? {
          ...(hasAddress ? { address: settledAddress } : {}),
          ...(point ? { lon: point.lon, lat: point.lat } : {}),
        }
      : null,
  );
  const place =
    resolution.data?.status === 'resolved' ? (resolution.data.community ?? resolution.data.street) : null;
  const settledText = useDebounced(text.trim(), 400);
  const preview = useIntakePreview(
    settledText.length >= 4
      ? {
          text: settledText,
          ...(title.trim() ? { title: title.trim() } : {}),
          ...(place ? { areaCode: place.code } : {}),
          ...(point ?? {}),
        }
      : null,
  );
  // Until the agent picks one, the category follows the model's best reading.
  const chosen = category ?? categoryChoices(preview.data)[0]?.code ?? '';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const mergeIntoCase = mergeTarget.current;
    mergeTarget.current = null;
    const body: ReportBody = {
      channel: 'hotline',
      text: text.trim(),
      kind,
      priority,
      reporter: {
        anonymous,
        confidential: false,
        ...(!anonymous && caller.trim() ? { name: caller.trim() } : {}),
        ...(!anonymous && phone.trim() ? { phone: phone.trim() } : {}),
      },
      autoDispatch: dispatchNow && chosen !== '' && !mergeIntoCase && !answering,
      ...(title.trim() ? { title: title.trim() } : {}),
      ...(address.trim() ? { address: address.trim() } : {}),
      ...(place ? { areaCode: place.code } : {}),
      ...(point ? { lon: point.lon, lat: point.lat } : {}),
      ...(chosen ? { categoryCode: chosen } : {}),
      ...(mergeIntoCase ? { mergeIntoCase } : {}),
    };
    create.mutate(
      { body, idempotencyKey: mergeIntoCase ? `${idempotencyKey}:${mergeIntoCase}` : idempotencyKey },
      {
        onSuccess: (created) => {
          const open = () => void navigate(`/cases/${created.case.number}`);
          // A consultation answered at intake is filed and answered (直接办结) in one go.
          if (!answering || mergeIntoCase) return open();
          answerCase.mutate(
            {
              id: created.case.id,
              body: {
                version: created.case.version,
                answer: answer.trim(),
                ...(article ? { articleId: article.id } : {}),
              },
            },
            { onSuccess: open },
          );
        },
      },
    );
  };
  const shortcut = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.current?.requestSubmit();
    }
  };
  // 一网通答: the article's answer fills the direct answer of a consultation, ready to edit.
  const takeArticle = (used: UsedArticle, text: string) => {
    setKind('consultation');
    setAnswer(text);
    setArticle(used);
    setTimeout(() => answerField.current?.focus(), 0);
  };
  const merge = (number: string) => {
    mergeTarget.current = number;
    form.current?.requestSubmit();
  };

  return (
    <section aria-labelledby="wb-title">
      <h1 id="wb-title">{t('workbench.title')}</h1>
      <form ref={form} onSubmit={submit} onKeyDown={shortcut} className="workbench" data-testid="workbench">
        <div className="fields">
          <div className="row">
            <div className="field">
              <label htmlFor="wb-caller">{t('workbench.caller')}</label>
              <input
                id="wb-caller"
                autoFocus
                autoComplete="off"
                value={caller}
                disabled={anonymous}
                onChange={(e) => setCaller(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="wb-phone">{t('workbench.phone')}</label>
              <input
                id="wb-phone"
                type="tel"
                inputMode="tel"
                pattern="\+?[0-9\-]{5,20}"
                autoComplete="off"
                value={phone}
                disabled={anonymous}
                onChange={(e) => setPhone(e.target.value)}
              />
            </div>
            <label className="check">
              <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />{' '}
              {t('workbench.anonymous')}
            </label>
          </div>
          <div className="field">
            <label htmlFor="wb-text">{t('workbench.text')}</label>
            <textarea
              id="wb-text"
              required
              rows={6}
              maxLength={4000}
              aria-describedby="wb-text-hint"
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <small id="wb-text-hint" className="muted">
              {t('workbench.textHint')}
            </small>
          </div>
          <div className="field">
            <label htmlFor="wb-address">{t('workbench.address')}</label>
            <input
              id="wb-address"
              autoComplete="off"
              aria-describedby="wb-address-status"
              value={address}
              onChange={(e) => setAddress(e.target.value)}
            />
            <small id="wb-address-status" className="muted" aria-live="polite" data-testid="address-status">
              {(hasAddress || point) &&
                (resolution.isFetching
                  ? t('workbench.resolving')
                  : place
                    ? t('workbench.resolved', {
                        place: [resolution.data?.street?.name, resolution.data?.community?.name]
                          .filter(Boolean)
                          .join(' '),
                        confidence: `${Math.round((resolution.data?.confidence ?? 0) * 100)}%`,
                      })
                    : resolution.data && t('workbench.unresolved'))}
            </small>
            <div className="row">
              <button
                type="button"
                aria-expanded={mapOpen}
                aria-controls="wb-map"
                onClick={() => setMapOpen((o) => !o)}
              >
                {mapOpen ? t('workbench.hideMap') : t('workbench.pickOnMap')}
              </button>
              {point && !mapOpen && (
                <span className="muted" data-testid="wb-point">
                  {t('workbench.point', { lon: point.lon.toFixed(5), lat: point.lat.toFixed(5) })}
                </span>
              )}
              {point && (
                <button type="button" onClick={() => setPoint(null)}>
                  {t('workbench.clearPoint')}
                </button>
              )}
            </div>
            {mapOpen && (
              <div id="wb-map">
                <MapPick value={point} onChange={setPoint} />
              </div>
            )}
          </div>
          <div className="row">
            <div className="field">
              <label htmlFor="wb-title-field">{t('workbench.titleField')}</label>
              <input
                id="wb-title-field"
                autoComplete="off"
                value={title}
                onChange={(e) => setTitle(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="wb-kind">{t('workbench.kind')}</label>
              <select id="wb-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
                <option value="request">{t('kind.request')}</option>
                <option value="consultation">{t('kind.consultation')}</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="wb-priority">{t('workbench.priority')}</label>
              <select
                id="wb-priority"
                value={priority}
                onChange={(e) => setPriority(e.target.value as Priority)}
              >
                <option value="normal">{t('priority.normal')}</option>
                <option value="urgent">{t('priority.urgent')}</option>
                <option value="critical">{t('priority.critical')}</option>
              </select>
            </div>
          </div>
          {kind === 'consultation' && (
            <div className="field">
              <label htmlFor="wb-answer">{t('workbench.answer')}</label>
              <textarea
                id="wb-answer"
                ref={answerField}
                rows={3}
                maxLength={4000}
                aria-describedby="wb-answer-hint"
                value={answer}
                onChange={(e) => {
                  setAnswer(e.target.value);
                  if (e.target.value.trim() === '') setArticle(null);
                }}
              />
              <small id="wb-answer-hint" className="muted">
                {article
                  ? t('knowledgeAnswers.fromArticle', { title: article.title })
                  : t('workbench.answerHint')}
              </small>
            </div>
          )}
          <Classification
            preview={preview.data}
            loading={preview.isFetching}
            value={chosen}
            onChange={setCategory}
          />
          <label className="check">
            <input type="checkbox" checked={dispatchNow} onChange={(e) => setDispatchNow(e.target.checked)} />{' '}
            {t('workbench.dispatchNow')}
          </label>
          {create.isError && <ErrorMessage error={create.error} />}
          {answerCase.isError && <ErrorMessage error={answerCase.error} />}
          <div className="row">
            <button type="submit" className="primary" disabled={busy} data-testid="submit">
              {busy ? t('workbench.submitting') : t('workbench.submit')}
            </button>
            <span className="muted">{t('workbench.shortcut')}</span>
          </div>
        </div>
        <div className="fields">
          <KnowledgeAnswers text={settledText} usedId={article?.id ?? null} onUse={takeArticle} />
          <SimilarCases preview={preview.data} onMerge={merge} disabled={busy || text.trim() === ''} />
        </div>
      </form>
    </section>
  );
}
