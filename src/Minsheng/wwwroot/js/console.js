// Phone intake (/console): keyboard flow for operators, villages following the township, adopting hints.
(() => {
  const form = document.getElementById("intake");
  // After an error the first field to fix gets the focus instead of the phone number.
  form.querySelector("[aria-invalid=true]")?.focus();
  // Ctrl+Enter registers from anywhere; Enter in a one-line field moves on instead of sending a half-filled form;
  // a digit on the type radios picks that type.
  form.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.requestSubmit(document.getElementById("register"));
      return;
    }
    const t = e.target;
    if (e.key === "Enter" && t.tagName === "INPUT" && t.type !== "submit") {
      e.preventDefault();
      const fields = [...form.querySelectorAll("input:not([type=hidden]), select, textarea, button")].filter((x) => !x.disabled && x.offsetParent !== null);
      const radios = (x) => x.type === "radio";
      let i = fields.indexOf(t) + 1;
      while (i < fields.length && radios(fields[i]) && radios(t) && fields[i].name === t.name) i++;
      if (i < fields.length) fields[i].focus();
      return;
    }
    if (t.name === "type" && /^[1-7]$/.test(e.key)) {
      e.preventDefault();
      const radio = form.querySelector(`input[name=type][data-key="${e.key}"]`);
      radio.checked = true;
      radio.focus();
    }
  });
  // Villages follow the township; choosing a village sets its township.
  const town = document.getElementById("townshipId"), village = document.getElementById("villageId");
  const filter = () => {
    village.querySelectorAll("optgroup").forEach((g) => { g.hidden = !!town.value && g.dataset.town !== town.value; });
    const chosen = village.selectedOptions[0];
    if (chosen && chosen.parentElement.hidden) village.value = "";
  };
  town.addEventListener("change", filter);
  village.addEventListener("change", () => {
    const g = village.selectedOptions[0] && village.selectedOptions[0].parentElement;
    if (g && g.dataset.town && town.value !== g.dataset.town) { town.value = g.dataset.town; filter(); }
  });
  filter();
  // "采用" in the hints fills the form with a suggestion.
  document.addEventListener("click", (e) => {
    const b = e.target.closest("[data-fill]");
    if (!b) return;
    const field = b.dataset.fill, value = b.dataset.value;
    if (field === "type") { const r = form.querySelector(`input[name=type][value="${value}"]`); if (r) r.checked = true; }
    else { const el = form.elements[field]; if (el) el.value = value; }
    b.textContent = "已采用";
  });
})();
