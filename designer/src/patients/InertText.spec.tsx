/** @jest-environment jsdom */
import { describe, expect, test } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import { InertText } from './InertText';

describe('InertText', () => {
  test("a patient's unsubscribe link is shown as text that staff cannot follow", () => {
    const { container } = render(
      <p>
        <InertText text={'Your reminder.\nUnsubscribe: https://carepath.example/u?t=abc Thank you.'} />
      </p>,
    );
    expect(container.querySelector('a')).toBeNull();
    expect(screen.getByText('https://carepath.example/u?t=abc').tagName).toBe('SPAN');
    expect(container.textContent).toBe(
      'Your reminder.\nUnsubscribe: https://carepath.example/u?t=abc Thank you.',
    );
  });
});
