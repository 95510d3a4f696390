// Copies a questionnaire link for staff to paste into a message; the field stays selectable without it.
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-copy]");
  if (!button) {
    return;
  }
  var field = document.getElementById(button.getAttribute("data-copy"));
  var status = document.getElementById("copy-status");
  field.select();
  var done = function () { if (status) { status.textContent = "Copied."; } };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(field.value).then(done, function () { document.execCommand("copy"); done(); });
  } else {
    document.execCommand("copy");
    done();
  }
});
