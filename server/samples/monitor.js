// The monitoring page's script: shows the time the page was drawn, and the monitor's version.
document.getElementById('clock').textContent = 'at ' + new Date().toLocaleTimeString();
fetch('VERSION')
  .then(function (response) { return response.ok ? response.text() : ''; })
  .then(function (text) { if (text) document.getElementById('version').textContent = text.trim(); })
  .catch(function () {});
