import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './ui/styles/theme.css';
import './ui/styles/shell.css';
import { App } from './ui/app/App';
import { bootLab } from './ui/boot';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

const { store, controller } = bootLab();
createRoot(container).render(
  <StrictMode>
    <App store={store} controller={controller} />
  </StrictMode>,
);
controller.start();
