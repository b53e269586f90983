import { Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { applyFieldErrors, ProblemAlert } from '../components/ProblemAlert';
import { useI18n } from '../i18n/i18n';
import { LanguageToggle } from '../layout/LanguageToggle';
import { useSession } from './session';

interface LoginForm {
  username: string;
  password: string;
}

export default function LoginPage() {
  const { t, lang } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm<LoginForm>();
  const [error, setError] = useState<unknown>(null);
  const [placed, setPlaced] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (session.user) return <Navigate to={from} replace />;

  const submit = async (values: LoginForm) => {
    setBusy(true);
    setError(null);
    try {
      await session.login(values.username, values.password);
      navigate(from, { replace: true });
    } catch (e) {
      setPlaced(applyFieldErrors(form, e, lang));
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login-page" id="main">
      <div className="login-lang"><LanguageToggle /></div>
      <Card className="login-card">
        <Typography.Title level={1} className="login-title">{t('app.name')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
        <Typography.Title level={2} className="login-subtitle">{t('login.title')}</Typography.Title>
        {session.expired && !error && <ProblemAlert error={new Error(t('session.expired'))} />}
        <ProblemAlert error={error} fieldsShown={placed} />
        <Form form={form} layout="vertical" requiredMark onFinish={submit} className="login-form">
          <Form.Item label={t('login.username')} name="username" rules={[{ required: true, message: t('common.required') }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('common.required') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>{t('login.submit')}</Button>
        </Form>
        <Typography.Paragraph className="login-citizen">
          {t('login.citizen_hint')} <Link to="/track">{t('nav.public_tracking')}</Link>
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
