// glpi-keycheck: read a command's options as words before Material's search worker parses the
// query with lunr's syntax (prepended to the worker by scripts/hooks/search_worker_queries.py).
// "--force" or "--no-interaction" is lunr's "must not contain" sign twice: lunr refused the
// whole query and the search box showed nothing for any pasted command with an option. A
// single "-word" keeps its meaning (leave out pages with that word).
(() => {
  const plainQuery = query => query.replace(/(^|\s)[-+]{2,}(?=[^\s\-+])/g, "$1")
  const listen = self.addEventListener.bind(self)
  self.addEventListener = (type, listener, ...options) => listen(type, type !== "message"
    ? listener
    : event => listener(event.data && event.data.type === 2 && typeof event.data.data === "string"
      ? { data: { ...event.data, data: plainQuery(event.data.data) } }
      : event), ...options)
})();
