// Shared page behaviour. htmx requests carry the antiforgery token the layout puts in <meta name="csrf-token">.
document.addEventListener("htmx:configRequest", (e) => {
  const meta = document.querySelector('meta[name="csrf-token"]');
  if (meta) e.detail.headers[meta.dataset.header] = meta.content;
});

// Forms with data-confirm ask once before an irreversible step.
document.addEventListener("submit", (e) => {
  const message = e.target.dataset && e.target.dataset.confirm;
  if (message && !window.confirm(message)) e.preventDefault();
});

// A form marked data-once disables its submit buttons after the first submit, so a double click files once.
document.addEventListener("submit", (e) => {
  if (e.defaultPrevented || !e.target.hasAttribute("data-once")) return;
  setTimeout(() => e.target.querySelectorAll("button[type=submit]").forEach((b) => (b.disabled = true)), 0);
});

// After an error, a form marked data-focus-invalid puts the focus on the first field to fix (on a phone this
// also scrolls it into view).
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-focus-invalid]").forEach((f) => f.querySelector("[aria-invalid=true]")?.focus());
});

// Widths the server computes (bar charts in tables) come as data-width in px: style="" attributes are
// refused by the Content-Security-Policy, setting the style from a script is not.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-width]").forEach((el) => (el.style.width = `${Number(el.dataset.width) || 0}px`));
});
