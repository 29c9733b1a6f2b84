import { useT } from '../useT';
import { openHome } from './lessonUi';

/** Opens the home screen with the lessons and the free-play scenarios. */
export function LessonsButton() {
  const t = useT();
  return (
    <button type="button" className="lessons-button" onClick={openHome} data-testid="lessons-button">
      {t('lessons.button')}
    </button>
  );
}
