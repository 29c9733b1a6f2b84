import { describe, expect, it } from 'vitest';
import type { Frame } from '../protocol';
import { buildWorld, PRESET_NAMES } from '../scenario/scenario';
import { decodeShare, encodeShare, readShareFile, shareFileText } from '../share/codec';
import type { ShareDoc } from '../share/document';
import { liveDoc } from '../share/testDocs';
import { SimHost } from './host';

/** A link the page made reopens the same run: the codec round trip, then the worker host loading it. */
describe('share links through the worker host', () => {
  for (const preset of PRESET_NAMES) {
    it(`round-trips the ${preset} preset, and the link rebuilds the run to the same hash`, () => {
      const { doc, hash } = liveDoc(preset);
      const s = encodeShare(doc);
      expect(`https://example.org/distlab/?s=${s}`.length).toBeLessThan(2000);
      const back = decodeShare(s);
      expect(back).toEqual({ ok: true, doc });
      expect(readShareFile(shareFileText(doc))).toEqual({ ok: true, doc });
      // what the page does with it: load in the worker host, up to the cursor
      const frames: Frame[] = [];
      const host = new SimHost({ nowMs: () => 0, schedule: () => undefined }, (f) => frames.push(f));
      const d = (back as { doc: ShareDoc }).doc;
      host.load(1, buildWorld(d.scenario), d.scenario.seed, d.log, false, 1, { event: d.cursorEvent, us: d.cursorUs });
      const v = frames[frames.length - 1]!.view;
      expect(v.traceHash).toBe(hash);
      expect(v.eventsProcessed).toBe(doc.cursorEvent);
      expect(v.nowUs).toBe(doc.cursorUs);
    });
  }

});
