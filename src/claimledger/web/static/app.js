// claimledger workbench: a little vanilla JS, no dependencies.
"use strict";

// A highlight in the reader opens the record of its innermost mark.
document.addEventListener("click", (event) => {
  const mark = event.target.closest && event.target.closest("mark.hl[data-href]");
  if (mark && !event.target.closest("a")) {
    window.location.href = mark.dataset.href;
  }
});

// Ingest: send pasted text and each file in turn, showing progress and results.
function setupIngest() {
  const form = document.getElementById("ingest-form");
  if (!form) return;
  const progress = document.getElementById("ingest-progress");
  const bar = progress.querySelector(".bar");
  const label = progress.querySelector(".label");
  const results = document.getElementById("ingest-results");

  function show(name, ok, message) {
    const item = document.createElement("li");
    item.className = ok ? "stored" : "failed";
    item.textContent = name + ": " + message;
    results.appendChild(item);
  }

  async function send(body, name) {
    body.append("csrf_token", form.elements.csrf_token.value);
    const response = await fetch(form.action, { method: "POST", body: body, credentials: "same-origin" });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) {
      show(name, false, data.detail ? String(data.detail) : "HTTP " + response.status);
      return;
    }
    for (const r of data) show(r.name, r.documents > 0, r.message + " (" + r.claims + " claims)");
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const jobs = [];
    const text = form.elements.text.value;
    if (text.trim()) jobs.push(["pasted text", () => { const b = new FormData(); b.append("text", text); return b; }]);
    for (const file of form.elements.files.files) {
      jobs.push([file.name, () => { const b = new FormData(); b.append("files", file, file.name); return b; }]);
    }
    if (!jobs.length) { show("ingest", false, "paste text or choose files"); return; }
    results.innerHTML = "";
    progress.hidden = false;
    for (let i = 0; i < jobs.length; i++) {
      label.textContent = (i + 1) + " / " + jobs.length + ": " + jobs[i][0];
      bar.style.width = (100 * i / jobs.length) + "%";
      await send(jobs[i][1](), jobs[i][0]);
    }
    bar.style.width = "100%";
    label.textContent = "done: " + jobs.length + " input(s)";
  });
}

document.addEventListener("DOMContentLoaded", setupIngest);
