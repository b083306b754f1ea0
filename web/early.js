// Before the page is drawn (a classic script in <head>; style/main.css):
// the reader's saved theme, so a dark page is never first drawn light (the
// app, src/prefs.rs, keeps it from then on); a link naming a transcript from
// the reader's library (?doc=…) hides the pre-rendered seed until that one
// is read (`opening`); a link with a speaker filter (?s=…) keeps the
// transcript's place but hides it until the app has applied the filter
// (`applying`), so no turn jumps. src/library.rs takes both marks off.
var root = document.documentElement;
try {
  var theme = localStorage.getItem('shilu.theme');
  if (theme === 'dark' || theme === 'light') root.setAttribute('data-theme', theme);
} catch (e) {
  // Storage blocked: the system's theme.
}
var q = location.search;
if (/[?&]doc=/.test(q)) root.classList.add('opening');
else if (/[?&]s=[^&]/.test(q)) root.classList.add('applying');
