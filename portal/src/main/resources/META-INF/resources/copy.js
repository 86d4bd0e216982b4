// Copy buttons on landing pages: <button data-copy="ID"> copies the text of the element with that id.
document.addEventListener('click', event => {
  const button = event.target.closest('button[data-copy]');
  if (!button) return;
  const source = document.getElementById(button.dataset.copy);
  navigator.clipboard.writeText(source.textContent.trim()).then(
    () => { button.textContent = 'Copied'; },
    () => { button.textContent = 'Select and copy'; });
});
