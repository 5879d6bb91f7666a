const express = require('express');

const router = express.Router();
const TRUSTED_RETURN = ['/dashboard', '/billing', '/settings'];

function isLocalPath(target) {
  return (
    typeof target === 'string' &&
    target.startsWith('/') &&
    !target.startsWith('//') &&
    !target.includes('\\')
  );
}

router.get('/logout', (req, res) => {
  req.session.destroy(() => {
    res.redirect(req.query.next || '/');
  });
});

router.post('/login/complete', (req, res) => {
  const dest = isLocalPath(req.body.returnTo) ? req.body.returnTo : '/dashboard';
  res.redirect(dest);
});

router.get('/switch-plan', (req, res) => {
  const back = TRUSTED_RETURN.includes(req.query.back) ? req.query.back : '/billing';
  res.redirect(303, back);
});

router.get('/sso/callback', (req, res) => {
  const { state } = req.query;
  const decoded = JSON.parse(Buffer.from(String(state), 'base64').toString());
  res.location(decoded.returnUrl);
  res.status(302).end();
});

router.get('/out', (req, res) => {
  res.writeHead(302, { Location: req.query.u });
  res.end();
});

module.exports = router;
