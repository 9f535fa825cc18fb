/*
 * Put the distributor relationship assessment on your page: one <div>, one <script>.
 *
 *   <div data-distributor-assessment="https://assessment.example.org/"
 *        data-perspective="distributor" data-sections="REL,TRU" data-accent="#7a2e8e"
 *        data-font-scale="1.1" data-results="1" data-share-scores="0"></div>
 *   <script src="https://assessment.example.org/embed.js" defer></script>
 *
 * The script makes an iframe with those options, sizes it to its content, and re-dispatches the
 * frame's messages on the <div> as DOM events: distributor-assessment:ready, :resize, :page and
 * :completed (event.detail is the message). It has no dependencies and sends nothing anywhere.
 */
(function () {
  'use strict';
  var SOURCE = 'distributor-assessment';
  var OPTIONS = {
    perspective: 'perspective',
    sections: 'sections',
    accent: 'accent',
    fontScale: 'font_scale',
    lang: 'lang',
    results: 'results',
    shareScores: 'share_scores',
  };

  function mount(host) {
    if (host.getAttribute('data-embedded') === 'true') return;
    host.setAttribute('data-embedded', 'true');
    var url = new URL(host.getAttribute('data-distributor-assessment') || '', document.baseURI);
    url.searchParams.set('embed', '1');
    url.searchParams.set('parent_origin', window.location.origin);
    Object.keys(OPTIONS).forEach(function (key) {
      var value = host.dataset[key];
      if (value !== undefined && value !== '') url.searchParams.set(OPTIONS[key], value);
    });
    var frame = document.createElement('iframe');
    frame.src = url.href;
    frame.title = host.dataset.title || 'Distributor relationship assessment';
    frame.style.width = '100%';
    frame.style.border = '0';
    frame.style.height = (Number(host.dataset.height) || 640) + 'px';
    host.appendChild(frame);
    window.addEventListener('message', function (event) {
      if (event.source !== frame.contentWindow || event.origin !== url.origin) return;
      var data = event.data;
      if (!data || data.source !== SOURCE || data.version !== 1 || typeof data.type !== 'string') return;
      if (data.type === 'resize' && typeof data.height === 'number' && data.height > 0 && data.height < 100000) {
        frame.style.height = Math.ceil(data.height) + 'px';
      }
      host.dispatchEvent(new CustomEvent(SOURCE + ':' + data.type, { detail: data, bubbles: true }));
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-distributor-assessment]'), mount);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
