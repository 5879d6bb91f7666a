// Sends users back to where they were once their session has been renewed.

const LOGIN_PAGE = "/login";

function currentParams(): URLSearchParams {
  return new URLSearchParams(window.location.search);
}

export function resumeAfterRenewal(): void {
  const destination = currentParams().get("continue");
  window.location.replace(destination ?? "/");
}

export function redirectToLogin(): void {
  const here = window.location.pathname + window.location.search;
  window.location.assign(`${LOGIN_PAGE}?continue=${encodeURIComponent(here)}`);
}

export function resumeInApp(): void {
  const target = new URL(currentParams().get("continue") ?? "/", window.location.origin);
  window.location.replace(target.origin === window.location.origin ? target.href : "/");
}
