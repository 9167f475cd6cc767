import { ScreenTitle } from '../common/ScreenTitle';
import { about, screens } from '../strings';

export function AboutScreen() {
  return (
    <>
      <ScreenTitle>{screens.about.title}</ScreenTitle>
      <div class="prose">
        <p>{about.intro}</p>
        <p>{about.whoFor}</p>
        <h2>{about.medicalHeading}</h2>
        <p class="callout">{about.medical}</p>
        <h2>{about.privacyHeading}</h2>
        <p>{about.privacy}</p>
        <h2>{about.licencesHeading}</h2>
        <p>{about.licences}</p>
        <p class="muted">
          {about.versionLabel} {__APP_VERSION__}
        </p>
      </div>
    </>
  );
}
