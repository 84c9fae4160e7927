// What the React client does: log in, keep the access token, send the dictation, show the draft.
// The API's base URL comes from the page's query string (?api=...), since it is another origin.
(function () {
  "use strict";
  const api = new URLSearchParams(window.location.search).get("api");
  const client = axios.create({ baseURL: api, timeout: 20000 });
  const byId = (id) => document.getElementById(id);

  byId("dictation").addEventListener("submit", async (event) => {
    event.preventDefault();
    byId("state").textContent = "working";
    try {
      const login = await client.post("/login", {
        email: byId("email").value,
        password: byId("password").value,
        loginTime: new Date().toISOString(),
      });
      const answer = await client.post(
        "/process-command",
        { query: byId("query").value },
        { headers: { Authorization: `Bearer ${login.data.token}` } },
      );
      byId("query-out").textContent = answer.data.query;
      byId("chatgpt_response").textContent = answer.data.chatgpt_response;
      byId("timestamp").textContent = answer.data.timestamp;
      byId("state").textContent = "done";
    } catch (error) {
      // A CORS refusal reaches axios as a bare "Network Error"; the browser logs the reason.
      byId("error").textContent = error.message;
      byId("state").textContent = "failed";
    }
  });
})();
