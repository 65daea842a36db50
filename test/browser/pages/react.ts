// React for tests in the modules page (blank.html): the page cannot import bare package names.
export { createElement } from 'react';
export { createRoot } from 'react-dom/client';
export { flushSync } from 'react-dom';
