// glpi-keycheck: read a query as an admin means it before Material's search worker parses it
// with lunr's query syntax (prepended to the worker by scripts/hooks/search_worker_queries.py).
// - A command's option, "--force" or "--no-interaction", is lunr's "must not contain" sign
//   twice: lunr refused the whole query and the search box showed nothing. Keep the word.
// - "marketplace:download" is lunr's field syntax: Material dropped the part before the colon
//   (not a field of the index), so "glpi:marketplace:download" searched "download" alone. Keep
//   every word; a real field ("title:", "text:", "tags:", "description:") still works.
(() => {
  const FIELDS = new Set(["title", "text", "tags", "description"])
  const plainQuery = query => query
    .replace(/(^|\s)[-+]{2,}(?=[^\s\-+])/g, "$1")
    .replace(/([^\s:"]+):(?=[^\s:])/g, (match, field) => FIELDS.has(field) ? match : `${field} `)
  const listen = self.addEventListener.bind(self)
  self.addEventListener = (type, listener, ...options) => listen(type, type !== "message"
    ? listener
    : event => listener(event.data && event.data.type === 2 && typeof event.data.data === "string"
      ? { data: { ...event.data, data: plainQuery(event.data.data) } }
      : event), ...options)
})();
