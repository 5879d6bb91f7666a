import DOMPurify from 'dompurify';

const TOKEN_STORAGE_KEY = 'auth_token';
const params = new URLSearchParams(window.location.search);

function renderBanner() {
  const banner = document.getElementById('banner');
  const msg = params.get('msg');
  if (msg) {
    banner.innerHTML = `<div class="alert">${msg}</div>`;
  }
}

function renderSearchHeading() {
  const heading = document.querySelector('#results h2');
  heading.textContent = `Results for "${params.get('q') || ''}"`;
}

function clientRequestId() {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

async function loadComments(postId) {
  const res = await fetch(`/api/posts/${postId}/comments`, {
    headers: {
      Authorization: `Bearer ${localStorage.getItem(TOKEN_STORAGE_KEY)}`,
      'X-Request-Id': clientRequestId(),
    },
  });
  const comments = await res.json();
  const list = document.getElementById('comments');
  for (const c of comments) {
    const item = document.createElement('li');
    item.innerHTML = DOMPurify.sanitize(c.bodyHtml);
    list.appendChild(item);
  }
}

function showProfileCard(user) {
  const card = document.getElementById('profile');
  card.insertAdjacentHTML('beforeend', `<h3>${user.displayName}</h3><p>${user.bio}</p>`);
}

function followReturnLink() {
  const target = params.get('return');
  if (target) {
    window.location.href = target;
  }
}

function goToTab(name) {
  const tabs = { overview: '/app/overview', usage: '/app/usage' };
  window.location.assign(tabs[name] || '/app/overview');
}

function loadLegacyBundle() {
  document.write('<script src="/static/legacy-' + params.get('v') + '.js"></script>');
}

document.addEventListener('DOMContentLoaded', () => {
  renderBanner();
  renderSearchHeading();
  loadComments(document.body.dataset.postId);
  fetch('/api/me').then((r) => r.json()).then(showProfileCard);
  document.getElementById('back')?.addEventListener('click', followReturnLink);
  if (params.has('legacy')) loadLegacyBundle();
});

window.addEventListener('hashchange', () => goToTab(location.hash.slice(1)));
