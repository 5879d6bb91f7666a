import DOMPurify from 'dompurify';

type Comment = { id: string; author: string; html: string; text: string };

export class CommentThread {
  constructor(
    private readonly root: HTMLElement,
    private readonly apiBase: string,
  ) {}

  async load(): Promise<void> {
    const res = await fetch(`${this.apiBase}/comments`);
    const comments: Comment[] = await res.json();
    this.root.innerHTML = comments
      .map((c) => `<article data-id="${c.id}"><b>${c.author}</b><p>${c.text}</p></article>`)
      .join('');
  }

  renderRich(comment: Comment): void {
    const el = document.createElement('article');
    el.innerHTML = DOMPurify.sanitize(comment.html, { USE_PROFILES: { html: true } });
    this.root.append(el);
  }

  renderPlain(comment: Comment): void {
    const p = document.createElement('p');
    p.textContent = `${comment.author}: ${comment.text}`;
    this.root.append(p);
  }

  showError(): void {
    const reason = new URLSearchParams(location.search).get('error') ?? 'unknown';
    this.root.insertAdjacentHTML('afterbegin', `<div class="error">Failed: ${reason}</div>`);
  }

  openPermalink(): void {
    const next = new URLSearchParams(location.search).get('next');
    if (!next) return;
    const target = new URL(next, location.origin);
    if (target.origin === location.origin) {
      location.assign(target.href);
    }
  }

  followExternal(): void {
    const to = new URL(location.href).searchParams.get('to');
    if (to) {
      window.location.href = to;
    }
  }
}
