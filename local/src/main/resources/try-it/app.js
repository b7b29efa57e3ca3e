// The try-it page: signs in as a local user, lists, adds and edits the user's tasks (due dates,
// priorities, labels; overdue ones marked), chats with the assistant, and makes, lists and revokes
// the user's API keys, all across origins (the API is on another port). Over the live WebSocket
// (docs/realtime.md) it shows the reply as it is written, takes task changes made elsewhere, and
// shows reminders.
"use strict";

const TOOLS_THAT_CHANGE_TASKS = new Set(["add_task", "complete_task", "delete_task", "update_task"]);
const $ = (id) => document.getElementById(id);
const session = {
  api: null, live: null, token: null, user: null, conversationId: null, zone: "UTC",
  tasks: new Map(), reading: new Set(), socket: null, generation: 0,
};

async function call(method, path, body) {
  const headers = { "Accept": "application/json" };
  if (session.token) headers["Authorization"] = "Bearer " + session.token;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(session.api + path, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = response.status === 204 ? null : await response.json();
  if (!response.ok && response.status !== 202) {
    const message = data && data.error ? data.error.message : (data && data.message) || response.statusText;
    throw new Error(`${method} ${path}: ${response.status} ${message}`);
  }
  return { status: response.status, data };
}

function show(text) { $("status").textContent = text || ""; }

async function signIn(userId) {
  const { data } = await call("POST", "/local/token", { user_id: userId });
  disconnectLive();
  Object.assign(session, { token: data.access_token, user: data.user_id, conversationId: null });
  $("who").textContent = data.user_id;
  $("sign-in").hidden = true;
  $("signed-in").hidden = false;
  $("message").disabled = $("send").disabled = false;
  $("key-name").disabled = $("create-key").disabled = false;
  for (const field of $("new-task").elements) field.disabled = false;
  $("allow-notifications").hidden = !("Notification" in window) || Notification.permission !== "default";
  $("messages").replaceChildren();
  $("message").focus();
  await Promise.all([refreshZone(), refreshTasks(), refreshKeys()]);
  connectLive(session.generation);
}

function signOut() {
  Object.assign(session, { token: null, user: null, conversationId: null, tasks: new Map() });
  disconnectLive();
  for (const field of $("new-task").elements) field.disabled = true;
  $("sign-in").hidden = false;
  $("signed-in").hidden = true;
  $("message").disabled = $("send").disabled = true;
  $("key-name").disabled = $("create-key").disabled = true;
  hideNewKey();
  $("keys").replaceChildren();
  $("no-keys").hidden = false;
  $("tasks").replaceChildren();
  $("messages").replaceChildren();
  $("no-tasks").hidden = false;
}

// Changes that arrive while the list is being read are applied again on top of what it read.
async function refreshTasks() {
  const arrived = [];
  session.reading.add(arrived);
  try {
    const { data } = await call("GET", "/v1/tasks?limit=100");
    session.tasks = new Map(data.items.map((task) => [task.id, task]));
    arrived.forEach(applyTask);
  } finally {
    session.reading.delete(arrived);
  }
  renderTasks();
}

// Takes a task as the API shows it (a task.changed event's too), unless what is shown is newer.
function putTask(task) {
  for (const arrived of session.reading) arrived.push(task);
  applyTask(task);
  renderTasks();
}

function applyTask(task) {
  const shown = session.tasks.get(task.id);
  if (task.deleted) {
    session.tasks.delete(task.id);
  } else if (!shown || !(shown.version > task.version)) {
    session.tasks.set(task.id, task);
  }
}

function renderTasks() {
  const editing = $("tasks").querySelector("li.editing");
  const tasks = [...session.tasks.values()].sort((a, b) => a.id - b.id);
  $("tasks").replaceChildren(...tasks.map((task) =>
    editing && editing.dataset.taskId === String(task.id) ? editing : taskItem(task)));
  $("no-tasks").hidden = tasks.length > 0;
}

// "Today" in the person's zone, as YYYY-MM-DD (en-CA formats dates that way).
function today() {
  return new Intl.DateTimeFormat("en-CA", { timeZone: session.zone, year: "numeric", month: "2-digit", day: "2-digit" })
    .format(new Date());
}

// As GET /v1/tasks?overdue=true judges it: pending, and its due time passed (a day: once it is over in the zone).
function isOverdue(task) {
  if (task.completed || !task.due) return false;
  return task.due_at ? Date.parse(task.due_at) < Date.now() : task.due < today();
}

function span(className, text) {
  const element = document.createElement("span");
  element.className = className;
  element.textContent = text;
  return element;
}

function taskItem(task) {
  const item = document.createElement("li");
  const overdue = isOverdue(task);
  item.className = [task.completed ? "completed" : "", overdue ? "overdue" : ""].join(" ").trim();
  item.dataset.taskId = task.id;
  const body = document.createElement("div");
  body.className = "body";
  body.append(span("title", task.title));
  const meta = document.createElement("div");
  meta.className = "meta";
  if (overdue) meta.append(span("overdue-note", "Overdue"));
  if (task.due) meta.append(span("due", "due " + task.due.replace("T", " ")));
  if (task.priority && task.priority !== "none") meta.append(span("priority priority-" + task.priority, task.priority + " priority"));
  for (const label of task.labels || []) meta.append(span("label", label));
  if (task.recurrence) meta.append(span("recurrence", "repeats " + task.recurrence));
  if (meta.children.length > 0) body.append(meta);
  const edit = document.createElement("button");
  edit.type = "button";
  edit.className = "quiet edit";
  edit.textContent = "Edit";
  edit.addEventListener("click", () => item.replaceWith(editItem(task)));
  item.append(span("id", "#" + task.id), body, edit);
  return item;
}

// The fields of the add form, read as the API takes them; `was` (a task) leaves out what did not change.
function taskFields(form, was) {
  const fields = form.elements;
  const date = fields.due_date.value;
  const time = fields.due_time.value;
  const due = date ? (time ? date + "T" + time : date) : null;
  const labels = fields.labels.value.split(",").map((label) => label.trim()).filter((label) => label);
  const body = { title: fields.title.value.trim(), due, priority: fields.priority.value, labels };
  if (!was) {
    for (const key of Object.keys(body)) if (body[key] === null) delete body[key];
    return body;
  }
  const before = { title: was.title, due: dueInputs(was.due).due, priority: was.priority || "none", labels: was.labels || [] };
  for (const key of Object.keys(body)) {
    if (JSON.stringify(body[key]) === JSON.stringify(before[key])) delete body[key];
  }
  return body;
}

// A due as the date and time inputs show it (a fixed instant's offset is not shown, nor changed unless edited).
function dueInputs(due) {
  if (!due) return { date: "", time: "", due: null };
  const date = due.slice(0, 10);
  const time = due.length > 10 ? due.slice(11, 16) : "";
  return { date, time, due: time ? date + "T" + time : date };
}

function editItem(task) {
  const item = document.createElement("li");
  item.className = "editing";
  item.dataset.taskId = task.id;
  const form = $("new-task").cloneNode(true);
  form.removeAttribute("id");
  form.className = "task-form edit-form";
  const fields = form.elements;
  const due = dueInputs(task.due);
  fields.title.value = task.title;
  fields.due_date.value = due.date;
  fields.due_time.value = due.time;
  fields.priority.value = task.priority || "none";
  fields.labels.value = (task.labels || []).join(", ");
  form.querySelector("button[type=submit]").textContent = "Save";
  const cancel = document.createElement("button");
  cancel.type = "button";
  cancel.className = "quiet cancel";
  cancel.textContent = "Cancel";
  cancel.addEventListener("click", () => item.replaceWith(taskItem(session.tasks.get(task.id) || task)));
  form.append(cancel);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const changes = taskFields(form, task);
    const save = Object.keys(changes).length === 0
      ? Promise.resolve(task)
      : call("PATCH", `/v1/tasks/${task.id}`, changes).then(({ data }) => data);
    save.then((saved) => {
      item.classList.remove("editing");
      putTask(saved);
      show("");
    }, (error) => show("Could not save the task: " + error.message));
  });
  item.append(span("id", "#" + task.id), form);
  return item;
}

async function addTask(form) {
  const { data } = await call("POST", "/v1/tasks", taskFields(form));
  form.reset();
  putTask(data);
}

// The person's zone decides what "today" is; the page offers the browser's when it differs.
async function refreshZone() {
  const { data } = await call("GET", "/v1/me");
  session.zone = data.effective_time_zone;
  $("zone").textContent = data.time_zone || data.effective_time_zone + " (not set)";
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  $("use-browser-zone").hidden = !browserZone || browserZone === data.time_zone;
  $("use-browser-zone").textContent = "Use " + browserZone;
  $("use-browser-zone").dataset.zone = browserZone || "";
  renderTasks();
}

async function useBrowserZone() {
  await call("PATCH", "/v1/me", { time_zone: $("use-browser-zone").dataset.zone });
  await refreshZone();
}

// API keys: the listing never holds a key's text; a new key is shown once, in its own box.
async function refreshKeys() {
  const { data } = await call("GET", "/v1/api-keys?limit=100");
  $("keys").replaceChildren(...data.items.map(keyItem));
  $("no-keys").hidden = data.items.length > 0;
}

function keyItem(key) {
  const item = document.createElement("li");
  item.dataset.keyId = key.id;
  const name = document.createElement("span");
  name.className = "name";
  name.textContent = key.name;
  const prefix = document.createElement("code");
  prefix.className = "prefix";
  prefix.textContent = key.prefix + "…";
  prefix.title = "scopes: " + key.scopes.join(", ") + (key.last_used_at ? "; last used " + key.last_used_at : "; never used");
  const revoke = document.createElement("button");
  revoke.type = "button";
  revoke.className = "revoke";
  revoke.textContent = "Revoke";
  revoke.addEventListener("click", () => revokeKey(key.id, item).catch((error) => show("Could not revoke the key: " + error.message)));
  item.append(name, prefix, revoke);
  return item;
}

async function createKey(name) {
  const { data } = await call("POST", "/v1/api-keys", { name });
  $("new-key-text").textContent = data.key;
  $("copy-key").textContent = "Copy";
  $("new-key").hidden = false;
  // The listing reads an index, which may lag a moment behind: the new key is shown at once anyway.
  await refreshKeys();
  if (!$("keys").querySelector(`li[data-key-id="${data.id}"]`)) {
    $("keys").append(keyItem(data));
    $("no-keys").hidden = true;
  }
}

async function revokeKey(id, item) {
  await call("DELETE", `/v1/api-keys/${id}`);
  item.remove();
  $("no-keys").hidden = $("keys").children.length > 0;
}

function hideNewKey() {
  $("new-key-text").textContent = "";
  $("new-key").hidden = true;
}

async function copyNewKey() {
  const text = $("new-key-text").textContent;
  try {
    await navigator.clipboard.writeText(text);
    $("copy-key").textContent = "Copied";
  } catch (refused) {
    // No clipboard permission (an insecure origin, a headless browser): select it for Ctrl+C instead.
    window.getSelection().selectAllChildren($("new-key-text"));
    $("copy-key").textContent = "Selected: press Ctrl+C";
  }
}

function bubble(role, text) {
  const item = document.createElement("li");
  item.className = role;
  item.textContent = text;
  $("messages").append(item);
  item.scrollIntoView({ block: "end" });
  return item;
}

function settle(item, answer) {
  item.className = "assistant" + (answer.status === "failed" ? " failed" : "");
  item.textContent = answer.content;
  if (answer.toolCalls.length > 0) {
    const tools = document.createElement("div");
    tools.className = "tools";
    for (const toolCall of answer.toolCalls) {
      const chip = document.createElement("span");
      chip.className = "tool";
      chip.textContent = toolCall.tool + " " + JSON.stringify(toolCall.args);
      tools.append(chip);
    }
    item.append(tools);
  }
}

// A reply being written: its bubble (once the post answered), the deltas of its latest attempt by
// seq, the tool calls so far, and what waits for it to be stored. Deltas that arrive before the post
// answered wait here for their bubble.
const replies = new Map();

function replyState(replyId) {
  if (!replies.has(replyId)) {
    let settled;
    const done = new Promise((resolve) => { settled = resolve; });
    replies.set(replyId, { item: null, attempt: 0, parts: new Map(), tools: [], done, settled, finished: false });
  }
  return replies.get(replyId);
}

function showProgress(state) {
  if (!state.item || state.finished) return;
  const text = [...state.parts.entries()].sort((a, b) => a[0] - b[0]).map((entry) => entry[1]).join("");
  if (!text && state.tools.length === 0) return;
  settle(state.item, { content: text, toolCalls: state.tools, status: "streaming" });
  state.item.classList.add("streaming");
}

// reply.delta: a higher attempt starts the text over; within one, the texts joined in seq order are the reply so far.
function onDelta(event) {
  const state = replyState(event.reply_id);
  if (event.attempt < state.attempt) return;
  if (event.attempt > state.attempt) {
    state.attempt = event.attempt;
    state.parts = new Map();
    state.tools = [];
  }
  state.parts.set(event.seq, event.text);
  showProgress(state);
}

function onTool(event) {
  const state = replyState(event.reply_id);
  state.tools.push({ tool: event.tool, args: event.args, result: event.result });
  showProgress(state);
}

function finishReply(reply) {
  const state = replyState(reply.id);
  if (state.finished) return;
  state.finished = true;
  state.settled({ content: reply.content, toolCalls: reply.tool_calls || [], status: reply.status });
}

// The stored reply, from reply.completed or reply.failed, or read from the conversation: events are
// at most once, so the page also reads it now and then (every second while the live connection is down).
async function awaitReply(conversationId, replyId, item) {
  const state = replyState(replyId);
  state.item = item;
  showProgress(state);
  const deadline = Date.now() + 120000;
  let polled = 0;
  while (!state.finished && Date.now() < deadline) {
    const wait = liveOpen() ? 5000 : 1000;
    await Promise.race([state.done, new Promise((resolve) => setTimeout(resolve, wait))]);
    if (state.finished) break;
    const { data } = await call("GET", `/v1/conversations/${conversationId}/messages?limit=100`);
    const reply = data.items.find((message) => message.id === replyId);
    if (reply && reply.status !== "pending") finishReply(reply);
  }
  if (!state.finished) throw new Error("The reply did not arrive in two minutes");
  const answer = await state.done;
  replies.delete(replyId);
  return answer;
}

async function send(text) {
  bubble("user", text);
  const pending = bubble("assistant pending", "Thinking…");
  try {
    if (!session.conversationId) {
      const { data } = await call("POST", "/v1/conversations", {});
      session.conversationId = data.id;
    }
    const conversationId = session.conversationId;
    const { data } = await call("POST", `/v1/conversations/${conversationId}/messages`, { content: text });
    const answer = await awaitReply(conversationId, data.reply.id, pending);
    settle(pending, answer);
    if (answer.toolCalls.some((toolCall) => TOOLS_THAT_CHANGE_TASKS.has(toolCall.tool))) {
      await refreshTasks();
    }
  } catch (error) {
    settle(pending, { content: "Could not reach the assistant: " + error.message, toolCalls: [], status: "failed" });
  }
}

// Reminders: a browser notification when the person allowed them, an in-page toast otherwise.
function remind(task) {
  const text = task.title + (task.due ? " (due " + task.due.replace("T", " ") + ")" : "");
  if ("Notification" in window && Notification.permission === "granted") {
    new Notification("Reminder", { body: text, tag: "task-" + task.id });
    return;
  }
  const toast = document.createElement("div");
  toast.className = "toast";
  toast.setAttribute("role", "alert");
  toast.dataset.taskId = task.id;
  const close = document.createElement("button");
  close.type = "button";
  close.className = "quiet";
  close.textContent = "Dismiss";
  close.addEventListener("click", () => toast.remove());
  toast.append(span("toast-title", "Reminder: "), span("toast-text", text), close);
  $("toasts").append(toast);
}

// The live connection (docs/realtime.md): a fresh ticket for every connect, a backoff between
// tries, and the task list read again over HTTP on every (re)connect, since missed events are not replayed.
function liveOpen() {
  return session.socket !== null && session.socket.readyState === WebSocket.OPEN;
}

function liveStatus(text, open) {
  $("live").textContent = text;
  $("live").className = "live " + (open ? "on" : "off");
}

async function connectLive(generation, attempt = 0) {
  if (!session.live || generation !== session.generation) return;
  let socket;
  try {
    const { data } = await call("POST", "/v1/realtime/tickets");
    if (generation !== session.generation) return;
    socket = new WebSocket(session.live + "?ticket=" + encodeURIComponent(data.ticket));
  } catch (error) {
    retryLive(generation, attempt);
    return;
  }
  session.socket = socket;
  let ping;
  socket.addEventListener("open", () => {
    if (generation !== session.generation) return;
    attempt = 0;
    $("live").dataset.connects = Number($("live").dataset.connects) + 1;
    liveStatus("live", true);
    ping = setInterval(() => socket.send(JSON.stringify({ action: "ping" })), 5 * 60 * 1000);
    refreshTasks().catch((error) => show("Could not read the tasks: " + error.message));
  });
  socket.addEventListener("message", (message) => {
    if (generation !== session.generation) return;
    let event;
    try {
      event = JSON.parse(message.data);
    } catch (unreadable) {
      return;
    }
    onLiveEvent(event);
  });
  socket.addEventListener("close", () => {
    clearInterval(ping);
    if (session.socket === socket) session.socket = null;
    retryLive(generation, attempt);
  });
}

function retryLive(generation, attempt) {
  if (generation !== session.generation) return;
  liveStatus("reconnecting…", false);
  const delay = Math.min(30000, 1000 * 2 ** attempt) * (0.5 + Math.random() / 2);
  setTimeout(() => connectLive(generation, attempt + 1), delay);
}

function disconnectLive() {
  session.generation++;
  if (session.socket) session.socket.close(1000);
  session.socket = null;
  $("live").dataset.connects = 0;
  liveStatus("offline", false);
}

function onLiveEvent(event) {
  switch (event.type) {
    case "task.changed": putTask(event.task); break;
    case "reply.delta": onDelta(event); break;
    case "reply.tool": onTool(event); break;
    case "reply.completed":
    case "reply.failed": finishReply(event.reply); break;
    case "reminder": remind(event.task); break;
    default: break; // pong, and types this page does not know
  }
}

async function start() {
  const config = await (await fetch("config.json")).json();
  session.api = config.api;
  session.live = config.live || null;
  setInterval(() => { if (session.token && !$("tasks").querySelector("li.editing")) renderTasks(); }, 30000);
  $("new-task").addEventListener("submit", (event) => {
    event.preventDefault();
    show("");
    addTask(event.target).catch((error) => show("Could not add the task: " + error.message));
  });
  $("use-browser-zone").addEventListener("click", () =>
    useBrowserZone().catch((error) => show("Could not set the time zone: " + error.message)));
  $("allow-notifications").addEventListener("click", () => Notification.requestPermission().then(() => {
    $("allow-notifications").hidden = Notification.permission !== "default";
  }));
  $("sign-in").addEventListener("submit", (event) => {
    event.preventDefault();
    show("");
    signIn($("user-id").value.trim()).catch((error) => show("Sign-in failed: " + error.message));
  });
  $("sign-out").addEventListener("click", signOut);
  $("new-key-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const name = $("key-name").value.trim();
    if (!name) return;
    show("");
    createKey(name).then(() => { $("key-name").value = ""; }, (error) => show("Could not create the key: " + error.message));
  });
  $("copy-key").addEventListener("click", copyNewKey);
  $("dismiss-key").addEventListener("click", hideNewKey);
  $("chat").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = $("message").value.trim();
    if (!text) return;
    $("message").value = "";
    send(text);
  });
}

start().catch((error) => show("The page could not start: " + error.message));
