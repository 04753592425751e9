// Copy buttons next to read-only fields (webhook URLs). Everything else works without script;
// htmx (bundled beside this file) polls a running run's progress and checks wizard fields.
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-copy]');
  if (!button) return;
  var field = document.getElementById(button.getAttribute('data-copy'));
  if (!field) return;
  field.select();
  var done = function () {
    button.textContent = 'Copied';
    setTimeout(function () { button.textContent = 'Copy'; }, 1500);
  };
  if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(field.value).then(done, function () {});
  else if (document.execCommand('copy')) done();
});
