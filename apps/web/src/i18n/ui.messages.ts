import type { Message } from '@domain-messages';

/**
 * The web app's own words: Vietnamese first, English second, `{name}` placeholders and, in English, counts as
 * `{count|one|other}` (the API catalogue's style). Labels of domain things (kinds, statuses, actions, roles …)
 * come from the API's catalogue (`LABELS`), and messages the server sends are shown as sent, never re-worded.
 * Keys are grouped by screen; `common.*` is shared.
 */
export const UI_MESSAGES = {
  'app.name': { vi: 'Đơn thư và đối thoại', en: 'Petitions and dialogues' },
  'app.skip_to_content': { vi: 'Bỏ qua, đến nội dung chính', en: 'Skip to main content' },
  'common.loading': { vi: 'Đang tải…', en: 'Loading…' },
  'common.retry': { vi: 'Thử lại', en: 'Try again' },
  'common.save': { vi: 'Lưu', en: 'Save' },
  'common.cancel': { vi: 'Hủy', en: 'Cancel' },
  'common.submit': { vi: 'Gửi', en: 'Submit' },
  'common.search': { vi: 'Tìm kiếm', en: 'Search' },
  'common.print': { vi: 'In', en: 'Print' },
  'common.close': { vi: 'Đóng', en: 'Close' },
  'common.none': { vi: 'Không có', en: 'None' },
  'common.required': { vi: 'Bắt buộc', en: 'Required' },
  'common.network_error': {
    vi: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
    en: 'Cannot reach the server. Check the network and try again.',
  },
  'common.page_error': { vi: 'Trang này gặp lỗi khi hiển thị. Hãy thử lại; nếu vẫn lỗi, báo cho quản trị viên.', en: 'This page failed to display. Try again; if it keeps failing, tell your administrator.' },
  'common.not_found_page': { vi: 'Không có trang này.', en: 'There is no such page.' },
  'common.back_home': { vi: 'Về trang đầu', en: 'Back to the start' },
  'lang.switch_to': { vi: 'English', en: 'Tiếng Việt' },
  'lang.switch_label': { vi: 'Đổi ngôn ngữ sang tiếng Anh', en: 'Switch the language to Vietnamese' },
  'login.title': { vi: 'Đăng nhập', en: 'Sign in' },
  'login.subtitle': { vi: 'Dành cho cán bộ tiếp công dân, lãnh đạo, cán bộ xử lý và Ban Dân vận', en: 'For reception desks, heads, handlers and the mass-mobilization board' },
  'login.username': { vi: 'Tên đăng nhập', en: 'Username' },
  'login.password': { vi: 'Mật khẩu', en: 'Password' },
  'login.submit': { vi: 'Đăng nhập', en: 'Sign in' },
  'login.citizen_hint': { vi: 'Người dân tra cứu đơn tại đây, không cần đăng nhập:', en: 'Citizens track a petition here, without signing in:' },
  'session.logout': { vi: 'Đăng xuất', en: 'Sign out' },
  'session.expired': { vi: 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.', en: 'Your session has ended. Please sign in again.' },
  'nav.menu': { vi: 'Danh mục chức năng', en: 'Main menu' },
  'nav.intake': { vi: 'Tiếp nhận đơn', en: 'Log a petition' },
  'nav.reception_log': { vi: 'Sổ tiếp công dân', en: 'Reception log' },
  'nav.search': { vi: 'Tra cứu đơn', en: 'Find a petition' },
  'nav.inbox': { vi: 'Cần xử lý', en: 'To handle' },
  'nav.dialogues': { vi: 'Đối thoại', en: 'Dialogues' },
  'nav.commitments': { vi: 'Cam kết', en: 'Commitments' },
  'nav.reception_days': { vi: 'Lịch tiếp công dân', en: 'Reception days' },
  'nav.notifications': { vi: 'Thông báo', en: 'Notifications' },
  'nav.board': { vi: 'Theo dõi, đôn đốc', en: 'Oversight' },
  'nav.public_tracking': { vi: 'Tra cứu tình trạng đơn', en: 'Track your petition' },
  'header.unit': { vi: 'Đơn vị', en: 'Unit' },
  'header.notifications': { vi: 'Thông báo ({count} chưa đọc)', en: 'Notifications ({count} unread)' },
  'home.title': { vi: 'Xin chào, {name}', en: 'Hello, {name}' },
} as const satisfies Record<string, Message>;

export type UiMessageKey = keyof typeof UI_MESSAGES;
