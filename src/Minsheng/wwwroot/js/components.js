// Alpine components too long for an x-… attribute. Pages use Alpine's CSP build, which evaluates only simple
// expressions itself (no arrow functions, spread or template strings) so that the Content-Security-Policy
// needs no 'unsafe-eval'; anything more lives here. Loaded before Alpine, which fires alpine:init on start.
document.addEventListener("alpine:init", () => {
  // /visits: a household added with 添加一户 numbers itself after the rows the server rendered and takes the focus.
  Alpine.data("household", () => ({
    i: 0,
    init() {
      this.i = Number(this.$el.dataset.first) + this.k - 1;
      this.$nextTick(() => this.$el.querySelector("input").focus());
    },
  }));

  // /directory: rows whose name or phone contain what is typed stay visible; sections with none left hide.
  Alpine.data("directory", () => ({
    q: "",
    init() {
      this.q = this.$el.dataset.q || "";
    },
    shows(el) {
      const q = this.q.trim();
      return !q || el.dataset.search.includes(q);
    },
    anyShown(section) {
      return [...section.querySelectorAll("[data-search]")].some((row) => this.shows(row));
    },
  }));

  // /submit: too many or too large photos are reported when chosen, before the upload is sent.
  Alpine.data("photoCheck", () => ({
    problem: "",
    check(event) {
      const input = event.target;
      const maxCount = Number(input.dataset.maxCount), maxBytes = Number(input.dataset.maxBytes);
      if (input.files.length > maxCount) this.problem = `最多上传 ${maxCount} 张照片。`;
      else if ([...input.files].some((f) => f.size > maxBytes)) this.problem = `每张照片不能超过 ${Math.round(maxBytes / 1048576)} MB，请压缩后再选择。`;
      else this.problem = "";
    },
  }));
});
