/* Upload a CSV of names, poll the batch's progress, then offer the result for download. */
(function () {
  var form = document.getElementById("batch");
  if (!form) return;
  var status = document.getElementById("batch-status");
  var bar = document.getElementById("batch-progress");
  var link = document.getElementById("batch-download");
  function poll(job) {
    fetch("/web/screen/batch/" + job + "/progress", { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (p) {
        bar.max = Math.max(p.total, 1); bar.value = p.done;
        status.textContent = p.done + " of " + p.total + " names screened; " + p.flagged + " to review; "
          + p.bad_rows + " bad rows" + (p.failed ? "; stopped: " + p.failed : "");
        if (p.finished) { link.href = "/web/screen/batch/" + job + ".csv"; link.hidden = false; }
        else { setTimeout(function () { poll(job); }, 400); }
      });
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    link.hidden = true; bar.hidden = false; bar.removeAttribute("value");
    status.textContent = "Uploading…";
    fetch("/web/screen/batch", { method: "POST", body: new FormData(form), credentials: "same-origin" })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (answer) {
        if (!answer.ok) { status.textContent = answer.body.error; bar.hidden = true; return; }
        poll(answer.body.job);
      });
  });
})();
