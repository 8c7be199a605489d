import { bootstrapApplication } from '@angular/platform-browser';
import { appConfig } from './app/app.config';
import { App } from './app/app';

bootstrapApplication(App, appConfig).catch((error: unknown) => {
  console.error(error);
  // Nothing Angular can render if bootstrap failed (e.g. config.json missing): say so plainly.
  const message = document.createElement('p');
  message.className = 'sr-boot-failure';
  message.setAttribute('role', 'alert');
  message.textContent =
    'Showroom could not start. Reload the page; if this keeps happening, tell your administrator: ' +
    (error instanceof Error ? error.message : String(error));
  document.body.replaceChildren(message);
});
