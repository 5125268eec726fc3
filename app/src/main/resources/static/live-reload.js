// The local preview's script (home-web serve --preview), never sent by a deployed server: it
// reloads the page when the site changes, and shows a content or theme error in a banner while the
// last good version keeps serving. The server names its event stream in the script tag.
(function () {
  "use strict";
  var script = document.currentScript;
  var version = null;
  var banner = null;

  function showError(message) {
    if (!message) {
      if (banner) {
        banner.remove();
        banner = null;
      }
      return;
    }
    if (!banner) {
      banner = document.createElement("div");
      banner.className = "preview-error";
      banner.setAttribute("role", "alert");
      document.body.prepend(banner);
    }
    var heading = document.createElement("strong");
    heading.textContent = "Preview error: this page shows the last good version.";
    var details = document.createElement("pre");
    details.textContent = message;
    banner.replaceChildren(heading, details);
  }

  var events = new EventSource(script.dataset.events);
  events.addEventListener("state", function (event) {
    var state = JSON.parse(event.data);
    if (version !== null && state.version !== version) {
      location.reload();
      return;
    }
    version = state.version;
    showError(state.error);
    document.documentElement.dataset.livePreview = "connected";
  });
})();
