import { Component, PendingTasks } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, RouterPreloader, type Routes, withPreloading } from '@angular/router';
import { IdlePreloading, PRELOAD } from './idle-preloading';

@Component({ selector: 'sr-test-screen', template: 'screen' })
class Screen {}

describe('IdlePreloading', () => {
  let loaded: string[];

  function lazy(name: string, preload: boolean): Routes[number] {
    return {
      path: name,
      ...(preload ? { data: { [PRELOAD]: true } } : {}),
      loadComponent: () => {
        loaded.push(name);
        return Promise.resolve(Screen);
      },
    };
  }

  /** Returns what ends the first screen's loading when the test says it is still loading. */
  async function openFirstScreen({ stillLoading = false } = {}): Promise<() => void> {
    loaded = [];
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [{ path: '', component: Screen }, lazy('leads', true), lazy('analytics', false)],
          withPreloading(IdlePreloading),
        ),
      ],
    });
    const done = stillLoading ? TestBed.inject(PendingTasks).add() : () => undefined;
    // What bootstrapping the app does; TestBed bootstraps nothing.
    TestBed.inject(RouterPreloader).setUpPreloading();
    await TestBed.inject(Router).navigateByUrl('/');
    return done;
  }

  /** Long enough for the idle callback (or its stand-in) and the loads it starts. */
  const idle = () => new Promise((resolve) => setTimeout(resolve, 50));

  afterEach(() => {
    delete (navigator as { connection?: unknown }).connection;
  });

  it('loads the screens marked for it once the first screen is done, and only those', async () => {
    await openFirstScreen();
    await idle();
    expect(loaded).toEqual(['leads']);
  });

  it('waits while the first screen is still loading (its data, its code)', async () => {
    const firstScreenLoaded = await openFirstScreen({ stillLoading: true });
    await idle();
    expect(loaded).toEqual([]);

    firstScreenLoaded();
    await idle();
    expect(loaded).toEqual(['leads']);
  });

  it('loads nothing ahead when the browser asks to save data', async () => {
    Object.defineProperty(navigator, 'connection', { value: { saveData: true }, configurable: true });
    await openFirstScreen();
    await idle();
    expect(loaded).toEqual([]);
  });
});
