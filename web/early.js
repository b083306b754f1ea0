// Before the page is drawn: a link naming a transcript from the reader's
// library (?doc=…) hides the pre-rendered seed until that one is read
// (style/main.css, `.opening`; src/library.rs takes the mark off).
if (/[?&]doc=/.test(location.search)) document.documentElement.classList.add('opening');
