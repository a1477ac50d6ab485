// monaco-yaml's language worker, bundled through Vite's `?worker` (monaco-yaml README, Vite section).
import 'monaco-yaml/yaml.worker.js';
