// GraphiQL for the planning gateway. The token is pasted by the user, kept in sessionStorage (this tab only) and
// sent as "Authorization: Bearer ..." with every request to /graphql. The page and its assets need no token.
(function () {
  'use strict';
  var STORAGE_KEY = 'planning.graphiql.token';
  var container = document.getElementById('graphiql');
  var endpoint = container.getAttribute('data-endpoint');
  var input = document.getElementById('token');
  var state = document.getElementById('token-state');

  function storedToken() {
    try { return sessionStorage.getItem(STORAGE_KEY) || ''; } catch (e) { return ''; }
  }

  function showState() {
    var token = storedToken();
    state.textContent = token ? 'token set (' + token.length + ' characters)' : 'no token: /graphql answers 401';
  }

  document.getElementById('token-bar').addEventListener('submit', function (event) {
    event.preventDefault();
    var token = input.value.trim().replace(/^Bearer\s+/i, '');
    try { sessionStorage.setItem(STORAGE_KEY, token); } catch (e) { /* storage disabled: nothing kept */ }
    input.value = '';
    showState();
    render(); // remount: GraphiQL fetches the schema (introspection) again, now with the token
  });
  document.getElementById('forget').addEventListener('click', function () {
    try { sessionStorage.removeItem(STORAGE_KEY); } catch (e) { /* ignore */ }
    showState();
  });
  showState();

  function fetcher(params, options) {
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    var token = storedToken();
    if (token) {
      headers.Authorization = 'Bearer ' + token;
    }
    var extra = (options && options.headers) || {};
    Object.keys(extra).forEach(function (name) { headers[name] = extra[name]; });
    return fetch(endpoint, { method: 'POST', headers: headers, body: JSON.stringify(params) }).then(function (response) {
      if (response.status === 401) {
        return { errors: [{ message: 'HTTP 401: paste a valid (unexpired) access token above', extensions: { code: 'UNAUTHENTICATED' } }] };
      }
      return response.text().then(function (text) {
        try {
          return JSON.parse(text);
        } catch (e) {
          return { errors: [{ message: 'HTTP ' + response.status + ': ' + text }] };
        }
      });
    });
  }

  var root = ReactDOM.createRoot(container);
  var generation = 0;
  function render() {
    generation += 1;
    root.render(React.createElement(GraphiQL, {
      key: generation,
      fetcher: fetcher,
      defaultEditorToolbarOpen: true,
      shouldPersistHeaders: false
    }));
  }
  render();
})();
