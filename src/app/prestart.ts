/**
 * Imported first by main.tsx: creates the simulation worker before the rest
 * of the page's script runs, so its download and start-up overlap the page's.
 * (Not in the renderer's bench mode, which has no worker.)
 */
import { prestartWorker } from '../store/workerClient';

if (new URLSearchParams(location.search).get('bench') !== 'render') prestartWorker();
