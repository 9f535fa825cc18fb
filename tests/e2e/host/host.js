// Options come from this page's own query string (?perspective=…&share_scores=1…), so one host
// page serves every test; every event the embed dispatches is recorded in window.events.
const div = document.getElementById('assessment');
for (const [key, value] of new URLSearchParams(location.search)) {
  div.dataset[key.replace(/_([a-z])/g, (_, c) => c.toUpperCase())] = value;
}
window.events = [];
for (const type of ['ready', 'resize', 'page', 'completed']) {
  div.addEventListener(`distributor-assessment:${type}`, (e) => window.events.push(e.detail));
}
