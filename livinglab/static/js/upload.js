// The minutes upload shows how much of the files has been sent, then goes to the draft,
// whose page shows the reading's progress. Without JavaScript the form posts as usual.
(function () {
  var form = document.querySelector("form.upload-form[data-progress]");
  if (!form || !window.XMLHttpRequest || !window.FormData) return;
  var box = form.querySelector(".upload-progress");
  var bar = box.querySelector("progress");
  var label = box.querySelector(".upload-percent");
  var status = box.querySelector(".upload-status");
  var cancel = box.querySelector(".upload-cancel");
  var button = form.querySelector("button[type=submit]");
  var request = null;

  function show(percent, text) {
    box.hidden = false;
    bar.value = percent;
    label.textContent = percent + "%";
    if (text) status.textContent = text;
  }

  function reset(text) {
    request = null;
    button.disabled = false;
    cancel.hidden = true;
    status.textContent = text || "";
  }

  form.addEventListener("submit", function (event) {
    var files = form.querySelector("input[type=file]");
    if (!files || !files.files.length) return; // let the server say what is missing
    event.preventDefault();
    request = new XMLHttpRequest();
    request.open("POST", form.action || window.location.href);
    request.setRequestHeader("X-Upload-Progress", "1");
    request.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) show(Math.floor((e.loaded / e.total) * 100), form.dataset.sending);
    });
    request.upload.addEventListener("load", function () {
      show(100, form.dataset.sent);
      cancel.hidden = true;
    });
    request.addEventListener("load", function () {
      var answer = null;
      try { answer = JSON.parse(request.responseText); } catch (e) { answer = null; }
      if (answer && answer.location) {
        window.location.assign(answer.location);
        return;
      }
      // The form came back with what was wrong: show that page as a normal post would.
      var page = new DOMParser().parseFromString(request.responseText, "text/html");
      var main = page.querySelector("main");
      if (main) {
        document.querySelector("main").replaceWith(main);
        window.scrollTo(0, 0);
      } else {
        reset(form.dataset.failed);
      }
    });
    request.addEventListener("error", function () { reset(form.dataset.failed); });
    request.addEventListener("abort", function () { box.hidden = true; reset(""); });
    button.disabled = true;
    cancel.hidden = false;
    show(0, form.dataset.sending);
    request.send(new FormData(form));
  });

  cancel.addEventListener("click", function () {
    if (request) request.abort();
  });
})();
