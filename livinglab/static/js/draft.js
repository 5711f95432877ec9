// The draft page: make selected words of the source text an item, cut an item's text
// where the cursor is, and ask before deleting. The page works without it (the words
// can be pasted; an item is cut at the line nearest its middle).
(function () {
  "use strict";

  // Offsets are counted in code points, as the server counts characters.
  function length(text) {
    return Array.from(text).length;
  }

  function offsetIn(root, node, offset) {
    const range = document.createRange();
    range.selectNodeContents(root);
    range.setEnd(node, offset);
    return length(range.toString());
  }

  function passageTool() {
    const source = document.querySelector(".source-text[data-selectable]");
    const tool = document.getElementById("passage-tool");
    if (!source || !tool) return;
    const start = document.getElementById("passage-start");
    const end = document.getElementById("passage-end");
    const text = document.getElementById("passage-text");
    const button = document.getElementById("passage-button");
    const paste = document.getElementById("passage-paste");
    tool.classList.add("passage-tool-live");
    button.disabled = !text.value.trim();
    text.addEventListener("input", function () {
      start.value = end.value = "";
      button.disabled = !text.value.trim();
    });
    document.addEventListener("selectionchange", function () {
      const selection = document.getSelection();
      if (!selection.rangeCount || selection.isCollapsed) return;
      const range = selection.getRangeAt(0);
      if (!source.contains(range.startContainer) || !source.contains(range.endContainer)) return;
      const words = range.toString();
      if (!words.trim()) return;
      start.value = offsetIn(source, range.startContainer, range.startOffset);
      end.value = offsetIn(source, range.endContainer, range.endOffset);
      text.value = words;
      paste.open = true;
      button.disabled = false;
      tool.classList.add("passage-tool-ready");
    });
  }

  function splitAtCursor() {
    document.addEventListener("click", function (event) {
      const button = event.target.closest("button[value^='split-item:']");
      if (!button) return;
      const hidden = button.parentElement.querySelector(".split-at");
      const area = hidden && document.getElementById(hidden.dataset.text);
      if (area && area.selectionStart > 0 && area.selectionStart < area.value.length) {
        hidden.value = length(area.value.slice(0, area.selectionStart));
      }
    });
  }

  function askFirst() {
    document.addEventListener("click", function (event) {
      const button = event.target.closest("[data-confirm]");
      if (button && !window.confirm(button.dataset.confirm)) event.preventDefault();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    passageTool();
    splitAtCursor();
    askFirst();
  });
})();
