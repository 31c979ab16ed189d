export default defineBackground(() => {
  // Wired in issue #3.
});
