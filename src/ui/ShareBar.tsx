import { useEffect, useRef, useState } from 'react';
import { importFile, loadCodec, makeShareLink, shareFile, shareLink } from '../store/share';
import { useT } from './useT';
import './share.css';

/** One "Share" button: a link to this moment (copied), an embed link, export to a file and import from one. */
export function ShareBar() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [link, setLink] = useState<{ url: string; copied: boolean } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
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
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        className="sr-only"
        tabIndex={-1}
        aria-label={t('share.import')}
        data-testid="import-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          setOpen(false);
          if (file) void importFile(file);
        }}
      />
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
            <button type="button" onClick={() => fileInput.current?.click()} title={t('share.importHint')} data-testid="share-import">
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
