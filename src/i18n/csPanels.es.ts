import type { csPanelsEn } from './csPanels.en';

/** Textos en español de los paneles del laboratorio cliente/servidor (capas y gráficas). */
export const csPanelsEs: Record<keyof typeof csPanelsEn, string> = {
  'charts.title': 'A lo largo del tiempo',
};
