// Renders LaTeX in titles, abstracts and snippets (elements with class "math") with KaTeX, which
// Paperboy serves itself. Text outside $...$ gets \emph{}, \textit{} and \textbf{} as emphasis,
// and a bare command such as \mu is rendered as math. A formula KaTeX cannot parse keeps its
// source (throwOnError: false), so a page never breaks over one.
(() => {
  const STYLE = { emph: 'em', textit: 'em', textbf: 'strong', texttt: 'code' };
  const TEXT_COMMAND = /\\(emph|textit|textbf|texttt)\{([^{}$]*)\}/g;
  const BARE_COMMAND = /\\([A-Za-z]+)(?![A-Za-z{])/g;
  const MATH_SPLIT = /(\$\$[^$]+\$\$|\$[^$]+\$|\\\(.+?\\\))/;

  function styleTextCommands(node) {
    const text = node.nodeValue;
    if (!TEXT_COMMAND.test(text)) return;
    TEXT_COMMAND.lastIndex = 0;
    const parts = document.createDocumentFragment();
    let last = 0;
    for (const m of text.matchAll(TEXT_COMMAND)) {
      parts.append(text.slice(last, m.index));
      const el = document.createElement(STYLE[m[1]]);
      el.textContent = m[2];
      parts.append(el);
      last = m.index + m[0].length;
    }
    parts.append(text.slice(last));
    node.replaceWith(parts);
  }

  function wrapBareCommands(node) {
    const pieces = node.nodeValue.split(MATH_SPLIT);
    let changed = false;
    const out = pieces.map((piece, i) => {
      if (i % 2 === 1) return piece; // already math
      return piece.replace(BARE_COMMAND, (all, name) => {
        if (STYLE[name]) return all;
        changed = true;
        return '$\\' + name + '$';
      });
    });
    if (changed) node.nodeValue = out.join('');
  }

  function textNodes(root) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    return nodes;
  }

  function render(root) {
    if (!root.textContent.includes('\\') && !root.textContent.includes('$')) return;
    textNodes(root).forEach(wrapBareCommands);
    textNodes(root).forEach(styleTextCommands);
    if (typeof window.renderMathInElement !== 'function') return;
    window.renderMathInElement(root, {
      delimiters: [
        { left: '$$', right: '$$', display: false },
        { left: '$', right: '$', display: false },
        { left: '\\(', right: '\\)', display: false },
      ],
      throwOnError: false,
      ignoredClasses: ['no-math'],
    });
  }

  function renderAll(scope) {
    scope.querySelectorAll('.math').forEach(render);
  }

  document.addEventListener('DOMContentLoaded', () => renderAll(document));
  // cards added in place by "More papers"
  new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach((n) => {
    if (n.nodeType === 1) (n.matches('.math') ? render(n) : renderAll(n));
  }))).observe(document.documentElement, { childList: true, subtree: true });
})();
