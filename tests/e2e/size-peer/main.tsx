// The size peer: the smallest Preact page, built with the app's own build settings, so the
// app's initial JavaScript can be read against what Preact alone costs.
import { render } from 'preact';

const root = document.getElementById('app');
if (root) render(<h1>Hello</h1>, root);
