// Comment thread widget embedded in article pages.

interface CommentView {
  author: string;
  body: string;
  postedAt: string;
}

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);
}

export function renderComments(list: HTMLElement, comments: CommentView[]): void {
  list.innerHTML = comments
    .map(
      (c) =>
        `<li><b>${escapeHtml(c.author)}</b> <time>${escapeHtml(c.postedAt)}</time><p>${escapeHtml(c.body)}</p></li>`,
    )
    .join("");
}

export function highlightFromLink(list: HTMLElement): void {
  const highlighted = decodeURIComponent(window.location.hash.slice(1));
  if (highlighted) {
    list.insertAdjacentHTML("afterbegin", `<li class="notice">Showing replies to ${highlighted}</li>`);
  }
}

export function showDraftWarning(banner: HTMLElement): void {
  const draft = new URLSearchParams(window.location.search).get("draft");
  banner.outerHTML = `<div class="banner">You are viewing draft ${draft}</div>`;
}
