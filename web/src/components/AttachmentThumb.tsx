import { useAttachmentImage } from '../api/inbox';

/** A photo attachment as a thumbnail (fetched with the session; a plain <img src> has no token). */
export function AttachmentThumb({
  id,
  fileName,
  size = 96,
}: {
  id: string;
  fileName: string;
  size?: number;
}) {
  const image = useAttachmentImage(id);
  return (
    <span className="thumb" style={{ width: size, height: size }}>
      {image.data ? (
        <img src={image.data} alt={fileName} width={size} height={size} data-testid="thumb" />
      ) : null}
    </span>
  );
}

/** Whether an attachment is an image the browser can show as a thumbnail. */
export const isImage = (mimeType: string) => /^image\/(png|jpeg|gif|webp)$/.test(mimeType);
