import { Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from './session';
import { useSession } from './session';
import { lazy } from 'react';
const NotFoundPage = lazy(() => import('../pages/NotFoundPage'));

/** Staff pages: signed in, and (when `roles` is given) one of those roles. */
export function RequireAuth({ roles }: { roles?: readonly Role[] }) {
  const { user } = useSession();
  const location = useLocation();
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (roles && !roles.includes(user.role)) return <NotFoundPage />;
  return <Outlet />;
}
