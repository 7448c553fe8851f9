// On paper a link is only as good as its address: just before printing, give each link in the
// page's text its full address, which the print style sheet writes after it.
window.addEventListener("beforeprint", () => {
  for (const link of document.querySelectorAll(".md-content a[href]:not(.headerlink)")) {
    const target = new URL(link.href, document.baseURI);
    const samePage = target.origin === location.origin && target.pathname === location.pathname;
    if (samePage || !/^https?:$/.test(target.protocol)) link.removeAttribute("data-print-href");
    else link.setAttribute("data-print-href", target.href);
  }
});
