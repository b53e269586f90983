import { Navigate } from 'react-router';
import { navigationFor } from '../app/navigation';
import { useUser } from '../auth/session';

/** `/` opens the role's first menu entry (the desk's intake form, the head's inbox …). */
export default function StartPage() {
  const user = useUser();
  const first = navigationFor(user.role)[0];
  return <Navigate to={first?.path ?? '/notifications'} replace />;
}
