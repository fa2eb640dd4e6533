// Title suggestions for search boxes with data-suggest (the page works without it).
document.querySelectorAll("input[data-suggest]").forEach((input) => {
  const list = document.getElementById(input.getAttribute("list"));
  let timer;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 2 || !list) return;
    timer = setTimeout(async () => {
      const response = await fetch(`${input.dataset.suggest}?q=${encodeURIComponent(text)}`);
      if (!response.ok) return;
      const { suggestions } = await response.json();
      list.replaceChildren(...suggestions.map((title) => new Option(title)));
    }, 200);
  });
});
