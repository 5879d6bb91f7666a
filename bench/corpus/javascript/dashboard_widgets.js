// Client-side widgets for the customer dashboard (bundled by webpack).

const TRUSTED_EMBED_ORIGIN = "https://widgets.example-analytics.com";

function readParam(name) {
  return new URLSearchParams(window.location.search).get(name);
}

export function renderGreeting() {
  const name = readParam("name") || "there";
  const greeting = document.getElementById("greeting");
  greeting.innerHTML = "Welcome back, <strong>" + name + "</strong>!";
}

export function renderUnreadBadge(count) {
  const badge = document.querySelector(".unread-badge");
  const unread = Math.max(0, Number.parseInt(count, 10) || 0);
  badge.innerHTML = `<span class="count">${unread}</span> unread`;
}

export function renderShareLink() {
  const campaign = window.location.hash.slice(1);
  document.write('<a class="share" href="/share?c=' + campaign + '">Share this dashboard</a>');
}

export function listenForPreview() {
  const preview = document.getElementById("preview");
  window.addEventListener("message", (event) => {
    if (event.data && event.data.type === "preview") {
      preview.innerHTML = event.data.html;
    }
  });
}

export function listenForChartTitle() {
  const title = document.getElementById("chart-title");
  window.addEventListener("message", (event) => {
    if (event.origin !== TRUSTED_EMBED_ORIGIN) {
      return;
    }
    title.textContent = String(event.data.title || "");
  });
}
