// Post-login navigation helpers for the single-page app.

const DEFAULT_PAGE = "/home";

export function continueAfterLogin() {
  const params = new URLSearchParams(window.location.search);
  const returnUrl = params.get("returnUrl") || DEFAULT_PAGE;
  window.location.href = returnUrl;
}

export function continueAfterSignup() {
  const params = new URLSearchParams(window.location.search);
  const target = new URL(params.get("next") || DEFAULT_PAGE, window.location.origin);
  if (target.origin !== window.location.origin) {
    window.location.assign(DEFAULT_PAGE);
    return;
  }
  window.location.assign(target.pathname + target.search + target.hash);
}

export function openHelpArticle(articleId) {
  const id = encodeURIComponent(String(articleId));
  window.open(`https://help.example.com/articles/${id}`, "_blank", "noopener");
}
