/** English texts of the client/server lab's panels (layers diagram and charts). */
export const csPanelsEn = {
  'charts.title': 'Over time',
} as const;
