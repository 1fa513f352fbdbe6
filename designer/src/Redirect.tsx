import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';

/**
 * `<Navigate replace>` that yields to the user. A redirect navigates in an effect, which React may
 * run after a click that was already handled: signing in lands on `/`, the section links appear,
 * and a quick click on "Staff queue" was then replaced by the redirect to the journeys (seen in CI
 * on a busy machine). If the address changed since this rendered, the user's choice stands.
 */
export function Redirect({ to }: Readonly<{ to: string }>) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  useEffect(() => {
    if (window.location.pathname !== pathname) return;
    void navigate(to, { replace: true });
  }, [navigate, pathname, to]);
  return null;
}
