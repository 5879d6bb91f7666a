// Browser bundle for the account dashboard.
(function () {
  const params = new URLSearchParams(window.location.search);

  function showWelcome() {
    const who = params.get('who') || 'there';
    document.getElementById('welcome').innerHTML = '<b>Hello ' + who + '</b>';
  }

  function showWelcomeText() {
    const who = params.get('who') || 'there';
    document.getElementById('welcome-plain').textContent = 'Hello ' + who;
  }

  function showNotice() {
    const msg = decodeURIComponent(window.location.hash.slice(1));
    document.write('<div class="notice">' + msg + '</div>');
  }

  function showBadge(count) {
    const n = Number(count) | 0;
    document.getElementById('badge').innerHTML = '<span class="pill">' + n + '</span>';
  }

  function goNext() {
    const next = params.get('next');
    if (next) window.location.href = next;
  }

  function goTab() {
    const tab = params.get('tab');
    const allowed = { billing: '/account/billing', security: '/account/security' };
    window.location.assign(allowed[tab] || '/account');
  }

  function pickTip(tips) {
    return tips[Math.floor(Math.random() * tips.length)];
  }

  function renderSearchEcho() {
    const q = params.get('q') || '';
    const safe = DOMPurify.sanitize(q);
    document.getElementById('echo').innerHTML = 'Results for ' + safe;
  }

  document.addEventListener('DOMContentLoaded', () => {
    showWelcome();
    showWelcomeText();
    showNotice();
    showBadge(params.get('n'));
    renderSearchEcho();
    document.getElementById('tip').textContent = pickTip(['Use 2FA', 'Review sessions']);
    document.getElementById('next').addEventListener('click', goNext);
    document.getElementById('tab').addEventListener('click', goTab);
  });
})();
