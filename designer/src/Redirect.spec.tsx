/** @jest-environment jsdom */
import { describe, expect, test } from '@jest/globals';
import { render } from '@testing-library/react';
import { useLayoutEffect } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Redirect } from './Redirect';

/** What a click on a section link does between a render and its effects: the address changes. */
function ClickBeforeEffects({ to }: Readonly<{ to: string }>) {
  useLayoutEffect(() => window.history.pushState({}, '', to), [to]);
  return null;
}

describe('Redirect', () => {
  test('moves an address nobody has left yet', () => {
    window.history.replaceState({}, '', '/');
    render(
      <BrowserRouter>
        <Routes>
          <Route path="/" element={<Redirect to="/journeys" />} />
          <Route path="*" element={null} />
        </Routes>
      </BrowserRouter>,
    );
    expect(window.location.pathname).toBe('/journeys');
  });

  test('a click made before the redirect ran keeps its address (the staff queue, not the journeys)', () => {
    window.history.replaceState({}, '', '/');
    render(
      <BrowserRouter>
        <ClickBeforeEffects to="/queue" />
        <Routes>
          <Route path="/" element={<Redirect to="/journeys" />} />
          <Route path="*" element={null} />
        </Routes>
      </BrowserRouter>,
    );
    expect(window.location.pathname).toBe('/queue');
  });
});
