// Before the page is drawn (a classic script in <head>; style/main.css):
// a link naming a transcript from the reader's library (?doc=…) hides the
// pre-rendered seed until that one is read (`opening`); a link with a
// speaker filter (?s=…) keeps the transcript's place but hides it until the
// app has applied the filter (`applying`), so no turn jumps when the others
// fold away. src/library.rs takes both marks off.
var q = location.search;
if (/[?&]doc=/.test(q)) document.documentElement.classList.add('opening');
else if (/[?&]s=[^&]/.test(q)) document.documentElement.classList.add('applying');
