import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useArticles,
  useCreateArticle,
  usePatchArticle,
  useRetireArticle,
  type Article,
} from '../../api/admin/knowledge';
import { CategoryPicker } from '../../components/category-picker/CategoryPicker';
import { ErrorMessage, Loading } from '../../components/Status';
import { useDebounced } from '../../components/useDebounced';
import { ConfirmButton, Field, UnitPicker, type UnitChoice } from './parts';

type Status = Article['status'];
const statuses: Status[] = ['draft', 'published', 'retired'];

/** 知识库: list and search the articles, create and edit them, publish, take back, retire. */
export function KnowledgePage() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [status, setStatus] = useState<Status | ''>('');
  const q = useDebounced(text.trim(), 250);
  const list = useArticles({ ...(q ? { q } : {}), ...(status ? { status } : {}), limit: 100 });
  const patch = usePatchArticle();
  const retire = useRetireArticle();
  // null: no form; 'new': creating; an article: editing it.
  const [editing, setEditing] = useState<Article | 'new' | null>(null);
  return (
    <section aria-labelledby="kn-admin-title">
      <h1 id="kn-admin-title">{t('admin.section.knowledge')}</h1>
      <p className="muted">{t('knowledgeAdmin.hint')}</p>
      {editing ? (
        <ArticleForm
          key={editing === 'new' ? 'new' : `${editing.id}:${editing.version}`}
          article={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      ) : (
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          {t('knowledgeAdmin.new')}
        </button>
      )}
      <div className="row filters" role="search">
        <Field label={t('knowledgeAdmin.search')}>
          {(id) => <input id={id} type="search" value={text} onChange={(e) => setText(e.target.value)} />}
        </Field>
        <Field label={t('knowledgeAdmin.statusFilter')}>
          {(id) => (
            <select id={id} value={status} onChange={(e) => setStatus(e.target.value as Status | '')}>
              <option value="">{t('common.all')}</option>
              {statuses.map((s) => (
                <option key={s} value={s}>
                  {t(`knowledgeAdmin.status.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {list.isPending && <Loading />}
      {list.isError && <ErrorMessage error={list.error} />}
      {patch.isError && <ErrorMessage error={patch.error} />}
      {retire.isError && <ErrorMessage error={retire.error} />}
      {list.data && (
        <>
          <p className="muted">{t('knowledgeAdmin.total', { count: list.data.total })}</p>
          {list.data.items.length === 0 ? (
            <p className="muted">{t('knowledgeAdmin.empty')}</p>
          ) : (
            <table className="cases" data-testid="article-table">
              <thead>
                <tr>
                  <th scope="col">{t('knowledgeAdmin.title')}</th>
                  <th scope="col">{t('admin.status')}</th>
                  <th scope="col">{t('knowledgeAdmin.category')}</th>
                  <th scope="col">{t('knowledgeAdmin.ownerUnit')}</th>
                  <th scope="col">{t('knowledgeAdmin.audience')}</th>
                  <th scope="col">{t('knowledgeAdmin.uses')}</th>
                  <th scope="col">{t('knowledgeAdmin.helpful')}</th>
                  <th scope="col">{t('knowledgeAdmin.updated')}</th>
                  <th scope="col">{t('admin.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((a) => (
                  <tr key={a.id} className={a.status === 'retired' ? 'inactive' : undefined}>
                    <td>{a.title}</td>
                    <td>
                      {t(`knowledgeAdmin.status.${a.status}`)}
                      {a.expired && ` · ${t('knowledgeAdmin.expired')}`}
                    </td>
                    <td>{a.category ? `${a.category.name}（${a.category.code}）` : t('common.none')}</td>
                    <td>{a.ownerUnit ? `${a.ownerUnit.name}（${a.ownerUnit.code}）` : t('common.none')}</td>
                    <td>
                      {a.public ? t('knowledgeAdmin.audiencePublic') : t('knowledgeAdmin.audienceStaff')}
                    </td>
                    <td>{a.useCount}</td>
                    <td>{a.helpfulCount}</td>
                    <td>{new Date(a.updatedAt).toLocaleString()}</td>
                    <td className="row">
                      <button type="button" onClick={() => setEditing(a)}>
                        {t('knowledgeAdmin.edit')}
                      </button>
                      {a.status !== 'retired' && (
                        <button
                          type="button"
                          disabled={patch.isPending}
                          onClick={() =>
                            patch.mutate({
                              id: a.id,
                              body: {
                                version: a.version,
                                status: a.status === 'draft' ? 'published' : 'draft',
                              },
                            })
                          }
                        >
                          {a.status === 'draft' ? t('knowledgeAdmin.publish') : t('knowledgeAdmin.unpublish')}
                        </button>
                      )}
                      {a.status !== 'retired' && (
                        <ConfirmButton
                          label={t('knowledgeAdmin.retire')}
                          confirmLabel={t('knowledgeAdmin.confirmRetire')}
                          onConfirm={() => retire.mutate({ id: a.id, version: a.version })}
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const words = (s: string) =>
  s
    .split(/[,，、;；\s]+/)
    .map((w) => w.trim())
    .filter(Boolean);

/** Creates an article, or edits one at the version it was read. */
function ArticleForm({ article, onDone }: { article: Article | null; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateArticle();
  const patch = usePatchArticle();
  const [title, setTitle] = useState(article?.title ?? '');
  const [questions, setQuestions] = useState(article?.questions.join('\n') ?? '');
  const [keywords, setKeywords] = useState(article?.keywords.join('，') ?? '');
  const [answer, setAnswer] = useState(article?.answer ?? '');
  const [category, setCategory] = useState(article?.category?.code ?? '');
  const [owner, setOwner] = useState<UnitChoice | null>(article?.ownerUnit ?? null);
  const [validUntil, setValidUntil] = useState(article?.validUntil ?? '');
  const [publish, setPublish] = useState(true);
  const [visible, setVisible] = useState(article?.public ?? false);
  const publicHint = useId();
  const busy = create.isPending || patch.isPending;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const fields = {
      title: title.trim(),
      questions: lines(questions),
      keywords: words(keywords),
      answer: answer.trim(),
      categoryCode: category || null,
      ownerUnitCode: owner?.code ?? null,
      validUntil: validUntil || null,
      public: visible,
    };
    if (article)
      patch.mutate({ id: article.id, body: { ...fields, version: article.version } }, { onSuccess: onDone });
    else create.mutate({ ...fields, status: publish ? 'published' : 'draft' }, { onSuccess: onDone });
  };
  return (
    <form className="card fields" onSubmit={submit} data-testid="article-form">
      <h2>
        {article ? t('knowledgeAdmin.editing', { title: article.title }) : t('knowledgeAdmin.creating')}
      </h2>
      <Field label={t('knowledgeAdmin.title')}>
        {(id) => (
          <input id={id} required maxLength={120} value={title} onChange={(e) => setTitle(e.target.value)} />
        )}
      </Field>
      <Field label={t('knowledgeAdmin.questions')}>
        {(id) => (
          <>
            <textarea
              id={id}
              rows={4}
              aria-describedby={`${id}-hint`}
              value={questions}
              onChange={(e) => setQuestions(e.target.value)}
            />
            <small id={`${id}-hint`} className="muted">
              {t('knowledgeAdmin.questionsHint')}
            </small>
          </>
        )}
      </Field>
      <Field label={t('knowledgeAdmin.keywords')}>
        {(id) => <input id={id} value={keywords} onChange={(e) => setKeywords(e.target.value)} />}
      </Field>
      <Field label={t('knowledgeAdmin.answer')}>
        {(id) => (
          <textarea
            id={id}
            required
            rows={6}
            maxLength={4000}
            value={answer}
            onChange={(e) => setAnswer(e.target.value)}
          />
        )}
      </Field>
      <div className="row links">
        <CategoryPicker
          label={t('knowledgeAdmin.category')}
          levels="any"
          value={category}
          onChange={setCategory}
        />
        <UnitPicker label={t('knowledgeAdmin.ownerUnit')} value={owner} onChange={setOwner} optional />
        <Field label={t('knowledgeAdmin.validUntil')}>
          {(id) => (
            <input id={id} type="date" value={validUntil} onChange={(e) => setValidUntil(e.target.value)} />
          )}
        </Field>
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={visible}
          aria-describedby={publicHint}
          onChange={(e) => setVisible(e.target.checked)}
        />{' '}
        {t('knowledgeAdmin.public')}
      </label>
      <small id={publicHint} className="muted">
        {t('knowledgeAdmin.publicHint')}
      </small>
      {!article && (
        <label className="check">
          <input type="checkbox" checked={publish} onChange={(e) => setPublish(e.target.checked)} />{' '}
          {t('knowledgeAdmin.publishNow')}
        </label>
      )}
      {create.isError && <ErrorMessage error={create.error} />}
      {patch.isError && <ErrorMessage error={patch.error} />}
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {t('knowledgeAdmin.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('admin.cancel')}
        </button>
      </div>
    </form>
  );
}
