// Accessible tab switching for settings pages.

export function initTabs(container) {
  const tabs = Array.from(container.querySelectorAll('[role="tab"]'));
  const panels = tabs.map((tab) => document.getElementById(tab.getAttribute("aria-controls")));

  function select(index) {
    tabs.forEach((tab, i) => {
      const active = i === index;
      tab.setAttribute("aria-selected", String(active));
      tab.tabIndex = active ? 0 : -1;
      panels[i].hidden = !active;
    });
    tabs[index].focus();
  }

  tabs.forEach((tab, index) => {
    tab.addEventListener("click", () => select(index));
    tab.addEventListener("keydown", (event) => {
      if (event.key === "ArrowRight") {
        select((index + 1) % tabs.length);
      } else if (event.key === "ArrowLeft") {
        select((index - 1 + tabs.length) % tabs.length);
      } else if (event.key === "Home") {
        select(0);
      } else if (event.key === "End") {
        select(tabs.length - 1);
      }
    });
  });

  select(Math.max(0, tabs.findIndex((tab) => tab.getAttribute("aria-selected") === "true")));
}
