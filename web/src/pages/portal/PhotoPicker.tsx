import { useCallback, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** Photos one report may carry (the server's MAX_PHOTOS). */
export const MAX_PHOTOS = 9;

/** A preview of a chosen file; its object URL lives exactly as long as the image element. */
function Thumb({ file, alt }: { file: File; alt: string }) {
  const attach = useCallback(
    (img: HTMLImageElement | null) => {
      if (!img) return;
      const url = URL.createObjectURL(file);
      img.src = url;
      return () => URL.revokeObjectURL(url);
    },
    [file],
  );
  return <img ref={attach} alt={alt} />;
}

/**
 * 照片: the camera (on phones `capture` opens it directly) or the gallery, with previews and a
 * remove button on each. Files that are not images are skipped with a message; the server checks
 * the bytes again.
 */
export function PhotoPicker({
  files,
  onChange,
  labelId,
}: {
  files: File[];
  onChange: (files: File[]) => void;
  labelId: string;
}) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<string | null>(null);

  const add = (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(e.target.files ?? [])];
    e.target.value = ''; // choosing the same file again still fires a change
    const images = chosen.filter((f) => f.type.startsWith('image/'));
    const skipped = chosen.find((f) => !f.type.startsWith('image/'));
    const room = MAX_PHOTOS - files.length;
    if (skipped) setNotice(t('portal.photo.notImage', { name: skipped.name }));
    else if (images.length > room) setNotice(t('portal.photo.tooMany', { max: MAX_PHOTOS }));
    else setNotice(null);
    if (images.length > 0 && room > 0) onChange([...files, ...images.slice(0, room)]);
  };

  const full = files.length >= MAX_PHOTOS;
  return (
    <div className="portal-photos" role="group" aria-labelledby={labelId}>
      <div className="portal-actions">
        <label className={`portal-button portal-file${full ? ' disabled' : ''}`}>
          <svg className="portal-icon" viewBox="0 0 24 24" aria-hidden="true">
            <path
              fill="currentColor"
              d="M9 3 7.2 5H4a2 2 0 0 0-2 2v11a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2h-3.2L15 3H9Zm3 5a5 5 0 1 1 0 10 5 5 0 0 1 0-10Zm0 2a3 3 0 1 0 0 6 3 3 0 0 0 0-6Z"
            />
          </svg>
          {t('portal.photo.camera')}
          <input
            type="file"
            accept="image/*"
            capture="environment"
            className="sr-only"
            disabled={full}
            onChange={add}
          />
        </label>
        <label className={`portal-button portal-file secondary${full ? ' disabled' : ''}`}>
          {t('portal.photo.gallery')}
          <input type="file" accept="image/*" multiple className="sr-only" disabled={full} onChange={add} />
        </label>
      </div>
      {notice && (
        <p className="portal-warning" role="status">
          {notice}
        </p>
      )}
      {files.length > 0 && (
        <>
          <p className="portal-hint" aria-live="polite">
            {t('portal.photo.count', { count: files.length })}
          </p>
          <ul className="portal-thumbs" data-testid="photo-previews">
            {files.map((file, i) => (
              <li key={`${i}-${file.name}-${file.size}-${file.lastModified}`}>
                <Thumb file={file} alt={t('portal.photo.preview', { n: i + 1, name: file.name })} />
                <button
                  type="button"
                  className="portal-remove"
                  aria-label={t('portal.photo.remove', { n: i + 1 })}
                  onClick={() => onChange(files.filter((_, j) => j !== i))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
