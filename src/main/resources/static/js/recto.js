// Progressive enhancement only: every page works without this file.
// Escape dismisses a reference tooltip shown on hover or focus (WCAG 1.4.13, content on hover or focus).
document.addEventListener('keydown', function (event) {
  if (event.key !== 'Escape') {
    return;
  }
  document.querySelectorAll('.backref').forEach(function (ref) {
    ref.classList.add('tip-dismissed');
  });
});
document.addEventListener('focusin', function (event) {
  var ref = event.target.closest && event.target.closest('.backref');
  if (ref) {
    ref.classList.remove('tip-dismissed');
  }
});
document.addEventListener('mouseover', function (event) {
  var ref = event.target.closest && event.target.closest('.backref');
  if (ref && !ref.contains(event.relatedTarget)) {
    ref.classList.remove('tip-dismissed');
  }
});
