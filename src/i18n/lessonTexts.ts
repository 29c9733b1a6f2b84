/** The guided lessons' texts, added to the catalogues when the lessons load (they are not in the page's first script). */
import { addCatalogues } from './index';
import { lessonsEn } from './lessons.en';
import { lessonsEs } from './lessons.es';

addCatalogues({ en: lessonsEn, es: lessonsEs });
