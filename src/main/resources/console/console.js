// Broadside console: a page per hash (#/statements, #/statements/ID, #/releases/ID, #/contacts) over the JSON API.
// Everything shown is built with textContent, never innerHTML: statement text and contact data cannot inject markup.
// Previewed emails go into sandboxed frames (no scripts, a unique origin) through srcdoc.
"use strict";

const state = { session: null, refresh: null };

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (key === "onclick" || key === "onsubmit" || key === "onchange") node.addEventListener(key.slice(2), value);
    else if (value !== null && value !== undefined && value !== false) node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function show(message, isError) {
  const box = document.getElementById("message");
  box.textContent = message || "";
  box.className = isError ? "error" : "info";
  box.hidden = !message;
}

class ApiError extends Error {
  constructor(status, body) {
    super(body.error || ("HTTP " + status));
    this.status = status;
    this.problems = body.problems || [];
  }
}

async function api(method, path, body, contentType) {
  const headers = { "Accept": "application/json" };
  if (method !== "GET" && state.session) headers["X-CSRF-Token"] = state.session.csrfToken;
  let payload;
  if (body !== undefined) {
    headers["Content-Type"] = contentType || "application/json";
    payload = contentType ? body : JSON.stringify(body);
  }
  const response = await fetch(path, { method, headers, body: payload, credentials: "same-origin" });
  const answer = await response.json().catch(() => ({}));
  if (response.status === 401 && path !== "/api/session") {
    state.session = null;
    render();
  }
  if (!response.ok) throw new ApiError(response.status, answer);
  return answer;
}

function describeError(error) {
  return [error.message].concat(error.problems || []).join("\n");
}

async function act(work, done) {
  try {
    show("");
    const result = await work();
    if (done) show(done(result));
  } catch (error) {
    show(describeError(error), true);
  }
}

const can = (role) => {
  const order = ["editor", "approver", "admin"];
  return state.session && order.indexOf(state.session.role) >= order.indexOf(role);
};

// ---- pages ----------------------------------------------------------------------------------------------------

async function statementsPage(view) {
  const statements = await api("GET", "/api/statements");
  view.append(el("h1", {}, "Statements"));
  if (statements.length === 0) {
    view.append(el("p", {}, "No statements yet: drop a statement file into the inbox, or submit one below."));
  }
  const rows = statements.map((s) => el("tr", { "data-statement": s.id },
    el("td", {}, el("a", { href: "#/statements/" + encodeURIComponent(s.id) }, s.id)),
    el("td", {}, s.title),
    el("td", {}, s.languages.join(", ")),
    el("td", { class: s.approved ? "ok" : "warn" }, s.approved ? "approved" : "needs approval"),
    el("td", {}, s.release
      ? el("a", { href: "#/releases/" + encodeURIComponent(s.release.id) }, s.release.state)
      : "not released")));
  view.append(el("table", {}, el("thead", {}, el("tr", {}, ["Id", "Title", "Languages", "Approval", "Release"]
    .map((h) => el("th", {}, h)))), el("tbody", {}, rows)));
  view.append(submitForm());
}

function submitForm() {
  const file = el("input", { type: "file", accept: ".md,text/markdown", name: "statement" });
  return el("form", {
    class: "panel", onsubmit: (event) => {
      event.preventDefault();
      const chosen = file.files[0];
      if (!chosen) return;
      act(async () => {
        const text = await chosen.text();
        return api("POST", "/api/statements", { fileName: chosen.name, text });
      }, (result) => { render(); return "submitted " + result.id + " (" + result.language + "): " + result.status; });
    }
  }, el("h2", {}, "Submit a statement"), file, el("button", { type: "submit" }, "Submit"));
}

async function previewPage(view, id) {
  const preview = await api("GET", "/api/statements/" + encodeURIComponent(id) + "/preview");
  view.append(el("h1", {}, "Preview of " + preview.id));
  view.append(el("table", { id: "versions" }, el("thead", {}, el("tr", {}, ["Version", "Language", "Title", "SHA-256", "Approval"]
    .map((h) => el("th", {}, h)))), el("tbody", {}, preview.versions.map((v) => el("tr", {},
    el("td", {}, v.id), el("td", {}, v.language), el("td", {}, v.title), el("td", { class: "hash" }, v.sha256.slice(0, 16) + "…"),
    el("td", { class: v.approved ? "ok" : "warn" }, v.approved ? "approved" : "needs approval"))))));

  const at = el("input", { type: "datetime-local", id: "schedule-at" });
  const actions = el("div", { class: "actions" },
    el("button", {
      id: "approve", type: "button", disabled: !can("approver"),
      title: can("approver") ? "Approve the content exactly as shown (its hash is pinned)" : "Needs the approver role",
      onclick: () => act(() => api("POST", "/api/statements/" + encodeURIComponent(id) + "/approve"),
        (approved) => { render(); return "approved " + approved.map((a) => a.id).join(", "); })
    }, "Approve"),
    el("label", {}, "Release at ", at),
    el("button", {
      id: "schedule", type: "button",
      onclick: () => act(() => api("POST", "/api/statements/" + encodeURIComponent(id) + "/schedule",
        at.value ? { at: new Date(at.value).toISOString() } : {}),
        (armed) => "scheduled " + armed.id + ": " + armed.triggers.length + " trigger(s), first " + (armed.triggers[0] || "none"))
    }, "Schedule"),
    el("button", {
      id: "release-now", type: "button",
      onclick: () => act(() => api("POST", "/api/statements/" + encodeURIComponent(id) + "/release"),
        (release) => { location.hash = "#/releases/" + encodeURIComponent(release.id); return "release " + release.id + " is going out"; })
    }, "Release now"));
  view.append(actions);

  view.append(el("h2", {}, "Emails"));
  for (const email of preview.emails) {
    const who = email.format === "press" ? "journalist" : "member";
    view.append(el("article", { class: "email", "data-format": email.format, "data-language": email.language },
      el("h3", {}, email.language + " — as a " + who + " receives it"),
      el("p", {}, el("strong", {}, "Subject: "), email.subject),
      el("iframe", { sandbox: "", srcdoc: email.html, title: email.format + " email, " + email.language, referrerpolicy: "no-referrer" }),
      el("details", {}, el("summary", {}, "Plain-text part"), el("pre", {}, email.text))));
  }
  view.append(el("h2", {}, "Social posts"));
  view.append(el("div", { class: "posts" }, preview.posts.map((post) => el("article", {
    class: "post" + (post.length > post.limit ? " over" : ""), "data-network": post.network, "data-language": post.language
  }, el("h3", {}, post.network + " · " + post.language),
  el("p", { class: "length" }, post.length + " / " + post.limit),
  el("pre", {}, post.text)))));
}

async function releasePage(view, id) {
  const release = await api("GET", "/api/releases/" + encodeURIComponent(id));
  const c = release.counts;
  const finished = c.sent + c.failed + c.suppressed;
  const percent = c.total === 0 ? 0 : Math.floor(100 * finished / c.total);
  view.append(el("h1", {}, "Release " + release.id));
  view.append(el("p", {}, "Statement ", el("a", { href: "#/statements/" + encodeURIComponent(release.statementId) }, release.statementId),
    " · state ", el("strong", { id: "release-state" }, release.state),
    release.pausedReason ? el("span", { class: "warn" }, " · " + release.pausedReason) : null));
  view.append(el("div", { class: "progress" }, el("div", { class: "bar", style: null, id: "bar" }),
    el("span", { id: "percent" }, percent + "%")));
  view.querySelector("#bar").style.width = percent + "%";
  view.append(el("table", { id: "counts" }, el("tbody", {}, ["sent", "pending", "sending", "failed", "suppressed", "total"]
    .map((key) => el("tr", { "data-state": key }, el("th", {}, key), el("td", {}, c[key] || 0))))));
  view.append(el("div", { class: "actions" },
    ["pause", "resume", "cancel"].map((verb) => el("button", {
      id: verb, type: "button",
      onclick: () => act(() => api("POST", "/api/releases/" + encodeURIComponent(release.id) + "/" + verb),
        (r) => { render(); return release.id + ": " + r.state; })
    }, verb[0].toUpperCase() + verb.slice(1))),
    el("a", { id: "report", class: "button", href: "/api/releases/" + encodeURIComponent(release.id) + "/report.csv", download: "" },
      "Download report (CSV)")));
  view.append(el("h2", {}, "By country"));
  view.append(el("table", { id: "by-country" }, el("thead", {}, el("tr", {}, ["Country", "Sent", "Pending", "Failed", "Suppressed", "Total"]
    .map((h) => el("th", {}, h)))), el("tbody", {}, Object.entries(release.byCountry).map(([country, n]) => el("tr", {},
    el("td", {}, country), el("td", {}, n.sent), el("td", {}, n.pending + n.sending), el("td", {}, n.failed),
    el("td", {}, n.suppressed), el("td", {}, n.total))))));
  view.append(el("h2", {}, "Plan by time zone"));
  view.append(el("table", { id: "plan" }, el("thead", {}, el("tr", {}, ["Time zone", "Sends at (UTC)", "Sent", "Total"]
    .map((h) => el("th", {}, h)))), el("tbody", {}, release.plan.map((line) => el("tr", {},
    el("td", {}, line.timezone), el("td", {}, line.sendAt), el("td", {}, line.counts.sent), el("td", {}, line.counts.total))))));
  if (["dispatching", "scheduled"].includes(release.state) || c.pending + c.sending > 0) {
    state.refresh = setTimeout(render, 1000);
  }
}

async function contactsPage(view) {
  const [lists, suppressions] = await Promise.all([api("GET", "/api/contacts/lists"), api("GET", "/api/contacts/suppressions")]);
  view.append(el("h1", {}, "Contacts"));
  view.append(el("table", { id: "lists" }, el("thead", {}, el("tr", {}, el("th", {}, "List"), el("th", {}, "Members"))),
    el("tbody", {}, Object.entries(lists).map(([name, size]) => el("tr", {}, el("td", {}, name), el("td", {}, size))))));
  const list = el("input", { id: "import-list", placeholder: "members", required: true });
  const file = el("input", { id: "import-file", type: "file", accept: ".csv,text/csv" });
  const skip = el("input", { id: "import-skip", type: "checkbox" });
  view.append(el("form", {
    class: "panel", onsubmit: (event) => {
      event.preventDefault();
      const chosen = file.files[0];
      if (!chosen) return;
      act(async () => api("POST", "/api/contacts/lists/" + encodeURIComponent(list.value) + "/import?file="
        + encodeURIComponent(chosen.name) + (skip.checked ? "&skip-invalid=true" : ""), await chosen.text(), "text/csv"),
      (r) => { render(); return "imported into " + r.list + ": " + r.added + " added, " + r.updated + " updated, "
        + r.unchanged + " unchanged" + r.skipped.map((p) => "\n" + p + " (skipped)").join(""); });
    }
  }, el("h2", {}, "Import a CSV"), el("label", {}, "List ", list), file,
  el("label", {}, skip, " skip invalid rows"), el("button", { type: "submit" }, "Import")));
  const email = el("input", { id: "suppress-email", type: "email", required: true });
  view.append(el("form", {
    class: "panel", onsubmit: (event) => {
      event.preventDefault();
      act(() => api("POST", "/api/contacts/suppressions", { email: email.value }),
        (r) => { render(); return "suppressed " + r.suppressed; });
    }
  }, el("h2", {}, "Suppress an address"), email, el("button", { type: "submit" }, "Suppress")));
  view.append(el("h2", {}, "Suppression list"));
  view.append(el("table", { id: "suppressions" }, el("thead", {}, el("tr", {}, ["Email", "Reason", "Detail", "Since"]
    .map((h) => el("th", {}, h)))), el("tbody", {}, suppressions.map((s) => el("tr", {},
    el("td", {}, s.email), el("td", {}, s.reason), el("td", {}, s.detail), el("td", {}, s.since))))));
}

// ---- frame ----------------------------------------------------------------------------------------------------

// The service's own health (GET /health, the same answer a load balancer gets): a refused route edit, or a check
// that is down, is shown above every page until it is fixed.
async function serviceBanner() {
  const banner = document.getElementById("service");
  try {
    const response = await fetch("/health", { credentials: "same-origin" });
    const health = await response.json();
    const lines = [];
    for (const [name, check] of Object.entries(health.checks || {})) {
      if (name === "routeConfig" && check.lastError) {
        const e = check.lastError;
        lines.push("Route edit refused, the previous routes keep running: " + e.file + ":" + e.line + ": " + e.reason);
      } else if (check.status === "DOWN") {
        lines.push(name + " is down" + (check.error ? ": " + check.error : ""));
      }
    }
    banner.textContent = lines.join("\n");
    banner.hidden = lines.length === 0;
  } catch (error) {
    banner.textContent = "The service does not answer its health check.";
    banner.hidden = false;
  }
}

async function render() {
  clearTimeout(state.refresh);
  const signIn = document.getElementById("sign-in");
  const view = document.getElementById("view");
  const signedIn = state.session !== null;
  signIn.hidden = signedIn;
  document.getElementById("nav").hidden = !signedIn;
  document.getElementById("sign-out").hidden = !signedIn;
  document.getElementById("who").textContent = signedIn ? state.session.operator + " (" + state.session.role + ")" : "";
  const page = document.createElement("section");
  page.id = "view";
  if (signedIn) {
    serviceBanner();
    const [, kind, id] = (location.hash || "#/statements").split("/").map(decodeURIComponent);
    try {
      if (kind === "statements" && id) await previewPage(page, id);
      else if (kind === "releases" && id) await releasePage(page, id);
      else if (kind === "contacts") await contactsPage(page);
      else await statementsPage(page);
    } catch (error) {
      show(describeError(error), true);
    }
  }
  view.replaceWith(page);
}

document.getElementById("sign-in").addEventListener("submit", (event) => {
  event.preventDefault();
  act(async () => {
    state.session = await api("POST", "/api/session", {
      name: document.getElementById("name").value,
      password: document.getElementById("password").value
    });
    document.getElementById("password").value = "";
    render();
  });
});

document.getElementById("sign-out").addEventListener("click", () => act(async () => {
  await api("DELETE", "/api/session");
  state.session = null;
  render();
}));

window.addEventListener("hashchange", () => { show(""); render(); });

api("GET", "/api/session").then((session) => { state.session = session; }, () => { state.session = null; }).then(render);
