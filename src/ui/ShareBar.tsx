import { useEffect, useState } from 'react';
import { importFile, loadCodec, makeShareLink, shareFile, shareLink } from '../store/share';
import { useT } from './useT';
import './share.css';

/** One "Share" button: a link to this moment (copied), an embed link, export to a file and import from one. */
export function ShareBar() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [link, setLink] = useState<{ url: string; copied: boolean } | null>(null);
  const makeLink = async (embed: boolean) => {
    const url = await makeShareLink(location.href, embed);
    if (!url) return;
    setLink({ url, copied: false });
    try {
      await navigator.clipboard.writeText(url);
      setLink({ url, copied: true });
    } catch {
      // no clipboard permission (or no secure context): the person copies it from the field
    }
  };
  const exportFile = () => {
    const f = shareFile();
    if (!f) return;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([f.text], { type: 'application/json' }));
    a.download = f.name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };
  const toggle = () => {
    if (!open) void makeLink(false);
    setOpen(!open);
  };
  return (
    <div className="share">
      <button type="button" onClick={toggle} aria-expanded={open} title={t('share.linkHint')} data-testid="share">
        {t('share.title')} ▾
      </button>
      {open && (
        <div className="share-pop" role="group" aria-label={t('share.title')}>
          {link && <span className="small">{link.copied ? t('share.copied', { n: link.url.length }) : t('share.copyManual', { n: link.url.length })}</span>}
          <input readOnly value={link?.url ?? ''} onFocus={(e) => e.target.select()} aria-label={t('share.urlLabel')} data-testid="share-url" />
          <div className="row-actions">
            <button type="button" onClick={() => void makeLink(false)} title={t('share.linkHint')} data-testid="share-link">
              {t('share.link')}
            </button>
            <button type="button" onClick={() => void makeLink(true)} title={t('share.embedHint')} data-testid="share-embed">
              {t('share.embedLink')}
            </button>
            <button type="button" onClick={exportFile} title={t('share.exportHint')} data-testid="share-export">
              {t('share.export')}
            </button>
            <button type="button" onClick={() => chooseFile((file) => { setOpen(false); void importFile(file); })} title={t('share.importHint')} data-testid="share-import">
              {t('share.import')}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('share.close')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

/**
 * Opens the browser's file chooser from an input made for the click: a file
 * input kept in the page costs its first layout a font lookup for the
 * input's own label (tens of ms on the way to a shared link's first frame).
 */
function chooseFile(onFile: (file: File) => void): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = '.json,application/json';
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) onFile(file);
  });
  input.click();
}

/** In embed mode: a link to the same run in the full lab. */
export function ShareOpenFull() {
  const t = useT();
  // the link is made as the click happens, so the codec is loaded beforehand
  useEffect(() => void loadCodec(), []);
  return (
    <a
      href={location.href}
      target="_blank"
      rel="noopener"
      onClick={(e) => {
        e.currentTarget.href = shareLink(location.href) ?? location.href;
      }}
      data-testid="open-full"
    >
      {t('share.openFull')} ↗
    </a>
  );
}
