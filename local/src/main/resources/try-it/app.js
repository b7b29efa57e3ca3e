// The try-it page: signs in as a local user, lists the user's tasks, chats with the assistant
// through the compatibility route, and makes, lists and revokes the user's API keys, all across
// origins (the API is on another port).
"use strict";

const TOOLS_THAT_CHANGE_TASKS = new Set(["add_task", "complete_task", "delete_task", "update_task"]);
const $ = (id) => document.getElementById(id);
const session = { api: null, token: null, user: null, conversationId: null };

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
  Object.assign(session, { token: data.access_token, user: data.user_id, conversationId: null });
  $("who").textContent = data.user_id;
  $("sign-in").hidden = true;
  $("signed-in").hidden = false;
  $("message").disabled = $("send").disabled = false;
  $("key-name").disabled = $("create-key").disabled = false;
  $("messages").replaceChildren();
  $("message").focus();
  await Promise.all([refreshTasks(), refreshKeys()]);
}

function signOut() {
  Object.assign(session, { token: null, user: null, conversationId: null });
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

async function refreshTasks() {
  const { data } = await call("GET", "/v1/tasks?limit=100");
  $("tasks").replaceChildren(...data.items.map((task) => {
    const item = document.createElement("li");
    item.className = task.completed ? "completed" : "";
    item.dataset.taskId = task.id;
    const id = document.createElement("span");
    id.className = "id";
    id.textContent = "#" + task.id;
    const title = document.createElement("span");
    title.className = "title";
    title.textContent = task.title;
    item.append(id, title);
    return item;
  }));
  $("no-tasks").hidden = data.items.length > 0;
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

// The route waits up to 25 s for the reply; if it is still pending, the reply is read from the conversation.
async function awaitReply(conversationId, replyId) {
  for (let attempt = 0; attempt < 60; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const { data } = await call("GET", `/v1/conversations/${conversationId}/messages?limit=100`);
    const reply = data.items.find((message) => message.id === replyId);
    if (reply && reply.status !== "pending") {
      return { content: reply.content, toolCalls: reply.tool_calls, status: reply.status };
    }
  }
  throw new Error("The reply did not arrive in a minute");
}

async function send(text) {
  bubble("user", text);
  const pending = bubble("assistant pending", "Thinking…");
  try {
    const { status, data } = await call("POST", `/api/${encodeURIComponent(session.user)}/chat`,
      { conversation_id: session.conversationId, message: text });
    session.conversationId = data.conversation_id;
    const answer = status === 200
      ? { content: data.response, toolCalls: data.tool_calls, status: data.status }
      : await awaitReply(data.conversation_id, data.reply.id);
    settle(pending, answer);
    if (answer.toolCalls.some((toolCall) => TOOLS_THAT_CHANGE_TASKS.has(toolCall.tool))) {
      await refreshTasks();
    }
  } catch (error) {
    settle(pending, { content: "Could not reach the assistant: " + error.message, toolCalls: [], status: "failed" });
  }
}

async function start() {
  session.api = (await (await fetch("config.json")).json()).api;
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
